"""Find officials (named persons with an office) in a Doc.

Offices are found with a PhraseMatcher over `models/roles.jsonl`; each office is read with the
words around it (country or organization before it, "of/to/for" tails after it) and tied to a
name: the name right after it ("Foreign Minister Jeyhun Bayramov", "SECRETARY CLINTON:"), a name
in apposition before it ("Jeyhun Bayramov, Azerbaijan's foreign minister"), or, for a definite
description ("the Iranian president"), an official named elsewhere. Name forms are then grouped
per person (surnames matched fuzzily), and every occurrence of them becomes a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ...normalize import names
from ...normalize.geo import country_code, is_demonym
from ..doc_views import entities, texts
from ...records import Mention, Official, Region
from ...resources import load_json, load_jsonl
from ...normalize.roles import kind_of, lexicon, normalize_role, role_words

ORGANIZATIONS_FILE = "organizations.jsonl"
KNOWN_FILE = "known_officials.jsonl"
INTERNATIONAL = "international"  # the home "state" of an article written by an international body
MAX_NAME_TOKENS = 6
MAX_PREFIX_TOKENS = 8
MAX_TAIL_TOKENS = 10
# entity labels that mark a capitalized word as something other than a person's name
NOT_NAME_LABELS = frozenset({"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "DATE", "TIME", "MONEY",
                             "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "PRODUCT", "LANGUAGE"})
NAME_PARTICLES = frozenset({"von", "van", "der", "de", "da", "del", "al", "el", "bin", "ibn", "la", "le", "du"})
TAIL_JOINERS = frozenset({"of", "and", "the", "for", "&"})
DETERMINERS = frozenset({"the", "a", "an", "our", "their", "his", "her", "its", "my", "your"})


@dataclass
class Office:
    """An office in the text, read with its country, organization and host country."""

    start: int  # token index of the office words (after country/organization prefix)
    end: int  # token index after the office words and their tails
    role: str
    role_text: str
    kind: str | None
    country: str | None = None
    organization: str | None = None
    posted_to: str | None = None
    prefix_start: int = 0  # token index where the whole title starts (country, organization)
    determiner: bool = False  # "the Azerbaijani ambassador": a description, not a title
    former: bool = False


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


@lru_cache(maxsize=1)
def organization_countries() -> dict[str, str | None]:
    """Folded organization name -> country it serves (None for international bodies)."""
    return {names.fold(e["name"]): e["country"] for e in load_jsonl(ORGANIZATIONS_FILE)}


_MATCHERS: dict[int, PhraseMatcher] = {}


def role_matcher(vocab: Vocab) -> PhraseMatcher:
    """A PhraseMatcher of every office in the lexicon, built once per vocab."""
    matcher = _MATCHERS.get(id(vocab))
    if matcher is None:
        from spacy.lang.en import English

        tokenizer = English(vocab=vocab).tokenizer
        matcher = PhraseMatcher(vocab, attr="LOWER")
        phrases = set(lexicon())
        phrases |= {t.replace("'", "’") for t in phrases if "'" in t}
        # abbreviations are one token only when capitalized ("Gen.", "Lt. Col.")
        phrases |= {t.title() for t in phrases if "." in t}
        matcher.add("ROLE", [tokenizer(t) for t in sorted(phrases)])
        _MATCHERS[id(vocab)] = matcher
    return matcher


# ---------------------------------------------------------------- token tests


def _is_capitalized(token: Token) -> bool:
    return token.text[:1].isupper()


def _is_initial(token: Token) -> bool:
    text = token.text
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def _is_place(span_text: str, region_names: frozenset[str]) -> bool:
    return country_code(span_text) is not None or names.fold(span_text) in region_names


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


@lru_cache(maxsize=1)
def organisation_words() -> frozenset[str]:
    """Words that end the names of organisations ("Bank", "Railways"), from models/."""
    return frozenset(load_json("place_context.json")["organisation_words"])


def _person_display(span: Span) -> str:
    text = span.text.strip()
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)].rstrip()
    if text.isupper() and len(text) > 3:
        text = text.title()
    return text


# ---------------------------------------------------------------- names next to an office


def name_after(doc: Doc, i: int, role_starts: set[int], region_names: frozenset[str]) -> Span | None:
    """The person's name starting at token i (honorifics skipped), or None."""
    words = role_words()
    while i < len(doc) and (doc[i].lower_ in words["honorifics"] or doc[i].lower_.rstrip(".") in words["honorifics"]
                            or doc[i].lower_ in {"his", "her"} and i + 1 < len(doc) and doc[i + 1].lower_ == "excellency"):
        i += 1
    start = i
    if start in role_starts:
        return None
    while i < len(doc) and i - start < MAX_NAME_TOKENS:
        token = doc[i]
        if i > start and i in role_starts or token.lower_ in lexicon():
            break
        if i == start and token.ent_type_ == "ORG" and token.ent_iob_ == "B":
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
    while i > start and (doc[i - 1].text == "-" or doc[i - 1].lower_ in NAME_PARTICLES):
        i -= 1
    span = doc[start:i]
    if not span or all(_is_initial(t) for t in span) or not any(t.is_alpha for t in span):
        return None
    return span


