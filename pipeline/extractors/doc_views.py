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


def texts(doc: Doc) -> list[str]:
    """The text of every token."""
    return _cached(doc, "news_texts", lambda: [t.text for t in doc])


def lowers(doc: Doc) -> list[str]:
    """The lower-case text of every token."""
    return _cached(doc, "news_lowers", lambda: [t.lower() for t in texts(doc)])


def starts(doc: Doc) -> list[int]:
    """The character offset of every token."""
    return _cached(doc, "news_starts", lambda: [t.idx for t in doc])


def puncts(doc: Doc) -> list[bool]:
    """Whether each token is punctuation."""
    return _cached(doc, "news_puncts", lambda: [t.is_punct for t in doc])


def spaces(doc: Doc) -> list[bool]:
    """Whether each token is whitespace."""
    return _cached(doc, "news_spaces", lambda: [t.is_space for t in doc])


def entities(doc: Doc) -> tuple:
    """The named entities (`doc.ents` builds new Span objects on every call)."""
    return _cached(doc, "news_ents", lambda: tuple(doc.ents))


def release(doc: Doc) -> None:
    """Drop the shared views once the last component is done, so the Doc stays serializable."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("news_")]:
        del doc.user_data[key]
