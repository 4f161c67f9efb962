"""The Dask engine: batches run on a Dask cluster (`--engine dask`), rows come back to the driver.

Each task is one batch, handed to `process_in_worker`, which loads the spaCy pipeline once per
worker process and refuses to run code of another pipeline version; the driver keeps writing
the parts and linking the corpus as with the local engine. A scheduler that cannot be reached,
or no worker within the timeout, fails the run with one line instead of hanging.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

from ..records import Article
from .engines import OnDone, VersionMismatch, process_in_worker, worker_version

log = logging.getLogger(__name__)

POLL_SECONDS = 1.0  # how often a Dask run waiting for results checks that workers are left


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

    lost = _WorkerWatch(client, timeout)
    while True:
        try:
            done, _ = wait([future for future, _ in pending.values()], timeout=POLL_SECONDS,
                           return_when="FIRST_COMPLETED")
            break
        except (TimeoutError, OSError):
            lost.check()
    for future in done:
        _, batch = pending.pop(future.key)
        # a finished batch's rows live on its worker: if that worker is gone, fetching them
        # recomputes the batch, which waits for a worker like any other task
        while True:
            try:
                rows = future.result(timeout=POLL_SECONDS)
                break
            except (TimeoutError, OSError):
                lost.check()
        on_done(batch, rows)


class _WorkerWatch:
    """Fails the run once the cluster has had no worker for `timeout` seconds in a row."""

    def __init__(self, client, timeout: float):
        self.client, self.timeout, self.since = client, timeout, None

    def check(self) -> None:
        if self.client.nthreads():
            self.since = None
            return
        self.since = self.since or time.monotonic()
        if time.monotonic() - self.since > self.timeout:
            raise RuntimeError(f"all Dask workers were lost and none joined within {self.timeout:g} s")
