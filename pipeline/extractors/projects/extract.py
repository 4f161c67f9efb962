"""Find named infrastructure projects in a Doc."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from .candidates import find_candidates
from .grammar import Candidate, head_matches
from .lexicon import grammar
from .links import Group, distinctive_words, group_candidates, name_weight
from .mentions import _add_alias_mentions, _add_anaphora, _mention
from .places import PlaceIndex, both_countries, context_places, name_countries
from ...records import Project, Region
from ...resources import load_json
from ..doc_views import lowers



def find_projects(doc: Doc, regions: list[Region]) -> list[Project]:
    """Return one Project per named project in the article, with its mentions."""
    index = PlaceIndex(doc, regions)
    region_tokens = _region_tokens(doc, regions)
    groups = _typed_by_apposition(doc, group_candidates(doc, find_candidates(doc, region_tokens)))
    groups, wholes = _sections_of_wholes(doc, groups)
    groups, components = _components_of_wholes(groups)
    # a name with only a generic head that nothing else types ("the Global Gateway project") is
    # not known to be infrastructure
    groups = [g for g in groups if any(c.type for c in g.members)]
    projects = [_project(doc, group, index) for group in groups]
    _add_alias_mentions(doc, groups, projects)
    named = _owners(doc, projects)  # names, acronyms: the parts a rule may take
    sections = [k for k, g in enumerate(groups) if id(g) in wholes]
    _attach_sections(doc, projects, sections)  # before "the railway" is read as the latest-named
    parts = set(sections)
    for k, group in enumerate(groups):
        if id(group) in components:
            projects[k].part_of = projects[groups.index(components[id(group)])].name
            parts.add(k)
    _add_anaphora(doc, groups, projects, skip=parts)
    _add_part_of(doc, groups, projects, named)
    for project in projects:
        project.mentions.sort(key=lambda m: m.start_char)
    return projects


# the kinds of work that run in sections
LINEAR = frozenset({"railway", "road", "pipeline", "corridor", "power_line", "telecom", "canal", "bridge", "tunnel"})


def _is_section(group: Group) -> bool:
    return all(c.kind == "section" for c in group.members)


def _sections_of_wholes(doc: Doc, groups: list[Group]) -> tuple[list[Group], dict[int, Group]]:
    """"the Turkish section" is a part of the work it follows: the one named in "of the X" right
    after it, else the typed work named last before it. It takes that work's type; a section
    that follows no linear work is dropped (a station or a port has no sections). Returns the groups and section group id -> whole."""
    wholes = [g for g in groups if not _is_section(g) and any(c.type in LINEAR for c in g.members)]
    starts = {c.start: g for g in wholes for c in g.members}
    kept, part_of = [], {}
    for group in groups:
        if not _is_section(group):
            kept.append(group)
            continue
        first = min(group.members, key=lambda c: c.start)
        whole = _whole_after_of(doc, first.end, starts)
        if whole is None:
            before = [(c.start, n) for n, g in enumerate(wholes) for c in g.members if c.start < first.start]
            whole = wholes[max(before)[1]] if before else None
        if whole is None:
            continue
        typ = next(c.type for c in whole.members if c.type in LINEAR)
        group.members = [replace(c, type=typ) for c in group.members]
        part_of[id(group)] = whole
        kept.append(group)
    return kept, part_of


def _components_of_wholes(groups: list[Group]) -> tuple[list[Group], dict[int, Group]]:
    """"phase I of the X Project", "reactor Unit 1": a component is part of the work named in
    it, else of the typed work named last before it, and takes its type; one that follows no
    work is dropped. Returns the groups and component group id -> whole."""
    wholes = [g for g in groups if not any(c.kind in ("section", "component") for c in g.members)]
    wholes = [g for g in wholes if any(c.type for c in g.members)]
    kept, part_of = [], {}
    for group in groups:
        if not all(c.kind == "component" for c in group.members):
            kept.append(group)
            continue
        first = min(group.members, key=lambda c: c.start)
        whole = next((g for g in wholes if any(c.start == first.whole_start for c in g.members)), None)
        if whole is None:
            # the named work last before it ("the cargo terminal in X" is no whole of "quay 2")
            before = [(c.start, n) for n, g in enumerate(wholes) for c in g.members if c.start < first.start and c.named]
            whole = wholes[max(before)[1]] if before else None
        if whole is None:
            continue
        typ = next(c.type for c in whole.members if c.type)
        group.members = [replace(c, type=typ) for c in group.members]
        part_of[id(group)] = whole
        kept.append(group)
    return kept, part_of


def _attach_sections(doc: Doc, projects: list[Project], sections: list[int]) -> None:
    """A section is part of the linear work named in "of (the) X" right after it, else of the
    one named last before it (by name or acronym); it takes that work's type."""
    owners = _owners(doc, projects)
    for k in sections:
        first = min(projects[k].mentions, key=lambda m: m.start_char)
        span = doc.char_span(first.start_char, first.end_char, alignment_mode="expand")
        whole = None
        if span is not None and span.end < len(doc) and doc[span.end].lower_ == "of":
            j = span.end + 1 + (span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "the")
            whole = owners.get(j)
        if whole is None or whole in sections or projects[whole].type not in LINEAR:
            before = [
                (m.start_char, n)
                for n, p in enumerate(projects)
                if n not in sections and p.type in LINEAR
                for m in p.mentions
                if m.start_char < first.start_char
            ]
            whole = max(before)[1] if before else None
        if whole is not None:
            projects[k].part_of = projects[whole].name
            projects[k].type = projects[whole].type


