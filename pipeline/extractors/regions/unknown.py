"""Where a place the gazetteer lacks stands: the text around it says it is a place.

- a dateline: the places after the date on a line of their own ("December 8, 2017, Sabetta");
- the ends of a route ("from Strășeni to Gutinaș", "between Hairatan and Termez");
- a name after a locative word that NER calls a place ("a plant in Doicesti"), or after a
  facility and a locative word whatever NER calls it ("the receiving terminal at Kıyıköy");
- a name before a lower-case region word ("the Meghri region");
- a name before an apposition that says what place it is ("Goma, the capital of North Kivu").

NER alone does not decide: it calls one-word towns persons, organisations or nationalities.
Each finder returns token ranges; the extractor keeps those no other rule took.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc

from ...normalize.gazetteer import context_words
from ...normalize.geo import is_demonym
from ...normalize.roles import lexicon as office_words
from ..doc_views import _cached, coarse_tags, entity_at, full_text, lowers, texts, trailing_spaces
from .matches import _words

_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    "july|august|september|october|november|december"
)
# a line that is only a date and places: "December 23, 2019, Taman – Kerch"
_DATELINE = re.compile(
    rf"^(?:{_MONTHS})\.? \d{{1,2}}, \d{{4}}, ([^\n.:;]{{2,80}})$", re.IGNORECASE | re.MULTILINE
)
_PIECE = re.compile(r"[^,–—]+")
_NAME_WORD = re.compile(r"^[A-ZÀ-ÞĀ-Ž][\w'’]*(?:-[\w'’]+)*$")
# lower-case words inside a place name ("San Luis de la Paz", "Mazar-e-Sharif" split)
_INNER = {"de", "la", "del", "do", "da", "dos", "das", "di", "du", "el", "al", "e", "i"}
_DASHES = {"-", "‐", "‑"}
_NOT_PLACES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "god", "parliament", "congress", "government", "president", "minister", "ministry",
    "english", "internet", "twitter", "facebook", "reuters",
}
_ROUTE_START = {"from"}
_ROUTE_PAIRS = {"from": {"to", "into", "toward", "towards", "through", "via"}, "between": {"and"}}
_LOCATIVES = {"in", "at", "near", "outside", "via", "through"}
_FACILITIES = {
    "terminal", "plant", "port", "station", "dam", "airport", "refinery", "mine", "factory",
    "substation", "site", "border", "crossing", "depot", "harbour", "harbor", "hub", "office",
}
# administrative words that make a subdivision without "the" ("connecting Nong Khai province")
_ADMIN_WORDS = {"province", "oblast", "governorate", "county", "prefecture"}
_REGION_WORDS = {"region", "province", "district", "county", "area", "oblast", "governorate"}
# "the Amur Region", "Primorye Territory": the capitalised word makes the name a subdivision's
_SUBDIVISION_WORDS = {
    "Region", "Territory", "Province", "Oblast", "Krai", "County", "District", "Governorate",
    "Prefecture", "Parish", "Canton",
}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_NOT_PLACE_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "WORK_OF_ART", "LAW", "LANGUAGE"}


class Found(NamedTuple):
    start: int
    end: int
    why: str  # "dateline", "route", "locative", "region_word", "apposition", "needs_country"


@lru_cache(maxsize=65536)
def _is_name_word(word: str) -> bool:
    return bool(_NAME_WORD.match(word)) and any(c.islower() for c in word)


def _name_run(doc: Doc, i: int, limit: int = 5, stop: frozenset | set = frozenset()) -> int:
    """The end of a place-like name starting at token `i` (i itself when there is none)."""
    words, after = texts(doc), trailing_spaces(doc)
    if i >= len(doc) or not _is_name_word(words[i]) or words[i].lower() in _NOT_PLACES:
        return i
    end = i + 1
    while end < len(doc) and end - i < limit:
        if "\n" in after[end - 1]:
            break
        if words[end] in stop:
            break
        if _is_name_word(words[end]):
            end += 1
            continue
        # "de la", "-e-": up to three joining words, then a name word again
        gap = end
        while gap < len(doc) and gap - end < 3 and (words[gap] in _INNER or words[gap] in _DASHES):
            gap += 1
        if gap == end or gap >= len(doc) or not _is_name_word(words[gap]):
            break
        end = gap + 1
    return end


def common_words(doc: Doc) -> frozenset[str]:
    """Words the article also writes in lower case or after an article ("the Compact"):
    common nouns, whatever their capital here; town names do neither."""
    def build() -> frozenset[str]:
        words, low, pos = texts(doc), lowers(doc), coarse_tags(doc)
        common = {w for w in words if w.islower()}
        # "the King.", "a Compact and": the head of its phrase, not "the Swinoujscie terminal"
        common |= {
            low[i] for i in range(1, len(doc))
            if low[i - 1] in ("the", "a", "an")
            and (i + 1 == len(doc) or pos[i + 1] not in ("NOUN", "PROPN", "NUM"))
        }
        return frozenset(common)

    return _cached(doc, "news_common_words", build)


@lru_cache(maxsize=1)
def _head_words() -> frozenset[str]:
    heads = {h.split()[-1].lower() for h in context_words()["infrastructure_heads"]}
    return frozenset(heads | _FACILITIES)


def _plausible(doc: Doc, start: int, end: int, *, common_ok: bool = False) -> bool:
    """Not a nationality, an office word, a month, a common noun, a facility ("Lamu Port") or
    a person's full name (`common_ok`: "the Meghri region" takes an article itself)."""
    text = doc[start:end].text
    if is_demonym(text) or doc[start].lower_ in office_words():
        return False
    if doc[end - 1].lower_ in _head_words() or doc[end - 1].text in _words()["orgs"]:
        return False  # "Lamu Port", "Tahrir Square", "the Rockford School District"
    if end - start == 1 and not common_ok and doc[start].lower_ in common_words(doc):
        return False
    if re.fullmatch(rf"(?:{_MONTHS})", doc[start].lower_):
        return False
    ent = entity_at(doc)[start]
    if ent is not None and ent.label_ in _NOT_PLACE_LABELS:
        return False
    if ent is not None and end <= ent.end and ent.label_ == "PERSON" and len(ent) > 1:
        return False
    return True


