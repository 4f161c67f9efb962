"""Every stretch of a Doc that names a project (pure; no records): the heads of grammar.py grown
into names, plus

- bare names a copula defines, either way ("Blue Stream is a gas pipeline", "the first gas
  pipeline under the sea was Blue Stream"), or an apposition ("Crossrail, a railway under
  London"), and their numbered lines ("Nord Stream 2");
- sections of a work singled out by a nationality, a place kind or endpoints ("the Turkish
  section", "an initial section between X and Y");
- components named by a label or the work they are of/at ("phase I of the X Project",
  "reactor Unit 1", "the first berth at Lamu Port").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from .grammar import Candidate, HeadMatch, _context_words, _text, _type_of, grow, head_matches
from .place_phrases import _place_phrase
from .words import DASHES, LABEL, POSSESSIVE as POSSESSIVE_MARKS, is_modifier, is_name_token
from .lexicon import grammar, heads
from .places import country_or_wider as _country_or_wider
from ..doc_views import lowers


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


# a lower-case word that may end a bare name an apposition defines ("the Barakah plant, the
# first nuclear power station of ...")
_NAME_TAILS = frozenset({"plant", "project", "scheme", "facility", "complex", "station", "works"})


def _apposition_name(doc: Doc, root: Token, comma: int) -> tuple[int, int] | None:
    """The proper name of `root` that ends right before `comma` ("EastMed", "Inga 3", "the
    Rooppur plant"), as (start, end) without a leading "the"; None when it is no bare name."""
    if root.i < doc[comma].sent.start or not all(LABEL.match(t.text) for t in doc[root.i + 1 : comma]):
        return None
    start = root.left_edge.i
    tokens = [t for t in doc[start:comma] if t.lower_ != "the"]
    if tokens and tokens[-1].lower_ in _NAME_TAILS and len(tokens) > 1:
        tokens = tokens[:-1]
    if not tokens or not all(is_name_token(t) or t.text in DASHES or LABEL.match(t.text) for t in tokens):
        return None
    if not is_name_token(tokens[0]):
        return None
    return tokens[0].i, comma


def apposition_candidates(
    doc: Doc, taken: set[int], region_tokens: set[int], matches: list[HeadMatch]
) -> list[tuple[Candidate, int]]:
    """"Crossrail, a new east-west railway under London", "EastMed, a proposed subsea gas
    pipeline ...": a bare proper name that an apposition defines as one work, each with the
    index of the apposition's head noun (what stands there describes the same work)."""
    out = []
    for match in matches:
        noun = doc[match.end - 1]
        if match.plural or noun.dep_ != "appos" or noun.head.i >= match.start:
            continue
        first = noun.left_edge.i
        opens = doc[first].lower_ in ("a", "an", "the") or (
            first + 1 < match.start and doc[first + 1].text in POSSESSIVE_MARKS
        )
        comma = first - 1
        if not opens or comma < 1 or doc[comma].text != "," or noun.head.i >= comma:
            continue
        span = _apposition_name(doc, noun.head, comma)
        if span is None:
            continue
        start, end = span
        if any(i in taken or i in region_tokens for i in range(start, comma)):
            continue
        name = _text(doc, start, end)
        if _country_or_wider(name):
            continue
        sent = noun.sent
        mods = [t for t in doc[first : match.start] if is_modifier(t)]
        typ, head_text = _type_of(doc, [match], mods, sent)
        if typ is None:
            continue  # "X, a new project to train teachers": nothing says it is a work
        out.append((Candidate(start, end, name, typ, head_text, True, kind="apposition"), noun.i))
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


def _place_chain_before(doc: Doc, end: int, limit: int, taken: set[int]) -> int:
    """Start of the names joined by dashes right before `end` ("the Faisalabad-Gojra section":
    its ends name the section); `end` where no such chain stands."""
    start, dashes = end, 0
    while start - 1 >= limit and start - 1 not in taken:
        prev = doc[start - 1]
        if prev.text in DASHES and start < end and start - 2 >= limit and is_name_token(doc[start - 2]):
            dashes += 1
            start -= 1
        elif is_name_token(prev):
            start -= 1
        else:
            break
    while start < end and doc[start].text in DASHES:
        start += 1
    return start if dashes and start < end and is_name_token(doc[start]) else end


def section_candidates(doc: Doc, taken: set[int]) -> list[Candidate]:
    """"the Turkish section", "the subsea section", "a section between X and Y": a part of a work
    singled out by a nationality, a place kind or its endpoints. Its type and the whole it
    belongs to are the article's to tell (left None here)."""
    from ...normalize.geo import is_demonym

    g = grammar()
    out = []
    # the word list first: a Token object only for the few section heads
    for i, lower in enumerate(lowers(doc)):
        if lower not in g.section_heads:
            continue
        tok = doc[i]
        if tok.tag_ != "NN" or tok.i in taken:
            continue
        sent = tok.sent
        start = tok.i
        while start - 1 >= sent.start and start - 1 not in taken:
            prev = doc[start - 1]
            if (prev.text[:1].isupper() and is_demonym(prev.text)) or prev.lower_ in g.section_modifiers:
                start -= 1
            else:
                break
        start = _place_chain_before(doc, start, sent.start, taken)
        end = _endpoints_end(doc, tok.i + 1, sent.end)
        if end > tok.i + 1:
            # "an initial section between X and Y": its adjectives belong to the description
            while start - 1 >= sent.start and doc[start - 1].tag_ == "JJ" and doc[start - 1].text.islower():
                start -= 1
        elif start == tok.i:
            continue
        else:
            end = tok.i + 1
            of_work = _of_a_work(doc, end, taken)
            whole = None if of_work else _bare_whole_after_of(doc, end, sent.end, taken)
            if not of_work and whole is None:
                continue  # "the Russian section of the commission" is no part of a work
            if whole is not None:
                out.append(whole)
        if any(i in taken for i in range(start, end)):
            continue
        out.append(Candidate(start, end, _text(doc, start, end), None, tok.lower_, False, kind="section"))
    return out


def _bare_whole_after_of(doc: Doc, i: int, limit: int, taken: set[int]) -> Candidate | None:
    """ "the Kaunas-Vilnius segment of Rail Baltica": a proper name after a singled-out section's
    "of" names the work it is part of, though no head noun says what it is; not a place ("the
    Serbian section of the Danube") nor a body."""
    from ...normalize.gazetteer import lookup

    j = i + 1 + (i + 1 < limit and doc[i + 1].lower_ == "the")
    end = j
    while end < limit and end not in taken and (is_name_token(doc[end]) or end > j and doc[end].text in DASHES):
        end += 1
    while end > j and doc[end - 1].text in DASHES:
        end -= 1
    if end == j or any(t.ent_type_ in ("GPE", "LOC", "NORP", "DATE") for t in doc[j:end]):
        return None
    name = _text(doc, j, end)
    if lookup(name) or _country_or_wider(name) or doc[end - 1].lower_ in grammar().org_followers:
        return None
    # what the work is: the kind of line its sentences speak of ("electrified", "gas")
    words = _context_words(doc, doc[i].sent)
    kinds = {kind for word, kind in _LINE_WORDS.items() if word in words}
    if len(kinds) != 1:
        return None
    return Candidate(j, end, name, kinds.pop(), "", True)


# words that say what kind of linear work a sentence speaks of
_LINE_WORDS = {
    "rail": "railway", "railway": "railway", "train": "railway", "trains": "railway", "electrified": "railway",
    "track": "railway", "gas": "pipeline", "oil": "pipeline", "pipeline": "pipeline", "pipe": "pipeline",
    "road": "road", "highway": "road", "motorway": "road", "lanes": "road", "traffic": "road",
    "electricity": "power_line", "kv": "power_line", "transmission": "power_line",
}


def numbered_variants(doc: Doc, cands: list[Candidate], taken: set[int]) -> list[Candidate]:
    """"Nord Stream 1", "Blue Stream II": a bare name of the article's works with a number label
    is another work of the same kind (its second line, its first phase)."""
    bare = {}
    for c in cands:
        if c.named and c.type and c.kind in ("copula", "apposition"):
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
    for i, lower in enumerate(lowers(doc)):  # a Token object only for the component heads
        labelled = heads_.get(lower)
        if labelled is None or i in taken:
            continue
        tok = doc[i]
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
    appositions = apposition_candidates(doc, taken, set(region_tokens), matches)
    described = {noun for _, noun in appositions}
    out = [c for c in out if not any(c.start <= noun < c.end for noun in described)]
    out.extend(a for a, _ in appositions)
    taken = {i for c in out for i in range(c.start, c.end)}
    out.extend(numbered_variants(doc, out, taken))
    taken = {i for c in out for i in range(c.start, c.end)}
    out.extend(section_candidates(doc, taken))
    out.extend(component_candidates(doc, out))
    return sorted(out, key=lambda c: c.start)
