"""Peak memory and time of `run` on one big article, by article size (prints figures).

    python benchmarks/bench_memory.py --sizes 1,5,20

Builds one `.txt` article of each size (in MB) from the paragraphs of the seed and
../shared/corpus/dev, numbers changed so that pieces are not alike, runs `python -m pipeline run`
on it in a fresh subprocess and prints its peak memory (max RSS) and wall time, then the ratio of
the largest to the smallest peak (goal <= 1.5) and the seconds per MB at each size (linear time:
about the same figure at every size).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_run import source_paragraphs  # the speed corpus's paragraphs (same folder)

MB = 1_000_000


def write_article(path: Path, size: int, seed: int = 7) -> None:
    """Write one article of about `size` characters, paragraph after paragraph (streamed)."""
    rng = random.Random(seed)
    paragraphs = source_paragraphs()
    written = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("date: 2021-01-06\ntitle: A very long article\n\n")
        while written < size:
            paragraph = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(0, 9)), rng.choice(paragraphs))
            out.write(paragraph + "\n\n")
            written += len(paragraph) + 2


def measure(article: Path, out: Path) -> tuple[float, float]:
    """(peak RSS in MiB, wall seconds) of one `run` in a fresh subprocess."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", str(article), "--out", str(out)],
        stdout=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"run on {article} failed with status {status}")
    return usage.ru_maxrss / 1024, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,5,20", help="article sizes in MB, comma-separated")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]

    work = Path(tempfile.mkdtemp(prefix="newsx-bench-memory-"))
    peaks = {}
    try:
        for size in sizes:
            article = work / f"article-{size:g}MB.txt"
            write_article(article, int(size * MB))
            peak, seconds = measure(article, work / "out")
            peaks[size] = peak
            print(f"{size:6g} MB article: peak memory {peak:8.0f} MiB, {seconds:8.1f} s, {seconds / size:6.1f} s/MB", flush=True)
            article.unlink()
        if len(peaks) >= 2:
            small, large = min(peaks), max(peaks)
            print(f"peak memory {large:g} MB / {small:g} MB: {peaks[large] / peaks[small]:.2f} (goal <= 1.5)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
