"""Find officials (named persons with an office) in a Doc.

Offices are found with a PhraseMatcher over `models/roles.jsonl`; each office is read with the
words around it (country or organization before it, "of/to/for" tails after it) and tied to a
name: the name right after it ("Foreign Minister Jeyhun Bayramov", "SECRETARY CLINTON:"), a name
in apposition before it ("Jeyhun Bayramov, Azerbaijan's foreign minister"), or, for a definite
description ("the Iranian president"), an official named elsewhere. Name forms are then grouped
per person (surnames matched fuzzily), and every occurrence of them becomes a mention.

Here: the names next to an office, the article's countries (for offices the text leaves without
a state) and the extractor itself; `offices.py` finds and reads the offices, and `tokens.py`
holds the token tests both share. About 500 lines: the name readers stay beside the resolution
of name forms into officials, which calls them at every step.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ...normalize import names
from ...normalize.geo import country_code, is_demonym
from ..doc_views import entities, full_text, texts
from ...records import Mention, Official, Region
from ...resources import load_json, load_jsonl
from ...normalize.roles import kind_of, lexicon, role_words
from .offices import (
    DETERMINERS,
    ROYAL_ADDRESS,
    TAIL_JOINERS,
    Office,
    _group_organization,
    _org_country,
    _role_spans,
    _share_organization,
    organization_countries,
    read_office,
)
from .tokens import _is_capitalized, _is_initial, _is_place, organisation_words

KNOWN_FILE = "known_officials.jsonl"
OFFICES_FILE = "offices.json"
INTERNATIONAL = "international"  # the home "state" of an article written by an international body
MAX_NAME_TOKENS = 6
# entity labels that mark a capitalized word as something other than a person's name
NOT_NAME_LABELS = frozenset({"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "DATE", "TIME", "MONEY",
                             "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "PRODUCT", "LANGUAGE"})
NAME_PARTICLES = frozenset({"von", "van", "der", "de", "da", "del", "al", "el", "bin", "ibn", "la", "le", "du"})


@dataclass
class Sighting:
    """A name span, with the office the text gives it there (None for a bare name)."""

    start_char: int
    end_char: int
    text: str
    office: Office | None = None


@dataclass
class Person:
    """One person of the article: all name forms and offices seen."""

    sightings: list[Sighting] = field(default_factory=list)

    @property
    def offices(self) -> list[Office]:
        return [s.office for s in self.sightings if s.office is not None]



# ---------------------------------------------------------------- token tests


def _name_token_ok(token: Token, region_names: frozenset[str]) -> bool:
    words = role_words()
    if token.is_space or token.is_punct and not _is_initial(token):
        return False
    low = token.lower_
    if low in words["name_stop"] or low in words["honorifics"] or is_demonym(token.text):
        return False
    if token.ent_type_ in NOT_NAME_LABELS:
        return False
    if token.ent_type_ in {"GPE", "LOC", "NORP"} and _is_place(token.text, region_names):
        return False
    if token.ent_type_ == "" and _is_place(token.text, region_names):
        return False
    return _is_capitalized(token) or _is_initial(token)


def _org_is_a_name(span: Span, region_names: frozenset[str]) -> bool:
    """An ORG entity right after an office that is only a person's name: proper nouns (and
    dashes), none of them a word of organisations, offices or places."""
    org_words = organisation_words()
    words = [t for t in span if t.text not in ("-", "–")]
    if not 1 < len(words) <= MAX_NAME_TOKENS:
        return False
    for token in words:
        if token.pos_ != "PROPN" or not _is_capitalized(token) or token.text in org_words:
            return False
        if token.lower_ in lexicon() or _is_place(token.text, region_names) or is_demonym(token.text):
            return False
    return True



def _without_abbreviated_honorific(span: Span) -> Span:
    """ "H.E. Matata Ponyo Mapon", "Dr. A B": NER keeps the abbreviated form of address in the name."""
    start = span.start
    honorifics = role_words()["honorifics"]
    while span.end - start > 2 and "." in span.doc[start].text and span.doc[start].lower_ in honorifics:
        start += 1
    return span.doc[start : span.end]


def _person_display(span: Span) -> str:
    text = " ".join(span.text.replace("[", " ").replace("]", " ").split())
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)].rstrip()
    if text.isupper() and len(text) > 3:
        text = text.title()
    last = text.split()[-1] if text else ""
    if last.endswith(".") and len(last) > 2 and len(text.split()) > 1 and names.fold(last) not in names.SUFFIXES:
        text = text[:-1]  # "Ambassador Yamada Jun.": the sentence's full stop is no part of the name
    return text


# ---------------------------------------------------------------- names next to an office


# titles that are given names too ("Foreign Minister Amir Khan Muttaqi", "Sultan Al Jaber")
_GIVEN_NAME_TITLES = frozenset({"amir", "sultan"})


def _given_name_title(doc: Doc, i: int) -> bool:
    """A title word right after another office and before a capitalised name is a first name."""
    return (
        doc[i].lower_ in _GIVEN_NAME_TITLES
        and i >= 1 and doc[i - 1].lower_ in lexicon()
        and i + 1 < len(doc) and doc[i + 1].is_title
    )


def name_after(doc: Doc, i: int, role_starts: set[int], region_names: frozenset[str]) -> Span | None:
    """The person's name starting at token i (honorifics skipped), or None."""
    words = role_words()
    while i < len(doc) and (doc[i].lower_ in words["honorifics"] or doc[i].lower_.rstrip(".") in words["honorifics"]
                            or doc[i].lower_ in {"his", "her"} and i + 1 < len(doc) and doc[i + 1].lower_ == "excellency"
                            or doc[i].lower_ in ROYAL_ADDRESS and i not in role_starts and i + 1 < len(doc) and _is_capitalized(doc[i + 1])):
        i += 1
        if i < len(doc) and doc[i].text == "." and not doc[i - 1].whitespace_:
            i += 1  # "Ing. Luis Blanco": the tokenizer split the abbreviation's full stop
    if i + 2 < len(doc) and doc[i].text == "[" and doc[i + 2].text == "]":
        i += 1  # "Ambassador [Kent] Logsdon": a transcript adds the first name in brackets
    start = i
    given_title = start in role_starts  # "Foreign Minister Amir Khan Muttaqi": "Amir" is his
    if given_title and not _given_name_title(doc, start):
        return None
    while i < len(doc) and i - start < MAX_NAME_TOKENS:
        token = doc[i]
        if token.text == "]" and i == start + 1 and i + 1 < len(doc) and _is_capitalized(doc[i + 1]):
            i += 1
            continue
        if i > start and i in role_starts or token.lower_ in lexicon() and not (i == start and given_title):
            break
        if i == start and token.ent_type_ in ("ORG", "FAC") and token.ent_iob_ == "B":
            ent_end = next(e.end for e in entities(doc) if e.start == i)
            if _org_is_a_name(doc[i:ent_end], region_names):
                i = ent_end  # "President Kassym-Jomart Tokayev": NER took the name for an ORG
                continue
        if token.ent_type_ in NOT_NAME_LABELS and token.ent_iob_ == "I" and doc[start].ent_iob_ == "I" and _is_capitalized(token):
            i += 1  # "Secretary of State Pompeo": NER's ORG began inside the office
            continue
        if token.ent_type_ == "PERSON" and token.ent_iob_ in ("B", "I") and i == start:
            ent_end = next(e.end for e in entities(doc) if e.start <= i < e.end)
            line_break = next((t.i for t in doc[i:ent_end] if "\n" in t.text or "\n" in t.whitespace_), None)
            i = max(i + 1, ent_end if line_break is None else line_break + (0 if "\n" in doc[line_break].text else 1))
            continue
        if _name_token_ok(token, region_names):
            i += 1
            continue
        if token.lower_ in NAME_PARTICLES and i + 1 < len(doc) and _is_capitalized(doc[i + 1]) and i > start:
            i += 1
            continue
        if token.text == "-" and i > start and i + 1 < len(doc) and _is_capitalized(doc[i + 1]):
            i += 1
            continue
        break
    # ", Jr." belongs to the name
    if i + 2 <= len(doc) and i > start and doc[i].text == "," and i + 1 < len(doc) and names.fold(doc[i + 1].text) in names.SUFFIXES:
        i += 2
    while i > start + 1 and doc[i - 1].text in words["post_nominals"]:
        i -= 1  # "Tom Reid CMG": honours are no part of the name
    while i > start and (doc[i - 1].text == "-" or doc[i - 1].lower_ in NAME_PARTICLES):
        i -= 1
    span = doc[start:i]
    if not span or all(_is_initial(t) for t in span) or not any(t.is_alpha for t in span):
        return None
    return span


