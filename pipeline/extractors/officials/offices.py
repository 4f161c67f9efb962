"""Offices in the text: found with a PhraseMatcher over `models/roles.jsonl`, then read.

An office is read with the words around it: a country, demonym or organization before it
("Azerbaijan's foreign minister"), "of/to/for" tails after it ("minister of economy",
"ambassador to Iran"), a minister's portfolio, and the organization it takes from its context
(the body a led delegation comes from, the body of the office named just before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ...normalize import names
from ...normalize.geo import country_code, is_demonym
from ...normalize.roles import kind_of, lexicon, normalize_role, role_words
from ...resources import load_jsonl
from ..doc_views import entities
from .portfolios import PORTFOLIO_ROLES, is_minister, is_portfolio, portfolio_end, portfolio_list_end
from .tokens import (
    TAIL_JOINERS, _apposed_to_person, _could_be_name, _is_capitalized, _is_place, _next_official, _office_at,
    _state_at_tail_end, _title_before_person, organisation_words,
)

ORGANIZATIONS_FILE = "organizations.jsonl"
MAX_PREFIX_TOKENS = 8
MAX_TAIL_TOKENS = 10
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




ROYAL_ADDRESS = frozenset({"prince", "princess"})


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
            if not (start > 0 and (doc[start - 1].lower_ in DETERMINERS or is_demonym(doc[start - 1].text) or doc[start - 1].tag_ == "POS")
                    or _title_before_person(doc, start, end) or _apposed_to_person(doc, start)):
                continue
        while start > 0 and start - 1 >= last_end:
            if doc[start - 1].lower_ in words["ranks"]:
                start -= 1
            elif start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in words["ranks"] and start - 2 >= last_end:
                start -= 2  # "Vice-Minister": a hyphenated rank
            else:
                break
        if result and result[-1][1] == start and text.lower() in ROYAL_ADDRESS:
            continue  # "Energy Minister Prince Abdulaziz": the royal title is his form of address
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
        if token.lower_ == "and" and _next_official(doc, j, x_start, region_names):
            break
        if _is_capitalized(token) or token.lower_ in TAIL_JOINERS or token.text in {"-", "/", "’s", "'s", "."}:
            j += 1
            continue
        break
    # a full stop that ends the sentence ends the tail too ("Prime Minister of Croatia.")
    while j > x_start and (doc[j - 1].lower_ in TAIL_JOINERS or doc[j - 1].text in {"-", "/", "."}):
        j -= 1
    if j == x_start:
        return i, "", i, i
    # "to Nepal Imran Qadir": NER may glue the name to the country; the country ends the tail
    if prep in {"to", "of"}:
        for k in range(x_start + 1, j):
            possessive = doc[k - 1].text in {"’s", "'s"}  # "of the UK's Foreign Office": the body goes on
            if not possessive and country_code(doc[x_start:k].text) and not is_demonym(doc[x_start:k].text) and _is_capitalized(doc[k]) and doc[k].lower_ not in role_words()["name_stop"]:
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


@lru_cache(maxsize=1)
def _organization_order() -> dict[str, int]:
    """The position of each organization name in the table (its iteration order)."""
    return {key: i for i, key in enumerate(organization_countries())}


@lru_cache(maxsize=16384)
def _org_country(org: str) -> tuple[bool, str | None]:
    """(known, country) of an organization named with an office."""
    folded = names.fold(org)
    table = organization_countries()
    if folded in table:
        return True, table[folded]
    # "USAID/Armenia", "USAID Bureau for Europe": the agency that starts the name decides; of
    # the names it starts with (each ends before a space, "/" or "'"), the table's first wins
    order = _organization_order()
    starts = [folded[:i] for i, ch in enumerate(folded) if ch in " /'" and folded[:i] in order and i > 2]
    if starts:
        return True, table[min(starts, key=order.__getitem__)]
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
        if token.lower_ in words["honorifics"]:
            break  # "Madam Secretary", "Mr. President": a form of address, not a qualifier
        if token.is_sent_start and token.is_stop and not country_code(token.text):
            break  # "With President X": a capitalized first word of the sentence qualifies nothing
        if _is_capitalized(token) or token.text in {"’s", "'s", "/", "-", "(", ")", "&"} or token.tag_ == "POS":
            i -= 1
            continue
        if token.lower_ in {"of", "for", "and"} and i - 2 >= floor and _is_capitalized(doc[i - 2]) and doc[i - 2].ent_type_ in {"ORG", "GPE"}:
            i -= 1
            continue
        if token.lower_ == "and" and i - 2 >= floor and _is_capitalized(doc[i - 2]) and doc[i - 2].ent_type_ != "PERSON" and not doc[i - 2].is_sent_start:
            i -= 1  # "Science and Technology Adviser": capitalized words joined into one qualifier
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
    skip_to = 0
    for k, token in enumerate(tokens):
        if k < skip_to:
            continue
        whole = _country_run(tokens, k)
        if whole is not None:
            # "Saudi Arabia's": a country of several words, though its first word is a demonym
            country, skip_to = country or whole[0], whole[1]
            continue
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


def _country_run(tokens: list[Token], k: int) -> tuple[str, int] | None:
    """(code, end) of a country named by two or more capitalized words from k, else None."""
    for end in range(min(len(tokens), k + 4), k + 1, -1):
        words = tokens[k:end]
        if all(_is_capitalized(t) for t in words):
            code = country_code(" ".join(t.text for t in words))
            if code:
                return code, end
    return None


def _country_within_tokens(tokens: list[Token]) -> str | None:
    codes = [country_code(t.text) for t in tokens if t.text[:1].isupper()]
    return next((c for c in codes if c), None)


def _country_only(tokens: list[Token]) -> bool:
    return all(t.text in {"’s", "'s"} or t.tag_ == "POS" for t in tokens)


def read_office(doc: Doc, start: int, end: int, floor: int, region_names: frozenset[str], limit: int | None = None) -> Office:
    """Read the office at tokens [start, end) with its prefix and tails."""
    prefix_start, prefix_tokens, determiner, former = _prefix(doc, start, floor, region_names)
    country, organization = _read_prefix(prefix_tokens)
    country = country or _counterpart_country(doc, prefix_start, floor)
    role_text = doc[start:end].text
    role_end = end
    # "High Representative/Vice President", ".../Vice-President": the first of two offices
    while role_end < len(doc) - 1 and doc[role_end].text == "/" and (second_end := _office_at(doc, role_end + 1)):
        role_end = second_end
        while role_end < len(doc) and _is_capitalized(doc[role_end]) and " ".join(t.lower_ for t in doc[role_end - 1 : role_end + 1]) in lexicon():
            role_end += 1
    posted_to = None
    serves_office = False
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
            if kind != "diplomat" and x_text.lower() in lexicon():
                # "Advisor to the President NAME": the office served is no title of NAME, and
                # the adviser serves that office's state, not the article's own by default
                role_end, serves_office = tail_end, True
                continue
            break
        if prep == "of" and role_text.lower().endswith("minister"):
            # "Minister of Digital Development and Transport Rashad Nabiyev": the portfolio's
            # words end where the name begins
            tail_end = x_end = portfolio_end(doc, x_start, x_end)
            x_text = doc[x_start:x_end].text
            code = country_code(x_text)
        if prep == "of":
            candidate = f"{role_text} of {doc[x_start - 1].text + ' ' if doc[x_start - 1].lower_ == 'the' else ''}{x_text}"
            if code and not is_demonym(x_text):
                country = country or code
            elif normalize_role(candidate) != normalize_role(role_text) and (role_text.lower().endswith("minister") or candidate.lower().replace("’", "'") in lexicon()
                                                                             or role_text.lower() == "secretary" and is_portfolio(x_text)):
                role_text = candidate  # a portfolio ("Minister of Energy") or an office ("Secretary of State")
            else:
                owner = x_start + 2 < x_end and doc[x_start + 1].text in {"’s", "'s"} and country_code(doc[x_start].text)
                # "of the UK's Foreign Office": the state is the office's, the body is the rest
                organization = organization or (doc[x_start + 2 : x_end].text if owner else x_text)
                if not country:
                    country = owner or _country_within(doc[x_start:x_end])
            role_end = tail_end
            continue
        if prep == "for":
            owner = _state_at_tail_end(doc, x_start, x_end)
            if owner is not None:
                # "Minister of State for Foreign Affairs of the UAE": the state ends the portfolio
                tail_end, country = owner[0], country or owner[1]
            if is_minister(role_text) and not country_code(x_text):
                role_text = f"{role_text} {doc[role_end:tail_end].text}"  # "Minister for Europe": a portfolio
            role_end = tail_end
            continue
    # "Minister of Energy, Water and Mines", "Secretary of Infrastructure, Communications and Transportation"
    portfolio_office = kind_of(doc[start:end].text) == "minister" or role_text.lower().startswith("secretary of ")
    if portfolio_office and (" of " in role_text or " for " in role_text):
        listed_end = portfolio_list_end(doc, role_end, limit)
        joined = doc[role_end - 1].whitespace_ + doc[role_end:listed_end].text if listed_end > role_end else ""
        role_text, role_end = role_text + joined, listed_end
    if organization is None:
        at_org = _known_body_at(doc, role_end, limit)
        if at_org is not None:
            organization, role_end = at_org
    role = normalize_role(role_text)
    if organization and role in PORTFOLIO_ROLES and is_portfolio(organization):
        # "Infrastructure Minister": a capitalized noun before a minister names the portfolio
        role_text = f"{organization} {role_text}"
        role = f"{organization.lower()} {role}"
        organization = None
    elif organization and organization.split()[-1] in {"and", "&"} and is_portfolio(organization) and is_portfolio(role_text.split()[0]):
        # "Mines and Energy Minister": the lexicon's "energy minister" is the end of a listed portfolio
        role_text = f"{organization} {role_text}"
        role = normalize_role(role_text)
        organization = None
    if organization:
        known, org_country = _org_country(organization)
        if known:
            country = org_country if org_country or not country else country
            if org_country is None:
                country = None
    kind = None if serves_office else kind_of(role) or kind
    return Office(start=start, end=role_end, role=role, role_text=role_text, kind=kind,
                  country=country, organization=organization, posted_to=posted_to,
                  prefix_start=prefix_start, determiner=determiner, former=former)


COUNTERPART_WORDS = frozenset({"counterpart", "counterparts"})


def _counterpart_country(doc: Doc, prefix_start: int, floor: int) -> str | None:
    """"his Swedish counterpart, King X", "Georgia's counterpart Minister X": the state named
    before "counterpart" is the state of the office right after it."""
    k = prefix_start
    if k - 1 >= floor and doc[k - 1].text == ",":
        k -= 1
    if k - 2 < floor or doc[k - 1].lower_ not in COUNTERPART_WORDS:
        return None
    k -= 1
    if doc[k - 1].text in {"’s", "'s"} and k - 2 >= floor:
        k -= 1
    word = doc[k - 1]
    return country_code(word.text) if _is_capitalized(word) else None


def _known_body_at(doc: Doc, i: int, limit: int | None) -> tuple[str, int] | None:
    """"Minister for Asia at the Foreign Office": a known body after "at" is the office's
    organization; (its name, the token after it), or None."""
    limit = len(doc) if limit is None else limit
    if i + 1 >= limit or doc[i].lower_ != "at":
        return None
    j = i + 2 if doc[i + 1].lower_ == "the" else i + 1
    ent = next((e for e in entities(doc) if e.label_ == "ORG" and e.start in (i + 1, j) and e.end <= limit), None)
    if ent is None:
        return None
    text = ent.text.removeprefix("the ").strip()
    known, _ = _org_country(text)
    return (text, ent.end) if known else None


def _country_within(span: Span) -> str | None:
    for token in span:
        if is_demonym(token.text) or (token.ent_type_ in {"GPE", "NORP"} and country_code(token.text)):
            return country_code(token.text)
    return None


# ---------------------------------------------------------------- an organization from the context


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