def _whole_after_of(doc: Doc, i: int, starts: dict[int, Group]) -> Group | None:
    """The work named in "of (the) X" at token i ("the Congolese stretch of the Benguela railway")."""
    if i < len(doc) and doc[i].lower_ == "of":
        j = i + 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the")
        return starts.get(j)
    return None


APPOSITION_REACH = 8  # tokens from the comma to the head of an apposition


def _typed_by_apposition(doc: Doc, groups: list[Group]) -> list[Group]:
    """"the CASA-1000 project, a power line from ...": an apposition tells what a generically
    headed name is. The name takes the type of the apposition's first specific head, and an
    unnamed work described there is the same work, no project of its own."""
    untyped = [g for g in groups if not any(c.type for c in g.members)]
    if not untyped:
        return groups
    specific = [m for m in head_matches(doc) if not m.head.generic and m.head.type and not m.plural]
    described: set[int] = set()
    for group in untyped:
        for cand in group.members:
            comma = cand.end
            if comma + 1 >= len(doc) or doc[comma].text != "," or doc[comma + 1].lower_ not in ("a", "an", "the"):
                continue
            head = next((m for m in specific if comma + 1 < m.start <= comma + APPOSITION_REACH), None)
            if head is None or any(t.text in (",", ";", ".") for t in doc[comma + 1 : head.start]):
                continue
            group.members = [replace(c, type=head.head.type) for c in group.members]
            for other in groups:
                if other is not group and not any(c.named for c in other.members):
                    if any(c.start <= head.start < c.end for c in other.members):
                        described.add(id(other))
            break
    return [g for g in groups if id(g) not in described]


def _agreement_countries(doc: Doc, sent, index: PlaceIndex) -> list[str]:
    """Countries named in a sentence that builds, finances or agrees on the project ("the
    Commission signed a grant with Albania for the Vlora airport")."""
    words = lowers(doc)[sent.start : sent.end]
    if not grammar().agreement_words.intersection(words):
        return []
    codes = []
    for tok in sent:
        region = index.region_at(tok)
        if region is not None and region.type == "country" and region.country and region.country not in codes:
            codes.append(region.country)
    return codes


def _region_tokens(doc: Doc, regions: list[Region]) -> set[int]:
    """Indices of the tokens that start inside a region mention."""
    found: set[int] = set()
    for region in regions:
        for m in region.mentions:
            span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            if span is not None:
                found.update(t.i for t in span if m.start_char <= t.idx < m.end_char)
    return found


def _fullest(group: Group) -> Candidate:
    """The member with the most words (the first of them), which gives the project its name."""
    members = [c for c in group.members if c.start not in group.glosses] or group.members
    return max(members, key=lambda c: (c.named, name_weight(c.name), -c.start))


