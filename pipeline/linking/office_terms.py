"""Who held which office when, according to the articles: the `office_terms` table (pure).

Built in the link stage from the linked officials of all articles. One row per (entity, role,
country, organization): the office as the articles give it, seen from `first_seen` to
`last_seen`. An article is a sighting on its publication date, or earlier where a relation of
the official in it carries an earlier date ("met on December 3" in an article of January 6).
`conflict` marks two different people in one single-holder office (`models/offices.json`) over
overlapping periods: either the news disagrees or the linking or extraction went wrong, and an
analyst wants to look at both rows.

`who_held(terms, role, country, on)` answers "who held ROLE for COUNTRY on DATE" from the table.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..normalize.day_spans import value_span
from ..normalize.geo import country_code
from ..resources import load_json
from ..normalize.roles import normalize_role
from ..tables.schema import SCHEMAS

KEY = ["entity_id", "role", "country", "organization"]


@lru_cache(maxsize=1)
def single_holder_offices() -> tuple[frozenset[str], frozenset[str]]:
    """(offices of a country, offices of an organization) that one person holds at a time."""
    data = load_json("offices.json")
    return frozenset(data["of_a_country"]), frozenset(data["of_an_organization"])


def is_single_holder(role: str | None, country: str | None, organization: str | None) -> bool:
    """True when the office (role, country, organization) has one holder at a time."""
    of_country, of_organization = single_holder_offices()
    if organization:
        return role in of_organization
    return bool(country) and role in of_country


def _known(day) -> bool:
    """True for a calendar day (pandas' NaT for an unknown publication date is a `date` too)."""
    return isinstance(day, date) and not pd.isna(day)


def _relation_starts(relations: pd.DataFrame) -> dict[tuple[str, str], date]:
    """(doc_id, entity_id) -> the first day of the earliest dated relation it takes part in there."""
    starts: dict[tuple[str, str], date] = {}
    for doc_id, head, tail, value in zip(
        relations["doc_id"], relations["head_id"], relations["tail_id"], relations["date_value"]
    ):
        span = value_span(value)
        if span is None:
            continue
        for entity in (head, tail):
            if isinstance(entity, str) and ((doc_id, entity) not in starts or span[0] < starts[(doc_id, entity)]):
                starts[(doc_id, entity)] = span[0]
    return starts


def _sightings(officials: pd.DataFrame, published: pd.Series, relations: pd.DataFrame) -> pd.DataFrame:
    """One row per official per article, with the days the article shows them in office."""
    rows = officials[officials["role"].notna() & (officials["role"] != "")].copy()
    days = {doc: (d.date() if _known(d) else None) for doc, d in pd.to_datetime(published).items()}
    starts = _relation_starts(relations)
    seen_from, seen_to = [], []
    for doc_id, entity in zip(rows["doc_id"], rows["entity_id"]):
        published_on, related_on = days.get(doc_id), starts.get((doc_id, entity))
        known = [d for d in (published_on, related_on) if d is not None]
        # a later relation date is an announcement, not a sighting: the term ends at publication
        seen_from.append(min(known) if known else None)
        seen_to.append(published_on if published_on is not None else (max(known) if known else None))
    rows["seen_from"] = pd.Series(seen_from, index=rows.index, dtype=object)
    rows["seen_to"] = pd.Series(seen_to, index=rows.index, dtype=object)
    return rows


def _conflicts(terms: pd.DataFrame) -> list[list[str]]:
    """For each term, the other entities holding the same single-holder office at the same time."""
    others: list[set[str]] = [set() for _ in range(len(terms))]
    offices: dict[tuple, list[int]] = {}
    rows = list(zip(terms["role"], terms["country"], terms["organization"]))
    for position, (role, country, organization) in enumerate(rows):
        if is_single_holder(role, country, organization):
            offices.setdefault((role, country, organization), []).append(position)
    ids, firsts, lasts = list(terms["entity_id"]), list(terms["first_seen"]), list(terms["last_seen"])
    for positions in offices.values():
        dated = sorted((p for p in positions if _known(firsts[p])), key=lambda p: firsts[p])
        # a sweep in order of first_seen: each term meets the earlier ones still open
        for k, i in enumerate(dated):
            for j in dated[:k]:
                if lasts[j] >= firsts[i] and ids[i] != ids[j]:
                    others[i].add(ids[j])
                    others[j].add(ids[i])
    return [sorted(o) for o in others]


def build_office_terms(
    officials: pd.DataFrame,
    published: pd.Series,
    relations: pd.DataFrame,
    names: pd.Series | None = None,
) -> pd.DataFrame:
    """The `office_terms` table.

    Args:
        officials: linked `officials` rows (doc_id, entity_id, name, role, role_text, country,
            organization).
        published: doc_id -> publication date.
        relations: linked `relations` rows (doc_id, head_id, tail_id, date_value).
        names: entity_id -> the entity's name (from `entities`); else the most frequent form.
    """
    columns = SCHEMAS["office_terms"].names
    if officials.empty:
        return pd.DataFrame(columns=columns)
    rows = _sightings(officials, published, relations)
    if rows.empty:
        return pd.DataFrame(columns=columns)
    # plain dicts: a pandas aggregation per group costs a millisecond each, too slow for a corpus
    groups: dict[tuple, dict] = {}
    for doc_id, entity, role, country, organization, name, role_text, seen_from, seen_to in zip(
        rows["doc_id"], rows["entity_id"], rows["role"], rows["country"], rows["organization"],
        rows["name"], rows["role_text"], rows["seen_from"], rows["seen_to"],
    ):
        key = tuple(None if pd.isna(v) else v for v in (entity, role, country, organization))
        group = groups.setdefault(key, {"from": [], "to": [], "docs": set(), "texts": set(), "forms": Counter()})
        if _known(seen_from):
            group["from"].append(seen_from)
            group["to"].append(seen_to)
        group["docs"].add(doc_id)
        if isinstance(role_text, str) and role_text:
            group["texts"].add(role_text)
        group["forms"][name] += 1
    terms = pd.DataFrame(
        [
            {
                **dict(zip(KEY, key)),
                "first_seen": min(g["from"], default=None),
                "last_seen": max(g["to"], default=None),
                "documents": len(g["docs"]),
                "doc_ids": sorted(g["docs"]),
                "role_texts": sorted(g["texts"]),
                "form": g["forms"].most_common(1)[0][0],
            }
            for key, g in groups.items()
        ]
    )
    terms["name"] = terms["entity_id"].map(names) if names is not None else None
    terms["name"] = terms["name"].where(terms["name"].notna(), terms["form"])
    terms["documents"] = terms["documents"].astype("int64")
    terms = terms.replace({float("nan"): None})
    terms["conflict_with"] = _conflicts(terms)
    terms["conflict"] = terms["conflict_with"].map(bool)
    return terms[columns].sort_values(["country", "role", "first_seen", "entity_id"], na_position="last", ignore_index=True)


def _as_date(value: date | str) -> date:
    """A day from a `date`, a pandas/datetime timestamp (as read_tables gives) or "YYYY-MM-DD"."""
    if isinstance(value, datetime):  # pd.Timestamp is a datetime, which is a date: test it first
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(value)


def who_held(
    terms: pd.DataFrame | str | Path,
    role: str,
    country: str,
    on: date | str,
    *,
    organization: str | None = None,
) -> pd.DataFrame:
    """The office holders of ROLE for COUNTRY on a date, as the articles show them.

    Args:
        terms: an `office_terms` table, or a run's output folder holding `office_terms.parquet`.
        role: the office as written or canonical ("Foreign Minister", "foreign minister").
        country: an ISO code or a country name ("IR", "Iran").
        on: the date (a `date`, a timestamp or "YYYY-MM-DD").
        organization: the body or jurisdiction, for offices named with one ("Ardabil Province").

    Returns the `office_terms` rows whose period (`first_seen`..`last_seen`) contains the date:
    usually one; none where the articles show nobody then; several where they disagree
    (those rows carry `conflict`).
    """
    if not isinstance(terms, pd.DataFrame):
        terms = pd.read_parquet(Path(terms) / "office_terms.parquet")
    code = country_code(country) or country.upper()
    day = _as_date(on)
    wanted = normalize_role(role)
    rows = terms[(terms["role"] == wanted) & (terms["country"] == code)]
    if organization is not None:
        rows = rows[rows["organization"].fillna("").str.casefold() == organization.casefold()]
    spans = zip(pd.to_datetime(rows["first_seen"]), pd.to_datetime(rows["last_seen"]))
    held = [_known(first) and _known(last) and first.date() <= day <= last.date() for first, last in spans]
    return rows[pd.Series(held, index=rows.index, dtype=bool)].reset_index(drop=True)