def _label(doc: Doc, start: int, end: int) -> str | None:
    """NER's label of an entity that starts with the run and is not much longer than it."""
    ent = entity_at(doc)[start]
    if ent is None:
        return None
    if ent.start == start and ent.end <= end + 1:
        return ent.label_
    return ent.label_ if ent.label_ in _PLACE_LABELS else None


def _datelines(doc: Doc) -> list[Found]:
    found = []
    text = full_text(doc)
    for line in _DATELINE.finditer(text[:3000]):
        for piece in _PIECE.finditer(line.group(1)):
            name = piece.group().strip(" -\t")
            if not name or name.startswith("The "):
                continue  # "The Kremlin": a building
            offset = line.start(1) + piece.start() + piece.group().index(name)
            span = doc.char_span(offset, offset + len(name), alignment_mode="strict")
            if span is not None and _name_run(doc, span.start, limit=len(span) + 1) == span.end:
                found.append(Found(span.start, span.end, "dateline"))
    return found


def _routes_and_locatives(doc: Doc) -> list[Found]:
    found = []
    low = lowers(doc)
    i = 0
    while i < len(doc) - 1:
        word = low[i]
        if word not in _ROUTE_PAIRS and word not in _LOCATIVES:
            i += 1
            continue
        start = i + 1
        end = _name_run(doc, start)
        if end == start or not _plausible(doc, start, end):
            i += 1
            continue
        label = _label(doc, start, end)
        if word in _ROUTE_PAIRS:
            # "from X to Y": both ends count when the other end is a name too
            joins = _ROUTE_PAIRS[word]
            if end < len(doc) and low[end] in joins:
                other_end = _name_run(doc, end + 1)
                if other_end > end + 1 and _plausible(doc, end + 1, other_end):
                    found.append(Found(start, end, "route"))
                    found.append(Found(end + 1, other_end, "route"))
                    i = other_end
                    continue
            # "from Ust-Luga in northwestern Russia": counts only where its country is named
            found.append(Found(start, end, "needs_country"))
        if word in _LOCATIVES:
            facility = i > 0 and low[i - 1] in _FACILITIES and word in ("at", "near", "in")
            if label in _PLACE_LABELS or (facility and label != "PERSON"):
                found.append(Found(start, end, "locative"))
                i = end
                continue
        i += 1
    return found


