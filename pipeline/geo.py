"""Country names and demonyms to ISO 3166-1 alpha-2 codes (pure; pycountry plus a lexicon).

The owner of this module is the regions work; other extractors only call the functions below,
whose signatures stay fixed:

- `country_code(text)`: "Azerbaijan", "Azerbaijani", "Iran's", "U.S.", "Kyrgyz Republic" -> code.
- `country_name(code)`: "AZ" -> "Azerbaijan" (the common English name the guide asks for).
- `is_demonym(text)`: True for "Iranian", "Azerbaijani", "American", ...
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

# a minimal seed lexicon; the regions work moves this to models/ and extends it
_DEMONYMS = {
    "azerbaijani": "AZ", "iranian": "IR", "armenian": "AM", "american": "US", "russian": "RU",
    "georgian": "GE", "turkish": "TR", "pakistani": "PK", "afghan": "AF", "nepali": "NP",
    "tajik": "TJ", "uzbek": "UZ", "kazakh": "KZ", "kyrgyz": "KG", "turkmen": "TM",
    "iraqi": "IQ", "egyptian": "EG", "indian": "IN", "chinese": "CN", "angolan": "AO",
}
_ALIASES = {"u.s.": "US", "us": "US", "usa": "US", "america": "US", "united states": "US",
            "iran": "IR", "russia": "RU", "kyrgyz republic": "KG"}


def _strip_possessive(text: str) -> str:
    text = text.strip()
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


@lru_cache(maxsize=65536)
def country_code(text: str) -> str | None:
    """ISO alpha-2 code for a country name or demonym, else None."""
    key = _strip_possessive(text).casefold()
    if key in _ALIASES:
        return _ALIASES[key]
    if key in _DEMONYMS:
        return _DEMONYMS[key]
    try:
        return pycountry.countries.lookup(_strip_possessive(text)).alpha_2
    except LookupError:
        return None


def is_demonym(text: str) -> bool:
    """True when `text` is a nationality adjective ("Iranian"), not a place name."""
    return _strip_possessive(text).casefold() in _DEMONYMS


@lru_cache(maxsize=1024)
def country_name(code: str) -> str | None:
    """The common English name of a country code."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name
