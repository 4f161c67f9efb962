"""Find every named place in a Doc and resolve it to a Region with its ISO code.

The gazetteer is searched over capitalised token sequences, whatever label NER gave them
("Nagorno-Karabakh" as ORG, "Yerevan" as PERSON). Weak names (small towns, ISO names that are
common words) count only with NER or context support. Places inside the names of projects and
organisations ("Rasht-Astara railway", "Azerbaijan Railways", "USAID/Central Asia") and inside
person names are left out, since projects are found by a later component.

Here: the gazetteer search, the support and choice of each place, and the extractor;
`towns.py` the towns the gazetteer lacks and the country a context names, `matches.py` holds the match record and the word lists the rules share, `inside_names.py` the
tests for places inside a larger name, `features.py` the regions named by their form (natural
features, compass regions), `states.py` the states after a town ("Boston, MA").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...normalize.gazetteer import Place, first_word, lookup, name_starts
from ...normalize.geo import case_sensitive_aliases, country_code, country_name, fold_name, is_demonym
from ..doc_views import entities, full_text, puncts, texts
from ..doc_views import starts as doc_starts
from ...records import Mention, Region
from .inside_names import _inside_person, _inside_project_or_org, _org_before, _wire_credit
from .listed import _PLACE_LABELS, _conjoined_with_place, _in_longer_name, _listed_with_chosen
from .context_country import shared_country_names, with_context_countries
from .features import _compass_regions, _natural_features, _shared_head_names, exclude_work_names
from .ner_places import ner_places
from .matches import _Match, _capitalised, _indexed_words, _tokens_match, _words
from .states import _city_comma, _postal_states
from .towns import _base_name, context_country, unknown_towns
from .unknown import common_words, dateline_starts

# raw NER often calls a place an organisation ("Nagorno-Karabakh", "Tank" as ORG)
_MISLABELS = {"ORG"}
_CONNECTORS = {"and", "of", "the", "-", "–", "—", ",", "al", "ad", "el", "e", "va", "de"}
# a city this large is meant even when the article does not name its country ("Stuttgart")
_WORLD_CITY = 500_000
_PIECES = re.compile(r"[^-–—‐‑]+")


def _gazetteer_matches(doc: Doc) -> list[_Match]:
    """Longest gazetteer hits, left to right, each extended by a suffix word when one follows."""
    matches: list[_Match] = []
    starts = name_starts()
    sensitive = case_sensitive_aliases()
    words, punct, offsets, text = texts(doc), puncts(doc), doc_starts(doc), full_text(doc)
    compass = _words()["compass"]
    i = 0
    while i < len(doc):
        if not _capitalised(words[i]) or punct[i]:
            i += 1
            continue
        found = None
        limit = starts.get(first_word(words[i]) or "", 0)
        for j in range(min(len(doc), i + limit), i, -1):
            if punct[j - 1] and words[j - 1] != ".":
                continue
            # the text of doc[i:j], cut from the Doc's text instead of building a Span
            span_text = text[offsets[i] : offsets[j - 1] + len(words[j - 1])]
            key = fold_name(span_text)
            if key in sensitive and not span_text.replace(".", "").isupper():
                continue
            candidates = lookup(span_text)
            if candidates and key not in compass:  # "Central" alone is no place
                found = _Match(i, j, j, candidates)
                break
        if found is None:
            matches.extend(_piece_matches(doc, i))
            i += 1
            continue
        _attach_suffix(doc, found)
        matches.append(found)
        i = found.end
    return matches


def _piece_matches(doc: Doc, i: int) -> list[_Match]:
    """Places inside one dashed token that the tokenizer kept whole ("U.S.-Armenia")."""
    token = doc[i]
    pieces = list(_PIECES.finditer(token.text))
    if len(pieces) < 2:
        return []
    found = []
    for piece in pieces:
        candidates = lookup(piece.group()) if _capitalised(piece.group()) else ()
        if candidates:
            start = token.idx + piece.start()
            chars = (start, start + len(piece.group()))
            found.append(_Match(i, i + 1, i + 1, candidates, chars=chars))
    return found


def _attach_suffix(doc: Doc, match: _Match) -> None:
    # only the phrases whose word next to the match is there can match (first one wins)
    words = _indexed_words()
    tokens = texts(doc)
    after = tokens[match.end] if match.end < len(doc) else None
    for suffix in words["sub_suffixes"].get(after, ()):
        if _tokens_match(doc, match.end, suffix, fold=False):
            match.end += len(suffix)
            match.hint = "subdivision"
            return
    for suffix in words["city_suffixes"].get(after, ()):
        if _tokens_match(doc, match.end, suffix, fold=False):
            match.end += len(suffix)
            match.hint = "city"
            return
    before = fold_name(tokens[match.start - 1]) if match.start > 0 else None
    for cue in words["sub_cues"].get(before, ()):
        start = match.start - len(cue)
        if start >= 0 and _tokens_match(doc, start, cue, fold=True):
            match.hint = "subdivision"
            return


_DATELINE_AFTER = {",", "-", "–", "—", "--", ":"}


def _dateline(doc: Doc, match: _Match) -> bool:
    """ "BANGALORE, July 17": a name in capitals opening a line, then a comma or a dash."""
    text = full_text(doc)
    start, end = match.char_span(doc)
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or not text[start:end].isupper() or match.end >= len(doc):
        return False
    return doc[match.end].text in _DATELINE_AFTER


def _supported(doc: Doc, match: _Match, *, labels_only: bool = False) -> bool:
    """NER or context backs a weak name: a place label over it, an entity equal to it, a suffix."""
    if match.hint or _dateline(doc, match):
        return True
    for ent in entities(doc):
        if not (ent.start <= match.start and match.base_end <= ent.end):
            continue
        if ent.label_ == "PERSON":
            return False
        if ent.label_ in _PLACE_LABELS:
            return True
        exact = ent.start == match.start and ent.end == match.base_end
        if exact and not labels_only and ent.label_ in _MISLABELS:
            return True
    return False


_LOCATIVES = {"in", "at", "near", "outside", "to", "from", "via"}
def _after_locative(doc: Doc, match: _Match, *, article: bool = False) -> bool:
    """ "together in Cotonou", "a port at Gwadar", "the Government of Karnataka": a name right
    after a locative word that no longer name goes on from (NER may call it a person, a
    facility or part of an organisation). With `article`, also after "in the" ("farmers in the
    Punjab": provinces written with their article)."""
    start = match.start
    if article and start >= 2 and doc[start - 1].lower_ == "the" and doc[start - 2].lower_ in _LOCATIVES:
        start -= 1
    # the guide: "Government of X" names the place
    government = start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ == "government"
    if start == 0 or not (government or doc[start - 1].lower_ in _LOCATIVES):
        return False
    end = match.end
    return end >= len(doc) or not (_capitalised(doc[end].text) and doc[end].pos_ == "PROPN")


def _after_town_of(doc: Doc, match: _Match, matches: list[_Match], country: str | None) -> bool:
    """ "Pasadena, California": a state right after a town of its country and a comma."""
    town = _city_comma(doc, match.start, matches)
    return town is not None and any(
        p.type == "city" and p.country == country for p in town.candidates
    )


def _after_own_country(doc: Doc, match: _Match, country: str | None) -> bool:
    """ "Zambia's North-Western": the place's own country right before it, possessive."""
    start = match.start
    return (
        start >= 2
        and doc[start - 1].text in ("'s", "’s")
        and country_code(doc[start - 2].text) == country
    )


# the offices a province or state has of its own, written right after its name
_SUBDIVISION_OFFICES = frozenset({"premier", "governor", "chief minister", "lieutenant governor", "deputy governor"})


def _own_office_after(doc: Doc, match: _Match) -> bool:
    words = [t.lower_ for t in doc[match.end : match.end + 2]]
    return any(" ".join(words[:n]) in _SUBDIVISION_OFFICES for n in (1, 2)) and _capitalised(doc[match.end].text)


def _usable(
    doc: Doc, match: _Match, place: Place, doc_countries: set[str], matches: list[_Match]
) -> bool:
    if place.support == "" or match.start in dateline_starts(doc):
        return True
    one_word = match.base_end - match.start == 1 and place.type == "city"
    if one_word and doc[match.start].lower_ in common_words(doc):
        return False  # "the King", "a gateway": a small town named like a common noun
    if place.support == "suffix":
        return match.hint == "subdivision" or _after_own_country(doc, match, place.country)
    if place.type == "subdivision" and match.hint == "subdivision":
        return True  # "Novosibirsk Region", "Amur Oblast": the name with its own designator
    if place.type == "subdivision" and _after_town_of(doc, match, matches, place.country):
        return True
    if place.type == "subdivision" and _own_office_after(doc, match):
        return True  # "Ontario Premier Doug Ford", "Punjab Chief Minister X": the office of the place
    context = context_country(doc, match, matches)
    if context is not None:
        return context in (place.country, "?")
    if place.support in ("ner", "local") and place.country in doc_countries:
        if _after_locative(doc, match, article=place.type == "subdivision"):
            return True
    if place.support in ("local", "country") and place.country not in doc_countries:
        # "Victoria, British Columbia": a longer subdivision name NER calls a place stands alone;
        # so does a one-word state NER calls a place ("across northern Texas"), not a town
        if place.type != "subdivision" or _in_longer_name(doc, match):
            return False
        # "... in Assam": the one place of its name after a locative, a name whatever NER's label
        named = doc[match.start].ent_type_ not in ("", "PERSON")
        return _supported(doc, match, labels_only=True) or named and len(match.candidates) == 1 and _after_locative(doc, match)
    if place.support == "country":
        return True
    if place.support == "label":
        if _in_longer_name(doc, match):
            return False
        return _supported(doc, match, labels_only=True) or _conjoined_with_place(
            doc, match, matches, towns_only=True
        )
    return _supported(doc, match) or _conjoined_with_place(doc, match, matches)


def _choose(
    doc: Doc, match: _Match, doc_countries: set[str], matches: list[_Match]
) -> Place | None:
    """The best candidate for a hit, given its suffix/cue and the countries the article names."""
    candidates = list(match.candidates)
    if match.hint:
        hinted = [p for p in candidates if p.type == match.hint]
        if hinted:
            candidates = hinted
        elif match.hint == "subdivision" and candidates[0].type in ("city", "subdivision"):
            base = candidates[0]
            if base.support == "local" and base.country not in doc_countries:
                return None
            return Place("", "subdivision", base.country, None)
        else:
            # "Caspian region": a suffix on a wider region; keep the region itself
            match.end = match.base_end
    def score(place: Place) -> tuple:
        # bare names: a city before the province named after it ("Kars", "Kabul")
        bare_rank = {"country": 0, "region": 1, "city": 2, "subdivision": 3}[place.type]
        lexicon = bool(place.name or place.key)
        local = place.country in doc_countries or place.type in ("country", "region")
        known = local or place.population >= _WORLD_CITY
        # a city of the article's countries wins unless a namesake is ten times larger
        return (not lexicon, not known, bare_rank, -place.population * (10 if local else 1))

    usable = [p for p in candidates if _usable(doc, match, p, doc_countries, matches)]
    if usable:
        return min(usable, key=score)
    return _namesake_abroad(doc, match, matches)


def _namesake_abroad(doc: Doc, match: _Match, matches: list[_Match]) -> Place | None:
    """ "Ramgarh in Chittagong, Bangladesh": a town the context places in a country where the
    gazetteer has none of that name (only Indian namesakes) is a town of that country."""
    if match.hint or any(p.type not in ("city", "subdivision") for p in match.candidates):
        return None
    if any(p.support == "label" for p in match.candidates) or _in_longer_name(doc, match):
        return None  # "March", "the Summit", "World Bank"
    if not _supported(doc, match, labels_only=True):
        first = doc[match.start]
        if first.lower_ in common_words(doc) or (first.is_sent_start and first.tag_ not in ("NNP", "NNPS")):
            return None  # "Police in Nakuru ...": a common noun capitalized by its place in the sentence
    context = context_country(doc, match, matches)
    if context in (None, "?") or any(p.country == context for p in match.candidates):
        return None
    return Place("", "city", context, None)


def _doc_countries(doc: Doc, matches: list[_Match]) -> set[str]:
    codes = {p.country for m in matches for p in m.candidates[:1] if p.type == "country"}
    codes |= {country_code(t) for t in texts(doc) if _capitalised(t) and is_demonym(t)}
    # a city large enough to stand on its name alone, with no namesake, names its country too
    codes |= {m.candidates[0].country for m in matches if len(m.candidates) == 1 and m.candidates[0].type == "city" and m.candidates[0].strong}
    return {c for c in codes if c}


def _place_key(place: Place, text: str) -> tuple:
    if place.type == "country":
        return ("country", place.country)
    if place.type == "subdivision" and place.iso_code:
        return ("subdivision", place.iso_code)  # "Ill." and "Illinois" are one state
    if place.key or place.name:
        return (place.type, place.key or place.name)
    if place.iso_code:
        return (place.type, place.iso_code)
    return (place.type, place.country, _base_name(text))


_INITIALS = re.compile(r"\b[A-Z]\.\s?[A-Z]\.")
_LOWER_CONNECTORS = {"of", "and", "the", "de", "del", "la", "al", "el", "on", "upon"}


def _spelled_out(text: str, key: str) -> bool:
    """Whether a mention spells a lexicon place's name out: the name itself, or a form that is
    no abbreviation ("FATA", "D.I. Khan") and carries no common noun ("Danube river")."""
    if fold_name(text) == fold_name(key):
        return True
    words = re.findall(r"\w+", fold_name(key))
    acronym = text.isupper() and " " not in text and fold_name(text) not in words
    if acronym or _INITIALS.search(text):  # not a dateline's "WASHINGTON"
        return False
    return not any(w[:1].islower() and w not in _LOWER_CONNECTORS for w in text.split())


def _name_of(place: Place, mentions: list[Mention]) -> str:
    if place.type == "country":
        return country_name(place.country) or mentions[0].text
    if place.name:
        return place.name
    if place.key:
        # the article's spelling ("Kiev"), but the lexicon's name for an abbreviation
        mentions = [m for m in mentions if _spelled_out(m.text, place.key)]
        if not mentions:
            return place.key
    # the article's spelling: a form with its suffix first, then one not in capitals (datelines)
    ranked = sorted(
        mentions,
        key=lambda m: (len(m.text.split()) == 1, m.text.isupper(), m.start_char),
    )
    text = ranked[0].text
    # only a dateline's capitals ("BANGALORE"): the name as it is written in running text
    return text.title() if text.isupper() and len(text) > 3 else text


_Found = tuple[Place, str, int, int]


def _promote_bare_names(found: list[_Found]) -> list[_Found]:
    """"Ardabil" after "Ardabil Province" is the province, not the city of the same name."""
    subdivisions = {
        (p.country, _base_name(t)): p for p, t, _, _ in found if p.type == "subdivision"
    }
    out = []
    for place, text, start, end in found:
        # a large city keeps its own row beside its province ("Novosibirsk Region", "Novosibirsk")
        if place.type == "city" and not place.name and not place.key and place.population < _WORLD_CITY:
            place = subdivisions.get((place.country, _base_name(text)), place)
        out.append((place, text, start, end))
    return out


def find_place_spans(doc: Doc) -> list[_Found]:
    """Every place mention in the Doc with its resolved gazetteer entry, in text order."""
    matches = _gazetteer_matches(doc)
    matches = sorted(matches + _postal_states(doc, matches), key=lambda m: m.start)
    countries = _doc_countries(doc, matches)
    for match in matches:
        if match.place is None:
            match.place = _choose(doc, match, countries, matches)
    _listed_with_chosen(doc, matches)
    matches = sorted(matches + unknown_towns(doc, matches), key=lambda m: m.start)
    matches = _natural_features(doc, matches, countries)
    matches = _shared_head_names(doc, matches, countries)
    matches = sorted(matches + ner_places(doc, matches), key=lambda m: m.start)
    exclude_work_names(doc, matches)
    for index, match in enumerate(matches):
        if match.place is None:
            continue
        if _inside_project_or_org(doc, matches, index) or _inside_person(doc, match, matches) or _wire_credit(doc, match):
            match.excluded = True
    for left, right in zip(matches, matches[1:]):
        if left.excluded and right.start == left.end + 1 and doc[left.end].lower_ == "and":
            right.excluded = right.excluded or _org_before(doc, left.start)
    extra = _compass_regions(doc, matches)
    kept = [m for m in matches + extra if m.place is not None and not m.excluded]
    kept.sort(key=lambda m: m.start)
    found = []
    for m in kept:
        start, end = m.char_span(doc)
        found.append((m.place, full_text(doc)[start:end], start, end))
    return _promote_bare_names(found)


def find_regions(doc: Doc) -> list[Region]:
    """Return one Region per distinct place the article names, with all its mentions."""
    groups: dict[tuple, tuple[Place, list[Mention]]] = {}
    for place, text, start, end in find_place_spans(doc):
        key = _place_key(place, text)
        mention = Mention("REGION", text, start, end)
        known, mentions = groups.setdefault(key, (place, []))
        mentions.append(mention)
        if place.name and not known.name:
            groups[key] = (place, mentions)  # a lexicon's name over the article's spelling
    regions = []
    for key, (place, mentions) in groups.items():
        name = _name_of(place, mentions)
        mentions = [
            Mention(m.label, m.text, m.start_char, m.end_char, key=f"region:{name}")
            for m in mentions
        ]
        iso = place.iso_code if place.type in ("country", "subdivision") else None
        regions.append(Region(name, place.type, place.country, iso, mentions))
    return with_context_countries(doc, shared_country_names(regions))


def without_mentions_within(
    regions: list[Region], spans: list[tuple[int, int]], *, keep_whole: bool = False
) -> list[Region]:
    """Regions without their mentions inside the given character spans (names of people or of
    projects); a region left with no mention is dropped, one also named on its own stays.
    `keep_whole` keeps a mention that is the whole span (a reservoir named like its dam)."""
    if not spans:
        return regions
    kept = []
    for region in regions:
        mentions = [
            m for m in region.mentions
            if not any(
                start <= m.start_char and m.end_char <= end
                and not (keep_whole and (start, end) == (m.start_char, m.end_char))
                for start, end in spans
            )
        ]
        if mentions:
            region.mentions = mentions
            kept.append(region)
    return kept


_PLACING_WORDS = re.compile(r"\s(?:in|at|for|between|near|from|across|over|along|through|linking|connecting|and)\s")


def name_spans(records: list) -> list[tuple[int, int]]:
    """Character spans of the mentions that spell a record's name or alias (not descriptions
    such as "the governor of Ardabil"), each cut before a word that places it ("roads in
    Mangystau Oblast" names Mangystau Oblast on its own)."""
    spans = []
    for record in records:
        forms = {fold_name(record.name), *(fold_name(a) for a in record.aliases)}
        for m in record.mentions:
            if fold_name(m.text) in forms:
                placed = _PLACING_WORDS.search(m.text)
                spans.append((m.start_char, m.start_char + placed.start() if placed else m.end_char))
    return spans
