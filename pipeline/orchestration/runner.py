"""Drive the stages over a corpus: ingest -> annotate/extract (batches) -> write -> link.

The engine that runs the batches is replaceable (`engines.py`: in-process or worker processes;
`dask_engine.py`: a Dask cluster); the stages do not know which engine runs them, and the
driver alone writes parts and links.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import __version__
from .annotate import count_words
from ..linking.corpus_tables import build_corpus_tables
from .dask_engine import run_dask
from .engines import run_local
from .ordering import in_input_order
from ..inputs.readers import read_articles
from ..inputs.selection import FileSelection
from ..linking.link import link
from ..language.nlp import DEFAULT_MODEL, load_nlp
from ..resources import MODELS_DIR
from ..records import Article
from ..tables.schema import ARTICLE_TABLES, CORPUS_TABLES, SCHEMAS
from ..tables.store import PartStore, batch_name, write_table_atomic

log = logging.getLogger(__name__)

TABLE_NAMES = [*ARTICLE_TABLES, *CORPUS_TABLES]
PROGRESS_EVERY_SKIPPED = 500  # a rerun over unchanged articles still shows it is moving


@dataclass
class RunSummary:
    """What a run did: counts per table, errors and how many articles were skipped as done."""

    out_dir: Path
    documents: int = 0  # rows of the documents table after the run
    errors: int = 0  # documents with status "error" in the tables (new or unchanged)
    new_errors: int = 0  # of those, the ones this run read (the others were reported before)
    processed: int = 0  # articles extracted in this run (errors not counted)
    skipped: int = 0  # articles the output already held with the same content and version
    excluded: int = 0  # files left out by the include/exclude patterns
    words: int = 0
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)
    error_messages: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        wps = self.words / self.seconds if self.seconds else 0.0
        counts = ", ".join(
            f"{self.rows.get(t, 0)} {t}"
            for t in ("officials", "regions", "projects", "dates", "relations", "entities")
        )
        excluded = f", {self.excluded} files excluded" if self.excluded else ""
        corpus = ", ".join(f"{self.rows.get(t, 0)} {t}" for t in ("office_terms", "events"))
        return [
            f"{self.documents} documents ({self.processed} processed, {self.skipped} unchanged, "
            f"{self.errors} errors{excluded}) in {self.seconds:.1f}s, {wps:,.0f} words/s",
            f"found: {counts}",
            f"across articles: {corpus}",
            f"tables written to {self.out_dir}",
        ]


ENGINES = {"local": run_local, "dask": run_dask}  # `--engine NAME`


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the pipeline's code and language assets: any change to them reprocesses."""
    package = Path(__file__).resolve().parents[1]  # the whole `pipeline` package
    digest = hashlib.sha1()
    for path in sorted([*package.rglob("*.py"), *MODELS_DIR.rglob("*")]):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def pipeline_version(model: str) -> str:
    """The version recorded per document: package version, code fingerprint and model."""
    return f"{__version__}+{code_fingerprint()}+{model}"


