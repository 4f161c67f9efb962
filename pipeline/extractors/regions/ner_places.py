"""Places NER finds that no gazetteer holds: wider regions and features ("the Alps", "the
Midwest", "the Bay Area", "New England"), and the longer place a gazetteer name sits inside
("England" in "New England").

NER's LOC label decides here, with guards for what the small model also calls LOC: events
and bodies ("the East Asia Summit", "the Eastern Partnership"), lone compass or common words
("South", "the King"), routes and works ("New Silk Road"), and words NER labels inside a
lower-case phrase ("trans-Black Sea"), heavenly bodies ("Mars").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from ...normalize.gazetteer import Place, context_words
from ...normalize.geo import fold_name, is_demonym
from ...normalize.roles import lexicon as office_words
from ..doc_views import _cached, entities, fine_tags, texts
from .matches import _Match, _capitalised, _words
from .unknown import _head_words

_CONNECTORS = {"of", "and", "the", "de", "del", "la", "el", "al"}
# heavenly bodies NER calls places
_NOT_PLACES = frozenset({"earth", "mars", "moon", "sun", "venus", "jupiter", "saturn", "mercury"})


@lru_cache(maxsize=1)
def _not_place_heads() -> frozenset[str]:
    words = context_words()
    heads = {w.lower() for w in words["organisation_words"] + words["unit_words_after_region"]}
    return frozenset(heads | _head_words())


def _name_tokens(doc: Doc, start: int, end: int) -> bool:
    """Capitalised words, "of" and the like only inside ("Gulf of Aden")."""
    words = texts(doc)
    if not (_capitalised(words[start]) and _capitalised(words[end - 1])):
        return False
    return all(
        (_capitalised(w) and w.replace("-", "").replace("'", "").isalpha()) or w in _CONNECTORS
        for w in words[start:end]
    )


def _plausible_region(doc: Doc, start: int, end: int) -> bool:
    words, heads = texts(doc), _not_place_heads()
    first = words[start].lower()
    if words[end - 1].lower() in heads or first in heads or first in office_words():
        return False  # "the East Asia Summit", "Port of La Libertad", "Minister X"
    if end < len(doc) and words[end].islower() and words[end] in heads:
        return False  # "the Dodowa hospital": a name of a building
    if all(fold_name(w) in _words()["compass"] for w in words[start:end]):
        return False  # "South", "North East"
    if fine_tags(doc)[start].startswith("VB"):
        return False  # "the Make in India programme"
    if start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ in office_words():
        return False  # "President X"
    if start > 0 and "-" in words[start - 1]:
        return False  # "trans-Black Sea"
    if end - start == 1 and words[start].lower() in _NOT_PLACES:
        return False
    if end - start == 1 and words[start].lower() in _lower_case_words(doc):
        return False  # a word the article also writes in lower case; "the Alps" stays
    return not is_demonym(doc[start:end].text)


def _lower_case_words(doc: Doc) -> frozenset[str]:
    return _cached(doc, "news_lower_case_words", lambda: frozenset(w for w in texts(doc) if w.islower()))


def _without_article(doc: Doc, start: int, end: int) -> int:
    return start + 1 if end - start > 1 and doc[start].lower_ == "the" else start


def _names_start(doc: Doc, start: int, end: int, placed: list[_Match]) -> bool:
    """ "Meghna" where "Meghna River" is found: the same feature, named short."""
    name = fold_name(doc[start:end].text) + " "
    return any(fold_name(doc[m.start : m.end].text).startswith(name) for m in placed)


def ner_places(doc: Doc, matches: list[_Match]) -> list[_Match]:
    """NER's LOC names that no placed hit overlaps, as wider regions of unknown country; a
    hit inside a longer LOC name that adds name words before it ("New England") gives
    way to the whole name."""
    placed = [m for m in matches if m.place is not None and not m.excluded]
    found: list[_Match] = []
    for ent in entities(doc):
        if ent.label_ != "LOC":
            continue
        start = _without_article(doc, ent.start, ent.end)
        end = ent.end
        if end - start > 4 or not _name_tokens(doc, start, end):
            continue
        inside = [m for m in placed if m.start < end and start < m.end]
        if inside:
            first = inside[0]
            longer = (
                len(inside) == 1
                and first.start > start
                and first.end == end
                and all(fold_name(w) not in _words()["compass"] for w in texts(doc)[start : first.start])
            )
            if not longer or not _plausible_region(doc, start, end):
                continue
            first.excluded = True  # "England" in "New England"
        elif not _plausible_region(doc, start, end) or _names_start(doc, start, end, placed):
            continue
        place = Place("", "region", None, None)
        found.append(_Match(start, end, end, (place,), place=place))
    return found
