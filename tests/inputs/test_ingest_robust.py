"""Ingest against hostile input (issue 17): each test reproduces one defect on generated input."""

from __future__ import annotations

import json
import os
import random
from datetime import date, datetime, timedelta, timezone

import pandas as pd
import pytest

from pipeline.inputs.files import parse_date
from pipeline.inputs.readers import read_articles
from pipeline.tables.store import is_output_entry

BODY = "Foreign Minister Anna Petrova of Bulgaria met Prime Minister Nikos Pappas in Athens."


# --- 2. the output folder is never input ---------------------------------------------------


@pytest.mark.parametrize("inside", ["processed", "."])
def test_ingest_output_folder_inside_the_input_is_not_read(tmp_path, caplog, inside):
    (tmp_path / "a.txt").write_text(BODY)
    out = tmp_path / inside
    (out / "_parts" / "b000000000000-x").mkdir(parents=True)
    (out / "_parts" / "b000000000000-x" / "documents.parquet").write_bytes(b"PAR1")
    pd.DataFrame({"text": ["an old output row"]}).to_parquet(out / "documents.parquet")
    with caplog.at_level("WARNING"):
        sources = [a.source for a in read_articles(tmp_path, exclude=out, output_entry=is_output_entry)]
    assert sources == ["a.txt"]
    assert "output folder" in caplog.text


def test_ingest_output_folder_as_input_keeps_other_parquet_files(tmp_path):
    pd.DataFrame({"text": [BODY]}).to_parquet(tmp_path / "feed.parquet")
    pd.DataFrame({"text": ["an old output row"]}).to_parquet(tmp_path / "officials.parquet")
    assert [a.source for a in read_articles(tmp_path, exclude=tmp_path, output_entry=is_output_entry)] == ["feed.parquet#1"]


# --- 4. inputs that stopped the run ---------------------------------------------------------


def test_ingest_csv_cell_longer_than_the_csv_default_limit(tmp_path):
    long_body = " ".join([BODY] * 2000)  # about 170,000 characters
    pd.DataFrame({"text": [long_body, BODY]}).to_csv(tmp_path / "big.csv", index=False)
    articles = list(read_articles(tmp_path))
    assert [a.status for a in articles] == ["ok", "ok"]
    assert articles[0].text == long_body