def _with_cut_given_names(doc: Doc, ent: Span, region_names: frozenset[str]) -> Span:
    """ "Her Excellency Samia Suluhu Hassan,": NER may take only the last of a name's words; the
    name words right before it belong to it (never an office, an honorific or a sentence's
    capitalized first word)."""
    start = ent.start
    while start > 0 and ent.end - start < MAX_NAME_TOKENS and _name_token_ok(doc[start - 1], region_names):
        token = doc[start - 1]
        if token.lower_ in lexicon() or token.is_sent_start and token.is_stop or token.ent_type_:
            break
        start -= 1
    return doc[start : ent.end]


def name_before(doc: Doc, end: int, region_names: frozenset[str]) -> Span | None:
    """The person's name ending right before token `end` (a PERSON entity or capitalized words)."""
    if end <= 0:
        return None
    for ent in entities(doc):
        if ent.end == end and ent.label_ == "PERSON" and not is_demonym(ent.text):
            # "Madam Secretary", "His Majesty, the King": a form of address is no name
            if not any(_name_token_ok(t, region_names) for t in ent):
                return None
            return _without_abbreviated_honorific(_with_cut_given_names(doc, ent, region_names))
        # "Vaughan Turekian, Science Adviser ...": NER took the name (and its comma) for an ORG
        if ent.label_ == "ORG" and ent.start < end and (ent.end == end or ent.end == end + 1 and doc[end].text == ","):
            span = _without_abbreviated_honorific(doc[ent.start : end])
            if _org_is_a_name(span, region_names):
                return span
    i = end
    while i > 0 and end - i < MAX_NAME_TOKENS and (_name_token_ok(doc[i - 1], region_names) or doc[i - 1].lower_ in NAME_PARTICLES):
        i -= 1
    # ", Jr." before the comma of an apposition
    span = doc[i:end]
    if not span or not any(t.is_alpha and len(t) > 1 for t in span):
        return None
    if i > 0 and doc[i - 1].lower_ in TAIL_JOINERS or any(t.lower_ in lexicon() for t in span):
        return None  # "Minister of Public Works, Governor of ...": a portfolio, not a name
    if any(t.ent_type_ == "PERSON" for t in span) or len(span) >= 2:
        return span
    return None


# ---------------------------------------------------------------- the article's countries


def article_countries(doc: Doc, regions: list[Region]) -> list[tuple[int, str]]:
    """(char offset, code) of every country named or implied by a demonym in the text."""
    found: list[tuple[int, str]] = []
    for region in regions:
        if region.type == "country" and region.iso_code or region.country:
            code = region.iso_code if region.type == "country" else None
            if region.type == "country" and code:
                found.extend((m.start_char, code) for m in region.mentions)
    if not found:
        for ent in entities(doc):
            if ent.label_ == "GPE":
                code = country_code(ent.text)
                if code:
                    found.append((ent.start_char, code))
    inside = _place_name_spans(doc, regions)
    for i, text in enumerate(texts(doc)):
        if text[:1].isupper() and is_demonym(text) and not any(s <= doc[i].idx < e for s, e in inside):
            code = country_code(text)
            if code:
                found.append((doc[i].idx, code))
    return sorted(found)


