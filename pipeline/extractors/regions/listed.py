"""Weak place names the text lists next to places already taken ("Nakuru and Eldoret", "D.I.
Khan and Tank"), and the test that a common-word town name is a piece of a longer name."""

from __future__ import annotations

from spacy.tokens import Doc

from ...normalize.roles import lexicon as office_words
from ..doc_views import entities
from .matches import _Match, _capitalised
from .unknown import common_words

_PLACE_LABELS = {"GPE", "LOC"}


def _conjoined_with_place(
    doc: Doc, match: _Match, matches: list[_Match], *, towns_only: bool = False
) -> bool:
    """ "D.I. Khan and Tank": a weak name listed with a strong one (with a town, for
    `towns_only`), where NER gives the weak name no other label."""
    kinds = ("city", "subdivision") if towns_only else ("country", "region", "city", "subdivision")
    for ent in entities(doc):
        if towns_only and ent.start <= match.start < ent.end and ent.label_ not in _PLACE_LABELS:
            return False
    for other in matches:
        strong = any(p.strong and p.type in kinds for p in other.candidates)
        if strong and other.end + 1 == match.start and doc[other.end].lower_ in ("and", ",", "or"):
            return True
        if strong and match.end + 1 == other.start and doc[match.end].lower_ in ("and", ",", "or"):
            return True
    return False


_LIST_LINKS = frozenset({"and", ",", "or", "to"})


def _listed_with_chosen(doc: Doc, matches: list[_Match]) -> None:
    """ "Nakuru and Eldoret", "from Dhaka to Chittagong and Sylhet": a weak town or province
    left out (NER gave it no place label, or a person's) that the text lists next to a place
    already taken, of the same country, is a place too. Repeats along the list."""
    changed = True
    while changed:
        changed = False
        for k, match in enumerate(matches):
            if match.place is not None or match.excluded or match.hint or _in_longer_name(doc, match):
                continue
            if doc[match.start].lower_ in common_words(doc):
                continue
            for other in matches[max(0, k - 1) : k + 2]:
                place = other.place
                if other is match or place is None or place.type not in ("city", "subdivision", "country"):
                    continue
                gap = doc[other.end : match.start] if other.end <= match.start else doc[match.end : other.start]
                if len(gap) not in (1, 2) or not all(t.lower_ in _LIST_LINKS for t in gap):
                    continue
                same = [p for p in match.candidates if p.country == place.country and p.type in ("city", "subdivision")
                        and p.support in ("", "ner", "local")]
                if place.type == "country" and len(same) > 0 and doc[match.start - 1].lower_ != "and":
                    continue  # "Kenya, Nakuru": only a list of towns or a country's own towns joined by "and"
                if same:
                    match.place = min(same, key=lambda p: (p.type != "city", -p.population))
                    changed = True
                    break


def _in_longer_name(doc: Doc, match: _Match) -> bool:
    """ "East Asia Summit", "World Bank", "San Luis": a common-word town name written next to
    another capitalised word is a piece of a longer name."""
    before = match.start - 1
    if before >= 0 and not doc[match.start].is_sent_start and _name_piece(doc, before, before):
        return True
    if match.end < len(doc) and doc[match.end].lower_ in office_words():
        return False  # "Texas Governor Greg Abbott": an office of the place, not a longer name
    return match.end < len(doc) and _name_piece(doc, match.end, match.end - 1)


def _name_piece(doc: Doc, i: int, gap: int) -> bool:
    """A capitalised word at `i` on the same line (no line break after token `gap`)."""
    return _capitalised(doc[i].text) and doc[i].is_alpha and "\n" not in doc[gap].whitespace_
