"""read_tables: dates an analyst can use with `.dt`, list columns as Python lists, renamed columns."""

from __future__ import annotations

import pandas as pd
import pytest

import pipeline


@pytest.fixture(scope="module")
def tables(seed_path, tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("frames")
    pipeline.run(seed_path, out)
    return pipeline.read_tables(out)


@pytest.mark.parametrize(
    "table, column",
    [
        ("documents", "published"),
        ("dates", "earliest"),
        ("dates", "latest"),
        ("entities", "first_published"),
        ("entities", "last_published"),
    ],
)
def test_frames_date_columns_are_datetime64(tables, table, column):
    series = tables[table][column]
    assert pd.api.types.is_datetime64_any_dtype(series)
    assert series.dt.year.dropna().between(1900, 2100).all()


def test_frames_seed_publication_date(tables):
    assert tables["documents"]["published"].iloc[0] == pd.Timestamp("2021-01-06")


@pytest.mark.parametrize(
    "table, column",
    [("officials", "aliases"), ("projects", "aliases"), ("projects", "countries"),
     ("projects", "locations"), ("entities", "aliases"), ("documents", "warnings")],
)
def test_frames_list_columns_are_python_lists(tables, table, column):
    assert len(tables[table]) > 0
    assert all(isinstance(value, list) for value in tables[table][column])


def test_frames_seed_project_countries(tables):
    projects = tables["projects"].set_index("name")
    assert "IR" in projects.loc["Rasht-Astara railway", "countries"]


@pytest.mark.parametrize("table", ["officials", "regions", "projects"])
def test_frames_count_column_is_mention_count(tables, table):
    frame = tables[table]
    assert "mentions" not in frame.columns
    assert (frame["mention_count"] >= 1).all()
    # the count is the number of rows of the mentions table for that entity in that article
    counted = tables["mentions"].groupby(["doc_id", "entity_id"]).size()
    for row in frame.itertuples():
        assert row.mention_count == counted[(row.doc_id, row.entity_id)]


def test_frames_relations_name_the_kinds_of_their_ends(tables):
    relations = tables["relations"]
    kinds = {
        **dict.fromkeys(tables["officials"]["entity_id"], "official"),
        **dict.fromkeys(tables["regions"]["entity_id"], "region"),
        **dict.fromkeys(tables["projects"]["entity_id"], "project"),
    }
    assert len(relations) > 0
    for row in relations.itertuples():
        assert row.head_kind == kinds[row.head_id] and row.tail_kind == kinds[row.tail_id]
    met = relations[relations["type"] == "MET_WITH"]
    assert set(met["head_kind"]) == set(met["tail_kind"]) == {"official"}
