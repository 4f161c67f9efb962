"""Trained spans -> records, normalized the rule way (shared by every trained span layer).

A trained span layer (the default pipeline's `news_spans`, the trf variant's head) writes
spans to `doc.spans[key]`; these functions turn the ones over text no rule took into records.
The rules stay where they are right: a span that overlaps any mention the rules found (a
region, project, official or person) is dropped, and so is a REGION inside an NER name of
another kind (an organization, an event, a facility), where the rules exclude places too. A
REGION is normalized through the gazetteer, and only a weak name there (one the rules need NER
or context to accept: the trained span is that support; no gazetteer entry, no row: a place
without an ISO code or country would be a guess); a PROJECT that holds a name is typed by the
head words inside it or, for names without one ("Rail Baltica", "Nabucco"), by the nearest head
word in its sentence. The records given are never changed: a record that gains a mention is
replaced by a copy.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from ..extractors.projects.lexicon import grammar, heads
from ..normalize.gazetteer import lookup
from ..records import Mention, Project, Region

_LEADING = ("the ", "The ")


def _add_mention(out: list, by_name: dict, key: str, mention: Mention) -> None:
    """Replace the record `by_name[key]` (in `out` too) by a copy holding one more mention."""
    old = by_name[key]
    new = replace(old, mentions=sorted([*old.mentions, mention], key=lambda m: m.start_char))
    out[next(i for i, r in enumerate(out) if r is old)] = new
    by_name[key] = new


def taken_chars(*record_lists: list) -> set[int]:
    """Character offsets covered by the given records' mentions (or by the given Mentions:
    `doc._.persons` holds Mentions)."""
    taken: set[int] = set()
    for records in record_lists:
        for record in records:
            for m in record.mentions if hasattr(record, "mentions") else [record]:
                taken.update(range(m.start_char, m.end_char))
    return taken


def new_spans(doc: Doc, key: str, taken: set[int]) -> list[Span]:
    """The trained spans of `doc.spans[key]` over text no rule took."""
    group = doc.spans[key] if key in doc.spans else []
    return [s for s in group if taken.isdisjoint(range(s.start_char, s.end_char))]


# NER labels of names a place may sit inside without being a mention ("Brussels Conference",
# "India Foundation", "USAID Bureau for Europe and Eurasia"): the rules exclude such places
_NAME_LABELS = frozenset({"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})


def inside_other_name(doc: Doc, span: Span) -> bool:
    """Whether an NER entity of a non-place kind overlaps the span."""
    return any(
        ent.label_ in _NAME_LABELS and ent.start < span.end and span.start < ent.end
        for ent in doc.ents
    )


def head_type(words: list[str]) -> str | None:
    """The type of the longest project head phrase in the (lower-cased) words, else of a typing
    modifier ("rail" in "Rail Baltica", "gas")."""
    table = heads()
    best: tuple[int, str] | None = None
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            head = table.get(" ".join(words[i : i + n]))
            if head is not None and head.type and (best is None or n > best[0]):
                best = (n, head.type)
    if best:
        return best[1]
    modifiers = grammar().modifier_types
    return next((modifiers[w] for w in words if w in modifiers), None)


def project_type(span: Span) -> str:
    """Head words inside the name, else the nearest head word of its sentence, else "other"."""
    inside = head_type([t.lower_ for t in span])
    if inside:
        return inside
    sent = span.sent
    around = sorted(
        (t for t in sent if t.i < span.start or t.i >= span.end),
        key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end + 1)),
    )
    table = heads()
    for tok in around:
        head = table.get(tok.lower_)
        if head is not None and head.type:
            return head.type
    return "other"


def _name(span: Span) -> str:
    text = span.text
    for lead in _LEADING:
        if text.startswith(lead):
            text = text[len(lead):]
    return text


def add_regions(regions: list[Region], spans: list[Span]) -> list[Region]:
    """Regions with the REGION spans of weak gazetteer names added (to a same-name row if any).

    A strong name (a country, a large city) that the rules left out was left out on purpose
    (inside an organization's or event's name): the head may supply the support a weak name
    lacks ("Karakol", a town NER misses), never overturn the rules' exclusions.
    """
    by_name = {r.name: r for r in regions}
    out = list(regions)
    for span in spans:
        places = lookup(span.text)
        if not places or any(p.strong for p in places):
            continue  # "Vienna" is a strong city whatever its province of the same name
        place = min(places, key=lambda p: p.rank)
        name = place.name or span.text
        mention = Mention("REGION", span.text, span.start_char, span.end_char, key=f"region:{name}")
        if name in by_name:
            _add_mention(out, by_name, name, mention)
            continue
        iso = place.iso_code if place.type in ("country", "subdivision") else None
        region = Region(name, place.type, place.country, iso, [mention])
        by_name[name] = region
        out.append(region)
    return out


def is_named(span: Span) -> bool:
    """Whether a span holds a name: a number, or a capitalized word that is no head noun put
    first in its sentence ("Bridge"). "The bridge" alone names no project."""
    table = heads()
    return any(
        any(c.isdigit() for c in t.text)
        or (t.text[:1].isupper() and not (t.is_sent_start and t.lower_ in table))
        for t in span
        if t.lower_ != "the"
    )


def add_projects(projects: list[Project], spans: list[Span]) -> list[Project]:
    """Projects with one new row per distinct name of the PROJECT spans that hold a name."""
    by_name = {p.name.casefold(): p for p in projects}
    out = list(projects)
    for span in spans:
        if not is_named(span):
            continue
        name = _name(span)
        mention = Mention("PROJECT", span.text, span.start_char, span.end_char, key=name)
        known = by_name.get(name.casefold())
        if known is not None:
            again = Mention("PROJECT", span.text, span.start_char, span.end_char, key=known.name)
            _add_mention(out, by_name, name.casefold(), again)
            continue
        project = Project(name=name, type=project_type(span), mentions=[mention])
        by_name[name.casefold()] = project
        out.append(project)
    return out
