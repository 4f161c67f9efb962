"""Nothing lost: a run killed with SIGKILL and started again gives the tables of a clean run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import pipeline

CITIES = ["Baku", "Tbilisi", "Yerevan", "Ankara", "Tehran", "Almaty", "Tashkent", "Kabul"]


def _write_corpus(folder: Path, count: int) -> None:
    for i in range(count):
        city = CITIES[i % len(CITIES)]
        (folder / f"{i:03d}.txt").write_text(
            f"date: 2020-0{1 + i % 9}-1{i % 10}\n\n"
            f"Minister of Energy Karim Aliyev{i} visited {city} on Tuesday. "
            f"He met Mayor Sara Lind{i} to discuss the {city} ring road, due in {2021 + i % 5}.\n"
        )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    _write_corpus(folder, 40)
    return folder


def _command(corpus: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--batch-size", "2"]


def test_resume_after_sigkill_matches_clean_run(corpus, tmp_path):
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    subprocess.run(_command(corpus, clean), check=True, capture_output=True)

    process = subprocess.Popen(_command(corpus, killed), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    parts = killed / "_parts"
    while time.monotonic() < deadline and process.poll() is None:
        if parts.is_dir() and len([p for p in parts.iterdir() if p.name.startswith("b")]) >= 3:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be killed; make the corpus larger"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert not (killed / "documents.parquet").exists()

    result = subprocess.run(_command(corpus, killed), check=True, capture_output=True, text=True)
    assert "unchanged" in result.stdout and " 0 unchanged" not in result.stdout

    expected, got = pipeline.read_tables(clean), pipeline.read_tables(killed)
    for name in expected:
        assert expected[name].astype(str).equals(got[name].astype(str)), name


def test_resume_adding_articles_processes_only_new_ones(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    _write_corpus(corpus, 4)
    first = pipeline.run(corpus, out)
    (corpus / "new.txt").write_text("Governor Omar Haddad of Basra inaugurated the Basra port in 2019.")
    second = pipeline.run(corpus, out)
    assert (first.processed, second.processed, second.skipped) == (4, 1, 4)
    assert len(pipeline.read_tables(out)["documents"]) == 5


def test_resume_force_starts_over(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    _write_corpus(corpus, 3)
    pipeline.run(corpus, out)
    again = pipeline.run(corpus, out, force=True)
    assert again.processed == 3 and again.skipped == 0
    assert len(pipeline.read_tables(out)["documents"]) == 3


def test_resume_removed_article_leaves_the_tables(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    _write_corpus(corpus, 3)
    pipeline.run(corpus, out)
    (corpus / "001.txt").unlink()
    pipeline.run(corpus, out)
    assert sorted(pipeline.read_tables(out)["documents"]["source"]) == ["000.txt", "002.txt"]


def test_resume_same_input_gives_same_rows_in_same_order(corpus, tmp_path):
    pipeline.run(corpus, tmp_path / "one", batch_size=3)
    pipeline.run(corpus, tmp_path / "two", batch_size=7)
    one, two = pipeline.read_tables(tmp_path / "one"), pipeline.read_tables(tmp_path / "two")
    for name in one:
        assert one[name].astype(str).equals(two[name].astype(str)), name
