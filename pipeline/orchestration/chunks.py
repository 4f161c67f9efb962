"""Long articles: split under a size limit at paragraph or sentence boundaries, and merge the
records of the pieces back with their character offsets shifted to the whole text (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..records import Mention
from ..normalize.names import fold
from ..tables.rows import ArticleResult

CHUNK_CHARS = 100_000  # well under spaCy's max_length; the parser's memory grows with length
# characters given to nlp.pipe at once: the statistical model takes about 3 KB per character
# in flight (a 100,000-character piece about 300 MB), so this bounds a run's memory
PIPE_CHARS = 150_000

_BOUNDARIES = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def iter_pieces(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Pieces of `text` no longer than `limit`, as (offset, piece), cut at the best boundary.

    A generator: each piece is cut when it is needed, so a huge text is never held twice.
    """
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = None
        for boundary in _BOUNDARIES:
            last = None
            for match in boundary.finditer(window, limit // 2):
                last = match
            if last is not None and last.end() > limit // 2:
                cut = last.end()
                break
        cut = cut or limit
        yield start, text[start : start + cut]
        start += cut
    yield start, text[start:]


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """All pieces of `text` at once (see `iter_pieces`)."""
    return list(iter_pieces(text, limit))


def _shift_mentions(mentions: list[Mention], offset: int) -> list[Mention]:
    return [replace(m, start_char=m.start_char + offset, end_char=m.end_char + offset) for m in mentions]


def _merge_by_name(records: list, key) -> list:
    merged: dict = {}
    for record in records:
        k = key(record)
        if k in merged:
            kept = merged[k]
            kept.mentions.extend(record.mentions)
            if hasattr(kept, "aliases"):
                kept.aliases.extend(a for a in record.aliases if a not in kept.aliases)
        else:
            merged[k] = record
    return list(merged.values())


def merge_results(parts: list[tuple[int, ArticleResult]]) -> ArticleResult:
    """One ArticleResult for the whole text from the results of its pieces."""
    whole = ArticleResult()
    for offset, part in parts:
        for official in part.officials:
            official.mentions = _shift_mentions(official.mentions, offset)
        for region in part.regions:
            region.mentions = _shift_mentions(region.mentions, offset)
        for project in part.projects:
            project.mentions = _shift_mentions(project.mentions, offset)
        whole.officials += part.officials
        whole.regions += part.regions
        whole.projects += part.projects
        whole.persons += _shift_mentions(part.persons, offset)
        whole.dates += [
            replace(d, start_char=d.start_char + offset, end_char=d.end_char + offset) for d in part.dates
        ]
        whole.relations += [
            replace(r, start_char=r.start_char + offset, end_char=r.end_char + offset)
            for r in part.relations
        ]
    whole.officials = _merge_by_name(whole.officials, lambda o: (fold(o.name), o.country))
    whole.regions = _merge_by_name(whole.regions, lambda r: (fold(r.name), r.country))
    whole.projects = _merge_by_name(whole.projects, lambda p: fold(p.name))
    seen = set()
    relations = []
    for relation in whole.relations:
        ends = (relation.head, relation.tail)
        key = (relation.type, *(sorted(ends) if relation.type == "MET_WITH" else ends))
        if key not in seen:
            seen.add(key)
            relations.append(relation)
    whole.relations = relations
    return whole
