"""Regions named by their form rather than found in the gazetteer: natural features ("Lake
Kariba", "Bay of Bengal", "Mekong River Delta") and compass regions ("Western China",
"North East India", the "South" of "South and Central Asia")."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from ...normalize.gazetteer import Place, context_words, lookup
from ...normalize.geo import fold_name
from ..doc_views import _cached, texts
from .matches import _Match, _capitalised, _head_at, _tokens_match, _words, by_word


def _compass_word(doc: Doc, i: int) -> bool:
    """A capitalised compass word ("North", "Eastern") at token `i`."""
    return _capitalised(doc[i].text) and fold_name(doc[i].text) in _words()["compass"]


_COMPASS_FORMS = {"west": "western", "east": "eastern", "north": "northern", "south": "southern"}
_COMPASS_FORMS |= {adjective: noun for noun, adjective in _COMPASS_FORMS.items()}


def _compass_variant(doc: Doc, first: int, match: _Match) -> Place | None:
    """ "West Europe" is the lexicon's "Western Europe" (and "Southern Asia" its "South Asia")."""
    word = fold_name(doc[first].text)
    if word not in _COMPASS_FORMS or first + 1 != match.start:
        return None
    places = lookup(f"{_COMPASS_FORMS[word]} {doc[match.start : match.end].text}")
    return places[0] if places and places[0].type == "region" and places[0].key else None


def _compass_regions(doc: Doc, matches: list[_Match]) -> list[_Match]:
    """ "Western China" (part of a country) and the "South" of "South and Central Asia"."""
    words = _words()
    extra: list[_Match] = []
    for match in matches:
        start = match.start
        head = doc[start]
        if match.place is None:
            continue
        # "Western China", "North East India", "South East Europe"; "northern Afghanistan" is
        # left out: only capitalised compass words
        first = start
        while first > max(0, start - 2) and _compass_word(doc, first - 1):
            first -= 1
        if first < start and match.place.type in ("country", "region"):
            country = match.place.country if match.place.type == "country" else None
            region = _compass_variant(doc, first, match) or Place("", "region", country, None)
            extra.append(_Match(first, match.end, match.end, (region,), place=region))
            match.excluded = True  # "Western China" is the region, not the country
        # "South and Central Asia": the first compass word borrows the rest of the name
        after_and = start >= 2 and doc[start - 1].lower_ == "and"
        if after_and and fold_name(head.text) in words["compass"]:
            word = doc[start - 2]
            rest = doc[start + 1 : match.base_end].text
            if _capitalised(word.text) and fold_name(word.text) in words["compass"]:
                places = lookup(f"{word.text} {rest}")
                if places and (places[0].name or places[0].key):
                    # the mention is one word: the region takes the lexicon's full name
                    place = replace(places[0], name=places[0].name or places[0].key)
                    extra.append(_Match(word.i, word.i + 1, word.i + 1, places, place=place))
    return extra



_FEATURE_REACH = 3  # proper-noun words of a feature's name beside its head ("Amu Darya River")


def _name_word(doc: Doc, i: int) -> bool:
    """A capitalised proper-noun word that can be part of a feature's name."""
    return doc[i].pos_ == "PROPN" and _capitalised(doc[i].text) and not doc[i].is_punct


def _feature_span(
    doc: Doc, k: int, features: frozenset[str], before: dict[str, list[tuple[str, ...]]]
) -> tuple[int, int, int] | None:
    """The tokens [start, end) of a natural feature's name around the feature word at `k`, and
    where its feature words end: "Lake Kariba", "Bay of Bengal" (a head before the name),
    "Naryn River", "Mekong River Delta" (after); -1 as the third when a work's head follows
    ("Mount Coffee Hydropower Plant")."""
    words = texts(doc)
    for head in before.get(words[k], ()):
        if _tokens_match(doc, k, head, fold=False):
            end = k + len(head)
            while end < min(len(doc), k + len(head) + _FEATURE_REACH) and _name_word(doc, end):
                if _head_at(doc, end, chains=False):
                    return k, end, -1  # "Mount Coffee Hydropower Plant": the name of a work
                if words[end] in _words()["orgs"]:
                    break  # "Lake Victoria Basin Commission": the name ends before the org word
                end += 1
            if end > k + len(head):
                return k, end, k + len(head)
    if words[k] not in features or k == 0:
        return None
    start = k
    while start > max(0, k - _FEATURE_REACH) and _name_word(doc, start - 1):
        start -= 1
    if start == k:
        return None
    end = k + 1
    while end < len(doc) and words[end] in features:  # "River Delta"
        end += 1
    return start, end, end


def _wide(match: _Match) -> bool:
    """A hit that already names a wider place or a country (a lexicon feature: "Vakhsh River")."""
    return match.place is not None and match.place.type in ("region", "country")


def _feature_country(
    head: tuple[int, int], inside: list[_Match], doc_countries: set[str]
) -> str | None:
    """A feature named after a town of a country the article names lies there ("Tuzla" in
    Bosnia does not place "Tuzla Island" in a text about Crimea); the head word itself
    ("Delta", "Bay" are towns too) tells nothing."""
    for m in inside:
        if m.place is None or m.place.type == "country" or head[0] <= m.start < m.end <= head[1]:
            continue
        return m.place.country if m.place.country in doc_countries else None
    # an article about one country: its rivers and islands lie there ("the Murray River")
    return next(iter(doc_countries)) if len(doc_countries) == 1 else None


