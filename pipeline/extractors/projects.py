"""Find named infrastructure projects in a Doc."""

from __future__ import annotations

from spacy.tokens import Doc

from ..project_grammar import Candidate, find_candidates, head_matches
from ..project_lexicon import grammar
from ..project_links import Group, group_candidates, name_weight
from ..project_places import PlaceIndex, both_countries, context_places, name_countries
from ..records import Mention, Project, Region

LABEL = "PROJECT"
_ANAPHORS = frozenset({"the", "this", "that"})


def find_projects(doc: Doc, regions: list[Region]) -> list[Project]:
    """Return one Project per named project in the article, with its mentions."""
    index = PlaceIndex(doc, regions)
    region_tokens = {t.i for t in doc if index.region_at(t) is not None}
    groups = group_candidates(doc, find_candidates(doc, region_tokens))
    # a name with only a generic head that nothing else types ("the Global Gateway project") is
    # not known to be infrastructure
    groups = [g for g in groups if any(c.type for c in g.members)]
    projects = [_project(doc, group, index) for group in groups]
    _add_part_of(doc, groups, projects)
    _add_alias_mentions(doc, groups, projects)
    _add_anaphora(doc, groups, projects)
    for project in projects:
        project.mentions.sort(key=lambda m: m.start_char)
    return projects


def _fullest(group: Group) -> Candidate:
    """The member with the most words (the first of them), which gives the project its name."""
    members = [c for c in group.members if c.start not in group.glosses] or group.members
    return max(members, key=lambda c: (name_weight(c.name), c.named, -c.start))


def _mention(doc: Doc, start: int, end: int, key: str) -> Mention:
    span = doc[start:end]
    return Mention(LABEL, span.text, span.start_char, span.end_char, key)


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
        for code in both_countries(sent, index):
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


def _add_part_of(doc: Doc, groups: list[Group], projects: list[Project]) -> None:
    """"A, (which is) part of B", "A, section of B", "A ... piece in B": A.part_of = B."""
    owner = {c.start: k for k, g in enumerate(groups) for c in g.members}
    skip = {",", "which", "is", "was", "are", "as", "a", "an", "the", "key", "integral", "last", "essential", "important", "major"}
    for k, group in enumerate(groups):
        for member in group.members:
            i = member.end
            limit = doc[member.start].sent.end
            while i < limit and doc[i].lower_ in skip:
                i += 1
            after = _cue_end(doc, i, grammar().part_of_cues)
            if after == i:
                continue
            while after < limit and doc[after].lower_ in skip:
                after += 1
            target = owner.get(after)
            if target is not None and target != k:
                projects[k].part_of = projects[target].name
                break


def _add_alias_mentions(doc: Doc, groups: list[Group], projects: list[Project]) -> None:
    """Each use of an acronym alone ("TAP represents ...") is a mention of its project."""
    covered = {m.start_char for p in projects for m in p.mentions}
    for group, project in zip(groups, projects):
        for tok in doc:
            if tok.text in group.acronyms and tok.idx not in covered:
                project.mentions.append(Mention(LABEL, tok.text, tok.idx, tok.idx + len(tok.text), project.name))
                covered.add(tok.idx)


def _add_anaphora(doc: Doc, groups: list[Group], projects: list[Project]) -> None:
    """"the railway", "the project" after a named one: a mention of the latest project of that kind."""
    covered = {ch for p in projects for m in p.mentions for ch in range(m.start_char, m.end_char)}
    firsts = [min(c.start for c in g.members) for g in groups]
    for match in head_matches(doc):
        if match.plural or match.start == 0 or doc[match.start].idx in covered:
            continue
        det = doc[match.start - 1]
        if det.lower_ not in _ANAPHORS:
            continue
        kind = match.head.type
        best = None
        for k, project in enumerate(projects):
            if firsts[k] < match.start and (kind is None or project.type == kind):
                if best is None or firsts[k] > firsts[best]:
                    best = k
        if best is not None:
            projects[best].mentions.append(_mention(doc, match.start, match.end, projects[best].name))