def name_before(doc: Doc, end: int, region_names: frozenset[str]) -> Span | None:
    """The person's name ending right before token `end` (a PERSON entity or capitalized words)."""
    if end <= 0:
        return None
    for ent in entities(doc):
        if ent.end == end and ent.label_ == "PERSON" and not is_demonym(ent.text):
            return ent
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


# ---------------------------------------------------------------- reading an office


def _role_spans(doc: Doc) -> list[tuple[int, int]]:
    """Longest non-overlapping office matches, rank words to their left included."""
    matches = role_matcher(doc.vocab)(doc)
    spans = sorted(((s, e) for _, s, e in matches), key=lambda x: (x[0], -(x[1] - x[0])))
    chosen: list[tuple[int, int]] = []
    last_end = -1
    for start, end in sorted(spans, key=lambda x: (-(x[1] - x[0]), x[0])):
        if any(not (end <= s or start >= e) for s, e in chosen):
            continue
        chosen.append((start, end))
    chosen.sort()
    words = role_words()
    result = []
    for start, end in chosen:
        text = doc[start:end].text
        if end - start == 1 and text.lower() in words["capital_only"] and not _is_capitalized(doc[start]):
            # "the president" is still a description; "in charge" is not an office
            if not (start > 0 and (doc[start - 1].lower_ in DETERMINERS or is_demonym(doc[start - 1].text) or doc[start - 1].tag_ == "POS")):
                continue
        while start > 0 and doc[start - 1].lower_ in words["ranks"] and start - 1 >= last_end:
            start -= 1
        result.append((start, end))
        last_end = end
    return result


def _tail(doc: Doc, i: int, region_names: frozenset[str], limit: int | None = None) -> tuple[int, str, int, int]:
    """Read an 'of/to/for X' tail at token i: (end, preposition, x_start, x_end); end == i if none."""
    limit = len(doc) if limit is None else limit
    if i >= limit or doc[i].lower_ not in {"of", "to", "for"}:
        return i, "", i, i
    prep = doc[i].lower_
    j = i + 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    x_start = j
    while j < limit and j - x_start < MAX_TAIL_TOKENS:
        token = doc[j]
        if token.ent_type_ == "PERSON" and token.ent_iob_ == "B" and j > x_start:
            break
        if token.is_space or token.text in {",", ";", ":", "(", ")", "—", "–"} or token.lower_ in role_words()["honorifics"]:
            break
        if _is_capitalized(token) or token.lower_ in TAIL_JOINERS or token.text in {"-", "/", "’s", "'s", "."}:
            j += 1
            continue
        break
    while j > x_start and (doc[j - 1].lower_ in TAIL_JOINERS or doc[j - 1].text in {"-", "/"}):
        j -= 1
    if j == x_start:
        return i, "", i, i
    # "to Nepal Imran Qadir": NER may glue the name to the country; the country ends the tail
    if prep in {"to", "of"}:
        for k in range(x_start + 1, j):
            if country_code(doc[x_start:k].text) and not is_demonym(doc[x_start:k].text) and _is_capitalized(doc[k]) and doc[k].lower_ not in role_words()["name_stop"]:
                return k, prep, x_start, k
    # "for Europe and Central Asia Antonella Bassani": a place ends the tail when two or more
    # capitalized words that are no place follow it
    portfolios = set(role_words()["portfolios"])
    words_end = j - 1 if doc[j - 1].text == "." else j  # a sentence's full stop is no name
    for k in range(words_end - 2, x_start, -1):
        # "... of the Department of Electricity Hamayoon Kohistani": NER glues the name to the
        # body; a place, a portfolio or an organisation word ends the body
        body_end = _ends_with_place(doc, x_start, k, region_names) or doc[k - 1].lower_ in portfolios
        if body_end and all(_could_be_name(t, region_names) for t in doc[k:words_end]):
            return k, prep, x_start, k
    return j, prep, x_start, j


