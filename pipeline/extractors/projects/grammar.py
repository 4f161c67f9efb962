"""The grammar of project names: where a Doc names a piece of infrastructure (pure; no records).

A name is found from its head noun outwards: PhraseMatcher finds the heads of
models/project_heads.jsonl, then each head is grown into a name:

- name + head: proper nouns, acronyms and dash-joined place chains before the head, with
  lower-case modifiers in between ("Rasht-Astara railway", "Gomal Zam dam hydropower station"),
  conjoined heads ("hydro junction and power plant") and a trailing number ("Corridor 2a");
- head first: "Port of X", "Railway Section A - B - C border";
- head + locating phrase, for unnamed physical works ("water treatment plant at X");
- an indefinite quantity + acronym + head ("a 750 km HVDC line");
- a copula that defines a bare name ("Lapis Lazuli is an international transit route"):
  see candidates.py, which also finds sections and components and gathers all candidates.

The token classes (acronyms, modifiers, name words) are in words.py, the place phrases after a
head (sites and routes) in place_phrases.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .lexicon import Head, grammar, heads, plural_forms
from .places import country_or_wider as _country_or_wider
from .place_phrases import _COMPASS, _place_phrase, _route_follows, places_joined_before
from .words import DASHES, LABEL, POSSESSIVE, hyphen_modifier, is_acronym, is_modifier, is_name_token
from ..doc_views import lowers



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
        if span.text.isupper() and 0 < span.start and span.end < len(doc) and doc[span.start - 1].text == "(" and doc[span.end].text == ")":
            continue  # "standard-gauge railway (SGR)": the acronym of the work before it, no head
        out.append(HeadMatch(span.start, span.end, head, plural))
    return tuple(out)


# ------------------------------------------------------------------------- token classes


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


# ordinals that make a described work another one than the work named before ("a second pipeline")
ORDINALS = frozenset({"second", "third", "fourth", "fifth", "another"})


def _left_modifiers(doc: Doc, start: int, floor: int) -> int:
    """Index of the first of the modifiers right before `start` ("hydro", "AC/DC", "geothermal energy")."""
    i = start
    while i - 1 >= floor:
        tok = doc[i - 1]
        if is_modifier(tok) and (tok.text.islower() or is_acronym(tok)):
            i -= 1
        elif hyphen_modifier(doc, i - 1, floor):
            i -= 3  # "gas-fired": the tokenizer splits what the lexicon lists whole
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
    if j - 2 >= floor and doc[j - 1].text in DASHES and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_ and doc[j - 2].is_lower:
        return start, ()  # "trans-Saharan", "pan-African": an adjective, no name
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
            if head.type is None:
                break  # "link": only its context or its modifiers say what it links
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


def _type_from_name(doc: Doc, chain: list[HeadMatch], name_tokens: list[Token], sent: Span) -> str | None:
    """The type a generically headed name states in its own words ("Abidjan Transport Project",
    "Central Asia–South Asia Power Project"): its last type word, read as a modifier is. None for
    a programme ("... Technical Assistance Project") or a name with no word of its own besides
    the type ("Independent Power Project")."""
    g = grammar()
    words = [t.lower_ for t in name_tokens]
    if any(w in g.programme_words for w in words):
        return None
    typed = [t for t in name_tokens if t.lower_ in g.modifier_types]
    own = [w for w in words if w not in g.modifier_types and w not in g.generic_name_words and w not in DASHES]
    if not typed or not own:
        return None
    typ, _ = _type_of(doc, chain, typed[-1:], sent)
    return typ


def _context_words(doc: Doc, sent: Span) -> set[str]:
    """Lower-case words of the sentence and the one before it (the context of an ambiguous head)."""
    start = sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    return set(lowers(doc)[start : sent.end])


_POWER_WORDS = frozenset({"kv", "kilovolt", "power", "electricity", "transmission", "grid", "mw", "megawatts"})


def _line_evidence(doc: Doc, match: HeadMatch, sent: Span) -> bool:
    """The sentence says what the line carries: power words, or the head's own context words
    ("train", "rail")."""
    words = set(lowers(doc)[sent.start : sent.end])
    return bool(words & _POWER_WORDS) or any(w in words for w in match.head.context)


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
    if match.head.weak and len(chain) == 1 and mod_start == match.start and not _route_follows(doc, end, limit):
        if not (places_joined_before(doc, match.start, max(floor, sent.start)) and _line_evidence(doc, match, sent)):
            return None  # a bare "line" is a front line or a Line of Control, not a power line
    name_tokens = [t for t in doc[name_start:mod_start] if t.text not in "()"]
    site = _site_of(doc, match, end, limit, typ, head_text)
    if site is not None:
        return site
    if name_start < mod_start and _strong(name_tokens) and not match.plural:
        if typ is None and match.head.generic:
            typ = _type_from_name(doc, chain, name_tokens, sent)
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
        place_start = end + 1 + (doc[end + 1].lower_ in _COMPASS)  # "in southern Spain" is Spain
        if place_end > end + 1 and _country_or_wider(_text(doc, place_start, place_end)):
            return None  # "a solar plant in Namibia": a kind and a country single out no work
        if place_end > end + 1 and not _follows_org_word(doc, place_end, limit):
            # "a second pipeline from Iran to Armenia": the ordinal tells it from the first
            start = mod_start - 1 if mod_start - 1 > sent.start and doc[mod_start - 1].lower_ in ORDINALS else mod_start
            return Candidate(start, place_end, _text(doc, start, place_end), typ, head_text, False, kind="pp")
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