@lru_cache(maxsize=1)
def _feature_words() -> tuple[frozenset[str], dict[str, list[tuple[str, ...]]]]:
    """The feature words, and the heads before a name by their first word (built once)."""
    words = context_words()
    before = [tuple(w.split()) for w in words.get("feature_words_before", [])]
    return frozenset(words.get("feature_words", [])), by_word(before, 0)


def _feature_spans(doc: Doc) -> list[tuple[int, int, int] | None]:
    """The feature span starting at each token (None where none does), read once per Doc."""
    features, before = _feature_words()
    return _cached(doc, "news_feature_spans", lambda: [_feature_span(doc, k, features, before) for k in range(len(doc))])


def _work_names(doc: Doc, spans: list[tuple[int, int, int] | None]) -> set[str]:
    return {doc[s[0] : s[1]].text for s in spans if s is not None and s[2] == -1}


def exclude_work_names(doc: Doc, matches: list[_Match]) -> None:
    """Exclude the places no gazetteer knows that are named like the start of a work ("Mount
    Coffee" of "Mount Coffee Hydropower Plant"): alone ("the rehabilitation of Mount Coffee"),
    NER's LOC is the work's short name."""
    works = _work_names(doc, _feature_spans(doc))
    for match in matches:
        if match.place is not None and not match.place.key and doc[match.start : match.end].text in works:
            match.excluded = True


def _natural_features(doc: Doc, matches: list[_Match], doc_countries: set[str]) -> list[_Match]:
    """Names made of a feature word and proper nouns ("the Naryn River", "Lake Sevan", "Bay of
    Bengal"): one region named in full, in place of any place the gazetteer saw in its words.
    Lexicon entries ("Vakhsh River") already match whole; this catches the rest."""
    spans = _feature_spans(doc)
    works = _work_names(doc, spans)
    out = list(matches)
    k = 0
    while k < len(doc):
        span = spans[k]
        if span is None or span[2] == -1 or doc[span[0] : span[1]].text in works:
            k += 1
            continue
        start, end, head_end = span
        head = (k, head_end) if start == k else (k, end)
        inside = [m for m in out if start <= m.start and m.end <= end]
        # a lexicon entry holds the feature word ("Pacific Ocean"), or a longer name overlaps
        named = any(m.start <= k < m.end and _wide(m) for m in inside)
        if named or any(m.start < end and start < m.end for m in out if m not in inside):
            k += 1
            continue
        town = next((m for m in inside if (m.start, m.end) == (start, end) and m.place is None
                     and any(p.type == "city" for p in m.candidates)), None)
        if town is not None:
            # "Walvis Bay", "Montego Bay": a town named like a feature is the town
            town.place = max((p for p in town.candidates if p.type == "city"), key=lambda p: p.population)
            k = end
            continue
        country = _feature_country(head, inside, doc_countries)
        out = [m for m in out if m not in inside]
        out.append(_Match(start, end, end, (), place=Place("", "region", country, None)))
        k = end
    return sorted(out, key=lambda m: m.start)




# "the Pacific and Atlantic Oceans", "the Northern and Eastern provinces": one plural head
# shared by two names; each name takes the head in the singular
_SHARED_HEADS = {
    "oceans": ("Ocean", "region"), "seas": ("Sea", "region"), "rivers": ("River", "region"),
    "lakes": ("Lake", "region"), "islands": ("Island", "region"),
    "provinces": ("Province", "subdivision"), "counties": ("County", "subdivision"),
    "regions": ("Region", "subdivision"), "districts": ("District", "subdivision"),
    "oblasts": ("Oblast", "subdivision"), "territories": ("Territory", "subdivision"),
    "governorates": ("Governorate", "subdivision"),
}


def _shared_head_names(doc: Doc, matches: list[_Match], doc_countries: set[str]) -> list[_Match]:
    """Both names of "A and B <plural head>", named in full ("Pacific Ocean", "Atlantic Ocean"),
    in place of what the gazetteer saw in their words."""
    out = list(matches)
    words = texts(doc)
    for i in range(1, len(doc) - 2):
        shared = _SHARED_HEADS.get(words[i + 2].lower()) if words[i] == "and" else None
        if shared is None or not (_name_word(doc, i - 1) or _capitalised(words[i - 1])):
            continue
        if not _capitalised(words[i + 1]) or words[i + 1].lower() == words[i + 2].lower():
            continue
        head, kind = shared
        country = next(iter(doc_countries)) if len(doc_countries) == 1 else None
        names = []
        for start, end in ((i - 1, i), (i + 1, i + 3)):
            full = f"{words[start]} {head}"
            known = [p for p in lookup(full) if p.type in ("region", kind)]
            place = replace(known[0], name=known[0].name or full) if known else None
            names.append((start, end, place or Place(full, kind, country, None)))
        out = [m for m in out if not any(s <= m.start < e for s, e, _ in names)]
        out.extend(_Match(s, e, e, (p,), place=p) for s, e, p in names)
    return sorted(out, key=lambda m: m.start)