def _ends_with_place(doc: Doc, start: int, end: int, region_names: frozenset[str]) -> bool:
    """Whether doc[start:end] ends with a place name (not a demonym) of one to three words."""
    for width in (3, 2, 1):
        text = doc[end - width : end].text if end - width >= start else ""
        if text and _is_place(text, region_names) and not is_demonym(text):
            return True
    return False


def _could_be_name(token: Token, region_names: frozenset[str]) -> bool:
    """A capitalized word that is no place, office, organisation word or joiner."""
    return (
        _is_capitalized(token)
        and token.ent_type_ not in {"FAC", "NORP"}  # NER glues names to places too ("West Asia Yevgeniy Zhukov")
        and token.lower_ not in TAIL_JOINERS
        and token.lower_ not in lexicon()
        and token.text not in organisation_words()
        and not _is_place(token.text, region_names)
    )


@lru_cache(maxsize=16384)
def _org_country(org: str) -> tuple[bool, str | None]:
    """(known, country) of an organization named with an office."""
    folded = names.fold(org)
    table = organization_countries()
    if folded in table:
        return True, table[folded]
    for key, country in table.items():
        # "USAID/Armenia", "USAID Bureau for Europe": the agency that starts the name decides
        if len(key) > 2 and (folded.startswith(key + " ") or folded.startswith(key + "/") or folded.startswith(key + "'")):
            return True, country
    if "u.s." in folded.split() or folded.startswith("u.s."):
        return True, "US"
    return False, None


def _prefix(doc: Doc, start: int, floor: int, region_names: frozenset[str]) -> tuple[int, list[Token], bool, bool]:
    """Words before an office that qualify it: (start, tokens, has determiner, former)."""
    words = role_words()
    i = start
    while i > floor and start - i < MAX_PREFIX_TOKENS:
        token = doc[i - 1]
        if token.is_space or token.text in {",", ";", ":", "—", "–", "\"", "“", "”"}:
            break
        if token.text == "-" and token.whitespace_ and i >= 2 and doc[i - 2].whitespace_:
            break  # " - " is a dash between clauses ("(Reuters) - Pakistan's ..."), not a hyphen
        if token.ent_type_ == "PERSON" and not is_demonym(token.text):
            break
        if token.lower_ in DETERMINERS or token.lower_ in words["former"]:
            break
        if _is_capitalized(token) or token.text in {"’s", "'s", "/", "-", "(", ")", "&"} or token.tag_ == "POS":
            i -= 1
            continue
        if token.lower_ in {"of", "for", "and"} and i - 2 >= floor and _is_capitalized(doc[i - 2]) and doc[i - 2].ent_type_ in {"ORG", "GPE"}:
            i -= 1
            continue
        break
    # a prefix starts with a capitalized word, not a joiner
    while i < start and (doc[i].lower_ in {"of", "for", "and", "-", "/", ")", "’s", "'s"}):
        i += 1
    before = doc[i - 1] if i > 0 else None
    low = before.lower_ if before is not None else ""
    determiner = low in DETERMINERS
    former = low in words["former"] or (before is not None and before.text == "-" and i > 1 and doc[i - 2].lower_ in words["former"])
    if before is not None and low == "-" and i > 1 and doc[i - 2].lower_ == "ex":
        former = True
    return i, list(doc[i:start]), determiner, former


