"""One run at a time per output folder: an advisory lock on `OUT/.newsx.lock`.

The lock is an OS file lock (flock), so it goes with the process that holds it, even one
killed with `kill -9`: a stale lock file never blocks the next run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: no lock, as before
    fcntl = None

LOCK_NAME = ".newsx.lock"


class OutputLocked(RuntimeError):
    """Another run is writing the same output folder."""


def _holder(path: Path) -> str:
    try:
        pid = path.read_text().strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


def try_lock(out_dir: Path):
    """Take the lock of `out_dir` without waiting; return the open lock file, or None if held."""
    path = Path(out_dir) / LOCK_NAME
    handle = path.open("a+")
    if fcntl is None:
        return handle
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle


@contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold the lock of `out_dir` for the block; OutputLocked (one clear line) if another run has it."""
    handle = try_lock(out_dir)
    if handle is None:
        raise OutputLocked(
            f"{out_dir} is being written by another run{_holder(Path(out_dir) / LOCK_NAME)}; "
            "wait for it to finish or choose another --out"
        )
    try:
        yield
    finally:
        handle.close()  # closing releases the flock