def _project(doc: Doc, group: Group, index: PlaceIndex) -> Project:
    main = _fullest(group)
    typ = main.type or next((c.type for c in group.members if c.type), None) or "other"
    names = [main.name]
    for member in group.members:
        if member.name.casefold() not in {n.casefold() for n in names}:
            names.append(member.name)
    aliases = names[1:] + [a for a in group.alias_names + group.acronyms if a not in names]
    countries: list[str] = []
    locations: list[str] = []
    for member in group.members:
        # places in the name: the regions found there, else the gazetteer
        inside = [index.region_at(t) for t in doc[member.start : member.end]]
        codes = [r.country for r in inside if r is not None and r.country]
        for code in codes + name_countries(member.name, index):
            if code not in countries:
                countries.append(code)
    seen_sents = set()
    for member in group.members:
        sent = doc[member.start].sent
        if sent.start in seen_sents:
            continue
        seen_sents.add(sent.start)
        for region in context_places(sent, index, range(member.start, member.end)):
            if region.country and region.country not in countries:
                countries.append(region.country)
            if region.name not in locations:
                locations.append(region.name)
        for code in both_countries(sent, index) + _agreement_countries(doc, sent, index):
            if code not in countries:
                countries.append(code)
    mentions = [_mention(doc, c.start, c.end, main.name) for c in group.members]
    return Project(
        name=main.name,
        type=typ,
        aliases=aliases,
        countries=countries,
        locations=locations,
        mentions=mentions,
    )


def _cue_end(doc: Doc, i: int, cues: tuple[tuple[str, ...], ...]) -> int:
    for cue in cues:
        n = len(cue)
        if tuple(t.lower_ for t in doc[i : i + n]) == cue:
            return i + n
    return i


@lru_cache(maxsize=1)
def _rules() -> dict[str, frozenset[str]]:
    """The word lists of the part_of rules (models/project_grammar.json "part_of_rules")."""
    raw = load_json("project_grammar.json")["part_of_rules"]
    return {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}


def _owners(doc: Doc, projects: list[Project]) -> dict[int, int]:
    """Token position -> index of the project one of whose mentions covers it (first wins)."""
    out: dict[int, int] = {}
    for k, project in enumerate(projects):
        for m in project.mentions:
            span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            for tok in span if span is not None else ():
                out.setdefault(tok.i, k)
    return out


def _add_part_of(doc: Doc, groups: list[Group], projects: list[Project], named: dict[int, int]) -> None:
    """Set part_of from what the article states; the first rule that applies wins.

    `named` maps tokens of names and acronyms to projects: only those are taken as parts ("the
    route" may stand for the whole, never for a part)."""
    owners = _owners(doc, projects)
    for rule in (_part_of_cue, _part_of_includes, _part_of_sections, _part_of_stem, _part_of_built):
        for part, whole in rule(doc, groups, projects, owners, named):
            if part != whole and projects[part].part_of is None and projects[whole].part_of != projects[part].name:
                projects[part].part_of = projects[whole].name


def _spans(doc: Doc, project: Project) -> list[tuple[int, int]]:
    out = []
    for m in project.mentions:
        span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        if span is not None:
            out.append((span.start, span.end))
    return out


def _part_of_cue(doc, groups, projects, owners, named):
    """"A, (which is) part of B", "A represents the last piece in B", "TAP, a key link of B"."""
    skip = {",", "which", "that", "a", "an", "the", "key", "integral", "last", "essential", "important", "major"}
    skip |= _rules()["link_verbs"]
    for k, project in enumerate(projects):
        for start, end in _spans(doc, project):
            if named.get(start) != k:
                continue
            i = end
            limit = doc[start].sent.end
            while i < limit and doc[i].lower_ in skip:
                i += 1
            after = _cue_end(doc, i, grammar().part_of_cues)
            if after == i:
                continue
            while after < limit and doc[after].lower_ in skip:
                after += 1
            target = owners.get(after)
            if target is not None and target != k:
                yield k, target
                break


