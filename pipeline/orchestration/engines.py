"""Engines: run batches of articles through annotate/extract and hand each batch's rows back.

This module holds the local engine (in this process or in worker processes) and the worker
function every engine runs; the Dask engine is `dask_engine.py`; `runner.py` names them.

An engine is a function `(batches, model, version, n_process, on_done, *, scheduler)` that calls
`on_done(batch, rows)` once per batch, in the driver process; the driver writes the parts.
Workers load the spaCy pipeline once per process (`load_nlp` is cached there); the pipeline is
never pickled with a task. A worker labels rows only with its own pipeline version: one that
runs other code than the driver (a long-running Dask worker) refuses the batch.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from .annotate import process_batch
from ..language.nlp import load_nlp
from ..records import Article
from .versioning import pipeline_version
from .workers import die_with_parent

log = logging.getLogger(__name__)

OnDone = Callable[[list[Article], dict], None]


class VersionMismatch(RuntimeError):
    """A worker runs another pipeline version (other code or lexicons) than the driver."""


def worker_version(model: str) -> str:
    """The pipeline version of the code this process runs (fixed at its first call)."""
    return pipeline_version(model)


def process_in_worker(articles: list[Article], model: str, version: str) -> dict:
    """Process one batch in a worker process, with the worker's own cached pipeline."""
    own = worker_version(model)
    if own != version:
        raise VersionMismatch(
            f"a worker runs pipeline version {own}, this run is {version}: restart the workers"
        )
    return process_batch(load_nlp(model), articles, model, version)


def _warm_worker(model: str) -> None:
    die_with_parent()
    worker_version(model)
    load_nlp(model)


def run_local(
    batches: Iterator[list[Article]],
    model: str,
    version: str,
    n_process: int,
    on_done: OnDone,
    *,
    scheduler: str | None = None,
    worker_timeout: float | None = None,
) -> None:
    """In this process, or in `n_process` worker processes; results arrive in input order."""
    if n_process <= 1:
        nlp = load_nlp(model)
        for batch in batches:
            on_done(batch, process_batch(nlp, batch, model, version))
        return
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ProcessPoolExecutor(n_process, context, _warm_worker, (model,)) as pool:
        pending: list[tuple[list[Article], Future]] = []
        for batch in batches:
            pending.append((batch, pool.submit(process_in_worker, batch, model, version)))
            # a bounded number of batches in flight keeps memory flat on any corpus size
            while len(pending) > 2 * n_process:
                done_batch, future = pending.pop(0)
                on_done(done_batch, future.result())
        for done_batch, future in pending:
            on_done(done_batch, future.result())
