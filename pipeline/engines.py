"""Engines: run batches of articles through annotate/extract and hand each batch's rows back.

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
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from .annotate import process_batch
from .nlp import load_nlp
from .records import Article
from .versioning import pipeline_version
from .workers import die_with_parent

log = logging.getLogger(__name__)

OnDone = Callable[[list[Article], dict], None]
POLL_SECONDS = 1.0  # how often a Dask run waiting for results checks that workers are left


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


def run_dask(
    batches: Iterator[list[Article]],
    model: str,
    version: str,
    n_process: int,
    on_done: OnDone,
    *,
    scheduler: str | None = None,
    worker_timeout: float = 60.0,
) -> None:
    """On a Dask cluster (`scheduler` address), or on a local cluster of `n_process` workers.

    Fails with one RuntimeError line when the scheduler cannot be reached, when no worker is
    there for `worker_timeout` seconds (at the start, or after all were lost), or when no
    worker runs this pipeline version; workers of another version are left out.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise RuntimeError("the dask engine needs the extra: pip install 'news-pipeline[dask]'") from err

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=max(1, n_process),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.WARNING,
        )
    try:
        client = Client(scheduler or cluster, timeout=worker_timeout)
    except OSError as err:  # distributed raises OSError (TimeoutError) after `timeout`
        if cluster is not None:
            cluster.close()
        raise RuntimeError(
            f"cannot reach the Dask scheduler at {scheduler} within {worker_timeout:g} s"
        ) from err
    try:
        workers, restricted = _matching_workers(client, model, version, worker_timeout)
        pending: dict = {}  # future key -> (future, batch)
        for batch in batches:
            future = client.submit(
                process_in_worker, batch, model, version, pure=False, workers=workers if restricted else None
            )
            pending[future.key] = (future, batch)
            while len(pending) > 2 * len(workers):
                _collect_one(client, pending, on_done, worker_timeout)
        while pending:
            _collect_one(client, pending, on_done, worker_timeout)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _matching_workers(client, model: str, version: str, timeout: float) -> tuple[list[str], bool]:
    """The workers that run this pipeline version, and whether others were refused.

    RuntimeError when no worker comes or none runs this version. Tasks are pinned to the
    matching workers only when some were refused: pinned tasks would wait forever for
    replacements of lost workers, and every task checks the version of its worker anyway.
    """
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (TimeoutError, OSError) as err:
        raise RuntimeError(
            f"no Dask worker joined the scheduler {client.scheduler.address} within {timeout:g} s"
        ) from err
    versions = client.run(worker_version, model)
    matching = sorted(address for address, found in versions.items() if found == version)
    refused = {address: found for address, found in versions.items() if found != version}
    if refused:
        log.warning(
            "refused %d Dask worker(s) running another pipeline version (%s; this run is %s)",
            len(refused), ", ".join(sorted(set(refused.values()))), version,
        )
    if not matching:
        raise VersionMismatch(
            f"no Dask worker runs this pipeline version {version} (they run "
            f"{', '.join(sorted(set(refused.values())))}): restart the workers with this code"
        )
    return matching, bool(refused)


def _collect_one(client, pending: dict, on_done: OnDone, timeout: float) -> None:
    """Wait for one or more batches to finish and hand them on; fail if the workers are gone."""
    from distributed import wait

    without_workers = None
    while True:
        try:
            done, _ = wait([future for future, _ in pending.values()], timeout=POLL_SECONDS,
                           return_when="FIRST_COMPLETED")
            break
        except (TimeoutError, OSError):
            if client.nthreads():
                without_workers = None
                continue
            without_workers = without_workers or time.monotonic()
            if time.monotonic() - without_workers > timeout:
                raise RuntimeError(
                    f"all Dask workers were lost and none joined within {timeout:g} s"
                ) from None
    for future in done:
        _, batch = pending.pop(future.key)
        on_done(batch, future.result())


ENGINES = {"local": run_local, "dask": run_dask}