def _read_prefix(tokens: list[Token]) -> tuple[str | None, str | None]:
    """(country, organization) from the words before an office."""
    country = None
    org_tokens: list[Token] = []
    for k, token in enumerate(tokens):
        code = country_code(token.text) if token.text not in {"’s", "'s", "(", ")", "/", "-"} else None
        if code and (is_demonym(token.text) or k == len(tokens) - 1 or tokens[k + 1].text in {"’s", "'s"} or tokens[k + 1].tag_ == "POS" or not org_tokens and _country_only(tokens[k + 1:])):
            country = country or code
            continue
        if token.text in {"’s", "'s"} or token.tag_ == "POS":
            if org_tokens and k < len(tokens) - 1:
                # "U.S. Government's Millennium Challenge Corporation": the owner only names the state
                owner = " ".join(t.text for t in org_tokens)
                known, owner_country = _org_country(owner)
                country = country or owner_country or _country_within_tokens(org_tokens)
                org_tokens = []
            continue
        org_tokens.append(token)
    # a bracketed acronym after the full name ("Millennium Challenge Corporation (MCC)")
    if len(org_tokens) >= 4 and org_tokens[-3].text == "(" and org_tokens[-1].text == ")":
        org_tokens = org_tokens[:-3]
    elif len(org_tokens) >= 3 and org_tokens[-2].text == "(":
        org_tokens = org_tokens[:-2]
    org = " ".join(t.text for t in org_tokens).replace(" / ", "/").strip(" -/()")
    org = org.replace("( ", "(").replace(" )", ")")
    if org and all(t.text in {"(", ")"} or t.text.isupper() and len(t.text) <= 5 for t in org_tokens) and len(org_tokens) == 3:
        org = org_tokens[1].text
    # multi-word places ("United States", "Ardabil Province") are checked as a whole
    if org:
        code = country_code(org)
        if code and not is_demonym(org):
            return country or code, None
    return country, org or None


def _country_within_tokens(tokens: list[Token]) -> str | None:
    codes = [country_code(t.text) for t in tokens if t.text[:1].isupper()]
    return next((c for c in codes if c), None)


def _country_only(tokens: list[Token]) -> bool:
    return all(t.text in {"’s", "'s"} or t.tag_ == "POS" for t in tokens)


def read_office(doc: Doc, start: int, end: int, floor: int, region_names: frozenset[str], limit: int | None = None) -> Office:
    """Read the office at tokens [start, end) with its prefix and tails."""
    prefix_start, prefix_tokens, determiner, former = _prefix(doc, start, floor, region_names)
    country, organization = _read_prefix(prefix_tokens)
    role_text = doc[start:end].text
    role_end = end
    # "High Representative/Vice President": the first of two offices
    while role_end < len(doc) - 1 and doc[role_end].text == "/" and doc[role_end + 1].lower_ in lexicon():
        role_end += 2
        while role_end < len(doc) and _is_capitalized(doc[role_end]) and " ".join(t.lower_ for t in doc[role_end - 1 : role_end + 1]) in lexicon():
            role_end += 1
    posted_to = None
    kind = kind_of(role_text)
    # up to two tails: "Ambassador to Egypt", "Chief of Staff of the Office of ...", "Vice President for X"
    for _ in range(2):
        tail_end, prep, x_start, x_end = _tail(doc, role_end, region_names, limit)
        if not prep:
            break
        x_text = doc[x_start:x_end].text
        code = country_code(x_text)
        if prep == "to":
            if kind == "diplomat" and code:
                posted_to = code
                role_end = tail_end
                continue
            break
        if prep == "of" and role_text.lower().endswith("minister"):
            # "Minister of Digital Development and Transport Rashad Nabiyev": the portfolio's
            # words end where the name begins
            tail_end = x_end = _portfolio_end(doc, x_start, x_end)
            x_text = doc[x_start:x_end].text
            code = country_code(x_text)
        if prep == "of":
            candidate = f"{role_text} of {doc[x_start - 1].text + ' ' if doc[x_start - 1].lower_ == 'the' else ''}{x_text}"
            if code and not is_demonym(x_text):
                country = country or code
            elif normalize_role(candidate) != normalize_role(role_text) and (role_text.lower().endswith("minister") or candidate.lower().replace("’", "'") in lexicon()):
                role_text = candidate  # a portfolio ("Minister of Energy") or an office ("Secretary of State")
            else:
                organization = organization or x_text
                if not country:
                    country = _country_within(doc[x_start:x_end])
            role_end = tail_end
            continue
        if prep == "for":
            role_end = tail_end
            continue
    role = normalize_role(role_text)
    if organization and role in PORTFOLIO_ROLES and _portfolio(organization):
        # "Infrastructure Minister": a capitalized noun before a minister names the portfolio
        role_text = f"{organization} {role_text}"
        role = f"{organization.lower()} {role}"
        organization = None
    if organization:
        known, org_country = _org_country(organization)
        if known:
            country = org_country if org_country or not country else country
            if org_country is None:
                country = None
    return Office(start=start, end=role_end, role=role, role_text=role_text, kind=kind_of(role) or kind,
                  country=country, organization=organization, posted_to=posted_to,
                  prefix_start=prefix_start, determiner=determiner, former=former)


