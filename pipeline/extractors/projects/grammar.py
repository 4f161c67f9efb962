"""The grammar of project names: where a Doc names a piece of infrastructure (pure; no records).

A name is found from its head noun outwards: PhraseMatcher finds the heads of
models/project_heads.jsonl, then each head is grown into a name:

- name + head: proper nouns, acronyms and dash-joined place chains before the head, with
  lower-case modifiers in between ("Rasht-Astara railway", "Gomal Zam dam hydropower station"),
  conjoined heads ("hydro junction and power plant") and a trailing number ("Corridor 2a");
- head first: "Port of X", "Railway Section A - B - C border";
- head + locating phrase, for unnamed physical works ("water treatment plant at X");
- an indefinite quantity + acronym + head ("a 750 km HVDC line");
- a copula that defines a bare name ("Lapis Lazuli is an international transit route").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .lexicon import Head, grammar, heads, plural_forms
from ..doc_views import lowers

DASHES = frozenset({"-", "–", "—", "‑"})
POSSESSIVE = frozenset({"'s", "’s"})
ACRONYM = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Z0-9][A-Za-z0-9]*(?:-[A-Z0-9]+)*$")
LABEL = re.compile(r"^(?:[0-9]{1,2}[a-z]?|[IVX]{1,4})$")


@dataclass(frozen=True)
class Candidate:
    """One stretch of text that names a project."""

    start: int  # token indices of the stretch in the Doc
    end: int
    name: str
    type: str | None
    head: str  # the head phrase that decided the type ("" when none)
    named: bool  # True when a proper name, not only a locating phrase, distinguishes it
    aliases: tuple[str, ...] = ()  # bracketed acronyms inside the stretch ("(BTK)")
    kind: str = "name"  # name, head_first, pp, quantity, copula, section, variant, component
    whole_start: int = -1  # a component's: where the work it is of/at is named inside it


@dataclass(frozen=True)
class HeadMatch:
    """A head phrase found in the Doc."""

    start: int
    end: int
    head: Head
    plural: bool
    conj: bool = False  # joined to the head before it by "and"


@lru_cache(maxsize=8)
def _matcher(vocab_id: int, vocab) -> PhraseMatcher:
    """The head-phrase matcher of a vocab, built once (cached on the vocab's id)."""
    from spacy.lang.en import English

    tokenizer = English().tokenizer  # the same rules as the model's for these plain phrases
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for text in heads():
        matcher.add(text, [tokenizer(text)])
    for plural, singular in plural_forms().items():
        matcher.add(f"{singular}|pl", [tokenizer(plural)])
    return matcher


def head_matches(doc: Doc) -> list[HeadMatch]:
    """Longest non-overlapping head phrases in the Doc, in order (found once per Doc)."""
    found = doc.user_data.get("news_heads")
    if found is None:
        found = doc.user_data["news_heads"] = _find_heads(doc)
    return list(found)


def _find_heads(doc: Doc) -> tuple[HeadMatch, ...]:
    matcher = _matcher(id(doc.vocab), doc.vocab)
    spans = []
    for match_id, start, end in matcher(doc):
        key = doc.vocab.strings[match_id]
        spans.append(Span(doc, start, end, label=key))
    out = []
    for span in sorted(filter_spans(spans), key=lambda s: s.start):
        key = span.label_
        plural = key.endswith("|pl")
        head = heads()[key[:-3] if plural else key]
        if not plural and span[-1].tag_ == "NNS" and span[-1].lower_.endswith("s"):
            plural = True
        out.append(HeadMatch(span.start, span.end, head, plural))
    return tuple(out)


# ------------------------------------------------------------------------- token classes


def is_acronym(tok: Token) -> bool:
    """An all-capitals token of two letters or more ("TAPI", "CASA-1000", "HVDC")."""
    return bool(ACRONYM.match(tok.text)) and tok.text.lower() not in grammar().units


def is_modifier(tok: Token) -> bool:
    """A word that may stand between a name and its head ("hydro", "electrical", "gas")."""
    return tok.lower_ in grammar().modifiers


def is_name_token(tok: Token) -> bool:
    """A capitalized word, acronym or label that may belong to a proper name."""
    text = tok.text
    if not text or not (text[0].isupper() or (text[0].isdigit() and any(c.isupper() for c in text))):
        return False
    if tok.lower_ in grammar().non_name_words or tok.lower_ in grammar().units:
        return False
    if tok.is_sent_start and tok.tag_ not in ("NNP", "NNPS") and not is_acronym(tok):
        return False  # "Construction", "Railway" opening a sentence are common words
    return tok.is_alpha or "-" in text or any(c.isdigit() for c in text) or "." in text


def _strong(tokens: list[Token]) -> bool:
    """True when the tokens hold a word that distinguishes a project (not a modifier or technical acronym)."""
    from ...normalize.geo import is_demonym

    for tok in tokens:
        if tok.text in DASHES or tok.lower_ in grammar().name_links:
            continue
        if tok.lower_ in grammar().modifiers or tok.lower_ in heads():
            continue
        if is_demonym(tok.text) and len(tokens) == 1:
            continue
        return True
    return False


# ------------------------------------------------------------------------- growing a head


def _chain_end(doc: Doc, match: HeadMatch, by_start: dict[int, HeadMatch], limit: int) -> tuple[int, list[HeadMatch]]:
    """Extend a head over following modifiers + heads ("dam multipurpose project", "junction and power plant")."""
    chain = [match]
    end = match.end
    while True:
        i = end
        conj = False
        if i < limit and doc[i].lower_ == "and" and not doc[i].text[0].isupper():
            i += 1
            conj = True
        nxt = by_start.get(i)
        while nxt is None and i < limit and is_modifier(doc[i]) and doc[i].text.islower():
            i += 1
            nxt = by_start.get(i)
        if nxt is None or nxt.plural or (conj and doc[i].text[0].isupper()):
            return end, chain
        if conj and nxt.head.generic:
            return end, chain
        if conj:
            # "hydro junction and power plant": one work, named by the first head
            nxt = HeadMatch(nxt.start, nxt.end, nxt.head, nxt.plural, conj=True)
        chain.append(nxt)
        end = nxt.end


def _left_modifiers(doc: Doc, start: int, floor: int) -> int:
    """Index of the first of the modifiers right before `start` ("hydro", "AC/DC", "geothermal energy")."""
    i = start
    while i - 1 >= floor:
        tok = doc[i - 1]
        if is_modifier(tok) and (tok.text.islower() or is_acronym(tok)):
            i -= 1
        elif tok.text in DASHES | {"/"} and i - 2 >= floor and is_modifier(doc[i - 2]):
            i -= 1
        else:
            break
    return i


def _left_name(doc: Doc, start: int, floor: int) -> tuple[int, tuple[str, ...]]:
    """Index where the proper name before `start` begins (== start when none), and bracketed acronyms skipped."""
    aliases: tuple[str, ...] = ()
    i = start
    # "Baku–Tbilisi–Kars (BTK) railway": an acronym in brackets between name and head
    if i - 3 >= floor and doc[i - 1].text == ")" and doc[i - 3].text == "(" and is_acronym(doc[i - 2]):
        if i - 4 >= floor and is_name_token(doc[i - 4]):
            aliases = (doc[i - 2].text,)
            i -= 3
        else:
            return start, ()
    j = i
    while j - 1 >= floor:
        tok = doc[j - 1]
        if is_name_token(tok):
            j -= 1
        elif j < i and (tok.text in DASHES or tok.text == "/") and j - 2 >= floor and is_name_token(doc[j - 2]):
            j -= 1
        elif j < i and tok.lower_ in grammar().name_links and j - 2 >= floor and is_name_token(doc[j - 2]):
            j -= 1
        elif j == i and LABEL.match(tok.text) and j - 2 >= floor and is_name_token(doc[j - 2]):
            j -= 1  # "Power of Siberia 2 gas pipeline": a number label ends the name
        elif (j < i and tok.lower_ == "of" and j - 2 >= floor and is_name_token(doc[j - 2])
              and doc[j - 2].lower_ not in heads() and doc[j - 2].lower_ not in grammar().bodies_before_of):
            j -= 1  # "Power of Siberia": "of" inside a proper name, not "Ministry of Transport"
        else:
            break
    if j == i or all(not is_name_token(t) for t in doc[j:i]):
        return start, ()
    return j, aliases


def _trailing_label(doc: Doc, end: int, limit: int) -> int:
    """Include a number or letter label after a capitalized head ("Corridor 1", "Corridor 2a"),
    also behind a number sign ("Route N° 7", "Highway No. 3")."""
    if end >= limit or not doc[end - 1].text[0].isupper():
        return end
    i = end + _number_sign(doc, end, limit)
    if i < limit and LABEL.match(doc[i].text):
        return i + 1
    return end


def _number_sign(doc: Doc, i: int, limit: int) -> int:
    """How many tokens of a number sign start at i ("No.", "N°", "#"); 0 when none."""
    if doc[i].text in ("No.", "No", "Nº", "N°", "#"):
        return 1
    if i + 1 < limit and doc[i].text == "N" and doc[i + 1].text in ("°", "º"):
        return 2
    return 0


def _place_phrase(doc: Doc, i: int, limit: int) -> int:
    """End of a run of place names from i ("Datka in Kyrgyzstan and Khujand in Tajikistan"); i when none."""

    def names(k: int) -> int:
        m = k
        while m < limit and (is_name_token(doc[m]) or (m > k and doc[m].text in DASHES and m + 1 < limit and is_name_token(doc[m + 1]))):
            m += 1
        return m

    end = names(i)
    if end == i:
        return i
    while end + 1 < limit and doc[end].lower_ in ("in", "and", "to"):
        nxt = names(end + 1)
        if nxt == end + 1:
            break
        end = nxt
    return end


def _follows_org_word(doc: Doc, end: int, limit: int) -> bool:
    """True when an organization word follows, also after "& Name" ("China Road & Bridge Corporation")."""
    followers = grammar().org_followers
    j = end
    if j + 1 < limit and doc[j].text in ("&", "and") and is_name_token(doc[j + 1]):
        j += 1
        while j < limit and j - end <= 4 and is_name_token(doc[j]) and doc[j].lower_ not in followers:
            j += 1
    return j < limit and doc[j].lower_ in followers and doc[j].text[0].isupper()


def _type_of(doc: Doc, chain: list[HeadMatch], mod_tokens: list[Token], sent: Span) -> tuple[str | None, str]:
    """The type the head decides: the last specific head, else the modifiers (with their context words)."""
    conj = next((k for k, m in enumerate(chain) if m.conj), len(chain))
    for match in reversed(chain[:conj]):
        head = match.head
        if not head.generic:
            words = _context_words(doc, sent)
            for word, typ in head.context.items():
                if word in words:
                    return typ, head.text
            return head.type, head.text
    g = grammar()
    for tok in reversed(mod_tokens):
        typ = g.modifier_types.get(tok.lower_)
        if typ:
            words = set(lowers(doc)[sent.start : sent.end])
            for word, override in g.modifier_context.get(tok.lower_, {}).items():
                if any(w.startswith(word) for w in words):
                    return override, chain[-1].head.text
            return typ, chain[-1].head.text
    return None, chain[-1].head.text


def _context_words(doc: Doc, sent: Span) -> set[str]:
    """Lower-case words of the sentence and the one before it (the context of an ambiguous head)."""
    start = sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    return set(lowers(doc)[start : sent.end])


def _text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text


def grow(doc: Doc, match: HeadMatch, by_start: dict[int, HeadMatch], floor: int) -> Candidate | None:
    """Grow one head into a candidate name, or None when nothing distinguishes it."""
    sent = doc[match.start].sent
    limit = sent.end
    end, chain = _chain_end(doc, match, by_start, limit)
    end = _trailing_label(doc, end, limit)
    mod_start = _left_modifiers(doc, match.start, max(floor, sent.start))
    name_start, aliases = _left_name(doc, mod_start, max(floor, sent.start))
    mods = [t for t in doc[mod_start : match.start] if is_modifier(t)]
    typ, head_text = _type_of(doc, chain, mods + [t for t in doc[match.start:end] if is_modifier(t)], sent)
    if _follows_org_word(doc, end, limit):
        return None
    if match.head.weak and len(chain) == 1 and mod_start == match.start:
        return None  # a bare "line" is a front line or a Line of Control, not a power line
    name_tokens = [t for t in doc[name_start:mod_start] if t.text not in "()"]
    site = _site_of(doc, match, end, limit, typ, head_text)
    if site is not None:
        return site
    if name_start < mod_start and _strong(name_tokens) and not match.plural:
        if _indefinite_place(doc, name_start, mod_start, sent.start):
            return None
        if match.head.network and len(name_tokens) == 1 and _country_or_wider(name_tokens[0].text):
            return None  # "European rail network": a whole network, no single work
        text = " ".join(_text(doc, name_start, end).split()) if not aliases else _without_brackets(doc, name_start, end)
        return Candidate(name_start, end, text, typ, head_text, True, aliases)
    first = doc[match.start]
    if end > chain[-1].end and first.text[0].isupper() and not match.plural:
        return Candidate(match.start, end, _text(doc, match.start, end), typ, head_text, True, kind="head_first")  # "Highway 10"
    # head first: "Port of Baku", "Railway Section A – B – C border"
    if first.text[0].isupper() and not match.plural:
        cand = _head_first(doc, match, end, limit, typ, head_text)
        if cand:
            return cand
    before = doc[mod_start - 1] if mod_start - 1 >= sent.start else None
    superlative = before is not None and before.tag_ == "JJS"
    if superlative:
        return None
    if not match.head.pp and not match.head.weak:
        return _possessive(doc, mod_start, sent, end, typ, head_text, match)
    if match.plural and not match.head.plural_pp:
        return None
    # head + locating phrase: "water treatment plant at Rod El Farag"; not a predicate
    # ("X is a hydropower plant in Armenia" describes X)
    if doc[match.end - 1].dep_ == "attr" or doc[chain[-1].end - 1].dep_ == "attr":
        return None
    if end < limit and doc[end].lower_ in grammar().pp_preps:
        place_end = _place_phrase(doc, end + 1, limit)
        if place_end > end + 1 and _country_or_wider(_text(doc, end + 1, place_end)):
            return None  # "a solar plant in Namibia": a kind and a country single out no work
        if place_end > end + 1 and not _follows_org_word(doc, place_end, limit):
            return Candidate(mod_start, place_end, _text(doc, mod_start, place_end), typ, head_text, False, kind="pp")
    possessive = _possessive(doc, mod_start, sent, end, typ, head_text, match)
    if possessive:
        return possessive
    # "a 750 km HVDC line": an indefinite, measured work distinguished by an acronym
    acronyms = [t for t in doc[mod_start : match.start] if is_acronym(t)]
    quantity = _indefinite_quantity(doc, mod_start, sent.start)
    if acronyms and not match.plural and quantity is not None:
        name = _text(doc, quantity, end) + _verb_place(doc, doc[match.end - 1], sent)
        return Candidate(quantity, end, name, typ, head_text, False, kind="quantity")
    return None


def _verb_place(doc: Doc, head: Token, sent: Span) -> str:
    """" in Sangtuda" when the clause of an unnamed work places it ("was constructed in Sangtuda")."""
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None:
        return ""
    for prep in verb.children:
        if prep.lower_ == "in" and prep.i > head.i:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and is_name_token(obj):
                start = obj.left_edge.i
                while start < obj.i and not is_name_token(doc[start]):
                    start += 1
                return " in " + doc[start : obj.i + 1].text
    return ""


def _without_brackets(doc: Doc, start: int, end: int) -> str:
    """The text of a stretch with its "(ACRONYM)" left out."""
    out = []
    skip = False
    for tok in doc[start:end]:
        if tok.text == "(":
            skip = True
        if not skip:
            out.append(tok.text_with_ws)
        if tok.text == ")":
            skip = False
            if out:
                out[-1] = out[-1].rstrip() + " "
    return "".join(out).strip()


def _indefinite_place(doc: Doc, start: int, end: int, floor: int) -> bool:
    """"a key Central Asia transport corridor": an indefinite description by a place, not a name."""
    from ...normalize.gazetteer import lookup

    i = start - 1
    while i >= floor and doc[i].tag_ in ("JJ", "RB", "JJR"):
        i -= 1
    if i < floor or doc[i].lower_ not in ("a", "an"):
        return False
    return bool(lookup(doc[start:end].text))


def _indefinite_quantity(doc: Doc, i: int, floor: int) -> int | None:
    """Index of NUMBER when tokens before i read "a/an NUMBER UNIT", else None."""
    j = i - 1
    if j >= floor and doc[j].lower_ in grammar().units:
        j -= 1
    elif not (j >= floor and doc[j].lower_.rstrip("km").isdigit()):
        return None
    if j < floor or not doc[j].like_num and not doc[j].text[:1].isdigit():
        return None
    return j if j - 1 >= floor and doc[j - 1].lower_ in ("a", "an") else None


def _site_of(doc: Doc, match: HeadMatch, end: int, limit: int, typ, head_text) -> Candidate | None:
    """"(Turkey's Mediterranean) port of Ceyhan": a lower-case head named by the place it is at,
    a known place finer than a country; the words before the head only describe it."""
    first = doc[match.start]
    if match.plural or match.head.generic or not first.text.islower():
        return None
    if end + 1 >= limit or doc[end].lower_ != "of" or not is_name_token(doc[end + 1]):
        return None
    j = end + 1
    while j < limit and is_name_token(doc[j]):
        j += 1
    place = _text(doc, end + 1, j)
    from ...normalize.gazetteer import lookup

    if not lookup(place) or _country_or_wider(place):
        return None
    return Candidate(match.start, j, _text(doc, match.start, j), typ, head_text, True, kind="head_first")


def _head_first(doc: Doc, match: HeadMatch, end: int, limit: int, typ, head_text) -> Candidate | None:
    """"Port of X"; "Railway Section A – B – C border"."""
    i = end
    # "Bridge of the Americas": a capitalized name after "of the"
    k = i + 1 + (i + 2 < limit and doc[i + 1].lower_ == "the" and doc[i + 2].text[:1].isupper())
    if i + 1 < limit and doc[i].lower_ == "of" and k < limit and is_name_token(doc[k]):
        j = k
        while j < limit and is_name_token(doc[j]):
            j += 1
        return Candidate(match.start, j, _text(doc, match.start, j), typ, head_text, True, kind="head_first")
    j = i
    dashes = 0
    while j < limit:
        tok = doc[j]
        if is_name_token(tok):
            j += 1
        elif tok.text in DASHES and j > i and j + 1 < limit and is_name_token(doc[j + 1]):
            dashes += 1
            j += 1
        else:
            break
    if dashes and j < limit and doc[j].lower_ in grammar().chain_end_words:
        j += 1
    if dashes:
        return Candidate(match.start, j, _text(doc, match.start, j), typ, head_text, True, kind="head_first")
    return None


def _country_or_wider(text: str) -> bool:
    """True for a country, continent or nationality ("Kenya", "Europe", "European"): a place
    that names no single site (ANNOTATION.md: a country's network or kind is no project)."""
    from ...normalize.gazetteer import lookup
    from ...normalize.geo import country_code, is_demonym

    places = lookup(text)
    if places:
        return _wide(places[0])
    if country_code(text) or is_demonym(text):
        return True
    # continent adjectives the demonym list lacks: "European", "Asian", "African"
    stems = [text[: -len(end)] for end in ("n", "an") if text.endswith(end) and len(text) > 4]
    return any(lookup(stem) and _wide(lookup(stem)[0]) for stem in stems)


def _wide(place) -> bool:
    """A country, or a region of no one country (a continent, "Central Asia")."""
    return place.type == "country" or (place.type == "region" and place.country is None)


def _possessive(doc: Doc, mod_start: int, sent: Span, end: int, typ, head_text, match: HeadMatch) -> Candidate | None:
    """"Mongolia's (critically important) rail system": a place's own network."""
    if match.plural or typ is None:
        return None
    i = mod_start
    skipped = []
    while i - 1 >= sent.start and doc[i - 1].tag_ in ("JJ", "RB", "VBG", "VBN"):
        i -= 1
        skipped.append(doc[i])
    if i - 2 < sent.start or doc[i - 1].text not in POSSESSIVE or not is_name_token(doc[i - 2]):
        return None
    if skipped and any(t.tag_ == "JJS" for t in skipped):
        return None  # "Georgia's largest port" describes, it does not name
    owner = doc[i - 2]
    if _country_or_wider(owner.text):
        return None  # "Kenya's main port", "Malawi's electricity network": a country's, no one work
    name = f"{owner.text}{doc[i - 1].text} {_text(doc, mod_start, end)}"
    return Candidate(i - 2, end, name, typ, head_text, True, kind="name")


SETS = frozenset({"set", "pair", "system", "series"})


def _defining_head(attr: Token, matches_by_end: dict[int, HeadMatch]) -> tuple[HeadMatch | None, bool]:
    """The head that defines a name: the attribute's own ("a transit route"), or that of a set
    ("a set of offshore gas pipelines"); True as second when it is a set's plural."""
    match = matches_by_end.get(attr.i + 1)
    if match is not None or attr.lower_ not in SETS:
        return match, False
    for prep in attr.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.i + 1 in matches_by_end:
                return matches_by_end[obj.i + 1], True
    return None, False


def _reverse_copula(doc: Doc, subj: Token, attr: Token, matches_by_end, taken: set[int]) -> Candidate | None:
    """"The first gas pipeline under the sea was Blue Stream": a work defined by its name."""
    match = matches_by_end.get(subj.i + 1)
    if match is None or match.head.generic or match.plural or subj.tag_ != "NN":
        return None
    tokens = [t for t in doc[attr.left_edge.i : attr.i + 1] if t.lower_ != "the"]
    if not tokens or not all(is_name_token(t) for t in tokens) or any(t.i in taken for t in tokens):
        return None
    if attr.i + 1 < len(doc) and attr.i + 1 in matches_by_end:
        return None
    if _country_or_wider(" ".join(t.text for t in tokens)):
        return None  # "the railway was Soviet", "the pipeline is Russia's": no name
    start = tokens[0].i
    return Candidate(start, attr.i + 1, doc[start : attr.i + 1].text, match.head.type, match.head.text, True, kind="copula")


def copula_candidates(doc: Doc, taken: set[int], region_tokens: set[int], matches: list[HeadMatch]) -> list[Candidate]:
    """"NAME is a (...) route": a bare proper name defined as infrastructure."""
    matches_by_end = {m.end: m for m in matches}
    out = []
    for i, lower in enumerate(lowers(doc)):
        if lower not in ("is", "was"):
            continue
        tok = doc[i]
        if tok.dep_ != "ROOT":
            continue
        attr = next((c for c in tok.children if c.dep_ == "attr"), None)
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if attr is None or subj is None:
            continue
        reverse = _reverse_copula(doc, subj, attr, matches_by_end, taken | region_tokens)
        if reverse is not None:
            out.append(reverse)
            continue
        match, plural = _defining_head(attr, matches_by_end)
        head = match.head if match else None
        if head is None or head.generic or (attr.tag_ == "NNS" and not plural):
            continue
        span = doc[subj.left_edge.i : subj.i + 1]
        tokens = [t for t in span if t.lower_ != "the"]
        if not tokens or not all(is_name_token(t) or t.text in DASHES for t in tokens):
            continue
        # NER often calls such names persons ("Lapis Lazuli"); the definition outweighs it
        if any(t.i in taken or t.i in region_tokens for t in tokens):
            continue
        start = tokens[0].i
        out.append(Candidate(start, subj.i + 1, doc[start : subj.i + 1].text, head.type, head.text, True, kind="copula"))
    return out


def _endpoints_end(doc: Doc, i: int, limit: int) -> int:
    """End of "between X and Y" / "from X to Y" starting at i (both ends named); i when none."""
    if i + 1 >= limit or doc[i].lower_ not in ("between", "from"):
        return i
    end = _place_phrase(doc, i + 1, limit)
    inner = [t.lower_ for t in doc[i + 1 : end]]
    link = "and" if doc[i].lower_ == "between" else "to"
    if end > i + 1 and link in inner and inner[-1] != link:
        return end
    return i


def _of_a_work(doc: Doc, i: int, taken: set[int]) -> bool:
    """False when "of (the) X" at i names something other than a work or a head noun."""
    if i >= len(doc) or doc[i].lower_ != "of":
        return True
    j = i + 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the")
    if j >= len(doc):
        return False
    return j in taken or any(doc[j : j + len(h.split())].text.lower() == h for h in heads() if h.split()[0] == doc[j].lower_)


def section_candidates(doc: Doc, taken: set[int]) -> list[Candidate]:
    """"the Turkish section", "the subsea section", "a section between X and Y": a part of a work
    singled out by a nationality, a place kind or its endpoints. Its type and the whole it
    belongs to are the article's to tell (left None here)."""
    from ...normalize.geo import is_demonym

    g = grammar()
    out = []
    for tok in doc:
        if tok.lower_ not in g.section_heads or tok.tag_ != "NN" or tok.i in taken:
            continue
        sent = tok.sent
        start = tok.i
        while start - 1 >= sent.start and start - 1 not in taken:
            prev = doc[start - 1]
            if (prev.text[:1].isupper() and is_demonym(prev.text)) or prev.lower_ in g.section_modifiers:
                start -= 1
            else:
                break
        end = _endpoints_end(doc, tok.i + 1, sent.end)
        if end > tok.i + 1:
            # "an initial section between X and Y": its adjectives belong to the description
            while start - 1 >= sent.start and doc[start - 1].tag_ == "JJ" and doc[start - 1].text.islower():
                start -= 1
        elif start == tok.i:
            continue
        else:
            end = tok.i + 1
            if not _of_a_work(doc, end, taken):
                continue  # "the Russian section of the commission" is no part of a work
        if any(i in taken for i in range(start, end)):
            continue
        out.append(Candidate(start, end, _text(doc, start, end), None, tok.lower_, False, kind="section"))
    return out


def numbered_variants(doc: Doc, cands: list[Candidate], taken: set[int]) -> list[Candidate]:
    """"Nord Stream 1", "Blue Stream II": a bare name of the article's works with a number label
    is another work of the same kind (its second line, its first phase)."""
    bare = {}
    for c in cands:
        if c.named and c.type and c.kind == "copula":
            bare.setdefault(tuple(t.text for t in doc[c.start : c.end]), c)
    out = []
    for words, base in bare.items():
        n = len(words)
        for i in range(len(doc) - n):
            end = i + n
            if tuple(t.text for t in doc[i:end]) != words or not LABEL.match(doc[end].text):
                continue
            if any(k in taken for k in range(i, end + 1)):
                continue
            out.append(replace(base, start=i, end=end + 1, name=doc[i : end + 1].text, kind="variant"))
    return out


def _defines(doc: Doc, cand: Candidate, copulas: list[Candidate]) -> bool:
    """True when the candidate is the other side of a copula that defines a bare name ("Blue
    Stream is a trans-Black Sea gas pipeline", "the first pipeline ... was Blue Stream"): a
    description of that work, no project of its own."""
    for copula in copulas:
        verb = doc[copula.end - 1].head
        roles = [c for c in verb.children if c.dep_ in ("attr", "nsubj") and not copula.start <= c.i < copula.end]
        if any(cand.start <= c.i < cand.end for c in roles):
            return True
    return False


ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "new"})


