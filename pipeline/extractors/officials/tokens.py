"""Token tests shared by the name and office readers of the officials extractor."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ...normalize import names
from ...normalize.geo import country_code
from ...resources import load_json


def _is_capitalized(token: Token) -> bool:
    return token.text[:1].isupper()


def _is_initial(token: Token) -> bool:
    text = token.text
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def _is_place(span_text: str, region_names: frozenset[str]) -> bool:
    return country_code(span_text) is not None or names.fold(span_text) in region_names


@lru_cache(maxsize=1)
def organisation_words() -> frozenset[str]:
    """Words that end the names of organisations ("Bank", "Railways"), from models/."""
    return frozenset(load_json("place_context.json")["organisation_words"])
