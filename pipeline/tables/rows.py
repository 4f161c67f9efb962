"""Turn one article's records into rows of the output tables (pure; no I/O)."""

from __future__ import annotations

import bisect
import hashlib
import json
from dataclasses import dataclass, field

from ..normalize.coordinates import place_coordinates
from ..normalize.names import fold
from ..records import Article, Mention, Official, Project, Region, Relation, TimeExpression


def local_entity_id(kind: str, key: str) -> str:
    """The entity id an article gives before corpus linking: kind prefix + hash of its key."""
    return f"{kind[:3]}-" + hashlib.sha1(fold(key).strip().encode("utf-8")).hexdigest()[:12]


def official_id(official: Official) -> str:
    # the country is part of the key: two people of one name serving two states stay apart
    return local_entity_id("official", f"{official.name}|{official.country or ''}")


def region_id(region: Region) -> str:
    return local_entity_id("region", region.iso_code or f"{region.name}|{region.country or ''}")


def project_id(project: Project) -> str:
    return local_entity_id("project", project.name)


@dataclass
class ArticleResult:
    """Everything extracted from one article."""

    officials: list[Official] = field(default_factory=list)
    persons: list[Mention] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    dates: list[TimeExpression] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


class SentenceIndex:
    """Maps a character offset to its sentence number and text."""

    def __init__(self, text: str, sentence_spans: list[tuple[int, int]]):
        self.text = text
        self.spans = sentence_spans or [(0, len(text))]
        self.starts = [start for start, _ in self.spans]

    def number(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def sentence(self, char: int) -> str:
        start, end = self.spans[self.number(char)]
        return self.text[start:end]


def content_hash(article: Article) -> str:
    """A hash of everything read from the input: the body and every header field.

    A corrected date or title is a change like a corrected body, so a rerun reprocesses it.
    """
    published = article.published.isoformat() if article.published else None
    header = [article.title, article.url, article.author, published, article.language]
    digest = hashlib.sha256(json.dumps(header).encode("utf-8"))
    digest.update(b"\n")
    digest.update(article.text.encode("utf-8"))
    return digest.hexdigest()[:16]


def document_row(article: Article, model: str | None, version: str, words: int) -> dict:
    return {
        "doc_id": article.doc_id,
        "source": article.source,
        "title": article.title,
        "url": article.url,
        "author": article.author,
        "published": article.published,
        "text": article.text,
        "status": article.status,
        "error": article.error,
        "warnings": list(article.warnings),
        "language": article.language,
        "model": model,
        "pipeline_version": version,
        "content_hash": content_hash(article),
        "words": words,
    }


def _mention_rows(doc_id: str, entity_id: str | None, mentions, sentences: SentenceIndex):
    return [
        {
            "doc_id": doc_id,
            "entity_id": entity_id,
            "label": m.label,
            "text": m.text,
            "start_char": m.start_char,
            "end_char": m.end_char,
            "sentence": sentences.number(m.start_char),
        }
        for m in mentions
    ]


def article_rows(doc_id: str, result: ArticleResult, sentences: SentenceIndex) -> dict[str, list]:
    """Rows of every per-article table except `documents`."""
    mentions: list[dict] = []
    ids: dict[str, str] = {}
    kinds: dict[str, str] = {}  # name -> official/region/project, for the relations' ends
    officials = []
    for o in result.officials:
        eid = official_id(o)
        ids.setdefault(o.name, eid)
        kinds.setdefault(o.name, "official")
        mentions += _mention_rows(doc_id, eid, o.mentions, sentences)
        officials.append(
            {
                "doc_id": doc_id,
                "entity_id": eid,
                "name": o.name,
                "aliases": list(o.aliases),
                "role": o.role,
                "role_text": o.role_text,
                "country": o.country,
                "organization": o.organization,
                "posted_to": o.posted_to,
                "mention_count": len(o.mentions),
                "first_char": o.first_char,
            }
        )
    mentions += _mention_rows(doc_id, None, result.persons, sentences)
    regions = []
    for r in result.regions:
        eid = region_id(r)
        ids.setdefault(r.name, eid)
        kinds.setdefault(r.name, "region")
        mentions += _mention_rows(doc_id, eid, r.mentions, sentences)
        where = place_coordinates(r.name, r.type, r.country, r.iso_code)
        regions.append(
            {
                "doc_id": doc_id,
                "entity_id": eid,
                "name": r.name,
                "type": r.type,
                "country": r.country,
                "iso_code": r.iso_code,
                "mention_count": len(r.mentions),
                "first_char": r.first_char,
                "latitude": where.latitude,
                "longitude": where.longitude,
                "geonames_id": where.geonames_id,
            }
        )
    projects = []
    for p in result.projects:
        eid = project_id(p)
        ids.setdefault(p.name, eid)
        kinds.setdefault(p.name, "project")
        mentions += _mention_rows(doc_id, eid, p.mentions, sentences)
        projects.append(
            {
                "doc_id": doc_id,
                "entity_id": eid,
                "name": p.name,
                "aliases": list(p.aliases),
                "type": p.type,
                "countries": list(p.countries),
                "locations": list(p.locations),
                "part_of": p.part_of,
                "mention_count": len(p.mentions),
                "first_char": p.first_char,
            }
        )
    dates = [
        {
            "doc_id": doc_id,
            "text": d.text,
            "start_char": d.start_char,
            "end_char": d.end_char,
            "type": d.type,
            "value": d.value,
            "mod": d.mod,
            "earliest": d.earliest,
            "latest": d.latest,
            "sentence": sentences.number(d.start_char),
        }
        for d in result.dates
    ]
    relations = [
        {
            "doc_id": doc_id,
            "type": rel.type,
            "head": rel.head,
            "head_kind": kinds.get(rel.head),
            "head_id": ids.get(rel.head),
            "tail": rel.tail,
            "tail_kind": kinds.get(rel.tail),
            "tail_id": ids.get(rel.tail),
            "date_value": rel.date_value,
            "evidence": sentences.text[rel.start_char : rel.end_char],
            "start_char": rel.start_char,
            "end_char": rel.end_char,
            "confidence": rel.confidence,
        }
        for rel in result.relations
    ]
    mentions.sort(key=lambda row: (row["start_char"], row["end_char"]))
    return {
        "mentions": mentions,
        "officials": officials,
        "regions": regions,
        "projects": projects,
        "dates": dates,
        "relations": relations,
    }