def _portfolio_end(doc: Doc, start: int, end: int) -> int:
    """Where the portfolio words of doc[start:end] end (`end` when they do not start it)."""
    portfolios = set(role_words()["portfolios"])
    k = start
    while k < end and (doc[k].lower_ in portfolios or doc[k].lower_ in {"and", "&", ","}):
        k += 1
    while k > start and doc[k - 1].lower_ in {"and", "&", ","}:
        k -= 1
    return k if start < k < end and _is_capitalized(doc[k]) else end


PORTFOLIO_ROLES = frozenset({"minister", "deputy minister", "first deputy minister", "vice minister"})


def _portfolio(organization: str) -> bool:
    """Whether the words before a minister name a portfolio ("Infrastructure", "Digital
    Development"): words of `portfolios` in models/role_words.json, joined by "and"."""
    words = [w.lower() for w in organization.split() if w.lower() not in {"and", "&"}]
    portfolios = set(role_words()["portfolios"])
    return 0 < len(words) <= 4 and all(w in portfolios for w in words)


def _country_within(span: Span) -> str | None:
    for token in span:
        if is_demonym(token.text) or (token.ent_type_ in {"GPE", "NORP"} and country_code(token.text)):
            return country_code(token.text)
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
    for i, text in enumerate(texts(doc)):
        if text[:1].isupper() and is_demonym(text):
            code = country_code(text)
            if code:
                found.append((doc[i].idx, code))
    return sorted(found)


def default_country(doc: Doc, countries: list[tuple[int, str]], at_char: int) -> str | None:
    """A country for an office the text does not tie to one: the article's main foreign country."""
    if not countries:
        return None
    counts: dict[str, int] = {}
    for _, code in countries:
        counts[code] = counts.get(code, 0) + 1
    sentence = doc.char_span(at_char, at_char + 1, alignment_mode="expand")
    if sentence is not None:
        sent = sentence.sent
        local = [code for pos, code in countries if sent.start_char <= pos < sent.end_char]
        if local:
            return max(local, key=lambda c: counts[c])
    return max(counts, key=lambda c: counts[c])


def home_country(doc: Doc) -> str | None:
    """The state whose agencies the article names (USAID, 'U.S. Embassy'): its own officials go unmarked."""
    table = organization_countries()
    counts: dict[str, int] = {}
    for ent in entities(doc):
        if ent.label_ in {"ORG", "GPE", "NORP"}:
            known, code = _org_country(ent.text)
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
                      name: str = "") -> str | None:
    """The country of an office the text does not tie to a state."""
    known = known_country(name) if name else None
    if known:
        return known
    if home and not office.organization and (office.kind in HOME_KINDS or _home_role(office.role)):
        return None if home == INTERNATIONAL else home
    if office.kind == "international":
        return None
    # a diplomat never serves the state it is posted to
    countries = [(pos, code) for pos, code in countries if code != office.posted_to]
    foreign = [(pos, code) for pos, code in countries if code != home]
    return default_country(doc, foreign or countries, at_char)


