"""Per-Doc lists of token texts, built once and shared by the extractors.

Every `for token in doc` makes a Python object per token, and every `doc.ents` new Spans; a
pass that only needs the words or the entities reads these instead. They are kept in
`doc.user_data` under "news_" keys while the pipeline runs, and `release` drops them at its end.
"""

from __future__ import annotations

from typing import Callable, TypeVar

import numpy
from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, IS_SPACE, LENGTH, POS, TAG
from spacy.parts_of_speech import NAMES
from spacy.tokens import Doc

T = TypeVar("T")


def _cached(doc: Doc, key: str, build: Callable[[], T]) -> T:
    """The view under `key`, built on first use."""
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = build()
    return found


def full_text(doc: Doc) -> str:
    """The Doc's text (`doc.text` joins every token again on each call)."""
    return _cached(doc, "news_text", lambda: doc.text)


class _Columns:
    """Every per-token list, read from one `Doc.to_array` (no Token object is made)."""

    __slots__ = ("texts", "starts", "puncts", "spaces", "trailing", "pos", "heads", "deps", "tags")

    def __init__(self, doc: Doc):
        table = doc.to_array(_COLUMNS).astype(numpy.int64).reshape(len(doc), len(_COLUMNS))
        starts, lengths, puncts, spaces, pos, heads, deps, tags = (c.tolist() for c in table.T)
        text = full_text(doc)
        self.starts = starts
        self.texts = [text[s : s + n] for s, n in zip(starts, lengths)]
        self.trailing = [text[s + n : e] for s, n, e in zip(starts, lengths, starts[1:] + [len(text)])]
        self.puncts = [bool(x) for x in puncts]
        self.spaces = [bool(x) for x in spaces]
        self.pos = [POS_NAMES[x] for x in pos]
        self.heads = [i + h for i, h in enumerate(heads)]  # HEAD is stored relative to the token
        strings = doc.vocab.strings
        self.deps = _names(deps, strings)
        self.tags = _names(tags, strings)


_COLUMNS = [IDX, LENGTH, IS_PUNCT, IS_SPACE, POS, HEAD, DEP, TAG]
POS_NAMES = {int(k): v for k, v in NAMES.items()}


def _names(hashes: list[int], strings) -> list[str]:
    """The strings of hashes (0, unset, is ""), each distinct one looked up once."""
    known = {0: ""}
    return [known.get(h) or known.setdefault(h, strings[h & 0xFFFFFFFFFFFFFFFF]) for h in hashes]


def _columns(doc: Doc) -> _Columns:
    return _cached(doc, "news_columns", lambda: _Columns(doc))


def texts(doc: Doc) -> list[str]:
    """The text of every token."""
    return _columns(doc).texts


def lowers(doc: Doc) -> list[str]:
    """The lower-case text of every token."""
    return _cached(doc, "news_lowers", lambda: [t.lower() for t in texts(doc)])


def starts(doc: Doc) -> list[int]:
    """The character offset of every token."""
    return _columns(doc).starts


def puncts(doc: Doc) -> list[bool]:
    """Whether each token is punctuation."""
    return _columns(doc).puncts


def spaces(doc: Doc) -> list[bool]:
    """Whether each token is whitespace."""
    return _columns(doc).spaces


def trailing_spaces(doc: Doc) -> list[str]:
    """The whitespace after every token."""
    return _columns(doc).trailing


def coarse_tags(doc: Doc) -> list[str]:
    """The coarse part of speech of every token."""
    return _columns(doc).pos


def dependencies(doc: Doc) -> list[str]:
    """The dependency label of every token ("" where the Doc is not parsed)."""
    return _columns(doc).deps


def fine_tags(doc: Doc) -> list[str]:
    """The fine-grained tag of every token."""
    return _columns(doc).tags


def head_indices(doc: Doc) -> list[int]:
    """The index of every token's syntactic head (its own index at a root)."""
    return _columns(doc).heads


def entity_at(doc: Doc) -> list:
    """The named entity each token belongs to, or None."""
    def build() -> list:
        found = [None] * len(doc)
        for ent in entities(doc):
            found[ent.start:ent.end] = [ent] * len(ent)
        return found

    return _cached(doc, "news_entity_at", build)


def entities(doc: Doc) -> tuple:
    """The named entities (`doc.ents` builds new Span objects on every call)."""
    return _cached(doc, "news_ents", lambda: tuple(doc.ents))


def release(doc: Doc) -> None:
    """Drop the shared views once the last component is done, so the Doc stays serializable."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("news_")]:
        del doc.user_data[key]
