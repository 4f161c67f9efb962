"""The Dask engine: batches run on a Dask cluster (`--engine dask`), rows come back to the driver.

Each task is one batch, handed to `process_in_worker`, which loads the spaCy pipeline once per
worker process; the driver keeps writing the parts and linking the corpus as with the local engine.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from ..records import Article
from .engines import OnDone, process_in_worker


def run_dask(
    batches: Iterator[list[Article]],
    model: str,
    version: str,
    n_process: int,
    on_done: OnDone,
    *,
    scheduler: str | None = None,
) -> None:
    """On a Dask cluster (`scheduler` address), or on a local cluster of `n_process` workers."""
    try:
        from distributed import Client, LocalCluster, as_completed
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
    client = Client(scheduler or cluster)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        in_flight = as_completed()
        batch_of = {}
        for batch in batches:
            future = client.submit(process_in_worker, batch, model, version, pure=False)
            batch_of[future.key] = batch
            in_flight.add(future)
            while in_flight.count() > 2 * workers:
                finished = next(in_flight)
                on_done(batch_of.pop(finished.key), finished.result())
        for finished in in_flight:
            on_done(batch_of.pop(finished.key), finished.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
