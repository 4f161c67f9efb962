"""Per-Doc lists of token texts, built once and shared by the extractors.

Every `for token in doc` makes a Python object per token, and every `doc.ents` new Spans; a
pass that only needs the words or the entities reads these instead. They are kept in
`doc.user_data` under "news_" keys while the pipeline runs, and `release` drops them at its end.
"""

from __future__ import annotations

from typing import Callable, TypeVar

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
    """Every per-token list, read in one pass over the Doc (each Token object made once)."""

    __slots__ = ("texts", "starts", "puncts", "spaces", "trailing", "pos", "heads")

    def __init__(self, doc: Doc):
        self.texts, self.starts, self.puncts, self.spaces = [], [], [], []
        self.trailing, self.pos, self.heads = [], [], []
        for t in doc:
            self.texts.append(t.text)
            self.starts.append(t.idx)
            self.puncts.append(t.is_punct)
            self.spaces.append(t.is_space)
            self.trailing.append(t.whitespace_)
            self.pos.append(t.pos_)
            self.heads.append(t.head.i)


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
