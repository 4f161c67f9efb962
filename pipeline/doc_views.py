"""Per-Doc lists of token texts, built once and shared by the extractors.

Every `for token in doc` makes a Python object per token; a pass that only needs the words
reads these lists instead (kept in `doc.user_data`, so they live and die with the Doc).
"""

from __future__ import annotations

from spacy.tokens import Doc


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
