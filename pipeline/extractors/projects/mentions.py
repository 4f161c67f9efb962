"""Later mentions of the article's projects: an acronym alone ("TAP represents ..."), a name a
cue gave or a generic name without its head ("Rail Baltica will cost ..."), and "the
railway" or "the SGR" after a named one (pure; mutates the Project records' mentions)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .grammar import head_matches
from .links import Group
from .lexicon import grammar, heads
from .words import is_name_token
from ...records import Mention, Project
from ..doc_views import full_text, texts

LABEL = "PROJECT"
_ANAPHORS = frozenset({"the", "this", "that"})


def _mention(doc: Doc, start: int, end: int, key: str) -> Mention:
    span = doc[start:end]
    return Mention(LABEL, span.text, span.start_char, span.end_char, key)


def _add_alias_mentions(doc: Doc, groups: list[Group], projects: list[Project]) -> None:
    """Each use of an acronym alone ("TAP represents ...") is a mention of its project, and so
    is each use of a name the cue gave ("known as Whoosh") or of a generic name without its head
    ("the Rail Baltica project" ... "Rail Baltica will cost ...")."""
    owner: dict[str, Project] = {}
    for group, project in zip(groups, projects):
        for acronym in group.acronyms:
            owner.setdefault(acronym, project)  # the first project to claim an acronym keeps it
    covered = {m.start_char for p in projects for m in p.mentions}
    _add_short_name_mentions(doc, groups, projects, covered)
    if not owner:
        return
    for i, text in enumerate(texts(doc)):  # a Token object only for the acronyms
        project = owner.get(text)
        if project is None:
            continue
        tok = doc[i]
        if tok.idx not in covered:
            project.mentions.append(Mention(LABEL, tok.text, tok.idx, tok.idx + len(tok.text), project.name))
            covered.add(tok.idx)


def _without_trailing_heads(words: list[str]) -> list[str]:
    generic = set(grammar().modifiers) | set(heads())
    words = list(words)
    while words and words[-1].lower() in generic:
        words.pop()
    return words


def _add_short_name_mentions(doc: Doc, groups: list[Group], projects: list[Project], covered: set[int]) -> None:
    forms: dict[str, Project] = {}
    for group, project in zip(groups, projects):
        words = project.name.split()
        head = heads().get(words[-1].lower()) if len(words) > 2 else None
        # "Rail Baltica project", "Via Pontica motorway project": the name's own words, two or more
        bare = _without_trailing_heads(words) if head is not None and head.generic else []
        short = [" ".join(bare)] if len(bare) >= 2 else []
        for form in short + list(group.alias_names):
            if all(w[:1].isupper() or w[:1].isdigit() for w in form.split()):
                forms.setdefault(form, project)
    text = full_text(doc)
    for form, project in forms.items():
        for found in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
            span = doc.char_span(found.start(), found.end())
            if span is None or span.start_char in covered:
                continue
            if span.end < len(doc) and is_name_token(doc[span.end]) or span.start > 0 and is_name_token(doc[span.start - 1]):
                continue  # "Rail Baltica Estonia": a longer name
            project.mentions.append(_mention(doc, span.start, span.end, project.name))
            covered.add(span.start_char)


def _abbreviates(acronym: str, project: Project) -> bool:
    """Whether an acronym is an alias of the project or the initials of words of its name."""
    initials = "".join(w[0] for w in re.split(r"[\s\-–—]+", project.name) if w[:1].isupper())
    return acronym in project.aliases or acronym in initials


def _add_anaphora(doc: Doc, groups: list[Group], projects: list[Project], skip: set[int] = frozenset()) -> None:
    """"the railway", "the project" after a named one: a mention of the latest project of that
    kind; never of a section (`skip`): "the pipeline" is the whole, not its Turkish section."""
    covered = {ch for p in projects for m in p.mentions for ch in range(m.start_char, m.end_char)}
    firsts = [min(c.start for c in g.members) for g in groups]
    for match in head_matches(doc):
        if match.plural or match.start == 0 or doc[match.start].idx in covered:
            continue
        det = doc[match.start - 1]
        if det.lower_ not in _ANAPHORS:
            continue
        kind = match.head.type
        acronym = doc[match.start : match.end].text
        # "the SGR": of the works whose name it abbreviates, when one does
        spelled = {k for k, p in enumerate(projects) if acronym.isupper() and _abbreviates(acronym, p)}
        best = None
        for k, project in enumerate(projects):
            if spelled and k not in spelled:
                continue
            if k not in skip and firsts[k] < match.start and (kind is None or project.type == kind):
                if best is None or firsts[k] > firsts[best]:
                    best = k
        if best is not None:
            projects[best].mentions.append(_mention(doc, match.start, match.end, projects[best].name))
