"""Progress: a line every N articles or every minute in a log; a bar with total and time left on a terminal."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from pipeline.interfaces.progress import LineProgress, TerminalProgress, estimate_articles
from pipeline.inputs.selection import FileSelection


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    "steps, lines",
    [
        ([(50, 1), (100, 2), (150, 3), (200, 4)], 2),  # every 100 articles
        ([(10, 61), (20, 62), (30, 130)], 2),  # every minute however slow
    ],
)
def test_progress_lines_every_n_articles_or_minute(steps, lines):
    stream, clock = io.StringIO(), Clock()
    progress = LineProgress(400, stream, every_articles=100, every_seconds=60, clock=clock)
    for articles, now in steps:
        clock.now = now
        progress(articles, articles * 500)
    assert stream.getvalue().count("progress: ") == lines


def test_progress_line_has_total_share_speed_and_time_left():
    stream, clock = io.StringIO(), Clock()
    progress = LineProgress(400, stream, every_articles=100, clock=clock)
    clock.now = 100
    progress(100, 50_000)
    assert stream.getvalue().strip() == (
        "progress: 100/400 articles (25%), 500 words/s, 1m40s elapsed, about 5m00s left"
    )


def test_progress_close_prints_the_last_figures():
    stream, clock = io.StringIO(), Clock()
    progress = LineProgress(3, stream, clock=clock)
    clock.now = 2
    progress(3, 900)
    progress.close()
    assert stream.getvalue().strip() == "progress: 3/3 articles (100%), 450 words/s, 2s elapsed"


def test_progress_terminal_bar_shows_total_and_time_left():
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, width=120, color_system=None)
    progress = TerminalProgress(40, console=console)
    progress(10, 5_000)
    progress.close()
    shown = stream.getvalue()
    assert "10/40" in shown and "left" in shown and "words/s" in shown


def test_progress_estimate_counts_articles_of_each_file(tmp_path):
    (tmp_path / "a.txt").write_text("One article.")
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps({"text": str(i)}) for i in range(5)) + "\n\n")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text("{}")
    assert estimate_articles(tmp_path) == 7
    assert estimate_articles(tmp_path, FileSelection(exclude=("gold/*",))) == 6
