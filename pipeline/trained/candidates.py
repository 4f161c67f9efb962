"""Candidate relation pairs: which entity pairs of one Doc the relation scorer looks at.

A candidate is a pair of extracted entities of the kinds a relation type joins (officials x
officials for MET_WITH, projects x projects for PART_OF, projects x regions for LOCATED_IN)
with a mention of each within the window (same sentence, or neighbouring sentences), or a
pair that a rule of `pipeline.extractors.relations` proposed anywhere in the Doc. The pair is
represented by its closest two mentions (the scorer's features read them).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc

from ..records import Relation

RELATION_TYPES = ("MET_WITH", "PART_OF", "LOCATED_IN")
# (head kind, tail kind) of each type: the Doc extension holding its records.
END_KINDS = {
    "MET_WITH": ("officials", "officials"),
    "PART_OF": ("projects", "projects"),
    "LOCATED_IN": ("projects", "regions"),
}
# How many sentences apart two mentions may be: 0 is the same sentence.
DEFAULT_WINDOW = 1


@dataclass(frozen=True)
class MentionSpan:
    """One mention on tokens: [start, end) token offsets and its sentence number."""

    start: int
    end: int
    sentence: int


@dataclass
class Candidate:
    """One pair the scorer decides on; `head`/`tail` index the records of their kind."""

    type: str
    head: int
    tail: int
    head_span: MentionSpan | None  # the closest mention pair (None: a rule pair out of reach)
    tail_span: MentionSpan | None
    pairs_in_window: int = 0  # how many mention pairs lie within the window
    rule: Relation | None = None  # the rule system's row for this pair, where it has one
    rule_reverse: Relation | None = None  # the rule row with head and tail swapped

    @property
    def proposed_by_rule(self) -> bool:
        """Whether a rule row (either way round) proposed this pair."""
        return self.rule is not None or self.rule_reverse is not None

    def key(self, records: dict[str, list]) -> tuple[str, str, str]:
        """(type, head name, tail name); the names sorted for MET_WITH, which is symmetric."""
        head_kind, tail_kind = END_KINDS[self.type]
        head, tail = records[head_kind][self.head].name, records[tail_kind][self.tail].name
        return relation_key(self.type, head, tail)


def relation_key(kind: str, head: str, tail: str) -> tuple[str, str, str]:
    """The identity of a relation row: MET_WITH rows are the same either way round."""
    return (kind, *sorted((head, tail))) if kind == "MET_WITH" else (kind, head, tail)


def records_of(doc: Doc) -> dict[str, list]:
    """The extracted records the candidates index, by kind."""
    return {
        "officials": doc._.officials or [],
        "projects": doc._.projects or [],
        "regions": doc._.regions or [],
    }


def sentence_starts(doc: Doc) -> list[int]:
    """Token index where each sentence starts (one sentence without a parser)."""
    if not doc.has_annotation("SENT_START"):
        return [0]
    return [s.start for s in doc.sents]


def mention_spans(doc: Doc, record, starts: list[int]) -> list[MentionSpan]:
    """The token spans of a record's mentions."""
    spans = []
    for m in record.mentions:
        span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        spans.append(MentionSpan(span.start, span.end, bisect.bisect_right(starts, span.start) - 1))
    return spans


def _gap(a: MentionSpan, b: MentionSpan) -> int:
    """Tokens between two mentions (0 when they touch or overlap)."""
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def _closest(
    heads: list[MentionSpan], tails: list[MentionSpan], window: int
) -> tuple[MentionSpan | None, MentionSpan | None, int]:
    """The nearest mention pair within the window, and how many pairs lie within it."""
    best, best_key, count = (None, None), None, 0
    for h in heads:
        for t in tails:
            if h.start < t.end and t.start < h.end:
                continue  # overlapping mentions: one inside the other's name
            if abs(h.sentence - t.sentence) > window:
                continue
            count += 1
            key = (abs(h.sentence - t.sentence), _gap(h, t), min(h.start, t.start))
            if best_key is None or key < best_key:
                best, best_key = (h, t), key
    return best[0], best[1], count


def _nearest_any(heads: list[MentionSpan], tails: list[MentionSpan]):
    """The nearest mention pair at any distance (for rule pairs beyond the window); overlapping
    mentions only where there is no other pair (a place inside the project's name)."""
    pairs = [
        (h.start < t.end and t.start < h.end, abs(h.sentence - t.sentence), _gap(h, t), h, t)
        for h in heads
        for t in tails
    ]
    if not pairs:
        return None, None
    *_, h, t = min(pairs, key=lambda p: (p[0], p[1], p[2], p[3].start, p[4].start))
    return h, t


def find_candidates(
    doc: Doc, rules: list[Relation] | None = None, *, window: int = DEFAULT_WINDOW
) -> list[Candidate]:
    """Every candidate pair of a Doc whose extractors have run (`doc._.officials`, ...).

    `rules` are the rule system's relation rows (default `doc._.relations`): each proposes its
    pair even beyond the window and is a feature of its candidate.
    """
    records = records_of(doc)
    rules = list(doc._.relations or []) if rules is None else rules
    by_key = {relation_key(r.type, r.head, r.tail): r for r in rules}
    directed = {(r.type, r.head, r.tail): r for r in rules}
    starts = sentence_starts(doc)
    spans = {
        kind: [mention_spans(doc, record, starts) for record in items]
        for kind, items in records.items()
    }
    out: list[Candidate] = []
    for kind in RELATION_TYPES:
        head_kind, tail_kind = END_KINDS[kind]
        heads, tails = records[head_kind], records[tail_kind]
        for i, head in enumerate(heads):
            for j, tail in enumerate(tails):
                if head_kind == tail_kind and (i == j or (kind == "MET_WITH" and j < i)):
                    continue
                if head.name == tail.name:
                    continue
                h, t, count = _closest(spans[head_kind][i], spans[tail_kind][j], window)
                rule = (
                    by_key.get(relation_key(kind, head.name, tail.name))
                    if kind == "MET_WITH"
                    else directed.get((kind, head.name, tail.name))
                )
                reverse = directed.get((kind, tail.name, head.name)) if kind == "PART_OF" else None
                if h is None and rule is None:
                    continue
                if h is None:
                    h, t = _nearest_any(spans[head_kind][i], spans[tail_kind][j])
                    if h is None:
                        continue  # a record without a mention on the tokens
                out.append(Candidate(kind, i, j, h, t, count, rule, reverse))
    return out