def test_ingest_symlink_loop_is_an_error_row(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    articles = {a.source: a for a in read_articles(tmp_path)}
    assert articles["a.txt"].status == "ok"
    assert articles["loop.txt"].status == "error" and "loop.txt" in articles["loop.txt"].error


def test_ingest_file_name_not_utf8_is_read_and_named(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(BODY)
    (article,) = read_articles(tmp_path)
    assert article.status == "ok" and article.source == "caf\\xe9.txt"
    assert any("file name is not valid UTF-8" in w for w in article.warnings)
    article.source.encode("utf-8")  # storable in parquet


# --- 8. typed date columns ------------------------------------------------------------------


@pytest.mark.parametrize(
    "published",
    [
        pd.Timestamp("2021-05-04"),
        pd.Timestamp("2021-05-04 23:30", tz="America/New_York"),
        pd.Timestamp("2021-05-04 00:30", tz="Asia/Baku"),
    ],
)
def test_ingest_parquet_timestamp_column_gives_the_date(tmp_path, published):
    pd.DataFrame({"text": [BODY], "published": [published]}).to_parquet(tmp_path / "feed.parquet")
    (article,) = read_articles(tmp_path)
    assert article.published == date(2021, 5, 4)
    assert type(article.published) is date


def test_ingest_timezone_aware_datetime_keeps_its_own_day():
    stamped = datetime(2021, 5, 4, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert parse_date(stamped) == (date(2021, 5, 4), None)


# --- 9. wrong-typed input -------------------------------------------------------------------


@pytest.mark.parametrize("values", [[1, 2], [["a", "b"], ["c"]]])
def test_ingest_parquet_text_column_of_the_wrong_type_is_an_error(tmp_path, values):
    pd.DataFrame({"text": values}).to_parquet(tmp_path / "feed.parquet")
    (article,) = read_articles(tmp_path)
    assert article.status == "error"
    assert "feed.parquet" in article.error and "'text'" in article.error


@pytest.mark.parametrize("value", [1, ["a", "b"], {"x": 1}, True])
def test_ingest_jsonl_text_of_the_wrong_type_is_an_error_row(tmp_path, value):
    lines = [json.dumps({"text": value}), json.dumps({"text": BODY})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    bad, good = read_articles(tmp_path)
    assert bad.status == "error" and "feed.jsonl#1" in bad.error and "'text' is" in bad.error
    assert good.status == "ok" and good.text == BODY


def test_ingest_csv_unterminated_quote_does_not_swallow_the_next_row(tmp_path):
    (tmp_path / "feed.csv").write_text(
        f'id,text\n1,"{BODY}\n2,Second article about Baku.\n3,Third article about Tbilisi.\n'
    )
    articles = list(read_articles(tmp_path))
    assert [a.status for a in articles] == ["error", "ok", "ok"]
    assert "feed.csv#2" in articles[0].error
    assert [a.text for a in articles[1:]] == ["Second article about Baku.", "Third article about Tbilisi."]


def test_ingest_csv_quote_closing_in_the_next_row_is_an_error_row(tmp_path):
    (tmp_path / "feed.csv").write_text(f'id,text\n1,"{BODY}\n2,Second",x\n3,Third article.\n')
    articles = list(read_articles(tmp_path))
    assert [a.status for a in articles] == ["error", "error", "ok"]
    assert articles[2].text == "Third article."


# --- 10. binary data and stray NULs ---------------------------------------------------------


def test_ingest_random_bytes_without_nul_are_not_an_article(tmp_path):
    rng = random.Random(17)
    (tmp_path / "noise.txt").write_bytes(bytes(rng.randint(1, 255) for _ in range(20_000)))
    (article,) = read_articles(tmp_path)
    assert article.status == "error" and "not a text file" in article.error


def test_ingest_stray_nul_in_a_text_is_repaired(tmp_path):
    (tmp_path / "a.txt").write_bytes(f"{BODY}\x00 They met again on Monday.".encode())
    (article,) = read_articles(tmp_path)
    assert article.status == "ok" and "\x00" not in article.text
    assert "1 control character(s) removed" in article.warnings


# --- 12. invisible characters ---------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("President Erdo\u00adgan", "President Erdogan"),
        ("President Jo\u200be Biden", "President Joe Biden"),
        ("Minister \u202eAnna Petrova\u202c", "Minister Anna Petrova"),
    ],
)
def test_ingest_invisible_characters_are_removed_with_a_warning(tmp_path, raw, clean):
    (tmp_path / "a.txt").write_text(f"title: {raw}\n\n{raw} spoke in Ankara.")
    (article,) = read_articles(tmp_path)
    assert article.text == f"{clean} spoke in Ankara." and article.title == clean
    assert any("invisible character(s) removed" in w for w in article.warnings)


# --- 13. ambiguous header dates -------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, day_first, expected, warned",
    [
        ("06/01/2021", None, date(2021, 6, 1), "ambiguous"),
        ("06/01/2021", True, date(2021, 1, 6), None),
        ("06/01/2021", False, date(2021, 6, 1), None),
        ("13/01/2021", None, date(2021, 1, 13), "read as day/month"),
        ("13/01/2021", True, date(2021, 1, 13), None),
        ("01/13/2021", True, date(2021, 1, 13), "read as month/day"),
        ("06/06/2021", None, date(2021, 6, 6), None),
        ("31/31/2021", None, None, "impossible"),
    ],
)
def test_ingest_numeric_header_dates_follow_one_rule(tmp_path, raw, day_first, expected, warned):
    (tmp_path / "a.txt").write_text(f"date: {raw}\n\n{BODY}")
    (article,) = read_articles(tmp_path, day_first=day_first)
    assert article.published == expected
    if warned:
        assert any(warned in w and raw in w for w in article.warnings)
    else:
        assert article.warnings == ()


# --- 1. big JSONL and CSV files are streamed --------------------------------------------------


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_ingest_first_article_of_a_big_file_is_read_without_the_file(tmp_path, suffix):
    import tracemalloc

    path = tmp_path / f"feed{suffix}"
    with path.open("w") as out:
        if suffix == ".csv":
            out.write("id,text\n")
        for i in range(60_000):  # about 6 MB
            out.write(json.dumps({"id": str(i), "text": BODY}) + "\n" if suffix == ".jsonl" else f'{i},"{BODY}"\n')
    tracemalloc.start()
    first = next(iter(read_articles(path)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert first.text == BODY
    assert peak < 3_000_000, f"reading one article took {peak:,} bytes"
