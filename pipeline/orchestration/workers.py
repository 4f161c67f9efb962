"""Worker processes end with the process that started them, even when it is killed (`kill -9`).

A worker of the local engine waits on its task queue; when the driver dies nobody closes that
queue, so without this watch the workers would stay alive holding their spaCy pipeline.
"""

from __future__ import annotations

import os
import threading
import time

WATCH_SECONDS = 0.5  # how often a worker looks whether its parent is still there


def _watch(parent: int) -> None:
    while True:
        time.sleep(WATCH_SECONDS)
        if os.getppid() != parent:  # re-parented: the driver is gone
            os._exit(1)


def die_with_parent() -> None:
    """In a worker process: exit as soon as the parent process is gone (a daemon thread watches)."""
    threading.Thread(target=_watch, args=(os.getppid(),), name="newsx-parent-watch", daemon=True).start()