def _place_name_spans(doc: Doc, regions: list[Region]) -> list[tuple[int, int]]:
    """Character spans of the names of places other than countries ("the Korean Peninsula"):
    a demonym inside one names the place, not the state of an official."""
    spans = [(m.start_char, m.end_char) for r in regions if r.type != "country" for m in r.mentions]
    spans += [(e.start_char, e.end_char) for e in entities(doc) if e.label_ == "LOC" and len(e) > 1]
    return spans


def article_places(regions: list[Region]) -> list[tuple[int, str]]:
    """(char offset, code of the country it lies in) of every place below a country ("in Vientiane")."""
    return sorted((m.start_char, r.country) for r in regions if r.type in ("city", "subdivision") and r.country
                  for m in r.mentions)


def default_country(doc: Doc, countries: list[tuple[int, str]], at_char: int,
                    places: list[tuple[int, str]] = ()) -> str | None:
    """A country for an office the text does not tie to one: the article's main foreign country,
    the sentence's own countries first, else the countries of its towns ("meet X in Bangkok")."""
    if not countries:
        return None
    counts: dict[str, int] = {}
    for _, code in countries:
        counts[code] = counts.get(code, 0) + 1
    sentence = doc.char_span(at_char, at_char + 1, alignment_mode="expand")
    if sentence is not None:
        sent = sentence.sent
        local = _named_in(sent, countries, places, counts)
        if local:
            before = [(pos, code) for pos, code in local if pos < at_char]
            return max(before)[1] if before else min(local)[1]
        # none in the sentence: the last country or town the sentence before names
        earlier = _named_in(doc[sent.start - 1].sent, countries, places, counts) if sent.start > 0 else []
        if earlier:
            return max(earlier)[1]
    return max(counts, key=lambda c: counts[c])


def _named_in(sent: Span, countries: list[tuple[int, str]], places: list[tuple[int, str]],
              counts: dict[str, int]) -> list[tuple[int, str]]:
    """The countries a sentence names, else those of its towns that the article names too."""
    inside = [(pos, code) for pos, code in countries if sent.start_char <= pos < sent.end_char]
    return inside or [(pos, code) for pos, code in places if sent.start_char <= pos < sent.end_char and code in counts]


