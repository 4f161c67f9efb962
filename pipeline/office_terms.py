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

from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .day_spans import value_span
from .geo import country_code
from .resources import load_json
from .roles import normalize_role
from .schema import SCHEMAS

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


def _relation_starts(relations: pd.DataFrame) -> pd.DataFrame:
    """(doc_id, entity_id, start): the first day of every dated relation an entity takes part in."""
    rows = []
    for doc_id, head, tail, value in relations[["doc_id", "head_id", "tail_id", "date_value"]].itertuples(
        index=False
    ):
        span = value_span(value)
        if span is None:
            continue
        for entity in (head, tail):
            if isinstance(entity, str):
                rows.append((doc_id, entity, span[0]))
    return pd.DataFrame(rows, columns=["doc_id", "entity_id", "start"])


def _sightings(officials: pd.DataFrame, published: pd.Series, relations: pd.DataFrame) -> pd.DataFrame:
    """One row per official per article, with the days the article shows them in office."""
    rows = officials[officials["role"].notna() & (officials["role"] != "")].copy()
    days = pd.to_datetime(rows["doc_id"].map(published))
    rows["published"] = pd.Series([d.date() if _known(d) else None for d in days], index=rows.index, dtype=object)
    starts = _relation_starts(relations).groupby(["doc_id", "entity_id"])["start"].min()
    rows["related"] = pd.Series(
        [starts.get((d, e)) for d, e in zip(rows["doc_id"], rows["entity_id"])], index=rows.index, dtype=object
    )

    def seen(published_on, related_on) -> tuple:
        known = [d for d in (published_on, related_on) if _known(d)]
        if not known:
            return None, None
        # a later relation date is an announcement, not a sighting: the term ends at publication
        last = published_on if _known(published_on) else max(known)
        return min(known), last

    spans = [seen(p, r) for p, r in zip(rows["published"], rows["related"])]
    rows["seen_from"] = [s[0] for s in spans]
    rows["seen_to"] = [s[1] for s in spans]
    return rows


def _conflicts(terms: pd.DataFrame) -> list[list[str]]:
    """For each term, the other entities holding the same single-holder office at the same time."""
    others: list[list[str]] = [[] for _ in range(len(terms))]
    office = terms[["role", "country", "organization"]].fillna("").astype(str).agg("|".join, axis=1)
    for _, positions in terms.groupby(office.values).indices.items():
        first = terms.iloc[positions[0]]
        if len(positions) < 2 or not is_single_holder(first["role"], first["country"], first["organization"]):
            continue
        for i in positions:
            for j in positions:
                a, b = terms.iloc[i], terms.iloc[j]
                if a["entity_id"] == b["entity_id"] or pd.isna(a["first_seen"]) or pd.isna(b["first_seen"]):
                    continue
                if a["first_seen"] <= b["last_seen"] and b["first_seen"] <= a["last_seen"]:
                    others[i].append(b["entity_id"])
    return [sorted(set(o)) for o in others]


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
    grouped = rows.groupby(KEY, dropna=False, sort=True)
    terms = grouped.agg(
        first_seen=("seen_from", lambda s: min((d for d in s if _known(d)), default=None)),
        last_seen=("seen_to", lambda s: max((d for d in s if _known(d)), default=None)),
        documents=("doc_id", "nunique"),
        doc_ids=("doc_id", lambda s: sorted(set(s))),
        role_texts=("role_text", lambda s: sorted({t for t in s if isinstance(t, str) and t})),
        form=("name", lambda s: s.value_counts().index[0]),
    ).reset_index()
    terms["name"] = terms["entity_id"].map(names) if names is not None else None
    terms["name"] = terms["name"].where(terms["name"].notna(), terms["form"])
    terms["documents"] = terms["documents"].astype("int64")
    terms = terms.replace({float("nan"): None})
    terms["conflict_with"] = _conflicts(terms)
    terms["conflict"] = terms["conflict_with"].map(bool)
    return terms[columns].sort_values(["country", "role", "first_seen", "entity_id"], na_position="last", ignore_index=True)


def _as_date(value: date | str) -> date:
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
        on: the date (a `date` or "YYYY-MM-DD").
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
