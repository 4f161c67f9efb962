"""Typed records that flow between the stages: one article in, rows of every table out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Article:
    """One article as ingest reads it; `status` is "error" when it could not be read."""

    doc_id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None
    status: str = "ok"
    error: str | None = None
    warnings: tuple[str, ...] = ()
    language: str | None = None  # ISO 639-1 where known; only English articles are extracted


@dataclass(frozen=True)
class Mention:
    """One stretch of text that names an entity (or a person who is not an official)."""

    label: str  # OFFICIAL, PERSON, REGION, PROJECT
    text: str
    start_char: int
    end_char: int
    key: str = ""  # the within-article entity this mention belongs to ("" for none)


@dataclass
class Official:
    """A named person holding a public office, one per person per article."""

    name: str
    role: str | None
    role_text: str | None = None
    country: str | None = None
    organization: str | None = None
    posted_to: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first_char(self) -> int:
        return min((m.start_char for m in self.mentions), default=-1)


@dataclass
class Region:
    """A named place, one per distinct place per article."""

    name: str
    type: str  # country, subdivision, city, region
    country: str | None = None
    iso_code: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first_char(self) -> int:
        return min((m.start_char for m in self.mentions), default=-1)


@dataclass
class Project:
    """A named piece of infrastructure, one per project per article."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    part_of: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first_char(self) -> int:
        return min((m.start_char for m in self.mentions), default=-1)


@dataclass(frozen=True)
class TimeExpression:
    """A time expression with its TIMEX3 normalization."""

    text: str
    start_char: int
    end_char: int
    type: str  # DATE, DURATION, SET
    value: str
    mod: str | None = None
    earliest: date | None = None
    latest: date | None = None


@dataclass(frozen=True)
class Relation:
    """A stated relation between two extracted entities (names as in their tables)."""

    type: str  # MET_WITH, PART_OF, LOCATED_IN
    head: str
    tail: str
    start_char: int
    end_char: int
    date_value: str | None = None
    confidence: float = 1.0
