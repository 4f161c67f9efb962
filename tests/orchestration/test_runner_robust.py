"""Runs against hostile use (issue 17): reruns, kills, subsets and concurrent runs into one OUT."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pandas as pd
import pytest
from typer.testing import CliRunner

import pipeline
from pipeline.tables import generations
from pipeline.interfaces.cli import app
from pipeline.tables.outlock import OutputLocked, locked

ARTICLES = {
    "a.txt": "date: 2022-03-01\ntitle: Talks\n\nForeign Minister Anna Petrova of Bulgaria met Greek "
    "Prime Minister Nikos Pappas in Athens on Monday.",
    "b.txt": "date: 2021-04-02\n\nMayor Lena Kowalski of Warsaw opened the new bridge in April 2019.",
    "c.txt": "The ambassador of Japan to Kenya, Taro Sato, visited Mombasa port last week.",
}


@pytest.fixture
def corpus(tmp_path, nlp):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    return folder


def test_runner_output_inside_input_is_not_ingested_on_rerun(corpus):
    out = corpus / "processed"
    first = pipeline.run(corpus, out)
    second = pipeline.run(corpus, out)
    assert first.documents == second.documents == 3
    assert sorted(pipeline.read_tables(out)["documents"]["source"]) == ["a.txt", "b.txt", "c.txt"]


def test_runner_output_folder_is_the_input_folder(corpus):
    pipeline.run(corpus, corpus)
    summary = pipeline.run(corpus, corpus)
    assert summary.documents == 3 and summary.skipped == 3


def test_runner_header_change_is_reprocessed(corpus, tmp_path):
    out = tmp_path / "out"
    pipeline.run(corpus, out)
    (corpus / "a.txt").write_text(ARTICLES["a.txt"].replace("2022-03-01", "2022-03-08"))
    summary = pipeline.run(corpus, out)
    assert summary.processed == 1 and summary.skipped == 2
    documents = pipeline.read_tables(out)["documents"].set_index("source")
    assert documents.loc["a.txt", "published"] == pd.Timestamp(2022, 3, 8)  # read_tables gives datetime64
    dates = pipeline.read_tables(out)["dates"]
    a_id = documents.loc["a.txt", "doc_id"]
    # "on Monday" resolves against the corrected publication date
    assert "2022-03-07" in set(dates[dates["doc_id"] == a_id]["value"])


def test_runner_subset_says_how_many_it_drops_and_keep_missing_keeps_them(corpus, tmp_path):
    out = tmp_path / "out"
    pipeline.run(corpus, out)
    subset = tmp_path / "subset"
    subset.mkdir()
    (subset / "a.txt").write_text(ARTICLES["a.txt"])
    kept = pipeline.run(subset, out, keep_missing=True)
    assert kept.kept_missing == 2 and kept.documents == 3
    assert any("kept 2 document(s)" in line for line in kept.lines())
    dropped = pipeline.run(subset, out)
    assert dropped.dropped == 2 and dropped.documents == 1
    assert any("dropped 2 document(s)" in line and "--keep-missing" in line for line in dropped.lines())


def test_runner_second_concurrent_run_exits_with_one_line(corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with locked(out):
        with pytest.raises(OutputLocked, match="being written by another run"):
            pipeline.run(corpus, out)
        result = CliRunner().invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "another run" in result.output
    assert pipeline.run(corpus, out).documents == 3  # the lock goes with its holder


def test_runner_lock_of_a_killed_run_does_not_block(corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pipeline.tables.outlock import try_lock;"
         "h = try_lock(sys.argv[1]); print('locked', flush=True); time.sleep(60)", str(out)],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    with pytest.raises(OutputLocked, match=f"pid {holder.pid}"):
        pipeline.run(corpus, out)
    holder.kill()
    holder.wait()
    assert pipeline.run(corpus, out).documents == 3


def _tables_state(out):
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.parquet"))}


def test_runner_tables_are_one_generation_after_a_kill_while_committing(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    pipeline.run(corpus, out)
    old = _tables_state(out)
    # a run killed after writing every new table but before renaming them all
    extra = corpus / "d.txt"
    extra.write_text("President Ilham Aliyev of Azerbaijan visited Shusha on Friday.")
    real_roll = generations.roll_forward
    calls = []

    def killed_after_two_renames(out_dir):
        journal = out_dir / generations.JOURNAL
        if not journal.exists():  # the start of the run: nothing to finish
            return real_roll(out_dir)
        moves = json.loads(journal.read_text())
        for tmp, final in list(moves.items())[:2]:
            os.replace(out_dir / tmp, out_dir / final)
        calls.append(out_dir)
        raise KeyboardInterrupt  # the process dies here

    monkeypatch.setattr(generations, "roll_forward", killed_after_two_renames)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run(corpus, out)
    monkeypatch.setattr(generations, "roll_forward", real_roll)
    assert calls and _tables_state(out) != old
    # a reader never sees the mix: it finishes the commit (no run holds the lock)
    tables = pipeline.read_tables(out)
    assert len(tables["documents"]) == 4
    official_ids = set(tables["officials"]["entity_id"])
    assert official_ids <= set(tables["entities"]["entity_id"])
    assert {generations.generation_of(p) for p in out.glob("*.parquet")} == {
        generations.generation_of(out / "documents.parquet")
    }


def test_runner_leftovers_of_a_killed_run_are_removed(corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".documents.parquet.0123abcd.tmp").write_bytes(b"half a file")
    (out / "_parts" / ".tmp-b000000000000-dead").mkdir(parents=True)
    pipeline.run(corpus, out)
    assert not list(out.glob(".*.tmp")) and not list((out / "_parts").glob(".tmp-*"))


def test_runner_kill_9_while_writing_tables_leaves_one_generation(corpus, tmp_path):
    out = tmp_path / "out"
    pipeline.run(corpus, out)
    before = pipeline.read_tables(out)
    (corpus / "d.txt").write_text("President Ilham Aliyev of Azerbaijan visited Shusha on Friday.")
    # kill -9 a real run at several moments of its table writing; each time one generation stays
    for delay in (0.0, 0.2, 0.4):
        process = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--force"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        while not list(out.glob(".*.tmp")) and process.poll() is None:
            time.sleep(0.005)
        time.sleep(delay)
        process.kill()
        process.wait()
        tables = pipeline.read_tables(out)
        assert len(tables["documents"]) in (len(before["documents"]), 4)
        assert set(tables["officials"]["entity_id"]) <= set(tables["entities"]["entity_id"])
    pipeline.run(corpus, out)
    assert not list(out.glob(".*.tmp"))
    assert len(pipeline.read_tables(out)["documents"]) == 4


def test_runner_read_tables_of_a_mixed_set_without_journal_is_an_error(corpus, tmp_path):
    out = tmp_path / "out"
    pipeline.run(corpus, out)
    first = (out / "regions.parquet").read_bytes()
    pipeline.run(corpus, out, force=True)
    (out / "regions.parquet").write_bytes(first)
    with pytest.raises(RuntimeError, match="different runs"):
        pipeline.read_tables(out)
    assert isinstance(pd.read_parquet(out / "regions.parquet"), pd.DataFrame)
    assert os.path.exists(out / "documents.parquet")
