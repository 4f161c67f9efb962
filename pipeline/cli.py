"""Command line: `python -m pipeline run|evaluate|show|version` (also installed as `newsx`)."""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import Optional

import typer

from .nlp import DEFAULT_MODEL

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract officials, regions, projects, dates and relations from news articles.",
)


def _progress_printer():
    """A one-line progress display with documents and words per second (only on a terminal)."""
    if not sys.stderr.isatty():
        return None
    started = time.perf_counter()

    def show(docs: int, words: int) -> None:
        elapsed = max(time.perf_counter() - started, 1e-9)
        sys.stderr.write(
            f"\r{docs:,} documents, {words:,} words | "
            f"{docs / elapsed:,.1f} docs/s, {words / elapsed:,.0f} words/s"
        )
        sys.stderr.flush()

    return show


@app.command("run")
def run_command(
    input_path: Path = typer.Argument(Path("data/raw"), help="Folder (read recursively) or file."),
    out: Path = typer.Option(Path("data/processed"), "--out", "-o", help="Output folder."),
    model: str = typer.Option(DEFAULT_MODEL, help="Any installed spaCy pipeline, or trf."),
    n_process: int = typer.Option(1, "--n-process", min=1, help="Worker processes."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per batch."),
    force: bool = typer.Option(False, "--force", help="Start over instead of resuming."),
    engine: str = typer.Option("local", help="local (worker processes) or dask."),
    scheduler: Optional[str] = typer.Option(
        None, help="Dask scheduler address (tcp://host:8786); a local cluster when omitted."
    ),
) -> None:
    """Run the pipeline on INPUT and write the tables to OUT."""
    from .nlp import ModelNotFound
    from .runner import run

    if not input_path.exists():
        typer.echo(f"error: input not found: {input_path}", err=True)
        raise typer.Exit(2)
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
            progress=_progress_printer(),
        )
    except (ModelNotFound, ValueError, RuntimeError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    for message in summary.error_messages:
        typer.echo(f"skipped: {message}", err=True)
    for line in summary.lines():
        typer.echo(line)


@app.command("evaluate")
def evaluate_command(
    out: Path = typer.Argument(..., help="Output folder of a run."),
    gold: Path = typer.Option(..., "--gold", help="Folder of gold JSON files."),
    json_file: Optional[Path] = typer.Option(None, "--json", help="Also write the figures here."),
    errors: bool = typer.Option(False, "--errors", help="List misses and false positives."),
    table: Optional[list[str]] = typer.Option(None, "--table", help="Limit --errors to tables."),
) -> None:
    """Score the tables in OUT against the gold annotations."""
    from . import evaluate

    predicted = evaluate.load_predictions(out)
    report = evaluate.score(evaluate.load_gold(gold), predicted)
    if errors:
        typer.echo(evaluate.format_errors(report, table or None))
    typer.echo(evaluate.format_report(report))
    if json_file:
        json_file.write_text(json.dumps(evaluate.report_to_dict(report), indent=2) + "\n")


@app.command("show")
def show_command(
    article: Path = typer.Argument(..., help="An article file (any format run reads)."),
    out: Path = typer.Option(..., "--out", "-o", help="The HTML file to write."),
    index: int = typer.Option(
        0, "--index", min=0, help="Which article of a multi-article file (from 0)."
    ),
    model: str = typer.Option(DEFAULT_MODEL, help="Any installed spaCy pipeline, or trf."),
) -> None:
    """Write one article with its findings highlighted and its rows listed, as one HTML page."""
    from .nlp import ModelNotFound
    from .show import show_article

    if not article.exists():
        typer.echo(f"error: input not found: {article}", err=True)
        raise typer.Exit(2)
    try:
        written = show_article(article, out, index=index, model=model)
    except (ModelNotFound, IndexError, ValueError, OSError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"wrote {written}")


@app.command("version")
def version_command() -> None:
    """Print the pipeline's version."""
    from . import __version__

    typer.echo(__version__)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