def home_country(doc: Doc) -> str | None:
    """The state whose agencies the article names (USAID, 'U.S. Embassy'): its own officials go unmarked."""
    table = organization_countries()
    counts: dict[str, int] = {}
    for ent in entities(doc):
        if ent.label_ in {"ORG", "GPE", "NORP"}:
            known, code = _org_country(ent.text.removeprefix("the ").removeprefix("The "))
            if ent.label_ != "ORG" and not known:
                code = None
            if ent.label_ != "ORG" and country_code(ent.text) == "US":
                code = "US"  # the voice of most official press releases; other states name their own
            if ent.label_ == "ORG" and known and code is None:
                code = INTERNATIONAL
            if code and (ent.label_ == "ORG" or code == "US"):
                counts[code] = counts.get(code, 0) + 1
    for text in texts(doc):
        if text.isupper():
            code = table.get(names.fold(text))
            if code:
                counts[code] = counts.get(code, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _dateline_country(doc: Doc, regions: list[Region]) -> str | None:
    """The country of the place that opens the body in capitals ("WASHINGTON —", "NAIROBI,")."""
    text = full_text(doc)
    for region in regions:
        for m in region.mentions:
            if m.text.isupper() and (m.start_char == 0 or text[m.start_char - 1] == "\n") and region.country:
                return region.country
    return None


# kinds of office whose holder, unmarked, serves the article's own state or a foreign one
HOME_KINDS = frozenset({"diplomat", "agency", "military"})


@lru_cache(maxsize=1)
def known_officials() -> tuple[tuple[str, str], ...]:
    """(name, country) of widely reported office holders (`models/known_officials.jsonl`)."""
    return tuple((e["name"], e["country"]) for e in load_jsonl(KNOWN_FILE))


def known_country(name: str) -> str | None:
    """The state a widely reported office holder serves, when the name is unambiguous."""
    found = {country for known, country in known_officials() if names.same_person(known, name)
             and names.surname(known) == names.surname(name)}
    return found.pop() if len(found) == 1 else None


def _unstated_country(doc: Doc, countries: list[tuple[int, str]], at_char: int, office: Office, home: str | None,
                      name: str = "", places: list[tuple[int, str]] = ()) -> str | None:
    """The country of an office the text does not tie to a state."""
    known = known_country(name) if name else None
    if known:
        return known
    if home and not office.organization and (office.kind in HOME_KINDS or _home_role(office.role, office.role_text)):
        return None if home == INTERNATIONAL else home
    if office.kind == "international":
        return None
    # a diplomat never serves the state it is posted to; "his Indonesian counterpart" names
    # the state of the other side
    counterparts = _counterpart_states(doc)
    countries = [(pos, code) for pos, code in countries if code != office.posted_to and pos not in counterparts]
    places = [(pos, code) for pos, code in places if code != office.posted_to]
    # the foreign state the article names, else the one its towns lie in ("Kabul"): a home
    # state's release abroad names the host's towns more often than the host itself
    foreign = [(pos, code) for pos, code in countries if code != home]
    foreign = foreign or [(pos, code) for pos, code in places if code != home]
    return default_country(doc, foreign or countries, at_char, places)


def _counterpart_states(doc: Doc) -> frozenset[int]:
    """Character offsets of the state words right before "counterpart"."""
    words = texts(doc)
    return frozenset(doc[i - 1].idx for i, w in enumerate(words) if i and w in ("counterpart", "counterparts"))


def _home_role(role: str, role_text: str = "") -> bool:
    """A secretary's office of the article's own state ("Secretary", "Assistant Secretary of
    State"); a "State Secretary" or a "Secretary for X" is another state's style of office."""
    words = role.split()
    if role == "state secretary" or " secretary for " in f" {role_text.lower()} ":
        return False
    return "secretary" in words and "general" not in words


# ---------------------------------------------------------------- the extractor


def find_officials(doc: Doc, regions: list[Region]) -> tuple[list[Official], list[Mention]]:
    """Return the article's officials and the PERSON mentions of people who are not officials."""
    region_names = frozenset(names.fold(r.name) for r in regions)
    role_spans = _role_spans(doc)
    role_starts = {s for s, _ in role_spans}
    sightings: list[Sighting] = []
    descriptions: list[tuple[Span, Office]] = []
    used_until = 0
    pending: list[Office] = []
    last: tuple[int, Office] | None = None  # where the last named official's name ended, and the office
    for start, end in role_spans:
        if start < used_until:
            continue  # swallowed by the tail of the office before ("Chief of Staff of the Office of the Prime Minister")
        if _rank_inside_org(doc, start, end, region_names):
            continue
        office = read_office(doc, start, end, used_until, region_names)
        if last is not None:
            _share_organization(doc, office, *last)
        i = office.end
        # "Corporation (MCC), Daniel W. Yohannes": an acronym in brackets sits between office and name
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            i += 3
        comma = False
        coordinated = bool(pending) and pending[-1].end + 1 == office.prefix_start
        long_title = end - start >= 3  # "Vice-Minister for Foreign Affairs, NAME": a full title, not a bare word
        # "the country's finance minister, NAME": a possessive sets the office off as a determiner does
        possessed = office.prefix_start > 1 and doc[office.prefix_start - 1].text in {"'s", "’s"} and doc[office.prefix_start - 2].lower_ in _STATE_NOUNS
        if i < len(doc) and doc[i].text == "," and (office.end > end or office.determiner or office.prefix_start < start or coordinated or long_title or possessed):
            i += 1
            comma = True
        name = name_after(doc, i, role_starts, region_names)
        if name is None and office.end > end and not _plural(doc, end):
            carved = _name_at_tail_end(doc, end, office.end)
            if carved is not None:
                office = read_office(doc, start, end, used_until, region_names, limit=carved.start)
                name = carved
                comma = False  # a comma after the carved name ends the phrase, it sets off nothing
        if name is not None and comma and not _apposition_end(doc, name.end) and not _person_then_verb(doc, name):
            name = None
        if name is not None and _plural(doc, end) and not (name.end < len(doc) and doc[_after_own_state(doc, name.end)[0]].lower_ == "and"):
            name = None  # "Ministers of the EU Member States": a plural office names two people or none
        appositive = None
        if office.prefix_start >= 2:
            k = office.prefix_start
            if doc[k - 1].lower_ in DETERMINERS:
                k -= 1
            if k >= 2 and doc[k - 1].text == ",":
                appositive = name_before(doc, k - 1, region_names)
            if appositive is not None and last is not None and appositive.end == last[0] and _coordinated_title(doc, office, role_starts):
                appositive = None  # "Prime Minister A, Deputy Prime Minister and Minister of X B": a list of titles
        if name is not None or appositive is not None:
            _group_organization(doc, office, name if name is not None else appositive)
        if appositive is not None and name is not None and last is not None and appositive.end == last[0]:
            appositive = None  # "the X Minister, A, the Y Minister, B": A has his title already
        if name is not None and not (comma and appositive is not None):
            _share_listed_state(doc, office, last)
            # "foreign minister and economic cooperation minister, NAME": the first office counts
            for earlier in pending if coordinated else []:
                sightings.append(Sighting(name.start_char, name.end_char, _person_display(name), earlier))
            plural = _plural(doc, end)
            and_at, own = _after_own_state(doc, name.end)
            if not plural and office.country is not None:
                own = None  # "German Chancellor X of the CDU": the office says its state
            first_office = replace(office, country=own) if own else office
            sightings.append(Sighting(name.start_char, name.end_char, _person_display(name), first_office))
            used_until = name.end
            last = (name.end, office)
            pending = []
            if plural and and_at + 1 < len(doc) and doc[and_at].lower_ == "and":
                second = name_after(doc, and_at + 1, role_starts, region_names)
                if second is not None:  # "Commissioners A and B", "the Presidents A of Iran and B of Armenia"
                    second_end, own = _after_own_state(doc, second.end)
                    sightings.append(Sighting(second.start_char, second.end_char, _person_display(second),
                                              replace(office, country=own) if own else office))
                    used_until = second_end
            continue
        if appositive is not None:
            sightings.append(Sighting(appositive.start_char, appositive.end_char, _person_display(appositive), office))
            used_until = office.end
        else:
            k = office.prefix_start
            while k > 0 and doc[k - 1].is_space:
                k -= 1
            dateline = name_before(doc, k, region_names)
            if dateline is not None and any(t.ent_type_ == "PERSON" for t in dateline) and (k < office.prefix_start or doc[k - 1].whitespace_) and not office.determiner:
                sightings.append(Sighting(dateline.start_char, dateline.end_char, _person_display(dateline), office))
            elif office.role:
                span_start = office.prefix_start - (1 if office.determiner else 0)
                descriptions.append((doc[span_start:office.end], office))
            used_until = office.end
            if office.end < len(doc) and doc[office.end].lower_ == "and":
                pending = [*pending, office]
                continue
        pending = []
    sightings += _described_bare_names(doc, descriptions, sightings)
    sightings += _counterparts(doc, sightings, role_starts, region_names)
    persons = _group(sightings)
    officials, non_officials = _resolve(doc, persons, region_names, regions)
    _link_descriptions(officials, descriptions)
    return officials, non_officials


_COUNTERPART_OWNERS = frozenset({"his", "her", "their"})
_STATE_NOUNS = frozenset({"country", "nation", "government", "kingdom", "republic", "state"})
_COUNTERPART_LEADS = frozenset({"VERB", "ADP", "CCONJ", "DET"})


def _counterparts(doc: Doc, sightings: list[Sighting], role_starts: set[int],
                  region_names: frozenset[str]) -> list[Sighting]:
    """ "Danish Heir Apparent Frederik and his Swedish counterpart Victoria": a counterpart holds
    the office of the official named before it in the sentence, for the state its nationality
    word names ("his counterpart, Foreign Secretary X" names its own office)."""
    found = []
    for i in (i for i, w in enumerate(texts(doc)) if w == "counterpart" and i >= 2):
        country = country_code(doc[i - 1].text)  # "his Swedish counterpart", "his U.S. counterpart"
        # "his Swedish counterpart"; news shorthand drops the possessive ("met Uzbek counterpart X")
        if country is None or not (doc[i - 2].lower_ in _COUNTERPART_OWNERS or doc[i - 2].pos_ in _COUNTERPART_LEADS):
            continue
        k = i + 2 if i + 1 < len(doc) and doc[i + 1].text == "," else i + 1
        if k in role_starts:
            continue
        name = name_after(doc, k, role_starts, region_names)
        if name is None:
            continue
        if not any(t.ent_type_ == "PERSON" for t in name) and not _org_is_a_name(name, region_names):
            continue  # NER may take the counterpart's name for an ORG ("Retno Marsudi")
        sentence_start = doc[i].sent.start_char
        before = [s for s in sightings if s.office is not None
                  and sentence_start <= s.start_char and s.end_char <= doc[i - 2].idx]
        if before:
            office = replace(max(before, key=lambda s: s.end_char).office, country=country,
                             organization=None, posted_to=None)
            found.append(Sighting(name.start_char, name.end_char, _person_display(name), office))
    return found


@lru_cache(maxsize=1)
def _single_head_roles() -> frozenset[str]:
    """Heads of state and government one country has one of at a time ("president", "king")."""
    return frozenset(r for r in load_json(OFFICES_FILE)["of_a_country"] if kind_of(r) == "head")


def _described_bare_names(doc: Doc, descriptions: list[tuple[Span, Office]], sightings: list[Sighting]) -> list[Sighting]:
    """"Vladimir Putin had a meeting with Governor A. ... He reported to the President.": a
    capitalized description of a head of state ("the President", "the King") that no titled
    official holds refers to the one person the text named before it without an office, when
    there is exactly one such person (a full name, not inside a longer name): he is an official
    with that office."""
    found: list[Sighting] = []
    heads = _single_head_roles()
    for span, office in descriptions:
        if not (office.determiner and office.role in heads and not office.organization and not office.former):
            continue
        if doc[span.start].lower_ != "the" or not all(_is_capitalized(t) for t in doc[office.start:office.end]):
            continue
        if any(s.office is not None and s.office.role == office.role for s in sightings + found):
            continue
        titled = [s.text for s in sightings if s.office is not None]
        bare: list[Span] = []
        for ent in entities(doc):
            if ent.label_ != "PERSON" or ent.end_char > span.start_char or is_demonym(ent.text):
                continue
            if any(names.same_person(t, ent.text) for t in titled) or len(names.name_words(ent.text)) < 2:
                continue  # one word NER calls a person is too often none ("Demography")
            if ent.end < len(doc) and _is_capitalized(doc[ent.end]) and not doc[ent.end].is_punct or _line_alone(doc, ent):
                continue  # "Loy Henderson Auditorium": a name inside a name; a venue line
            if not any(names.same_person(b.text, ent.text) for b in bare):
                bare.append(ent)
        if len(bare) != 1:
            continue
        person = bare[0]
        found.append(Sighting(person.start_char, person.end_char, _person_display(person),
                              replace(office, determiner=False)))
    return found


def _line_alone(doc: Doc, span: Span) -> bool:
    """Whether a span is a whole line of its own (a heading, a venue, a signature)."""
    before = span.start == 0 or "\n" in doc[span.start - 1].text or "\n" in doc[span.start - 1].whitespace_
    after = span.end >= len(doc) or "\n" in doc[span.end].text or "\n" in doc[span.end - 1].whitespace_
    return before and after


def _rank_inside_org(doc: Doc, start: int, end: int, region_names: frozenset[str]) -> bool:
    """"General Electric Co.": a military rank that starts an organisation's name (NER's ORG
    goes on past it, and what follows is no person's name) is no office."""
    if kind_of(doc[start:end].text) != "military" or doc[start].ent_type_ != "ORG" or doc[start].ent_iob_ != "B":
        return False
    if end >= len(doc) or doc[end].ent_type_ != "ORG" or doc[end].ent_iob_ != "I":
        return False
    ent = next(e for e in entities(doc) if e.start == start)
    return not _org_is_a_name(doc[end:ent.end], region_names)


def _name_at_tail_end(doc: Doc, role_end: int, tail_end: int) -> Span | None:
    """'Head of the Department of Electricity Hamayoon Kohistani': NER glued the name to the tail."""
    if tail_end < len(doc) and (_is_capitalized(doc[tail_end]) and not doc[tail_end].is_punct):
        return None
    words = role_words()
    i = tail_end
    while i > role_end + 2 and tail_end - i < 4:
        token = doc[i - 1]
        if token.text == "-" and not token.whitespace_ and not doc[i - 2].whitespace_ and _is_capitalized(doc[i - 2]):
            i -= 1  # "Franz Drees-Gross": a double surname
            continue
        if not (_is_capitalized(token) and (token.pos_ == "PROPN" or _is_initial(token))):
            break
        folded = names.fold(token.text)
        if token.lower_ in words["name_stop"] or folded in lexicon() or folded.rstrip("s") in lexicon() or country_code(token.text):
            break
        if token.lower_ in words["portfolios"] or token.text in organisation_words():
            break  # "Minister for European Integration Smith", "Chair of the X Committee A B": the body ends before the name
        i -= 1
    if tail_end - i < 2 and not (tail_end - i == 1 and doc[i - 1].lower_ in role_words()["portfolios"]):
        return None  # no name in the tail (also keeps doc[i + 1] below inside the Doc)
    whole_entity = doc[i].ent_iob_ == "B" and i + 1 < len(doc) and doc[i + 1].ent_iob_ != "I"  # "of the EU Member States"
    if tail_end - i >= 3 and doc[i - 1].lower_ in TAIL_JOINERS and not whole_entity and all(t.tag_ == "NNP" for t in doc[i + 1 : tail_end]):
        i += 1  # "Chair of the Board of Acme Ivan Petrov": the first word still names the body
    # a surname alone follows a portfolio word ("... Integration Smith")
    short_ok = tail_end - i == 1 and doc[i - 1].lower_ in words["portfolios"] and doc[i].ent_type_ in ("", "PERSON")
    if tail_end - i < 2 and not short_ok or doc[i - 1].lower_ in TAIL_JOINERS:
        return None
    return doc[i:tail_end]


LIST_WORDS = frozenset({",", "and", "the", "then", "with"})


def _share_listed_state(doc: Doc, office: Office, last: tuple[int, Office] | None) -> None:
    """"British Prime Minister A and Foreign Secretary B", "the Beninese Minister of X, A, the
    Minister of Y, B": an office listed right after a named one of a stated state, with no state
    or body of its own, serves the same state; not after a diplomat's or an agency's office,
    which lists its hosts next."""
    if last is None or office.country or office.organization or office.kind == "international":
        return
    name_end, previous = last
    start = office.prefix_start - (1 if office.determiner else 0)
    between = doc[name_end:start]
    if previous.organization or previous.kind in HOME_KINDS or previous.posted_to:
        return  # "U.S. Ambassador A, Minister B", "Mission Director of USAID A, and the Minister B": hosts
    if previous.country and 0 < len(between) <= 3 and all(t.lower_ in LIST_WORDS for t in between):
        office.country = previous.country


def _after_own_state(doc: Doc, i: int) -> tuple[int, str | None]:
    """"A of Iran and B of Armenia": the token after an 'of COUNTRY' right after a name, and
    that country; (i, None) where none follows."""
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        first = i + 2 if doc[i + 1].lower_ == "the" else i + 1
        # "of Iran", "of the United States", "of the Kyrgyz Republic"
        for end in range(min(first + 3, len(doc)), first, -1):
            text = doc[first:end].text
            code = country_code(text)
            if code and not is_demonym(text):
                return end, code
    return i, None


def _coordinated_title(doc: Doc, office: Office, role_starts: set[int]) -> bool:
    """An office followed by "and" and another office: the title of the name after them."""
    return office.end + 1 < len(doc) and doc[office.end].lower_ == "and" and office.end + 1 in role_starts


def _plural(doc: Doc, end: int) -> bool:
    entry = lexicon().get(doc[end - 1].lower_)
    return entry is not None and entry["text"] == entry["role"] + "s"


def _person_then_verb(doc: Doc, name: Span) -> bool:
    """"Minister for Trade, Mr Ivan Petrov signed ...": a full personal name (two proper nouns
    or more) and a verb after it end the phrase as well as a comma does."""
    words = [t for t in name if not _is_initial(t)]
    if len(words) < 2 or not all(t.pos_ == "PROPN" for t in words) or name.end >= len(doc):
        return False
    return doc[name.end].pos_ in ("VERB", "AUX") or doc[name.end].lower_ in {"to", "that", "on"}


def _apposition_end(doc: Doc, i: int) -> bool:
    """A name set off by a comma after an office ends the phrase: ',', '.', 'and', ')', end;
    honours after the name ("Andy Sparkes CMG,") come before that end."""
    while i < len(doc) and doc[i].text in role_words()["post_nominals"]:
        i += 1
    return i >= len(doc) or doc[i].is_punct or doc[i].lower_ in {"and", "who"} or doc[i].is_space


def _group(sightings: list[Sighting]) -> list[Person]:
    """Group name forms per person: fullest names first, then shorter forms that fit them."""
    persons: list[Person] = []
    for sighting in sorted(sightings, key=lambda s: (-len(names.name_words(s.text)), s.start_char)):
        for person in persons:
            if names.same_person(person.sightings[0].text, sighting.text):
                person.sightings.append(sighting)
                break
        else:
            persons.append(Person([sighting]))
    return persons


def _resolve(doc: Doc, persons: list[Person], region_names: frozenset[str], regions: list[Region]) -> tuple[list[Official], list[Mention]]:
    """Officials with all their mentions, and PERSON mentions of everyone else."""
    countries = article_countries(doc, regions)
    places = article_places(regions)
    home = home_country(doc)
    dateline = _dateline_country(doc, regions)
    officials: list[Official] = []
    unstated: list[tuple[Official, Office, int]] = []  # officials whose country came from the context
    forms: list[tuple[Official, str]] = []
    for person in persons:
        offices = [o for o in person.offices if not o.former]
        if not offices:
            continue
        first = min((s for s in person.sightings if s.office in offices), key=lambda s: s.start_char)
        office = first.office
        name = max((s.text for s in person.sightings), key=lambda t: (len(names.name_words(t)), len(t)))
        role = office.role
        for other in offices:  # a later, fuller form of the same office ("Secretary" -> "Secretary of State")
            if other.role != role and other.role.startswith(role + " "):
                role = other.role
        country = next((o.country for o in offices if o.country), None)
        explicit_org = next((o.organization for o in offices if o.organization), None)
        if country is None and explicit_org:
            known, _ = _org_country(explicit_org)
            if known:
                country = None
            else:
                # "Governor of Tver Region": the office of a place within a state is that state's
                country = _place_country(explicit_org, regions) or _unstated_country(
                    doc, countries, first.start_char, office, home, name, places
                )
        elif country is None:
            country = _unstated_country(doc, countries, first.start_char, office, home, name, places)
            if dateline and not home and _home_role(office.role, office.role_text) and country != dateline:
                # "WASHINGTON — Secretary of Energy A": a secretary unmarked serves the dateline's state
                country = known_country(name) or dateline
        official = Official(
            name=name, role=role, role_text=office.role_text, country=country,
            organization=explicit_org,
            posted_to=next((o.posted_to for o in offices if o.posted_to), None),
        )
        officials.append(official)
        if country is not None and next((o.country for o in offices if o.country), None) is None and not explicit_org:
            unstated.append((official, office, first.start_char))
        forms.append((official, name))
    key_of = {id(o): names.fold(o.name) for o in officials}
    mentions: dict[int, list[Mention]] = {id(o): [] for o in officials}
    persons_out: list[Mention] = []
    claimed: set[int] = set()
    # every capitalized word that is an official's surname (or a close misspelling) is a mention
    words = texts(doc)
    for i, text in enumerate(words):
        if not text[:1].isupper() or len(text) < 2 or i in claimed:
            continue
        token = doc[i]
        if not token.is_alpha:
            continue
        if is_demonym(token.text) or token.lower_ in role_words()["name_stop"]:
            continue
        last = _hyphen_compound_end(doc, i)  # "Jae-in" is one surname word of three tokens
        word = names.fold(doc[i : last + 1].text)
        if word in lexicon():
            continue
        family = _family_name_owner(officials, word, doc, i)
        if family is not None:
            # "Wang Yi ... Wang said": a family name written first names its bearer alone
            owner, span = family, doc[i : last + 1]
        elif len(text) < 3 or last > i:
            # a short or hyphenated last word ("Wang Yi", "Moon Jae-in"): only the whole name
            owner = next((o for o in officials if names.fold(o.name.split()[-1]) == word), None)
            span = _full_name_ending(doc, last, owner.name) if owner is not None else None
            if span is None:
                continue
        else:
            owner = next((o for o in officials if names.similar_surnames(names.surname(o.name), word)), None)
            if owner is None:
                continue
            # a full name as written first: NER may cut one with particles ("von der Leyen")
            full = _full_name_ending(doc, last, owner.name) if " " in owner.name else None
            span = full or _name_span_around(doc, token, region_names)
        if span.end < len(doc) and span.end > 0 and doc[span.end].text[:1].isupper() and doc[span.end].lower_ in {"administration", "act", "doctrine", "foundation", "center", "centre"}:
            continue  # "the Trump Administration": a name inside a name
        if not names.same_person(owner.name, span.text):
            span = doc[token.i : token.i + 1]
        claimed.update(range(span.start, span.end))
        text = _person_display(span)
        mentions[id(owner)].append(Mention("OFFICIAL", span.text, span.start_char, span.end_char, key_of[id(owner)]))
        if names.fold(text) != names.fold(owner.name) and names.fold(text) not in {names.fold(a) for a in owner.aliases}:
            owner.aliases.append(text)
    for official in officials:
        official.mentions = sorted(mentions[id(official)], key=lambda m: m.start_char)
    for official, office, at_char in unstated:
        visited = _visited_countries(doc, official.mentions, countries + places)
        if _office_taken(official, officials):
            visited.add(official.country)  # "Secretary of Defense A ... Secretary of Defense B": two states
        if official.country in visited:
            rest = [(pos, code) for pos, code in countries if code not in visited]
            # decided again among the other states, the home state's claim included
            official.country = _unstated_country(doc, rest, at_char, office, None, official.name,
                                                 [(p, c) for p, c in places if c not in visited]) if rest else official.country
    # everyone else NER calls a person, demonyms and places excepted
    for ent in entities(doc):
        if ent.label_ != "PERSON" or any(t.i in claimed for t in ent) or is_demonym(ent.text):
            continue
        if _is_place(ent.text, region_names) or names.fold(ent.text) in lexicon():
            continue
        text = _person_display(ent)
        persons_out.append(Mention("PERSON", ent.text, ent.start_char, ent.end_char, names.fold(text)))
    return officials, persons_out


def _place_country(organization: str, regions: list[Region]) -> str | None:
    """The country of the town or province an office is of ("Mayor of Lviv"), if one it is."""
    folded = names.fold(organization.removeprefix("the "))
    return next(
        (r.country for r in regions
         if r.type in ("city", "subdivision") and r.country and names.fold(r.name) == folded),
        None,
    )


def _office_taken(official: Official, officials: list[Official]) -> bool:
    """Whether a widely reported holder of the same office serves the state the context gave
    this official: one state has one secretary of defense, so this one serves another."""
    return any(other is not official and other.role == official.role and other.country == official.country
               and known_country(other.name) == other.country and known_country(official.name) is None
               for other in officials)


VISIT_STEMS = ("visit", "arriv", "travel", "tour")  # the model has no lemmatizer: word forms by stem
SUBJECT_PRONOUNS = frozenset({"he", "she"})


def _visited_countries(doc: Doc, mentions: list[Mention], places: list[tuple[int, str]]) -> set[str]:
    """Countries a person travels to ("X arrived in Tokyo", "X ... as he visits Tbilisi"): a
    visitor does not serve the state he visits, whatever the sentence names most."""
    visited: set[str] = set()
    for mention in mentions:
        span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        first_person = next((e for e in entities(doc) if e.label_ == "PERSON" and sent.start <= e.start < sent.end), None)
        for verb in sent:
            if verb.pos_ != "VERB" or not verb.lower_.startswith(VISIT_STEMS) or verb.i < span.end:
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            by_name = span.start <= subject.i < span.end
            by_pronoun = subject.lower_ in SUBJECT_PRONOUNS and (first_person is None or first_person.start >= span.start)
            if not (by_name or by_pronoun):
                continue
            for target in _destinations(verb):
                lo, hi = target.left_edge.idx, target.right_edge.idx + len(target.right_edge)
                visited.update(code for pos, code in places if lo <= pos < hi)
        # "During his visit to Baku, X ...": the trip of the sentence's subject, told before it
        if span.root.dep_ == "nsubj" and span.root.head == sent.root:
            for noun in doc[sent.start : span.start]:
                if noun.lower_ not in _TRIP_NOUNS or noun.pos_ != "NOUN":
                    continue
                if not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in noun.children):
                    continue
                for target in _destinations(noun):
                    lo, hi = target.left_edge.idx, target.right_edge.idx + len(target.right_edge)
                    visited.update(code for pos, code in places if lo <= pos < hi)
    return visited


