"""Engines: worker processes and a real Dask LocalCluster give the same tables as one process."""

from __future__ import annotations

import shutil

import pytest

import pipeline

ARTICLES = {
    "a.txt": "date: 2022-03-01\n\nForeign Minister Anna Petrova of Bulgaria met Greek Prime Minister "
    "Nikos Pappas in Athens on Monday. They discussed the Alexandroupolis-Sofia railway.",
    "b.txt": "Mayor Lena Kowalski of Warsaw opened the new bridge in April 2019.",
    "c.jsonl": '{"text": "The ambassador of Japan to Kenya, Taro Sato, visited Mombasa port last week.", "published": "2023-05-10"}\n'
    '{"text": "Officials said the Lamu port would open in 2025."}\n',
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seed_path):
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(seed_path, folder / "000.txt")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    return folder


@pytest.fixture(scope="module")
def local_tables(corpus, tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("local")
    pipeline.run(corpus, out, batch_size=2)
    return pipeline.read_tables(out)


def _assert_same_tables(left: dict, right: dict) -> None:
    assert left.keys() == right.keys()
    for name in left:
        assert left[name].astype(str).equals(right[name].astype(str)), name


def test_engines_worker_processes_match_one_process(corpus, tmp_path, local_tables):
    pipeline.run(corpus, tmp_path, batch_size=2, n_process=2)
    _assert_same_tables(local_tables, pipeline.read_tables(tmp_path))


def test_engines_dask_local_cluster_matches_local_engine(corpus, tmp_path, local_tables):
    pytest.importorskip("distributed")
    summary = pipeline.run(corpus, tmp_path, batch_size=2, engine="dask", n_process=2)
    assert summary.documents == 5 and summary.errors == 0
    _assert_same_tables(local_tables, pipeline.read_tables(tmp_path))


def test_engines_dask_on_an_existing_scheduler(corpus, tmp_path, local_tables):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster:
        pipeline.run(corpus, tmp_path, batch_size=3, engine="dask", scheduler=cluster.scheduler_address)
    _assert_same_tables(local_tables, pipeline.read_tables(tmp_path))


def test_engines_unknown_engine_is_a_clear_error(corpus, tmp_path):
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        pipeline.run(corpus, tmp_path, engine="spark")
