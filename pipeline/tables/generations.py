"""The final tables of an output folder are committed together, as one generation.

Every table of a run is first written to a temporary file beside its final name. Only when all
of them are complete is a journal (`OUT/.commit.json`: temporary file -> final name) written
with one atomic rename; then the files are renamed into place and the journal removed. A run
killed before the journal exists leaves the old set untouched; one killed after it is rolled
forward by the next run (or by `read_tables`). Each table file carries its generation in its
parquet metadata, so a reader can tell a whole set from a mixed one.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path

import pyarrow.parquet as pq

JOURNAL = ".commit.json"
GENERATION_KEY = b"newsx.generation"


def new_generation() -> str:
    return uuid.uuid4().hex[:12]


def temporary_path(final: Path, generation: str) -> Path:
    """Where a table of a generation is written before it is committed (a hidden file)."""
    return final.with_name(f".{final.name}.{generation}.tmp")


def commit(out_dir: Path, written: dict[Path, Path]) -> None:
    """Move the complete temporary files (tmp -> final) into place as one generation."""
    journal = out_dir / JOURNAL
    staging = out_dir / f"{JOURNAL}.{uuid.uuid4().hex[:8]}.tmp"
    with staging.open("w") as handle:
        json.dump({str(tmp.name): str(final.name) for tmp, final in written.items()}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(staging, journal)  # from here on the new generation is the committed one
    roll_forward(out_dir)


def roll_forward(out_dir: Path) -> bool:
    """Finish a commit a killed run left half done; return whether there was one."""
    journal = out_dir / JOURNAL
    try:
        moves = json.loads(journal.read_text())
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        journal.unlink(missing_ok=True)  # a journal is renamed in whole: this cannot be ours
        return False
    for tmp, final in moves.items():
        try:
            os.replace(out_dir / tmp, out_dir / final)
        except FileNotFoundError:
            pass  # already moved before the kill
    journal.unlink(missing_ok=True)
    return True


def remove_leftovers(out_dir: Path, parts_dir: Path) -> int:
    """Delete the temporary files and staging folders of killed runs; return how many went.

    Call with the output folder's lock held, after `roll_forward`.
    """
    removed = 0
    for path in out_dir.glob(".*.tmp"):
        path.unlink(missing_ok=True)
        removed += 1
    if parts_dir.is_dir():
        for path in parts_dir.glob(".tmp-*"):
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    return removed


def generation_of(path: Path) -> str | None:
    """The generation a table file belongs to (None for files written before generations)."""
    metadata = pq.read_schema(path).metadata or {}
    value = metadata.get(GENERATION_KEY)
    return value.decode() if value is not None else None
