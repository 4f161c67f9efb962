"""Corpus-level linking: variants of one entity share an entity_id, different ones do not."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pipeline.linking.link import link
from pipeline.records import Official
from pipeline.tables.rows import local_entity_id, official_id


def _tables(kind: str, rows: list[dict]) -> dict[str, pd.DataFrame]:
    table = {"official": "officials", "project": "projects", "region": "regions"}[kind]
    frames = {t: pd.DataFrame(columns=["doc_id", "entity_id", "name", "aliases"]) for t in ("officials", "projects", "regions")}
    docs = []
    for i, row in enumerate(rows):
        row.setdefault("doc_id", f"d{i}")
        row.setdefault("aliases", [])
        row["entity_id"] = _local_id(kind, row)
        docs.append({"doc_id": row["doc_id"], "published": date(2020, 1, 1 + i)})
    frames[table] = pd.DataFrame(rows)
    frames["documents"] = pd.DataFrame(docs)
    return frames


def _local_id(kind: str, row: dict) -> str:
    if kind == "official":
        return official_id(Official(name=row["name"], role=row.get("role"), country=row.get("country")))
    return local_entity_id(kind, row.get("iso_code") or row["name"])


def _linked(kind: str, rows: list[dict]) -> bool:
    mapping, entities = link(_tables(kind, rows))
    ids = {mapping[_local_id(kind, r)] for r in rows}
    return len(ids) == 1


@pytest.mark.parametrize(
    "a, b",
    [
        ("Hassan Rouhani", "Hassan Rohani"),
        ("Bunyad Huseynov", "Bunyad Guseynov"),
        ("Ilham Aliyev", "Ilham Aliev"),
        ("Kerry John", "John Kerry"),
        ("J. Kerry", "John Kerry"),
        ("John F. Kerry", "John Kerry"),
    ],
)
def test_link_official_name_variants_merge(a, b):
    assert _linked("official", [{"name": a, "country": "IR", "role": "president"}, {"name": b, "country": "IR", "role": None}])


def test_link_surname_alone_needs_same_role_and_country():
    full = {"name": "John Kerry", "country": "US", "role": "secretary of state"}
    assert _linked("official", [dict(full), {"name": "Kerry", "country": "US", "role": "secretary of state"}])
    assert not _linked("official", [dict(full), {"name": "Kerry", "country": "US", "role": "senator"}])


@pytest.mark.parametrize(
    "a, b",
    [
        ({"name": "Ali Rezaei", "country": "IR", "role": "governor"}, {"name": "Maryam Rezaei", "country": "IR", "role": "minister"}),
        ({"name": "Ali Rezaei", "country": "IR", "role": "governor"}, {"name": "Ali Rezaei", "country": "AF", "role": "governor"}),
    ],
)
def test_link_same_surname_different_people_stay_apart(a, b):
    assert not _linked("official", [a, b])


@pytest.mark.parametrize(
    "a, b",
    [
        ({"name": "International North-South Transport Corridor"}, {"name": "INSTC"}),
        ({"name": "International North–South Transport Corridor"}, {"name": "North-South Transport Corridor"}),
        ({"name": "Baku-Tbilisi-Kars railway", "type": "railway"}, {"name": "Baku–Tbilisi–Kars railroad", "type": "railway"}),
        ({"name": "Trans Adriatic Pipeline", "aliases": ["TAP"]}, {"name": "TAP"}),
    ],
)
def test_link_project_variants_merge(a, b):
    assert _linked("project", [a, b])


@pytest.mark.parametrize(
    "a, b",
    [
        ({"name": "Baku-Tbilisi-Kars railway", "type": "railway"}, {"name": "Baku-Tbilisi-Ceyhan pipeline", "type": "pipeline"}),
        ({"name": "Rasht-Astara railway", "type": "railway"}, {"name": "Qazvin-Rasht railway", "type": "railway"}),
    ],
)
def test_link_different_projects_stay_apart(a, b):
    assert not _linked("project", [a, b])


def test_link_regions_by_iso_code_and_entities_row():
    rows = [
        {"name": "Iran", "iso_code": "IR", "type": "country", "country": "IR"},
        {"name": "Iran", "iso_code": "IR", "type": "country", "country": "IR"},
    ]
    mapping, entities = link(_tables("region", rows))
    (entity,) = entities.to_dict("records")
    assert entity["kind"] == "region" and entity["name"] == "Iran" and entity["documents"] == 2
    assert entity["first_published"] == date(2020, 1, 1) and entity["last_published"] == date(2020, 1, 2)


def test_link_ids_are_stable_when_articles_are_added():
    first = [{"name": "Hassan Rouhani", "country": "IR", "role": "president"}]
    more = first + [{"name": "Jeyhun Bayramov", "country": "AZ", "role": "foreign minister"}]
    before, _ = link(_tables("official", [dict(r) for r in first]))
    after, _ = link(_tables("official", [dict(r) for r in more]))
    key = _local_id("official", first[0])
    assert before[key] == after[key]


@pytest.mark.parametrize(
    "a, b",
    [
        ({"name": "Rogun dam", "type": "dam"}, {"name": "Roghun Dam", "type": "dam"}),
        ({"name": "Trans Adriatic Pipeline", "type": "pipeline"}, {"name": "Trans-Adriatic gas pipeline", "type": "pipeline"}),
    ],
)
def test_link_project_spelling_variants_merge(a, b):
    assert _linked("project", [a, b])


def test_link_longer_chain_is_another_project():
    a = {"name": "Baku-Tbilisi-Kars railway", "type": "railway"}
    b = {"name": "Baku-Tbilisi-Akhalkalaki-Kars railway", "type": "railway"}
    assert not _linked("project", [a, b])


def test_link_short_first_name_merges():
    assert _linked("official", [{"name": "Stu Jones", "country": "US", "role": "ambassador"},
                                {"name": "Stuart E. Jones", "country": "US", "role": "ambassador"}])
