"""Progress of a run for the person watching: a live bar on a terminal, periodic lines otherwise.

On a terminal (rich): articles done of the expected total, words per second, time elapsed and
the estimated time left. When stderr is a file or a pipe (a log, a CI job), one plain line
every `every_articles` articles or `every_seconds` seconds, whichever comes first, so a long
run's log shows it moving. The total is estimated before the run from the input files (lines
of a JSONL file, rows of a parquet file, one per text or HTML file): compressed files, WARC
archives and CSV fields spanning lines make it approximate, and it grows when passed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ..inputs.selection import FileSelection

EVERY_ARTICLES = 100
EVERY_SECONDS = 60.0
_LINE_SUFFIXES = (".jsonl", ".ndjson")


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as stream:
        for line in stream:
            count += bool(line.strip())
    return count


def estimate_file(path: Path) -> int:
    """How many articles a file probably holds (1 where its format does not say cheaply)."""
    name = path.name.lower()
    try:
        if name.endswith(_LINE_SUFFIXES):
            return _count_lines(path)
        if name.endswith(".csv"):
            return max(0, _count_lines(path) - 1)  # the header line
        if name.endswith(".parquet"):
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
    except Exception:  # noqa: BLE001  a broken file is reported by the run; it counts as one here
        return 1
    return 1


def estimate_articles(root: str | Path, selection: FileSelection = FileSelection()) -> int:
    """The expected number of articles under `root` (a folder or one file)."""
    from ..inputs.readers import iter_files

    root = Path(root)
    files: Iterable[tuple[Path, str]] = iter_files(root)
    if root.is_dir():
        files = ((path, source) for path, source in files if selection.accepts(source))
    return sum(estimate_file(path) for path, _ in files)


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    return f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s"


class LineProgress:
    """Plain progress lines for a log: every N articles or every M seconds, and one at the end."""

    def __init__(
        self,
        total: int | None,
        stream: TextIO | None = None,
        every_articles: int = EVERY_ARTICLES,
        every_seconds: float = EVERY_SECONDS,
        clock=time.monotonic,
    ):
        self.total = total
        self.stream = stream
        self.every_articles = every_articles
        self.every_seconds = every_seconds
        self.clock = clock
        self.started = clock()
        self.last_articles = 0
        self.last_time = self.started
        self.articles = 0
        self.words = 0

    def _out(self) -> TextIO:
        return self.stream or sys.stderr

    def line(self) -> str:
        """The progress line for the articles and words done so far."""
        elapsed = max(self.clock() - self.started, 1e-9)
        total = max(self.total or 0, self.articles)
        done = f"{self.articles:,}/{total:,} articles" if total else f"{self.articles:,} articles"
        share = f" ({100 * self.articles / total:.0f}%)" if total else ""
        eta = ""
        if total and 0 < self.articles < total:
            eta = f", about {_duration(elapsed * (total - self.articles) / self.articles)} left"
        return (
            f"progress: {done}{share}, {self.words / elapsed:,.0f} words/s, "
            f"{_duration(elapsed)} elapsed{eta}"
        )

    def __call__(self, articles: int, words: int) -> None:
        self.articles, self.words = articles, words
        now = self.clock()
        if (
            articles - self.last_articles >= self.every_articles
            or now - self.last_time >= self.every_seconds
        ):
            self.last_articles, self.last_time = articles, now
            print(self.line(), file=self._out(), flush=True)

    def print(self, message: str) -> None:
        print(message, file=self._out(), flush=True)

    def close(self) -> None:
        if self.articles != self.last_articles:
            print(self.line(), file=self._out(), flush=True)


class TerminalProgress:
    """A live rich progress bar on stderr with the total and the time left."""

    def __init__(self, total: int | None, console=None):
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn("articles"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[speed]}"),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            transient=False,
        )
        self.task = self.progress.add_task("run", total=total or None, speed="")
        self.started = time.monotonic()
        self.progress.start()

    def __call__(self, articles: int, words: int) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        task = self.progress.tasks[0]
        total = task.total if task.total is None or articles <= task.total else articles
        self.progress.update(
            self.task, completed=articles, total=total, speed=f"{words / elapsed:,.0f} words/s"
        )

    def print(self, message: str) -> None:
        self.progress.console.print(message, markup=False, highlight=False)

    def close(self) -> None:
        self.progress.stop()


class NoProgress:
    """For `--quiet`: nothing shown."""

    def __call__(self, articles: int, words: int) -> None:
        pass

    def print(self, message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    def close(self) -> None:
        pass


def make_progress(
    root: str | Path,
    selection: FileSelection = FileSelection(),
    *,
    quiet: bool = False,
    terminal: bool | None = None,
) -> LineProgress | TerminalProgress | NoProgress:
    """The progress display for a run over `root`: none if quiet, a bar on a terminal, else lines."""
    if quiet:
        return NoProgress()
    total = estimate_articles(root, selection)
    if terminal is None:
        terminal = sys.stderr.isatty()
    return TerminalProgress(total) if terminal else LineProgress(total)
