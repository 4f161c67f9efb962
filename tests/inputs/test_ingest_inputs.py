"""Ingest: `.json` and gzip inputs, include/exclude patterns, language detection in every format."""

from __future__ import annotations

import gzip
import json
import shutil

import pandas as pd
import pytest

from pipeline.inputs.readers import read_articles
from pipeline.inputs.selection import FileSelection

ENGLISH = "The Minister of Energy of Georgia visited the new port in Batumi on Tuesday with the mayor."
RUSSIAN = "Министр энергетики Грузии во вторник посетил новый порт в Батуми вместе с мэром города."
GERMAN = "Der Energieminister Georgiens besuchte am Dienstag mit dem Bürgermeister den neuen Hafen in Batumi."


@pytest.mark.parametrize(
    "payload, sources",
    [
        ({"text": ENGLISH, "title": "Port visit"}, ["one.json"]),
        ([{"text": ENGLISH}, {"text": ENGLISH + " Again."}], ["one.json#1", "one.json#2"]),
    ],
)
def test_ingest_inputs_json_object_or_list(tmp_path, payload, sources):
    (tmp_path / "one.json").write_text(json.dumps(payload))
    articles = list(read_articles(tmp_path))
    assert [a.source for a in articles] == sources
    assert all(a.status == "ok" and a.text.startswith(ENGLISH) for a in articles)


@pytest.mark.parametrize(
    "content, problem",
    [
        ('{"doc": "000.txt", "officials": []}', "no 'text' field"),
        ("[]", "holds no articles"),
        ('{"text": ', "invalid JSON"),
    ],
)
def test_ingest_inputs_json_that_is_not_an_article(tmp_path, content, problem):
    (tmp_path / "gold.json").write_text(content)
    (article,) = read_articles(tmp_path)
    assert article.status == "error" and "gold.json" in article.error and problem in article.error


@pytest.mark.parametrize(
    "name, body",
    [
        ("a.txt.gz", f"title: Port\n\n{ENGLISH}\n"),
        ("a.jsonl.gz", json.dumps({"text": ENGLISH, "title": "Port"}) + "\n"),
        ("a.json.gz", json.dumps({"text": ENGLISH, "title": "Port"})),
    ],
)
def test_ingest_inputs_gzip_compressed(tmp_path, name, body):
    (tmp_path / name).write_bytes(gzip.compress(body.encode("utf-8")))
    (article,) = read_articles(tmp_path)
    assert article.status == "ok" and article.text == ENGLISH and article.title == "Port"
    assert article.source.startswith(name)


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("cut.txt.gz", gzip.compress(ENGLISH.encode())[:20], "not a readable gzip file"),
        ("plain.txt.gz", ENGLISH.encode(), "not a readable gzip file"),
        ("a.tsv.gz", gzip.compress(b"x\ty\n"), "unsupported compressed file type '.tsv'.gz"),
    ],
)
def test_ingest_inputs_bad_gzip_is_an_error_row(tmp_path, name, data, problem):
    (tmp_path / name).write_bytes(data)
    (article,) = read_articles(tmp_path)
    assert article.status == "error" and article.error.startswith(f"{name}: ") and problem in article.error


def _write(folder, suffix, text):
    path = folder / f"article{suffix}"
    if suffix == ".txt":
        path.write_text(text + "\n", encoding="utf-8")
    elif suffix == ".jsonl":
        path.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    elif suffix == ".csv":
        pd.DataFrame([{"text": text}]).to_csv(path, index=False)
    elif suffix == ".parquet":
        pd.DataFrame([{"text": text}]).to_parquet(path)
    elif suffix == ".json":
        path.write_text(json.dumps({"text": text}, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv", ".parquet", ".json"])
@pytest.mark.parametrize("text, language", [(RUSSIAN, "ru"), (GERMAN, "de"), (ENGLISH, "en")])
def test_ingest_inputs_language_detected_in_every_format(tmp_path, suffix, text, language):
    _write(tmp_path, suffix, text)
    (article,) = read_articles(tmp_path)
    assert article.status == "ok" and article.language == language
    flagged = f"not English ({language}): not extracted" in article.warnings
    assert flagged == (language != "en")


def test_ingest_inputs_declared_language_wins(tmp_path):
    (tmp_path / "a.txt").write_text(f"language: de-AT\n\n{ENGLISH}\n")
    (article,) = read_articles(tmp_path)
    assert article.language == "de" and "not English (de): not extracted" in article.warnings


@pytest.mark.parametrize("text", ["Baku.", "Talks in Baku and Tbilisi on Monday.", "The ambassador of Japan to Kenya, Taro Sato, visited Mombasa port last week."])
def test_ingest_inputs_short_english_is_not_taken_for_another_language(tmp_path, text):
    (tmp_path / "a.txt").write_text(text)
    (article,) = read_articles(tmp_path)
    assert article.language in (None, "en") and not article.warnings


@pytest.fixture
def corpus_folder(tmp_path, seed_path):
    """A corpus laid out like the shared ones: articles/, gold/ beside them, and an index."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    shutil.copy(seed_path, tmp_path / "articles" / "000.txt")
    (tmp_path / "articles" / "001.txt").write_text(ENGLISH)
    (tmp_path / "gold" / "000.json").write_text('{"doc": "000.txt", "officials": []}')
    (tmp_path / "INDEX.tsv").write_text("doc\ttitle\n000.txt\tx\n")
    return tmp_path


@pytest.mark.parametrize(
    "include, exclude, read",
    [
        ((), (), ["INDEX.tsv", "articles/000.txt", "articles/001.txt", "gold/000.json"]),
        (("articles/*",), (), ["articles/000.txt", "articles/001.txt"]),
        ((), ("gold/*", "INDEX.tsv"), ["articles/000.txt", "articles/001.txt"]),
        (("*.txt",), ("*001*",), ["articles/000.txt"]),
    ],
)
def test_ingest_inputs_include_exclude(corpus_folder, include, exclude, read):
    left_out = []
    selection = FileSelection(include, exclude)
    articles = list(read_articles(corpus_folder, selection, left_out.append))
    assert [a.source for a in articles] == read
    assert len(left_out) == 4 - len(read)


def test_ingest_inputs_defaults_skip_nothing_silently(corpus_folder):
    by_source = {a.source: a for a in read_articles(corpus_folder)}
    assert by_source["INDEX.tsv"].status == "error" and "--exclude" in by_source["INDEX.tsv"].error
    assert by_source["gold/000.json"].status == "error"