def _home_role(role: str) -> bool:
    return "secretary" in role.split() and "general" not in role.split()


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
        office = read_office(doc, start, end, used_until, region_names)
        if last is not None:
            _share_organization(doc, office, *last)
        i = office.end
        # "Corporation (MCC), Daniel W. Yohannes": an acronym in brackets sits between office and name
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            i += 3
        comma = False
        coordinated = bool(pending) and pending[-1].end + 1 == office.prefix_start
        if i < len(doc) and doc[i].text == "," and (office.end > end or office.determiner or office.prefix_start < start or coordinated):
            i += 1
            comma = True
        name = name_after(doc, i, role_starts, region_names)
        if name is None and office.end > end:
            carved = _name_at_tail_end(doc, end, office.end)
            if carved is not None:
                office = read_office(doc, start, end, used_until, region_names, limit=carved.start)
                name = carved
        if name is not None and comma and not _apposition_end(doc, name.end):
            name = None
        appositive = None
        if office.prefix_start >= 2:
            k = office.prefix_start
            if doc[k - 1].lower_ in DETERMINERS:
                k -= 1
            if k >= 2 and doc[k - 1].text == ",":
                appositive = name_before(doc, k - 1, region_names)
        if name is not None or appositive is not None:
            _group_organization(doc, office, name if name is not None else appositive)
        if name is not None and not (comma and appositive is not None):
            # "foreign minister and economic cooperation minister, NAME": the first office counts
            for earlier in pending if coordinated else []:
                sightings.append(Sighting(name.start_char, name.end_char, _person_display(name), earlier))
            sightings.append(Sighting(name.start_char, name.end_char, _person_display(name), office))
            used_until = name.end
            last = (name.end, office)
            pending = []
            if _plural(doc, end) and name.end + 1 < len(doc) and doc[name.end].lower_ == "and":
                second = name_after(doc, name.end + 1, role_starts, region_names)
                if second is not None:  # "Commissioners A and B"
                    sightings.append(Sighting(second.start_char, second.end_char, _person_display(second), office))
                    used_until = second.end
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
    persons = _group(sightings)
    officials, non_officials = _resolve(doc, persons, region_names, regions)
    _link_descriptions(officials, descriptions)
    return officials, non_officials


GROUP_NOUNS = frozenset({"delegation", "team", "mission", "group"})
LEADER_WORDS = frozenset({"led", "headed"})


def _group_organization(doc: Doc, office: Office, name: Span) -> None:
    """"A delegation from the MCC led by NAME, Vice President ...": an office that names no
    state nor body of its own belongs to the body the led group comes from."""
    if office.country or office.organization or name.start < 2:
        return
    if doc[name.start - 1].lower_ != "by" or doc[name.start - 2].lower_ not in LEADER_WORDS:
        return
    sent_start = doc[name.start].sent.start
    for k in range(name.start - 3, max(sent_start, name.start - 25) - 1, -1):
        if doc[k].lower_ in GROUP_NOUNS and k + 1 < len(doc) and doc[k + 1].lower_ in ("from", "of"):
            ent = next((e for e in entities(doc) if e.start > k + 1 and e.start <= k + 3 and e.label_ == "ORG"), None)
            if ent is None:
                return
            text = re.split(r"[’']s ", ent.text)[-1]
            text = re.sub(r"^the ", "", text).strip()
            known, country = _org_country(ent.text.removeprefix("the "))
            if known:
                office.organization, office.country = text, country
            return


def _share_organization(doc: Doc, office: Office, name_end: int, previous: Office) -> None:
    """"MCC Board Member A and Vice President of Compact Operations B": an office right after
    "and" that names no state nor known body of its own (a division at most) shares the
    previous one's known organization and country."""
    if office.country or previous.organization is None:
        return
    if office.organization and _org_country(office.organization)[0]:
        return
    if office.prefix_start != name_end + 1 or doc[name_end].lower_ != "and":
        return
    known, country = _org_country(previous.organization)
    # a minister, governor or diplomat serves a state, not the body named before
    if known and office.kind not in ("minister", "subnational", "diplomat"):
        office.organization, office.country = previous.organization, country