_TRIP_NOUNS = frozenset({"visit", "trip", "tour", "stay"})


def _destinations(verb: Token) -> list[Token]:
    """The places a travel verb goes to: its object ("visited Ghana and Togo") or the object of
    its "to"/"in" ("arrived in Tokyo"), never the rest of the clause."""
    targets = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "in"):
            targets.extend(c for c in prep.children if c.dep_ == "pobj")
    return targets


def _hyphen_compound_end(doc: Doc, i: int) -> int:
    """The last token of a hyphenated word starting at i ("Jae - in"), else i."""
    if i + 2 < len(doc) and doc[i + 1].text in ("-", "‑") and not doc[i].whitespace_ and not doc[i + 1].whitespace_:
        if doc[i + 2].is_alpha:
            return i + 2
    return i


def _family_name_owner(officials: list[Official], word: str, doc: Doc, i: int) -> Official | None:
    """The one official whose name opens with this family name ("Wang Yi", "Yoon Suk Yeol"),
    when the word does not open the whole name here."""
    if word not in role_words()["family_name_first"] or any(names.surname(o.name) == word for o in officials):
        return None  # "Barbara Lee": the word is someone's surname written last
    owners = [o for o in officials if 2 <= len(o.name.split()) <= 3 and names.fold(o.name.split()[0]) == word]
    if len(owners) != 1 or names.fold(full_text(doc)[doc[i].idx : doc[i].idx + len(owners[0].name)]) == names.fold(owners[0].name):
        return None
    return owners[0]


