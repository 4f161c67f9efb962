"""Command line: `python -m pipeline run|evaluate|train|show|version` (also installed as `newsx`).

Exit status: 0 when the command did what was asked; 1 when it ran but failed (every input bad,
or any with `--strict`; gold that matches no document); 2 for a misuse (a missing or unwritable
path, an unknown option value, a model that is not installed or cannot run the extractors),
always with one `error:` line that says how to fix it.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Optional

import typer

from ..language.nlp import DEFAULT_MODEL

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Extract officials, regions, projects, dates and relations from news articles.",
)

ENGINE_NAMES = ("local", "dask")
# bad inputs listed one line each; past this many only counted (all of them with --verbose)
MAX_LISTED_ERRORS = 20
# bad inputs go to the log file through this logger, and to the console through ErrorLines
bad_input_log = logging.getLogger("pipeline.bad_input")
bad_input_log.propagate = False
bad_input_log.addHandler(logging.NullHandler())  # no log file: nothing (not logging's last resort)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one `error:` line and return the exit to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def version_line(model: str = DEFAULT_MODEL) -> str:
    """The version a run records per document: package version, code fingerprint and model."""
    from ..orchestration.runner import pipeline_version

    return pipeline_version(model)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(version_line())
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(
        False,
        "--version",
        is_eager=True,
        callback=_version_callback,
        help="Print the pipeline version (package+code fingerprint+model) and exit.",
    ),
) -> None:
    """Extract officials, regions, projects, dates and relations from news articles."""


class _StderrHandler(logging.StreamHandler):
    """Writes to the current sys.stderr, so log lines go above a live progress bar."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def configure_logging(quiet: bool, verbose: bool, log_file: Path | None) -> None:
    """Console: warnings (errors only with --quiet, info with --verbose); the log file: info."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    console = _StderrHandler()
    console.setLevel(logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(console)
    root.setLevel(logging.WARNING)  # other libraries: warnings only, even with --verbose
    logging.getLogger("pipeline").setLevel(logging.INFO if verbose or log_file else logging.WARNING)
    for handler in list(bad_input_log.handlers):
        if not isinstance(handler, logging.NullHandler):
            bad_input_log.removeHandler(handler)
    if log_file is not None:
        file_handler = logging.FileHandler(log_file, encoding="utf-8")
        file_handler.setLevel(logging.INFO)
        file_handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
        root.addHandler(file_handler)
        bad_input_log.addHandler(file_handler)
        bad_input_log.setLevel(logging.INFO)


def check_writable(out: Path) -> str | None:
    """Why OUT cannot take the tables (None when it can): a file there, no permission, ..."""
    if out.exists() and not out.is_dir():
        return f"output folder {out} is a file; give a folder to --out"
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".newsx-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as err:
        return f"cannot write to output folder {out} ({err.strerror or err}); choose another --out"
    return None


class ErrorLines:
    """One line per bad input on the console (up to a limit unless verbose), all in the log file."""

    def __init__(self, show, quiet: bool, verbose: bool):
        self.show = show
        self.quiet = quiet
        self.limit = None if verbose else MAX_LISTED_ERRORS
        self.count = 0

    def __call__(self, message: str) -> None:
        self.count += 1
        bad_input_log.warning("bad input: %s", message)  # the log file, when there is one
        if self.quiet or (self.limit is not None and self.count > self.limit):
            return
        self.show(f"bad input: {message}")

    @property
    def hidden(self) -> int:
        return 0 if self.quiet or self.limit is None else max(0, self.count - self.limit)


@app.command("run")
def run_command(
    input_path: Path = typer.Argument(
        Path("data/raw"), metavar="INPUT", help="Folder (read recursively) or file."
    ),
    out: Path = typer.Option(Path("data/processed"), "--out", "-o", help="Output folder."),
    model: str = typer.Option(DEFAULT_MODEL, help="Any installed spaCy pipeline, or trf."),
    n_process: int = typer.Option(1, "--n-process", min=1, help="Worker processes."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per batch."),
    force: bool = typer.Option(False, "--force", help="Start over instead of resuming."),
    engine: str = typer.Option("local", help="local (worker processes) or dask."),
    scheduler: Optional[str] = typer.Option(
        None, help="Dask scheduler address (tcp://host:8786), with --engine dask."
    ),
    include: Optional[list[str]] = typer.Option(
        None, "--include", help="Read only files matching this glob (relative to INPUT); repeatable."
    ),
    exclude: Optional[list[str]] = typer.Option(
        None, "--exclude", help="Leave out files matching this glob (e.g. 'gold/*'); repeatable."
    ),
    strict: bool = typer.Option(
        False, "--strict", help="Exit with status 1 when any input failed."
    ),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="Print only errors: no progress, no summary."
    ),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Log what the run does, and list every bad input."
    ),
    keep_missing: bool = typer.Option(
        False, "--keep-missing", help="Keep documents of earlier runs that this input lacks."
    ),
    day_first: Optional[bool] = typer.Option(
        None, "--day-first/--month-first",
        help="Order of all-numeric header dates (06/01/2021); default month first, with a warning.",
    ),
    dask_timeout: float = typer.Option(
        60.0, "--dask-timeout", min=1, help="Seconds a Dask run waits for its scheduler or a worker."
    ),
    log_file: Optional[Path] = typer.Option(
        None, "--log-file", help="Also write the run's log (every bad input included) to this file."
    ),
) -> None:
    """Run the pipeline on INPUT and write the tables to OUT."""
    from ..language.nlp import ModelNotFound, ModelUnsuitable
    from .progress import make_progress
    from ..inputs.selection import FileSelection
    from ..orchestration.runner import run

    if quiet and verbose:
        raise fail("--quiet and --verbose contradict each other; give one of them")
    if not input_path.exists():
        raise fail(f"input not found: {input_path}; give a folder or file of articles")
    if engine not in ENGINE_NAMES:
        raise fail(f"unknown engine {engine!r}; choose --engine local or --engine dask")
    if scheduler and engine != "dask":
        raise fail("--scheduler needs --engine dask (the local engine uses worker processes here)")
    problem = check_writable(out)
    if problem:
        raise fail(problem)
    if log_file is not None:
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            log_file.touch()
        except OSError as err:
            raise fail(f"cannot write the log file {log_file} ({err.strerror or err})") from None
    configure_logging(quiet, verbose, log_file)
    selection = FileSelection(tuple(include or ()), tuple(exclude or ()))
    progress = make_progress(input_path, selection, quiet=quiet)
    errors = ErrorLines(progress.print, quiet, verbose)
    try:
        summary = run(
            input_path,
            out,
            model=model,
            n_process=n_process,
            batch_size=batch_size,
            force=force,
            engine=engine,
            scheduler=scheduler,
            keep_missing=keep_missing,
            day_first=day_first,
            worker_timeout=dask_timeout,
            progress=progress,
            selection=selection,
            on_error=errors,
        )
    except (ModelNotFound, ModelUnsuitable) as err:
        raise fail(str(err)) from None
    except (ValueError, RuntimeError) as err:
        raise fail(str(err)) from None
    except OSError as err:
        problem = f"the run could not write to {out} ({err}); check the disk and --out"
        raise fail(problem, 1) from None
    finally:
        progress.close()
    if errors.hidden:
        typer.echo(
            f"... and {errors.hidden} more bad inputs (--verbose or --log-file lists them all)",
            err=True,
        )
    if not quiet:
        for line in summary.lines():
            typer.echo(line)
    _finish(summary, input_path, strict)


def _finish(summary, input_path: Path, strict: bool) -> None:
    """The exit status of a run: 1 when nothing was read, every input failed, or --strict."""
    if summary.documents == 0:
        excluded = ""
        if summary.excluded:
            excluded = f" ({summary.excluded} files excluded by --include/--exclude)"
        raise fail(f"no articles in {input_path}{excluded}", 1)
    if summary.errors:
        earlier = summary.errors - summary.new_errors
        note = f" ({earlier} unchanged since an earlier run)" if earlier else ""
        typer.echo(
            f"{summary.errors} of {summary.documents} inputs failed{note}; "
            "their reasons are in documents.error (status = error)",
            err=True,
        )
    if summary.errors == summary.documents:
        raise fail("every input failed; nothing was extracted", 1)
    if strict and summary.errors:
        raise typer.Exit(1)


@app.command("evaluate")
def evaluate_command(
    out: Optional[Path] = typer.Argument(
        None, metavar="OUT", help="Output folder of a run (not with --cv)."
    ),
    gold: list[Path] = typer.Option(..., "--gold", help="Folder of gold JSON files (repeatable with --cv)."),
    json_file: Optional[Path] = typer.Option(None, "--json", help="Also write the figures here."),
    errors: bool = typer.Option(False, "--errors", help="List misses and false positives."),
    table: Optional[list[str]] = typer.Option(None, "--table", help="Limit --errors to tables."),
    cv: Optional[int] = typer.Option(
        None, "--cv", min=2, help="K-fold cross-validation of the trained components over --gold."
    ),
    seed: int = typer.Option(0, "--seed", help="Seed of the fold split and of training (--cv)."),
) -> None:
    """Score the tables in OUT against the gold annotations (or cross-validate with --cv K)."""
    from ..evaluation.gold import load_gold, load_predictions
    from ..evaluation.matching import TABLES, matched_documents
    from ..evaluation.report import format_errors, format_report, report_to_dict
    from ..evaluation.scoring import score

    if cv is not None:
        _cross_validate(gold, cv, seed, json_file)
        return
    if out is None:
        raise fail("give the output folder of a run (or --cv K to cross-validate)")
    if len(gold) != 1:
        raise fail("scoring a run takes one --gold folder (several only with --cv K)")
    gold = gold[0]
    if not (out / "documents.parquet").exists():
        raise fail(
            f"no run output in {out} (documents.parquet missing); "
            f"run `python -m pipeline run INPUT --out {out}` first"
        )
    if not gold.is_dir():
        raise fail(f"gold folder not found: {gold}; --gold takes the folder of gold JSON files")
    unknown = [t for t in table or () if t not in TABLES]
    if unknown:
        choices = ", ".join(TABLES)
        raise fail(f"unknown table {unknown[0]!r} for --table; choose from {choices}")
    if table and not errors:
        raise fail("--table limits the --errors listing; add --errors")
    try:
        gold_docs = load_gold(gold)
    except (ValueError, OSError) as err:  # json.JSONDecodeError is a ValueError
        raise fail(f"cannot read the gold files in {gold} ({err})") from None
    if not gold_docs:
        raise fail(f"no gold files (*.json) in {gold}")
    predicted = load_predictions(out)
    if not matched_documents(gold_docs, predicted):
        raise fail(
            f"none of the {len(gold_docs)} gold documents is among the {len(predicted)} documents "
            f"in {out}; run the pipeline on the articles of this gold folder",
            1,
        )
    report = score(gold_docs, predicted)
    if errors:
        typer.echo(format_errors(report, table or None))
    typer.echo(format_report(report))
    if json_file:
        try:
            json_file.write_text(json.dumps(report_to_dict(report), indent=2) + "\n")
        except OSError as err:
            raise fail(f"cannot write {json_file} ({err.strerror or err})", 1) from None


def _cross_validate(gold: list[Path], k: int, seed: int, json_file: Optional[Path]) -> None:
    from ..evaluation.cv import cross_validate, cv_to_dict, format_cv

    try:
        results = cross_validate(gold, k, seed=seed, progress=lambda line: typer.echo(line, err=True))
    except (FileNotFoundError, ValueError) as err:
        raise fail(str(err)) from None
    typer.echo(format_cv(results))
    if json_file:
        json_file.write_text(json.dumps(cv_to_dict(results), indent=2) + "\n")


@app.command("train")
def train_command(
    gold: Optional[list[Path]] = typer.Option(
        None, "--gold", help="Gold corpus folder (repeatable); default ../shared/corpus/train and dev."
    ),
    out: Path = typer.Option(Path("models/trained"), "--out", "-o", help="Where the weights go."),
    component: Optional[list[str]] = typer.Option(
        None, "--component", help="Train only these (default: every trainable component)."
    ),
    seed: int = typer.Option(0, "--seed", help="Random seed (the same seed gives the same weights)."),
) -> None:
    """Train the trainable components on gold folders with spaCy's training loop."""
    from ..training.train import train_all

    folders = gold or [Path("../shared/corpus/train"), Path("../shared/corpus/dev")]
    try:
        written = train_all(folders, out, components=component, seed=seed, log_file=sys.stderr)
    except (FileNotFoundError, ValueError) as err:
        raise fail(str(err)) from None
    for name, path in written.items():
        typer.echo(f"{name}: {path}")


@app.command("show")
def show_command(
    article: Path = typer.Argument(
        ..., metavar="ARTICLE", help="An article file (any format run reads)."
    ),
    out: Path = typer.Option(..., "--out", "-o", help="The HTML file to write."),
    index: int = typer.Option(
        0, "--index", min=0, help="Which article of a multi-article file (from 0)."
    ),
    model: str = typer.Option(DEFAULT_MODEL, help="Any installed spaCy pipeline, or trf."),
) -> None:
    """Write one article with its findings highlighted and its rows listed, as one HTML page."""
    from ..language.nlp import ModelNotFound, ModelUnsuitable
    from .show import show_article

    if not article.exists():
        raise fail(f"input not found: {article}")
    try:
        written = show_article(article, out, index=index, model=model)
    except (ModelNotFound, ModelUnsuitable, IndexError, ValueError, OSError) as err:
        raise fail(str(err)) from None
    typer.echo(f"wrote {written}")


@app.command("version")
def version_command(
    model: str = typer.Option(DEFAULT_MODEL, help="The model whose version line to print."),
) -> None:
    """Print the pipeline version: package version + code fingerprint + model.

    The same string is recorded in documents.pipeline_version; a change of it reprocesses.
    """
    typer.echo(version_line(model))


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
