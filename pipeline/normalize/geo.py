"""Country names and demonyms to ISO 3166-1 alpha-2 codes (pure; pycountry plus lexicons).

The owner of this module is the regions work; other extractors only call the functions below,
whose signatures stay fixed:

- `country_code(text)`: "Azerbaijan", "Azerbaijani", "Iran's", "U.S.", "Kyrgyz Republic" -> code.
- `country_name(code)`: "AZ" -> "Azerbaijan" (the common English name the guide asks for).
- `is_demonym(text)`: True for "Iranian", "Azerbaijani", "American", ...

The lexicons live in models/: country_names.csv (common English names), country_aliases.csv
(other names: "U.S.", "Russian Federation") and demonyms.csv.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pycountry

from ..resources import load_csv

_DASHES = re.compile(r"\s*[-‐‑‒–—―]\s*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "ʿ": "", "ʾ": ""})
_POSSESSIVE = re.compile(r"['’]s?$")
_LETTERS = str.maketrans({"ı": "i", "ə": "a", "Ə": "a", "ł": "l", "ø": "o", "đ": "d"})


@lru_cache(maxsize=262144)
def fold_name(text: str) -> str:
    """Case- and accent-folded form of a name, with dashes and spaces normalised."""
    if text.isascii():
        # the common case: NFKD, accents and the letters below leave ASCII as it is
        text = text.replace("`", "'")
    else:
        text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        # letters that NFKD does not decompose
        text = text.translate(_LETTERS)
    text = _DASHES.sub("-", text.casefold())
    return " ".join(text.split())


def _strip_possessive(text: str) -> str:
    text = text.strip()
    if text.endswith(("'s", "’s")):
        return text[:-2]
    if text.endswith(("s'", "s’")):
        return text[:-1]
    return text


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {row["code"]: row["name"] for row in load_csv("country_names.csv")}


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, str]:
    """Folded country name or alias -> alpha-2 code (pycountry names and the alias lexicon)."""
    table: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                table[fold_name(value)] = country.alpha_2
    for code, name in _country_names().items():
        table[fold_name(name)] = code
    for row in load_csv("country_aliases.csv"):
        table[fold_name(row["alias"])] = row["code"]
    # "the Gambia", "the Philippines": the article is optional
    for key, code in list(table.items()):
        if key.startswith("the "):
            table.setdefault(key[4:], code)
    return table


@lru_cache(maxsize=1)
def case_sensitive_aliases() -> frozenset[str]:
    """Folded aliases written in capitals ("US", "UAE") that only count when capitalised."""
    return frozenset(
        fold_name(row["alias"]) for row in load_csv("country_aliases.csv") if row["alias"].isupper()
    )


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    table = {fold_name(row["demonym"]): row["code"] for row in load_csv("demonyms.csv")}
    # plural nationality nouns ("Iranians", "Azerbaijanis")
    for key, code in list(table.items()):
        if not key.endswith(("s", "sh", "ch", "ese")):
            table.setdefault(key + "s", code)
    return table


@lru_cache(maxsize=65536)
def country_code(text: str) -> str | None:
    """ISO alpha-2 code for a country name, alias or demonym, else None."""
    key = fold_name(_strip_possessive(text))
    return country_aliases().get(key) or _demonyms().get(key)


@lru_cache(maxsize=65536)
def is_demonym(text: str) -> bool:
    """True when `text` is a nationality adjective ("Iranian"), not a place name."""
    key = fold_name(_strip_possessive(text))
    return key in _demonyms() and key not in country_aliases()


@lru_cache(maxsize=1024)
def country_name(code: str) -> str | None:
    """The common English name of a country code (current or historic)."""
    if code in _country_names():
        return _country_names()[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        country = pycountry.historic_countries.get(alpha_2=code)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name
