"""Incremental and clean runs give the same rows in the same order."""

from __future__ import annotations

import shutil

import pyarrow as pa
import pytest

import pipeline
from pipeline.orchestration.ordering import overlapping_groups, sort_by_position

CITIES = ["Baku", "Tbilisi", "Yerevan", "Ankara", "Tehran", "Almaty"]
MINISTERS = ["Anna Bergman", "Erik Lundgren", "Maria Holmberg", "Karl Nyberg", "Eva Lindqvist"]


@pytest.mark.parametrize(
    "ranges, groups",
    [
        ([(0, 3), (4, 7), (8, 9)], [[0], [1], [2]]),  # a clean run: one after the other
        ([(0, 6), (8, 9), (1, 5)], [[0, 2], [1]]),  # a new batch inside an old one
        ([(0, 2), (5, 7), (1, 6)], [[0, 2, 1]]),  # a new batch bridging two old ones
        ([(4, 5), (0, 1)], [[1], [0]]),  # batch names out of input order
    ],
)
def test_ordering_overlapping_groups(ranges, groups):
    assert overlapping_groups(ranges) == groups


def test_ordering_sort_keeps_each_articles_rows_in_order():
    piece = pa.table({"doc_id": ["b", "a", "b", "a"], "n": [1, 2, 3, 4]})
    ordered = sort_by_position(piece, {"a": 0, "b": 1})
    assert ordered.column("n").to_pylist() == [2, 4, 1, 3]


def _article(i: int) -> str:
    city = CITIES[i % len(CITIES)]
    return (
        f"date: 2021-0{1 + i % 9}-1{i % 10}\n\n"
        f"Swedish Foreign Minister {MINISTERS[i % len(MINISTERS)]} met with Azerbaijani President Ilham Aliyev in "
        f"{city} on Monday. They discussed the {city} metro line and the Baku-Tbilisi-Kars railway.\n"
    )


def test_ordering_incremental_run_matches_clean_run(tmp_path, nlp):
    full, growing = tmp_path / "full", tmp_path / "growing"
    full.mkdir()
    growing.mkdir()
    for i in range(10):
        (full / f"{i:03d}.txt").write_text(_article(i))
    for i in (0, 1, 4, 5, 8):  # the first run sees half; the rest arrive between its articles
        shutil.copy(full / f"{i:03d}.txt", growing / f"{i:03d}.txt")
    incremental = tmp_path / "incremental"
    pipeline.run(growing, incremental, batch_size=2)
    for i in range(10):
        shutil.copy(full / f"{i:03d}.txt", growing / f"{i:03d}.txt")
    summary = pipeline.run(growing, incremental, batch_size=2)
    assert (summary.processed, summary.skipped) == (5, 5)
    clean = tmp_path / "clean"
    pipeline.run(full, clean, batch_size=3)
    expected, got = pipeline.read_tables(clean), pipeline.read_tables(incremental)
    assert list(got["documents"]["source"]) == [f"{i:03d}.txt" for i in range(10)]
    for name in expected:
        assert len(got[name]) == len(expected[name]) > 0, name
        assert expected[name].astype(str).equals(got[name].astype(str)), name
