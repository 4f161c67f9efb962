"""Ingest: every format and header form, stable ids, and bad input as error records."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from pipeline.inputs.files import split_header
from pipeline.inputs.readers import read_articles


@pytest.mark.parametrize(
    "raw, fields, body",
    [
        (
            "url: http://x.org/a\ndate: 2020-05-01\ntitle: A title\n\nBody line.\n",
            {"url": "http://x.org/a", "date": "2020-05-01", "title": "A title"},
            "Body line.",
        ),
        (" date 2021-01-06 By Vafa Ismayilova\n\nThe body.", {"date": "2021-01-06", "author": "Vafa Ismayilova"}, "The body."),
        ("No header here: just text.\n\nMore.", {}, "No header here: just text.\n\nMore."),
    ],
)
def test_ingest_split_header_forms(raw, fields, body):
    assert split_header(raw) == (fields, body)


def test_ingest_seed_article_header(seed_path):
    (article,) = read_articles(seed_path)
    assert article.published == date(2021, 1, 6)
    assert article.author == "Vafa Ismayilova"
    assert article.text.startswith("Azerbaijani ambassador to Iran Bunyad Huseynov")
    assert article.source == "000.txt"


def test_ingest_doc_id_is_stable(tmp_path):
    (tmp_path / "a.txt").write_text("Some text.")
    first = [a.doc_id for a in read_articles(tmp_path)]
    second = [a.doc_id for a in read_articles(tmp_path)]
    assert first == second and len(first[0]) == 16


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_ingest_table_formats(tmp_path, suffix):
    records = [
        {"text": "First body.", "title": "One", "url": "http://a", "published": "2020-01-02", "author": "A"},
        {"text": "Second body.", "title": "Two", "url": None, "date": "unknown", "author": None},
    ]
    path = tmp_path / f"input{suffix}"
    if suffix == ".jsonl":
        path.write_text("\n".join(json.dumps(r) for r in records))
    elif suffix == ".csv":
        pd.DataFrame(records).to_csv(path, index=False)
    else:
        pd.DataFrame(records).to_parquet(path)
    articles = list(read_articles(tmp_path))
    assert [a.text for a in articles] == ["First body.", "Second body."]
    assert articles[0].published == date(2020, 1, 2) and articles[1].published is None
    assert articles[0].title == "One" and articles[0].author == "A"
    assert all(a.source.startswith(f"input{suffix}#") for a in articles)
    assert len({a.doc_id for a in articles}) == 2


def test_ingest_jsonl_keeps_good_lines_around_a_broken_one(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Good one."}\n{"text": broken\n{"text": "Good two."}\n')
    articles = list(read_articles(path))
    assert [a.status for a in articles] == ["ok", "error", "ok"]
    assert "feed.jsonl#2" in articles[1].error and "invalid JSON" in articles[1].error


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("empty.txt", b"", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        ("table.csv", b"title,body\nA,B\n", "no 'text' column"),
        ("data.parquet", b"not parquet at all", "parquet"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_ingest_bad_input_gives_error_record_naming_the_file(tmp_path, name, content, problem):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "ok.txt").write_text("A good article.")
    articles = {a.source: a for a in read_articles(tmp_path)}
    assert articles["ok.txt"].status == "ok"
    bad = articles[name]
    assert bad.status == "error" and name in bad.error and problem in bad.error


def test_ingest_parquet_with_wrong_schema(tmp_path):
    pd.DataFrame({"body": ["x"]}).to_parquet(tmp_path / "wrong.parquet")
    (article,) = read_articles(tmp_path)
    assert article.status == "error" and "no 'text' column" in article.error


def test_ingest_repairs_invalid_utf8_with_a_warning(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 in Baku on Monday.".encode("latin-1"))
    (article,) = read_articles(tmp_path)
    assert article.status == "ok" and "Baku" in article.text
    assert article.warnings and "UTF-8" in article.warnings[0]


def test_ingest_impossible_header_date_keeps_article(tmp_path):
    (tmp_path / "a.txt").write_text("date: 2021-02-30\n\nBody.")
    (article,) = read_articles(tmp_path)
    assert article.status == "ok" and article.published is None
    assert any("impossible" in w for w in article.warnings)


@pytest.mark.parametrize(
    "text, warning",
    [
        ("Minister\x07 of Energy\x1b visited Baku.", "2 control character(s) removed"),
        ("The Baku office (Бакинский офис) opened, said Бакинский.", "mixed scripts: Cyrillic, Latin"),
    ],
)
def test_ingest_odd_text_is_kept_with_a_warning(tmp_path, text, warning):
    (tmp_path / "odd.txt").write_text(text, encoding="utf-8")
    (article,) = read_articles(tmp_path)
    assert article.status == "ok" and "\x07" not in article.text
    assert warning in article.warnings


def test_ingest_plain_english_has_no_warnings(tmp_path):
    (tmp_path / "a.txt").write_text("Minister of Energy visited Baku on Monday.")
    (article,) = read_articles(tmp_path)
    assert article.warnings == ()


def test_ingest_symlink_leaving_the_folder_is_not_followed(tmp_path, caplog):
    outside = tmp_path / "outside.txt"
    outside.write_text("Secret text outside the corpus.")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "inside.txt").write_text("An article inside.")
    (corpus / "link.txt").symlink_to(outside)
    with caplog.at_level("WARNING"):
        articles = list(read_articles(corpus))
    assert [a.source for a in articles] == ["inside.txt"]
    assert "link.txt" in caplog.text and "not followed" in caplog.text


def test_ingest_unreadable_file_gives_error_row(tmp_path, monkeypatch):
    from pathlib import Path

    (tmp_path / "locked.txt").write_text("Locked article.")
    (tmp_path / "open.txt").write_text("Open article.")
    real_read = Path.read_bytes

    def read_bytes(self):
        # the session runs as root, for whom file modes deny nothing: raise as the OS would
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    articles = {a.source: a for a in read_articles(tmp_path)}
    assert articles["open.txt"].status == "ok"
    assert articles["locked.txt"].status == "error"
    assert "locked.txt" in articles["locked.txt"].error and "permission denied" in articles["locked.txt"].error


@pytest.mark.parametrize("raw", ["yesterday", "Jan 6", "last week"])
def test_ingest_publication_date_without_a_year_is_not_guessed(tmp_path, raw):
    (tmp_path / "a.txt").write_text(f"date: {raw}\n\nBody.")
    (article,) = read_articles(tmp_path)
    assert article.published is None and any("unreadable" in w for w in article.warnings)
