"""Person names: folding, surname keys and fuzzy matching of name forms (pure, no spaCy)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

PARTICLES = frozenset({"al", "el", "von", "van", "der", "de", "da", "del", "bin", "ibn", "la", "le", "du"})
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# a misspelled surname may differ by this share of its letters ("Behmanjoo" / "Behnamjoo": 2 of 9)
MAX_EDIT_SHARE = 0.25
MIN_FUZZY_LENGTH = 5


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-folded text: 'Rinkēvičs' -> 'rinkevics'."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_words(name: str) -> list[str]:
    """The folded words of a name without generational suffixes and commas."""
    return list(_name_words(name))


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    words = [w.strip(",") for w in fold(name).replace("-", " ").split()]
    return tuple(w for w in words if w and w not in SUFFIXES)


def surname(name: str) -> str:
    """The folded last word of a name ('Robert O. Blake, Jr.' -> 'blake')."""
    words = _name_words(name)
    return words[-1] if words else ""


def similar_surnames(a: str, b: str) -> bool:
    """Same surname, or a close misspelling of it (same first letter, few edits)."""
    if a == b:
        return True
    if not a or not b or a[0] != b[0] or min(len(a), len(b)) < MIN_FUZZY_LENGTH:
        return False
    limit = int(MAX_EDIT_SHARE * max(len(a), len(b)))
    return Levenshtein.distance(a, b, score_cutoff=limit) <= limit


def compatible_given_names(a: str, b: str) -> bool:
    """Given names that can belong to one person: 'Robert O.' ~ 'Robert', 'R.' ~ 'Robert', '' ~ any."""
    # "Al Mashat" has no given name: a leading particle belongs to the surname
    first_a = [w for w in name_words(a)[:-1] if w not in PARTICLES]
    first_b = [w for w in name_words(b)[:-1] if w not in PARTICLES]
    if not first_a or not first_b:
        return True
    x, y = first_a[0].rstrip("."), first_b[0].rstrip(".")
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return x == y or x.startswith(y) or y.startswith(x)


def same_person(a: str, b: str) -> bool:
    """Whether two name forms in one article can name the same person."""
    return similar_surnames(surname(a), surname(b)) and compatible_given_names(a, b)
