"""Place phrases after a project's head: the site or the route that singles out a described
work ("plant at Rod El Farag", "line in southern Vietnam’s Bac Lieu province", "from A to B")."""

from __future__ import annotations

from spacy.tokens import Doc

from ...normalize.gazetteer import lookup
from ...normalize.geo import country_code
from .words import DASHES, POSSESSIVE, is_name_token

_COMPASS = frozenset({
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western",
})
_ADMIN_WORDS = frozenset({"province", "region", "district", "county", "oblast", "state", "governorate", "prefecture"})
_SPANNING = frozenset({"over", "across"})
_FEATURE_WORDS = frozenset({"River", "Sea", "Lake", "Canal", "Gulf", "Bay", "Strait", "Coast", "Delta", "Valley"})


# lower-case words inside a place name ("Dar es Salaam", "Rio de Janeiro", "Ras al Khaimah")
_INNER = frozenset({"es", "de", "del", "da", "do", "dos", "di", "du", "la", "el", "al", "ul"})


def _names_end(doc: Doc, k: int, limit: int, *, dashes: bool = True) -> int:
    """End of a run of name words from k ("Baku–Tbilisi" with `dashes`); k when none."""
    m = k
    while m < limit:
        if is_name_token(doc[m]):
            m += 1
        elif m > k and m + 1 < limit and is_name_token(doc[m + 1]) and (
                (dashes and doc[m].text in DASHES) or doc[m].text in _INNER):
            m += 1
        else:
            break
    return m


def _place_phrase(doc: Doc, i: int, limit: int) -> int:
    """End of a run of place names from i ("Datka in Kyrgyzstan and Khujand in Tajikistan"); i when none."""

    def place(k: int) -> int:
        # "southern Vietnam’s Bac Lieu province", "the Magdalena River": a compass word before,
        # a possessive country inside, an administrative word or a named feature's article
        start = k
        if k < limit and doc[k].lower_ == "the":
            m = _names_end(doc, k + 1, limit)
            # "over the Zambezi": what a work spans is a feature, named or not
            feature = doc[m - 1].text in _FEATURE_WORDS or (k > 0 and doc[k - 1].lower_ in _SPANNING)
            return m if m > k + 1 and feature else k
        if k < limit and doc[k].lower_ in _COMPASS:
            k += 1
        m = _names_end(doc, k, limit)
        if m == k:
            return start
        while m + 1 < limit and doc[m].text in POSSESSIVE and _names_end(doc, m + 1, limit) > m + 1:
            m = _names_end(doc, m + 1, limit)
        if m < limit and doc[m].lower_ in _ADMIN_WORDS:
            m += 1
        return m

    end = place(i)
    if end == i:
        return i
    while end + 1 < limit and doc[end].lower_ in ("in", "and", "to"):
        nxt = place(end + 1)
        if nxt == end + 1:
            break
        end = nxt
    return end


def _route_follows(doc: Doc, end: int, limit: int) -> bool:
    """Whether both ends of a route follow ("from Blantyre to Lilongwe", "between A and B"):
    endpoints single out a work even when its head alone ("line", "link") could be anything."""
    joins = {"from": "to", "between": "and"}
    if end >= limit or doc[end].lower_ not in joins:
        return False
    first = _names_end(doc, end + 1, limit, dashes=False)
    return first > end + 1 and first + 1 < limit and doc[first].lower_ == joins[doc[end].lower_] \
        and _names_end(doc, first + 1, limit, dashes=False) > first + 1


def places_joined_before(doc: Doc, end: int, floor: int) -> bool:
    """ "the Kaunas-Vilnius line": places joined by dashes right before a weak head name its
    ends, as a route after it would."""
    pieces, i = 0, end - 1
    while i >= floor and is_name_token(doc[i]):
        if not (lookup(doc[i].text) or country_code(doc[i].text)):
            return False
        pieces += 1
        if i - 1 >= floor and doc[i - 1].text in DASHES:
            i -= 2
        else:
            break
    return pieces >= 2