def _labels_end(doc: Doc, i: int, limit: int) -> int:
    """End of a run of labels from i ("3 and 4", "I", "2"); i when none."""
    if i >= limit or not LABEL.match(doc[i].text):
        return i
    end = i + 1
    if end + 1 < limit and doc[end].lower_ == "and" and LABEL.match(doc[end + 1].text):
        end += 2
    return end


def _after_as(doc: Doc, start: int, floor: int) -> bool:
    """True when "as (the/a)" comes right before `start`."""
    i = start - 1
    if i >= floor and doc[i].lower_ in ("the", "a", "an"):
        i -= 1
    return i >= floor and doc[i].lower_ == "as"


def component_candidates(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"phase I of the Port of X Project", "reactor Units 3 and 4 of the Y plant", "the first
    berth at Z Port", "quay 2": a part of a work named by a label or by the work it is of/at.
    Its type and part_of are the work's, told by the article (left None here)."""
    heads_ = grammar().component_heads
    taken = {i for c in cands for i in range(c.start, c.end)}
    starts = {c.start: c for c in cands if c.kind not in ("section", "component")}
    out = []
    for tok in doc:
        labelled = heads_.get(tok.lower_)
        if labelled is None or tok.i in taken:
            continue
        limit = tok.sent.end
        start = tok.i
        # one lower-case noun before the head ("reactor Unit 1"), ordinals before that
        if start - 1 >= tok.sent.start and start - 1 not in taken and doc[start - 1].tag_ == "NN" and doc[start - 1].text.islower():
            start -= 1
        while start - 1 >= tok.sent.start and start - 1 not in taken and doc[start - 1].lower_ in ORDINALS:
            start -= 1
        if tok.dep_ == "attr" or _after_as(doc, start, tok.sent.start):
            continue  # "X was built as the first phase of Y" says what X is
        end = _labels_end(doc, tok.i + 1, limit)
        whole = None
        j = end
        if j < limit and doc[j].lower_ in ("of", "at"):
            j += 1 + (j + 1 < limit and doc[j + 1].lower_ == "the")
            whole = starts.get(j)
        if whole is not None:
            end = whole.end
        elif end == tok.i + 1 or not labelled or not _of_a_work(doc, end, taken):
            continue
        out.append(Candidate(start, end, _text(doc, start, end), None, tok.lower_, False, kind="component",
                             whole_start=whole.start if whole else -1))
    return out


def find_candidates(doc: Doc, region_tokens: set[int] = frozenset()) -> list[Candidate]:
    """Every stretch of the Doc that names a project, in order (overlaps resolved, non-projects dropped)."""
    matches = head_matches(doc)
    by_start = {m.start: m for m in matches}
    out: list[Candidate] = []
    floor = 0
    consumed = -1
    for match in matches:
        if match.start < consumed:
            continue
        cand = grow(doc, match, by_start, floor)
        if cand is None:
            continue
        if cand.name.lower() in grammar().non_projects or any(
            cand.name.lower().endswith(np) for np in grammar().non_projects
        ):
            consumed = cand.end
            continue
        out.append(cand)
        floor = consumed = cand.end
    taken = {i for c in out for i in range(c.start, c.end)}
    copulas = copula_candidates(doc, taken, set(region_tokens), matches)
    out = [c for c in out if not _defines(doc, c, copulas)] + copulas
    taken = {i for c in out for i in range(c.start, c.end)}
    out.extend(numbered_variants(doc, out, taken))
    taken = {i for c in out for i in range(c.start, c.end)}
    out.extend(section_candidates(doc, taken))
    out.extend(component_candidates(doc, out))
    return sorted(out, key=lambda c: c.start)