def _before_region_words(doc: Doc) -> list[Found]:
    """ "the Meghri region": a name between "the" and a lower-case region word; "Amur Region",
    "Primorye Territory": a name and a capitalised one."""
    found = []
    low, words = lowers(doc), texts(doc)
    marks = _REGION_WORDS | _SUBDIVISION_WORDS
    marked = [i for i, w in enumerate(words) if w in marks]
    # a name of at most three words before a region word: only those starts can match
    candidates = sorted({i for m in marked for i in range(max(1, m - 3), m) if i < len(doc) - 1})
    for i in candidates:
        if _is_name_word(words[i - 1]) and words[i - 1] not in ("The",):
            continue  # only the start of a run
        end = _name_run(doc, i, limit=3, stop=_SUBDIVISION_WORDS)
        if end == i or end >= len(doc) or not _plausible(doc, i, end, common_ok=True):
            continue
        if words[end] in _SUBDIVISION_WORDS:
            found.append(Found(i, end + 1, "region_word"))
        elif words[end] in _REGION_WORDS and (low[i - 1] == "the" or words[end] in _ADMIN_WORDS):
            found.append(Found(i, end, "region_word"))
    return found


# "Goma, the capital of North Kivu", "Dolakha, a district east of Kathmandu"
_APPOSITION_TOWNS = {"town", "city", "village", "port", "capital", "suburb", "municipality", "settlement",
                     "township", "neighbourhood", "neighborhood", "borough", "slum"}
_APPOSITION_SUBDIVISIONS = {"district", "province", "region", "county", "state", "governorate"}
_APPOSITION_ARTICLES = {"a", "an", "the"}


def _before_place_appositions(doc: Doc) -> list[Found]:
    """ "Goma, the capital of North Kivu", "Dolakha, a mountain district east of Kathmandu",
    "Kibera, Nairobi's largest settlement": a name followed by a comma and a noun phrase that
    says what kind of place it is."""
    found = []
    low, words, tags = lowers(doc), texts(doc), coarse_tags(doc)
    nouns = _APPOSITION_TOWNS | _APPOSITION_SUBDIVISIONS
    for comma in (i for i, w in enumerate(low) if w == "," and 0 < i < len(doc) - 2):
        if low[comma + 1] in _APPOSITION_ARTICLES:
            first = comma + 2
        elif comma + 3 < len(doc) and low[comma + 2] in ("'s", "’s") and tags[comma + 1] == "PROPN":
            first = comma + 3  # a place's possessive stands for the article
        else:
            continue
        # up to two lower-case words before the noun ("a small mountain town")
        noun = next(
            (j for j in range(first, min(first + 3, len(doc))) if low[j] in nouns), None
        )
        if noun is None or any(not low[j].isalpha() or not words[j].islower()
                               for j in range(first, noun)):
            continue
        after = noun + 1
        if after < len(doc) and tags[after] in ("NOUN", "PROPN"):
            if low[after] not in _words()["compass"]:
                continue  # "a city council", "the district court"; not "a district east of"
        if after < len(doc) and low[after] in ("'s", "’s"):
            continue
        start = comma - 1
        while start > 0 and _is_name_word(words[start - 1]) and comma - start < 3:
            start -= 1
        if _name_run(doc, start, limit=3) != comma or not _plausible(doc, start, comma):
            continue
        if any(tags[j] != "PROPN" for j in range(start, comma)):
            continue  # "However, the province's roads"
        why = "region_word" if low[noun] in _APPOSITION_SUBDIVISIONS else "apposition"
        found.append(Found(start, comma, why))
    return found


def unknown_place_spans(doc: Doc) -> tuple[Found, ...]:
    """Token ranges the context marks as places, in text order (a range may repeat)."""
    def build() -> tuple[Found, ...]:
        found = _datelines(doc) + _routes_and_locatives(doc) + _before_region_words(doc)
        found += _before_place_appositions(doc)
        return tuple(sorted(found))

    return _cached(doc, "news_unknown_places", build)


def dateline_starts(doc: Doc) -> set[int]:
    """First tokens of the places of a dateline."""
    return {f.start for f in unknown_place_spans(doc) if f.why == "dateline"}
