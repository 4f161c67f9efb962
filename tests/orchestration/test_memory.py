"""One big article stays within a fixed memory bound (issue 17; the figures: benchmarks/bench_memory.py)."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest

# What a long article may add to the peak of a run on a short one: one group of pieces in the
# parser takes about 300 MiB (before pieces were streamed a 2 MB article took over 6 GiB). The
# short run's peak is the model, lexicons and trained weights (and torch where installed, which
# thinc imports): a constant that differs between environments, so it is measured, not assumed.
GROWTH_BOUND_MIB = 800  # the bound the test had before torch came in: 1,200 MiB less a 400 MiB model
SIZE = 2_000_000

OWN_SENTENCES = [
    "Foreign Minister Anna Petrova of Bulgaria met Prime Minister Nikos Pappas in Athens on {d} March {y}.",
    "The two sides discussed the Alexandroupolis-Sofia railway and a new port in Burgas.",
    "Governor Lena Kowalski said the bridge over the Vistula would open in {y}.",
    "President Ilham Aliyev of Azerbaijan visited Shusha on {d} May, the ministry said.",
]


def _peak_mib(article, out) -> float:
    """Peak memory (max RSS) of a `run` on one article, in a fresh process."""
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", str(article), "--out", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    assert status == 0, process.stderr.read().decode()
    return usage.ru_maxrss / 1024


def _write_article(path, seed_text: str) -> None:
    rng = random.Random(2)
    paragraphs = [p for p in seed_text.split("\n\n") if p.strip()] + OWN_SENTENCES
    written = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("date: 2021-01-06\n\n")
        while written < SIZE:
            paragraph = rng.choice(paragraphs).format(d=rng.randint(1, 28), y=rng.randint(1995, 2030))
            out.write(paragraph + "\n\n")
            written += len(paragraph) + 2


@pytest.mark.parametrize("size_mb", [SIZE // 1_000_000])
def test_memory_2mb_article_stays_under_a_fixed_bound(tmp_path, seed_text, size_mb):
    short = tmp_path / "short.txt"
    short.write_text("date: 2021-01-06\n\n" + OWN_SENTENCES[0].format(d=1, y=2021) + "\n", encoding="utf-8")
    article = tmp_path / "long.txt"
    _write_article(article, seed_text)
    base_mib = _peak_mib(short, tmp_path / "short-out")
    peak_mib = _peak_mib(article, tmp_path / "out")
    assert peak_mib - base_mib < GROWTH_BOUND_MIB, (
        f"a {size_mb} MB article took {peak_mib:.0f} MiB, {peak_mib - base_mib:.0f} MiB more than a short one"
    )