def _full_name_ending(doc: Doc, last: int, name: str) -> Span | None:
    """The official's whole name written as it is, ending at token `last`; None when it is not."""
    end_char = doc[last].idx + len(doc[last])
    start_char = end_char - len(name)
    if start_char < 0 or names.fold(doc.text[start_char:end_char]) != names.fold(name):
        return None
    return doc.char_span(start_char, end_char)


def _name_span_around(doc: Doc, token: Token, region_names: frozenset[str]) -> Span:
    """The whole name a surname belongs to: its PERSON entity, or the capitalized words before it."""
    ent = next((e for e in entities(doc) if e.start <= token.i < e.end and e.label_ == "PERSON"), None)
    if ent is not None:
        start = ent.start
        end = token.i + 1 if ent.end > token.i + 1 and not _is_name_suffix(doc, token.i + 1, ent.end) else ent.end
    else:
        start, end = token.i, token.i + 1
        while start > 0 and (_name_token_ok(doc[start - 1], region_names) and not doc[start - 1].is_space) and token.i - start < MAX_NAME_TOKENS - 1:
            if doc[start - 1].lower_ in lexicon() or doc[start - 1].lower_ in role_words()["ranks"]:
                break
            start -= 1
    while start > 0 and doc[start - 1].lower_ in NAME_PARTICLES and not doc[start - 1].is_space:
        start -= 1  # "Van der Berg said": the particles open the surname
    return doc[start:end]


