"""Towns the gazetteer lacks, and the country a context names for a place.

`unknown_towns` adds the names NER tags that a context places ("Datka in Kyrgyzstan") and the
names `unknown.py` finds by where they stand; `context_country` reads "X in Country",
"X, Country" and "the Pakistani city of X" for the gazetteer's weak names too.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...normalize.gazetteer import Place, context_words
from ...normalize.geo import country_code, fold_name, is_demonym
from ...normalize.roles import lexicon as office_words
from ..doc_views import entities, full_text, texts
from .matches import _Match, _capitalised, _indexed_words, _tokens_match
from .unknown import unknown_place_spans

def _after_office(doc: Doc, start: int) -> bool:
    """Whether the token before `start` is an office word ("President Xi")."""
    return start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ in office_words()


def unknown_towns(doc: Doc, matches: list[_Match]) -> list[_Match]:
    """Towns the gazetteer lacks, placed by their context ("Datka in Kyrgyzstan")."""
    taken = {i for m in matches for i in range(m.start, m.end)}
    found = []
    for ent in entities(doc):
        tokens = list(ent)
        if ent.label_ not in ("GPE", "LOC", "ORG", "PERSON") or len(tokens) > 3:
            continue
        # NER calls one-word towns persons ("Yerevan"); a full name after an office is a person
        if ent.label_ == "PERSON" and (len(tokens) > 1 or _after_office(doc, ent.start)):
            continue
        proper = all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in tokens)
        if not proper or any(t.i in taken for t in tokens):
            continue
        if is_demonym(ent.text) or (ent.start > 0 and doc[ent.start - 1].lower_ == "the"):
            continue  # "The Kremlin, Moscow": a building; towns take no article
        match = _Match(ent.start, ent.end, ent.end, ())
        code = context_country(doc, match, matches)
        if code:  # "?": "the border town of Dilolo" says it is a town, not where
            match.place = Place("", "city", code if code != "?" else None, None)
            match.candidates = (match.place,)
            found.append(match)
            taken.update(range(ent.start, ent.end))
    # a run may cover gazetteer names that found no support ("Luga" in "Ust-Luga")
    taken = {i for m in matches if m.place is not None for i in range(m.start, m.end)}
    taken |= {i for m in found for i in range(m.start, m.end)}
    text = full_text(doc)
    known = {_loose(text[slice(*m.char_span(doc))]): m.place for m in matches + found if m.place}
    for start, end, why in unknown_place_spans(doc):
        if any(i in taken for i in range(start, end)):
            continue
        match = _Match(start, end, end, ())
        same = known.get(_loose(text[slice(*match.char_span(doc))]))
        if same is None and why != "needs_country":
            # a gazetteer name with no support of its own is supported by where it stands
            same = next((m.candidates[0] for m in matches if (m.start, m.end) == (start, end)), None)
        if same is not None:  # "in Sevastopol", "the Gilgit Baltistan region": a known place
            match.place, match.candidates = same, (same,)
            found.append(match)
            taken.update(range(start, end))
            continue
        code = context_country(doc, match, matches, compass=True)
        if why == "needs_country" and code in (None, "?"):
            continue
        kind = "subdivision" if why == "region_word" else "city"
        match.place = Place("", kind, code if code != "?" else None, None)
        match.candidates = (match.place,)
        found.append(match)
        taken.update(range(start, end))
    return _one_country_per_name(doc, found)


def _loose(name: str) -> str:
    """A name folded, with dashes as spaces ("Gilgit-Baltistan" = "Gilgit Baltistan")."""
    return _base_name(re.sub(r"[-‐‑–]", " ", name))


def _one_country_per_name(doc: Doc, found: list[_Match]) -> list[_Match]:
    """A town placed once ("the Pakistani city of Nowshera") is the same town where a later
    mention says nothing of its country ("in Nowshera")."""
    text = full_text(doc)
    codes: dict[str, str] = {}
    for match in found:
        if match.place.country:
            codes.setdefault(fold_name(text[slice(*match.char_span(doc))]), match.place.country)
    for match in found:
        code = codes.get(fold_name(text[slice(*match.char_span(doc))]))
        if match.place.country is None and code:
            match.place = Place("", match.place.type, code, None)
            match.candidates = (match.place,)
    return found


def _list_goes_on(doc: Doc, match: _Match) -> bool:
    """Whether another listed name follows a hit (", Vietnam", "and Cambodia")."""
    end = match.end
    return (
        end + 1 < len(doc)
        and doc[end].lower_ in (",", "and", "or")
        and _capitalised(doc[end + 1].text)
        and not doc[end + 1].like_num
    )


_COMPASS_ADJECTIVES = {
    "northern", "southern", "eastern", "western", "central", "northwestern", "northeastern",
    "southwestern", "southeastern", "north-western", "north-eastern", "south-western",
    "south-eastern",
}


def context_country(
    doc: Doc, match: _Match, matches: list[_Match], *, compass: bool = False
) -> str | None:
    """The country a context names for a hit: "Datka in Kyrgyzstan", "Poldasht, Iran",
    "the Pakistani city of Nowshera"."""
    end = match.end
    # "in northwestern Russia": one compass word may stand between
    # ("compass": for names no gazetteer holds; a weak gazetteer name needs the plain form)
    skip = compass and end + 2 < len(doc) and doc[end + 1].lower_ in _COMPASS_ADJECTIVES
    after = end + 2 if skip else end + 1
    if end + 1 < len(doc) and doc[end].lower_ in ("in", ","):
        for other in matches:
            if other.start == after and other.candidates[0].type in ("country", "subdivision"):
                if doc[end].text == "," and _list_goes_on(doc, other):
                    break  # "Hawaii, Guam, Vietnam": a list of places, not "Poldasht, Iran"
                return other.candidates[0].country
    before = fold_name(texts(doc)[match.start - 1]) if match.start > 0 else None
    for cue in _indexed_words()["town_before"].get(before, ()):
        start = match.start - len(cue)
        if start >= 1 and _tokens_match(doc, start, cue, fold=True):
            code = country_code(doc[start - 1].text) if is_demonym(doc[start - 1].text) else None
            return code or "?"
    return None


def _base_name(text: str) -> str:
    words = fold_name(text).split()
    suffixes = {fold_name(w) for w in context_words()["subdivision_suffixes"]} | {"city"}
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return " ".join(words)
