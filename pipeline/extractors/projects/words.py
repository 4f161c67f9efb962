"""Token classes of the project grammar: acronyms, modifiers and the words of proper names."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .lexicon import grammar

DASHES = frozenset({"-", "–", "—", "‑"})
POSSESSIVE = frozenset({"'s", "’s"})
ACRONYM = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Z0-9][A-Za-z0-9]*(?:-[A-Z0-9]+)*$")
LABEL = re.compile(r"^(?:[0-9]{1,2}[a-z]?|[IVX]{1,4})$")


def is_acronym(tok: Token) -> bool:
    """An all-capitals token of two letters or more ("TAPI", "CASA-1000", "HVDC")."""
    return bool(ACRONYM.match(tok.text)) and tok.text.lower() not in grammar().units


def is_modifier(tok: Token) -> bool:
    """A word that may stand between a name and its head ("hydro", "electrical", "gas")."""
    return tok.lower_ in grammar().modifiers


def is_name_token(tok: Token) -> bool:
    """A capitalized word, acronym or label that may belong to a proper name."""
    text = tok.text
    if not text or not (text[0].isupper() or (text[0].isdigit() and any(c.isupper() for c in text))):
        return False
    if tok.lower_ in grammar().non_name_words or tok.lower_ in grammar().units:
        return False
    if tok.is_sent_start and tok.tag_ not in ("NNP", "NNPS") and not is_acronym(tok):
        return False  # "Construction", "Railway" opening a sentence are common words
    return tok.is_alpha or "-" in text or any(c.isdigit() for c in text) or "." in text


def hyphen_modifier(doc: Doc, last: int, floor: int) -> bool:
    """Whether tokens last-2..last are one hyphenated modifier written without spaces ("gas-fired")."""
    if last - 2 < floor or doc[last - 1].text != "-" or doc[last - 2].whitespace_ or doc[last - 1].whitespace_:
        return False
    return doc[last].text.islower() and f"{doc[last - 2].lower_}-{doc[last].lower_}" in grammar().modifiers