def batched(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _batch_key(positioned: list[tuple[int, Article]], version: str) -> str:
    # the key covers ids and content, so a batch of changed articles never reuses an old name
    digest = hashlib.sha1(version.encode())
    for _, article in positioned:
        digest.update(f"{article.doc_id}\n{article.text}\n".encode())
    return f"{batch_name(positioned[0][0])}-{digest.hexdigest()[:8]}"


# --- the run ----------------------------------------------------------------------------------


def run(
    input_path: str | Path = "data/raw",
    out_dir: str | Path = "data/processed",
    *,
    model: str = DEFAULT_MODEL,
    n_process: int = 1,
    batch_size: int = 32,
    force: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    selection: FileSelection = FileSelection(),
    on_error: Callable[[str], None] | None = None,
) -> RunSummary:
    """Run the pipeline over a folder or file of articles and write the tables to `out_dir`.

    Articles already processed into `out_dir` with the same content and pipeline version are
    skipped (so an interrupted run resumes); `force` starts over. `progress(articles, words)`
    is called after each batch with the articles done so far (processed, failed or unchanged).
    `selection` picks the files of a folder (include/exclude patterns); `on_error(message)` is
    called once for each input this run finds bad or fails to extract. `engine` is "local" (`n_process` worker processes) or "dask"
    (`scheduler` is a cluster address; without one, a local cluster of `n_process` workers).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {sorted(ENGINES)}")
    started = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    store = PartStore(out)
    if force:
        store.clear()
    version = pipeline_version(model)
    load_nlp(model)  # fail early, with the install hint, before reading the corpus
    log.info("model %s loaded; pipeline version %s", model, version)
    done = store.done()
    summary = RunSummary(out_dir=out)
    seen: dict[str, int] = {}  # doc_id -> input position: the order of the final tables
    stale: dict[str, str] = {}  # doc_id -> batch holding an outdated version

    # without a handler a library run logs each bad input once (the CLI prints them itself)
    report_error = on_error or (lambda message: log.warning("%s", message))

    def excluded(source: str) -> None:
        summary.excluded += 1
        log.info("%s: excluded by the include/exclude patterns", source)

    def report_progress() -> None:
        if progress:
            progress(summary.processed + summary.new_errors + summary.skipped, summary.words)

    def pending_articles() -> Iterator[tuple[int, Article]]:
        for position, article in enumerate(read_articles(input_path, selection, excluded)):
            if article.doc_id in seen:
                log.warning("%s: duplicate doc_id %s; skipped", article.source, article.doc_id)
                continue
            seen[article.doc_id] = len(seen)
            previous = done.get(article.doc_id)
            content = hashlib.sha256(article.text.encode("utf-8")).hexdigest()[:16]
            if previous and previous[0] == content and previous[1] == version:
                summary.skipped += 1
                if summary.skipped % PROGRESS_EVERY_SKIPPED == 0:
                    report_progress()
                continue
            if previous:
                stale[article.doc_id] = previous[2]
            yield position, article

    names: dict[int, str] = {}

    def articles_in_batches() -> Iterator[list[Article]]:
        for positioned in batched(pending_articles(), batch_size):
            batch = [article for _, article in positioned]
            names[id(batch)] = _batch_key(positioned, version)
            yield batch

    def on_done(batch: list[Article], rows: dict) -> None:
        name = names.pop(id(batch))
        store.write_batch(name, rows)
        log.info("batch %s committed: %d articles", name, len(batch))
        for document in rows["documents"]:
            if document["status"] == "error":
                summary.new_errors += 1
                report_error(document["error"])
            else:
                summary.processed += 1
        summary.words += sum(count_words(a.text) for a in batch)
        report_progress()

    ENGINES[engine](articles_in_batches(), model, version, n_process, on_done, scheduler=scheduler)

    # outdated versions of changed articles, and articles no longer in the input
    for doc_id, (_, _, batch) in done.items():
        if doc_id not in seen:
            stale[doc_id] = batch
    store.drop_documents(stale)

    log.info("linking entities and writing the final tables to %s", out)
    finalize(store, seen)
    report_progress()
    summary.seconds = time.perf_counter() - started
    _fill_counts(summary, out)
    return summary


def finalize(store: PartStore, position: dict[str, int] | None = None) -> dict[str, int]:
    """Link entities over all committed batches and write the final tables atomically.

    Rows come in input order (`position`: doc_id -> input position; batch order without it),
    so an incremental run gives its rows in the order of a clean run.
    """
    batches = store.batches()
    doc_ids = [
        store.read_batch(batch, "documents", ["doc_id"]).column(0).to_pylist() for batch in batches
    ]
    if position is None:
        position = {d: i for i, d in enumerate(d for ids in doc_ids for d in ids)}

    def ordered(table: str, columns: list[str] | None = None) -> Iterator[pa.Table]:
        read = lambda i: store.read_batch(batches[i], table, columns)  # noqa: E731
        return in_input_order(read, doc_ids, position)

    small = {
        "documents": ["doc_id", "published"],
        "officials": ["doc_id", "entity_id", "name", "aliases", "role", "country"],
        "regions": ["doc_id", "entity_id", "name", "type", "country", "iso_code", "latitude", "longitude", "geonames_id"],
        "projects": ["doc_id", "entity_id", "name", "aliases", "type", "countries"],
    }
    frames = {}
    for table, columns in small.items():
        pieces = list(ordered(table, columns))
        frames[table] = (
            pa.concat_tables(pieces).to_pandas() if pieces else pd.DataFrame(columns=columns)
        )
    mapping, entities = link(frames)
    keys = pa.array(list(mapping.keys()), type=pa.string())
    values = pa.array(list(mapping.values()), type=pa.string())

    def relink(piece: pa.Table) -> pa.Table:
        for column in ("entity_id", "head_id", "tail_id"):
            if column in piece.column_names and len(keys):
                old = piece.column(column)
                index = pc.index_in(old, value_set=keys)
                new = pc.if_else(pc.is_null(index), old, pc.take(values, index))
                piece = piece.set_column(piece.schema.get_field_index(column), column, new)
        return piece

    counts = {}
    for table in ARTICLE_TABLES:
        counts[table] = write_table_atomic(
            store.out_dir / f"{table}.parquet", table, ordered(table), relink
        )
    counts["entities"] = write_table_atomic(
        store.out_dir / "entities.parquet",
        "entities",
        iter([pa.Table.from_pandas(entities, preserve_index=False)]),
    )
    for table, frame in build_corpus_tables(store, mapping, entities).items():
        counts[table] = write_table_atomic(
            store.out_dir / f"{table}.parquet",
            table,
            iter([pa.Table.from_pandas(frame, schema=SCHEMAS[table], preserve_index=False)]),
        )
    return counts


def _fill_counts(summary: RunSummary, out: Path) -> None:
    import pyarrow.parquet as pq

    for table in TABLE_NAMES:
        summary.rows[table] = pq.ParquetFile(out / f"{table}.parquet").metadata.num_rows
    docs = pq.read_table(out / "documents.parquet", columns=["status", "error"]).to_pydict()
    summary.documents = len(docs["status"])
    summary.error_messages = [e for s, e in zip(docs["status"], docs["error"]) if s == "error"]
    summary.errors = len(summary.error_messages)
