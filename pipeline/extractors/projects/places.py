"""The places and countries an article ties to a project (pure; reads the Doc and the regions).

- places in the project's name ("Rasht-Astara" -> IR; "Trans-Kazakhstan" -> KZ; "Bulgarian border");
- places the sentences that name it attach by route words ("in Serbia", "between Datka in
  Kyrgyzstan and Khujand in Tajikistan", "linking Afghanistan to Turkey via Turkmenistan");
- "between the two countries", "both countries": the article's two most named countries.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from ...normalize.gazetteer import lookup
from ...normalize.geo import country_code, is_demonym
from .lexicon import grammar, heads
from ...records import Region
from ..doc_views import lowers, texts

_ROUTE_VERBS = frozenset({"connecting", "linking", "connects", "links", "connect", "link", "joining"})
# the pipeline runs no lemmatizer: the forms of the linking verbs
_LINKING_FORMS = frozenset(
    f"{stem}{end}" for stem in ("connect", "link", "join") for end in ("", "s", "ed", "ing")
)
_CLIMB = frozenset({"pobj", "conj", "appos", "compound", "dobj", "nmod", "npadvmod", "amod", "poss"})


class PlaceIndex:
    """The article's places by character offset, and its countries by how often they are named."""

    def __init__(self, doc: Doc, regions: list[Region]):
        self.by_char: dict[int, Region] = {}
        counts: Counter[str] = Counter()
        for region in regions:
            for mention in region.mentions:
                for ch in range(mention.start_char, mention.end_char):
                    self.by_char[ch] = region
            if region.type == "country" and region.country:
                counts[region.country] += max(1, len(region.mentions))
        for text in texts(doc):
            if text[:1].isupper() and is_demonym(text):
                code = country_code(text)
                if code:
                    counts[code] += 1
        self.country_counts = counts

    def region_at(self, tok: Token) -> Region | None:
        """The region whose mention covers the token, if any."""
        return self.by_char.get(tok.idx)

    def top_countries(self, n: int) -> list[str]:
        """The n countries the article names most."""
        return [code for code, _ in self.country_counts.most_common(n)]


def _name_pieces(name: str) -> list[str]:
    """Capitalized runs of a project name, split at dashes and link words ("Kandahar", "Tirin Kot")."""
    generic = set(grammar().modifiers) | {w for h in heads() for w in h.split(" ")}
    pieces = []
    for segment in re.split(r"[-–—/]|\s(?:to|and|of)\s", name):
        run: list[str] = []
        for word in segment.split():
            bare = re.sub(r"['’]s$", "", word)
            if bare[:1].isupper() and bare.lower() not in generic:
                run.append(bare)
            elif run:
                pieces.append(" ".join(run))
                run = []
        if run:
            pieces.append(" ".join(run))
    return pieces


def name_countries(name: str, index: PlaceIndex) -> list[str]:
    """Countries of the places and demonyms inside a project's name."""
    options: list[list[str]] = []
    strong: set[str] = set()  # countries of cities large enough to count on their name alone
    for piece in _name_pieces(name):
        code = country_code(piece)
        if code:
            options.append([code])
            continue
        places = lookup(piece) or _leading_city(piece)
        codes = [p.country for p in places if p.country]
        strong |= {p.country for p in places if p.country and p.type == "city" and p.strong}
        if not codes and " " in piece:
            # "Kriva Palanka Bulgarian" -> try each word: demonyms and places inside a run
            for word in piece.split():
                code = country_code(word) if is_demonym(word) else None
                if code:
                    options.append([code])
        elif codes:
            options.append(list(dict.fromkeys(codes)))
    shared = Counter(code for codes in options for code in set(codes))
    known = set(index.country_counts)
    out = []
    for codes in options:
        if len(codes) == 1 and (codes[0] in known or not known or codes[0] in strong or _is_country(codes[0], name)):
            pick = codes[0]
        else:
            best = sorted(codes, key=lambda c: (-shared[c], c not in known, codes.index(c)))
            pick = best[0] if (shared[best[0]] > 1 or best[0] in known or not known) else None
        if pick and pick not in out:
            out.append(pick)
    return out


def _leading_city(piece: str) -> tuple:
    """ "Karachi Circular", "Aswan High": a city opening a longer name, large or of one country only."""
    words = piece.split()
    for n in range(len(words) - 1, 0, -1):
        places = lookup(" ".join(words[:n]))
        cities = [p for p in places if p.type == "city" and p.strong]
        if cities:
            return tuple(cities)
        towns = [p for p in places if p.type in ("city", "subdivision")]
        if towns and len(places) == len(towns) and len({p.country for p in towns}) == 1:
            return tuple(towns)
    return ()


def _is_country(code: str, name: str) -> bool:
    return any(country_code(piece) == code for piece in _name_pieces(name))


def _route_word(tok: Token) -> bool:
    return tok.lower_ in grammar().route_preps or tok.lower_ in _ROUTE_VERBS


def _anchors(sent: Span, skip: range) -> set[int]:
    """Tokens a route word must hang from to describe the project: its own, or its clause's verb.
    Not the verb of "X connects the port to A": the object of a linking verb is one end of
    the link, and the places of the route are the subject's."""
    doc = sent.doc
    anchors = set(skip)
    for i in skip:
        tok = doc[i]
        if tok.head.i in skip or tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        if tok.dep_ == "dobj" and tok.head.lower_ in _LINKING_FORMS:
            continue
        anchors.add(tok.head.i)
    return anchors


def _dateline(tok: Token, sent: Span) -> bool:
    """"MANILA, PHILIPPINES - ...": the place the story was filed from, not the project's."""
    if tok.i - sent.start > 5:
        return False  # the dash must come within the first words; no later token can lead to it
    for later in sent.doc[tok.i : min(sent.end, tok.i + 4)]:
        if later.text in ("-", "–", "—", ":") and later.i - sent.start <= 5:
            return True
    return False


def context_places(sent: Span, index: PlaceIndex, skip: range) -> list[Region]:
    """Places a sentence attaches to the project by a route word ("in Serbia", "via Georgia")."""
    out: list[Region] = []
    anchors = _anchors(sent, skip)
    for tok in sent:
        if tok.i in skip or _dateline(tok, sent):
            continue
        region = index.region_at(tok)
        if region is None or region in out:
            continue
        node, steps, routed = tok, 0, False
        while steps < 12 and node.head is not node:
            if node.dep_ not in _CLIMB and not routed:
                break
            node = node.head
            steps += 1
            routed = routed or _route_word(node)
            if routed and node.i in anchors:
                out.append(region)
                break
    return out


def both_countries(sent: Span, index: PlaceIndex) -> list[str]:
    """The article's two main countries when the sentence says "the two countries" or "both countries"."""
    words = lowers(sent.doc)[sent.start : sent.end]
    for cue in grammar().both_countries:
        n = len(cue)
        if any(tuple(words[i : i + n]) == cue for i in range(len(words) - n + 1)):
            return index.top_countries(2)
    return []


def country_or_wider(text: str) -> bool:
    """True for a country, continent or nationality ("Kenya", "Europe", "European"): a place
    that names no single site (ANNOTATION.md: a country's network or kind is no project)."""
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