def _part_of_includes(doc, groups, projects, owners, named):
    """"B includes/comprises A and C", "B consists of A": the objects are parts of the subject."""
    rules = _rules()
    for i, lower in enumerate(lowers(doc)):
        if lower not in rules["include_verbs"] and lower not in rules["consist_verbs"]:
            continue
        verb = doc[i]
        if verb.pos_ not in ("VERB", "AUX") or lower == "including":
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        wholes = [owners[s.i] for s in subjects if s.i in owners]
        if not wholes and any(s.lower_ == "it" for s in subjects) and verb.sent.start > 0:
            # "It comprises A and B": the work the sentence before is about
            whole = _subject_project(doc[verb.sent.start - 1].sent, owners)
            wholes = [whole] if whole is not None else []
        if not wholes:
            continue
        if lower in rules["consist_verbs"]:
            objects = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        else:
            objects = [c for c in verb.children if c.dep_ == "dobj"]
        for obj in objects:
            for part in dict.fromkeys(named[t.i] for t in obj.subtree if t.i in named):
                yield part, wholes[0]


def _subject_project(sent, owners: dict[int, int]) -> int | None:
    """The project that is the subject of the sentence's main verb, through "it"/"this" to the
    subject project of the sentences before."""
    root = sent.root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            found = [owners[t.i] for t in child.subtree if t.i in owners]
            if found:
                return found[0]
            if child.lower_ in ("it", "this") and sent.start > 0:
                prev = sent.doc[sent.start - 1].sent
                return _subject_project(prev, owners)
    return None


def _part_of_sections(doc, groups, projects, owners, named):
    """"B is being built in sections, with A finished in 2014 and C opened in 2017": the named
    works after "with" are parts of the sentence's subject, a corridor or program."""
    nouns = _rules()["section_nouns"]
    for sent in doc.sents:
        lower = lowers(doc)[sent.start : sent.end]
        if not nouns.intersection(lower) or "with" not in lower:
            continue
        whole = _subject_project(sent, owners)
        if whole is None or not _umbrella(groups[whole]):
            continue
        w = sent.start + lower.index("with")
        if not any(t.lower_ in nouns for t in doc[sent.start : w]):
            continue
        for part in dict.fromkeys(named[i] for i in range(w + 1, sent.end) if i in named):
            yield part, whole


def _umbrella(group: Group) -> bool:
    """A named whole that other works are built under: a corridor or a "... project/program"."""
    main = _fullest(group)
    if not main.named:
        return False
    last = main.name.split()[-1].lower()
    return main.type == "corridor" or last in _rules()["umbrella_heads"]


def _part_of_stem(doc, groups, projects, owners, named):
    """"X dam hydropower station" within "X dam multipurpose project": same name, generic whole."""
    words = [distinctive_words(_fullest(g).name) for g in groups]
    for a, ga in enumerate(groups):
        for b, gb in enumerate(groups):
            if a == b or not words[a] or words[a] != words[b]:
                continue
            part_last = _fullest(ga).name.split()[-1].lower()
            if _umbrella(gb) and _fullest(gb).type != "corridor" and part_last not in _rules()["umbrella_heads"]:
                yield a, b


def _part_of_built(doc, groups, projects, owners, named):
    """An unnamed work the text says is built or financed ("a 750 km HVDC line would be
    constructed") is part of the umbrella named before it in its sentence, else of the article's
    one umbrella project."""
    rules = _rules()
    umbrellas = [k for k, g in enumerate(groups) if _umbrella(g)]
    for k, group in enumerate(groups):
        if any(c.named for c in group.members) or k in umbrellas:
            continue
        first = min(group.members, key=lambda c: c.start)
        sent = doc[first.start].sent
        if not rules["build_words"].intersection(t.lower_ for t in sent):
            continue
        if any(t.lower_ in rules["not_built"] for t in doc[max(sent.start, first.start - 4) : first.start]):
            continue
        before = [owners[i] for i in range(sent.start, first.start) if owners.get(i) in umbrellas]
        if before:
            yield k, before[-1]
            continue
        earlier = [u for u in umbrellas if min(c.start for c in groups[u].members) < first.start]
        generic = [u for u in earlier if _fullest(groups[u]).type != "corridor"]
        if len(umbrellas) == 1 and generic:
            yield k, generic[0]
