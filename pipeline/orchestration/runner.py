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
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..inputs.readers import read_articles
from ..inputs.selection import FileSelection
from ..language.nlp import DEFAULT_MODEL, load_nlp
from ..linking.corpus_tables import build_corpus_tables
from ..linking.link import link
from ..records import Article
from ..tables import generations
from ..tables.outlock import locked
from ..tables.rows import content_hash
from ..tables.schema import ARTICLE_TABLES, CORPUS_TABLES, SCHEMAS
from ..tables.store import PartStore, batch_name, is_output_entry, write_table_atomic
from .annotate import count_words
from .dask_engine import run_dask
from .engines import run_local
from .ordering import in_input_order
from .versioning import pipeline_version

log = logging.getLogger(__name__)

DEFAULT_WORKER_TIMEOUT = 60.0  # seconds a Dask run waits for a worker before it gives up

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
    dropped: int = 0  # documents of earlier runs no longer in the input, removed from OUT
    kept_missing: int = 0  # the same, kept because of keep_missing
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
        lines = [
            f"{self.documents} documents ({self.processed} processed, {self.skipped} unchanged, "
            f"{self.errors} errors{excluded}) in {self.seconds:.1f}s, {wps:,.0f} words/s",
            f"found: {counts}",
            f"across articles: {corpus}",
            f"tables written to {self.out_dir}",
        ]
        if self.dropped:
            lines.append(
                f"dropped {self.dropped} document(s) of earlier runs that are not in this input "
                "(--keep-missing keeps them)"
            )
        if self.kept_missing:
            lines.append(f"kept {self.kept_missing} document(s) of earlier runs that are not in this input")
        return lines


ENGINES = {"local": run_local, "dask": run_dask}  # `--engine NAME`


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
    keep_missing: bool = False,
    day_first: bool | None = None,
    worker_timeout: float = DEFAULT_WORKER_TIMEOUT,
) -> RunSummary:
    """Run the pipeline over a folder or file of articles and write the tables to `out_dir`.

    Articles already processed into `out_dir` with the same content (body and header) and
    pipeline version are skipped (so an interrupted run resumes); `force` starts over.
    Documents of earlier runs that are not in this input are dropped from `out_dir` (the
    summary says how many) unless `keep_missing`. `progress(articles, words)` is called after
    each batch with the articles done so far (processed, failed or unchanged). `selection`
    picks the files of a folder (include/exclude patterns); `on_error(message)` is called once
    for each input this run finds bad or fails to extract. `engine` is "local" (`n_process`
    worker processes) or "dask" (`scheduler` is a cluster address; without one, a local
    cluster of `n_process` workers); a Dask run fails when no worker is there for
    `worker_timeout` seconds. `day_first` is the order of all-numeric header dates (see
    `inputs.readers.read_articles`). One run at a time may write `out_dir`: a second gets
    `OutputLocked`.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {sorted(ENGINES)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with locked(out):
        return _run_locked(
            input_path, out, model=model, n_process=n_process, batch_size=batch_size,
            force=force, engine=engine, scheduler=scheduler, progress=progress,
            keep_missing=keep_missing, day_first=day_first, worker_timeout=worker_timeout,
            selection=selection, on_error=on_error,
        )


def _run_locked(
    input_path: str | Path,
    out: Path,
    *,
    model: str,
    n_process: int,
    batch_size: int,
    force: bool,
    engine: str,
    scheduler: str | None,
    progress: Callable[[int, int], None] | None,
    keep_missing: bool,
    day_first: bool | None,
    worker_timeout: float,
    selection: FileSelection,
    on_error: Callable[[str], None] | None,
) -> RunSummary:
    started = time.perf_counter()
    store = PartStore(out)
    # a killed run's half-made commit is finished, its temporary files removed
    generations.roll_forward(out)
    generations.remove_leftovers(out, store.parts_dir)
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
        articles = read_articles(
            input_path, selection, excluded,
            exclude=out, output_entry=is_output_entry, day_first=day_first,
        )
        for position, article in enumerate(articles):
            if article.doc_id in seen:
                log.warning("%s: duplicate doc_id %s; skipped", article.source, article.doc_id)
                continue
            seen[article.doc_id] = len(seen)
            previous = done.get(article.doc_id)
            content = content_hash(article)
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

    ENGINES[engine](
        articles_in_batches(), model, version, n_process, on_done,
        scheduler=scheduler, worker_timeout=worker_timeout,
    )

    # outdated versions of changed articles, and (unless kept) articles no longer in the input
    missing = {doc_id: batch for doc_id, (_, _, batch) in done.items() if doc_id not in seen}
    if keep_missing:
        summary.kept_missing = len(missing)
    else:
        summary.dropped = len(missing)
        stale.update(missing)
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

    # all tables are written under temporary names, then committed together (one generation)
    generation = generations.new_generation()
    counts = {}
    for table in ARTICLE_TABLES:
        counts[table] = write_table_atomic(
            store.out_dir / f"{table}.parquet", table, ordered(table), relink, generation
        )
    counts["entities"] = write_table_atomic(
        store.out_dir / "entities.parquet",
        "entities",
        iter([pa.Table.from_pandas(entities, preserve_index=False)]),
        generation=generation,
    )
    for table, frame in build_corpus_tables(store, mapping, entities).items():
        counts[table] = write_table_atomic(
            store.out_dir / f"{table}.parquet",
            table,
            iter([pa.Table.from_pandas(frame, schema=SCHEMAS[table], preserve_index=False)]),
            generation=generation,
        )
    generations.commit(
        store.out_dir,
        {
            generations.temporary_path(store.out_dir / f"{t}.parquet", generation): store.out_dir / f"{t}.parquet"
            for t in TABLE_NAMES
        },
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