def _name_at_tail_end(doc: Doc, role_end: int, tail_end: int) -> Span | None:
    """'Head of the Department of Electricity Hamayoon Kohistani': NER glued the name to the tail."""
    if tail_end < len(doc) and (_is_capitalized(doc[tail_end]) and not doc[tail_end].is_punct):
        return None
    words = role_words()
    i = tail_end
    while i > role_end + 2 and tail_end - i < 4:
        token = doc[i - 1]
        if not (_is_capitalized(token) and (token.pos_ == "PROPN" or _is_initial(token))):
            break
        folded = names.fold(token.text)
        if token.lower_ in words["name_stop"] or folded in lexicon() or folded.rstrip("s") in lexicon() or country_code(token.text):
            break
        i -= 1
    if tail_end - i < 2 or doc[i - 1].lower_ in TAIL_JOINERS:
        return None
    return doc[i:tail_end]


def _plural(doc: Doc, end: int) -> bool:
    entry = lexicon().get(doc[end - 1].lower_)
    return entry is not None and entry["text"] == entry["role"] + "s"


def _apposition_end(doc: Doc, i: int) -> bool:
    """A name set off by a comma after an office ends the phrase: ',', '.', 'and', ')', end."""
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
    home = home_country(doc)
    officials: list[Official] = []
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
                country = _unstated_country(doc, countries, first.start_char, office, home, name)
        elif country is None:
            country = _unstated_country(doc, countries, first.start_char, office, home, name)
        official = Official(
            name=name, role=role, role_text=office.role_text, country=country,
            organization=explicit_org,
            posted_to=next((o.posted_to for o in offices if o.posted_to), None),
        )
        officials.append(official)
        forms.append((official, name))
    key_of = {id(o): names.fold(o.name) for o in officials}
    mentions: dict[int, list[Mention]] = {id(o): [] for o in officials}
    persons_out: list[Mention] = []
    claimed: set[int] = set()
    # every capitalized word that is an official's surname (or a close misspelling) is a mention
    words = texts(doc)
    for i, text in enumerate(words):
        if not text[:1].isupper() or len(text) < 3 or i in claimed:
            continue
        token = doc[i]
        if not token.is_alpha:
            continue
        if is_demonym(token.text) or token.lower_ in role_words()["name_stop"]:
            continue
        word = names.fold(token.text)
        if word in lexicon():
            continue
        owner = next((o for o in officials if names.similar_surnames(names.surname(o.name), word)), None)
        if owner is None:
            continue
        span = _name_span_around(doc, token, region_names)
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
    # everyone else NER calls a person, demonyms and places excepted
    for ent in entities(doc):
        if ent.label_ != "PERSON" or any(t.i in claimed for t in ent) or is_demonym(ent.text):
            continue
        if _is_place(ent.text, region_names) or names.fold(ent.text) in lexicon():
            continue
        text = _person_display(ent)
        persons_out.append(Mention("PERSON", ent.text, ent.start_char, ent.end_char, names.fold(text)))
    return officials, persons_out


def _name_span_around(doc: Doc, token: Token, region_names: frozenset[str]) -> Span:
    """The whole name a surname belongs to: its PERSON entity, or the capitalized words before it."""
    for ent in entities(doc):
        if ent.start <= token.i < ent.end and ent.label_ == "PERSON":
            return doc[ent.start : token.i + 1] if ent.end > token.i + 1 and not _is_name_suffix(doc, token.i + 1, ent.end) else ent
    start = token.i
    while start > 0 and (_name_token_ok(doc[start - 1], region_names) and not doc[start - 1].is_space) and token.i - start < MAX_NAME_TOKENS - 1:
        if doc[start - 1].lower_ in lexicon() or doc[start - 1].lower_ in role_words()["ranks"]:
            break
        start -= 1
    return doc[start : token.i + 1]


def _is_name_suffix(doc: Doc, start: int, end: int) -> bool:
    return all(t.text == "," or names.fold(t.text) in names.SUFFIXES for t in doc[start:end])


def _link_descriptions(officials: list[Official], descriptions: list[tuple[Span, Office]]) -> None:
    """'the Iranian president' is a mention of the official with that role (and country)."""
    for span, office in descriptions:
        if not office.determiner:
            continue
        candidates = [o for o in officials if o.role == office.role and (office.country is None or o.country == office.country)]
        if len(candidates) != 1:
            continue
        official = candidates[0]
        official.mentions.append(Mention("OFFICIAL", span.text, span.start_char, span.end_char, names.fold(official.name)))
        official.mentions.sort(key=lambda m: m.start_char)