def _is_name_suffix(doc: Doc, start: int, end: int) -> bool:
    return all(t.text == "," or names.fold(t.text) in names.SUFFIXES for t in doc[start:end])


def _described_before(officials: list[Official], span: Span, office: Office) -> Official | None:
    """The official a definite description refers back to: the one last named before it whose
    role holds the description's words ("the Minister" after "Karl Lund, Minister for Trade")."""
    words = (office.role or "").split()
    if not words:
        return None
    best, best_at = None, -1
    for o in officials:
        role = (o.role or "").replace("-", " ").split()
        fits = any(role[i : i + len(words)] == words for i in range(len(role) - len(words) + 1))
        if not fits or (office.country is not None and o.country not in (None, office.country)):
            continue
        before = [m.start_char for m in o.mentions if m.end_char <= span.start_char]
        if before and max(before) > best_at:
            best, best_at = o, max(before)
    return best


def _role_fits(described: str, role: str) -> bool:
    """'the Minister' refers to the 'minister for africa' too: a portfolio only narrows the office."""
    return role == described or role.startswith(described + " for ")


def _link_descriptions(officials: list[Official], descriptions: list[tuple[Span, Office]]) -> None:
    """'the Iranian president' is a mention of the official with that role (and country)."""
    for span, office in descriptions:
        if not office.determiner:
            continue
        official = _described_before(officials, span, office)
        if official is None:
            candidates = [o for o in officials if _role_fits(office.role, o.role) and (office.country is None or o.country == office.country)]
            if len(candidates) != 1:
                continue
            official = candidates[0]
        official.mentions.append(Mention("OFFICIAL", span.text, span.start_char, span.end_char, names.fold(official.name)))
        official.mentions.sort(key=lambda m: m.start_char)
