"""Engines when workers go wrong (issue 17): orphaned workers, missing or foreign Dask workers."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

import pipeline
from pipeline.interfaces.cli import app

ARTICLE = "Foreign Minister Anna Petrova of Bulgaria met Prime Minister Nikos Pappas in Athens."


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(f"date: 2022-03-0{i + 1}\n\n{ARTICLE} Meeting {i}.")
    return folder


def test_engines_workers_die_with_a_killed_driver(corpus, tmp_path):
    psutil = pytest.importorskip("psutil")
    driver = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(tmp_path / "out"),
         "--n-process", "2", "--batch-size", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    workers = []
    while len(workers) < 2 and time.monotonic() < deadline and driver.poll() is None:
        time.sleep(0.1)
        workers = psutil.Process(driver.pid).children(recursive=True)
    assert len(workers) >= 2, "the run did not start its workers"
    driver.kill()
    driver.wait()
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, f"workers outlived their driver: {[p.pid for p in alive]}"


def test_engines_dask_without_workers_fails_with_one_line(corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=0, dashboard_address=":0") as cluster:
        started = time.monotonic()
        result = CliRunner().invoke(
            app,
            ["run", str(corpus), "--out", str(tmp_path / "out"), "--engine", "dask",
             "--scheduler", cluster.scheduler_address, "--dask-timeout", "2"],
        )
    assert time.monotonic() - started < 30
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "no Dask worker joined" in result.output


def test_engines_unreachable_scheduler_fails_with_one_line(corpus, tmp_path):
    pytest.importorskip("distributed")
    started = time.monotonic()
    result = CliRunner().invoke(
        app,
        ["run", str(corpus), "--out", str(tmp_path / "out"), "--engine", "dask",
         "--scheduler", "tcp://127.0.0.1:9", "--dask-timeout", "2"],
    )
    assert time.monotonic() - started < 30
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "cannot reach the Dask scheduler" in result.output


def _pretend_old_code() -> None:
    # what a worker started before the code changed has: another fingerprint, cached at its start
    from pipeline.orchestration import versioning

    versioning.code_fingerprint.cache_clear()
    versioning.code_fingerprint = lambda: "0ld0c0de"


def test_engines_dask_worker_of_another_version_is_refused(corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=":0") as cluster:
        with distributed.Client(cluster) as client:
            client.run(_pretend_old_code)
        with pytest.raises(RuntimeError, match="no Dask worker runs this pipeline version"):
            pipeline.run(corpus, tmp_path / "out", engine="dask", scheduler=cluster.scheduler_address,
                         worker_timeout=5)


def test_engines_dask_run_fails_when_all_workers_are_lost(corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=":0") as cluster:

        def lose_the_workers(docs: int, words: int) -> None:
            if docs == 1:
                cluster.scale(0)

        started = time.monotonic()
        with pytest.raises(RuntimeError, match="all Dask workers were lost"):
            pipeline.run(corpus, tmp_path / "out", engine="dask", batch_size=1,
                         scheduler=cluster.scheduler_address, worker_timeout=3,
                         progress=lose_the_workers)
        assert time.monotonic() - started < 120
