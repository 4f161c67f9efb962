"""Per-Doc lists of token texts, built once and shared by the extractors.

Every `for token in doc` makes a Python object per token, and every `doc.ents` new Spans; a
pass that only needs the words or the entities reads these instead. They are kept in
`doc.user_data` under "news_" keys while the pipeline runs, and `release` drops them at its end.
"""

from __future__ import annotations

from spacy.tokens import Doc


def full_text(doc: Doc) -> str:
    """The Doc's text (`doc.text` joins every token again on each call)."""
    found = doc.user_data.get("news_text")
    if found is None:
        found = doc.user_data["news_text"] = doc.text
    return found


def texts(doc: Doc) -> list[str]:
    """The text of every token."""
    found = doc.user_data.get("news_texts")
    if found is None:
        found = doc.user_data["news_texts"] = [t.text for t in doc]
    return found


def lowers(doc: Doc) -> list[str]:
    """The lower-case text of every token."""
    found = doc.user_data.get("news_lowers")
    if found is None:
        found = doc.user_data["news_lowers"] = [t.lower() for t in texts(doc)]
    return found


def starts(doc: Doc) -> list[int]:
    """The character offset of every token."""
    found = doc.user_data.get("news_starts")
    if found is None:
        found = doc.user_data["news_starts"] = [t.idx for t in doc]
    return found


def puncts(doc: Doc) -> list[bool]:
    """Whether each token is punctuation."""
    found = doc.user_data.get("news_puncts")
    if found is None:
        found = doc.user_data["news_puncts"] = [t.is_punct for t in doc]
    return found


def spaces(doc: Doc) -> list[bool]:
    """Whether each token is whitespace."""
    found = doc.user_data.get("news_spaces")
    if found is None:
        found = doc.user_data["news_spaces"] = [t.is_space for t in doc]
    return found


def entities(doc: Doc) -> tuple:
    """The named entities (`doc.ents` builds new Span objects on every call)."""
    found = doc.user_data.get("news_ents")
    if found is None:
        found = doc.user_data["news_ents"] = tuple(doc.ents)
    return found


def release(doc: Doc) -> None:
    """Drop the shared views once the last component is done, so the Doc stays serializable."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("news_")]:
        del doc.user_data[key]
