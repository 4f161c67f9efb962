"""Write stage: batches of rows become parquet parts, committed atomically, then final tables.

Layout of an output folder:

    OUT/<table>.parquet          the tables of the contract (one file each, replaced atomically)
    OUT/_parts/<batch>/<table>.parquet
                                 the work area: one folder per processed batch of articles,
                                 renamed into place only when all its tables are written, so a
                                 killed run leaves complete batches or nothing. Reruns skip the
                                 articles these batches already hold (same content, same version).

Batches are named by the input position of their first article, so reading them in name order
gives the input order whatever runs wrote them.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from . import generations
from .schema import ARTICLE_TABLES, SCHEMAS, empty_table, to_table

PARTS = "_parts"
TABLE_FILES = {f"{table}.parquet" for table in SCHEMAS}  # every final table, corpus tables included


def is_output_entry(rel: Path) -> bool:
    """Whether a path relative to an output folder is the pipeline's own (a table, the parts)."""
    parts = rel.parts
    return bool(parts) and (parts[0] == PARTS or (len(parts) == 1 and parts[0] in TABLE_FILES))


def batch_name(first_position: int) -> str:
    return f"b{first_position:012d}"


class PartStore:
    """The work area of an output folder: committed batches of per-article tables."""

    def __init__(self, out_dir: str | Path):
        self.out_dir = Path(out_dir)
        self.parts_dir = self.out_dir / PARTS

    def batches(self) -> list[Path]:
        """Committed batch folders, in input order (leftovers of killed writes are ignored)."""
        if not self.parts_dir.is_dir():
            return []
        return sorted(p for p in self.parts_dir.iterdir() if p.is_dir() and p.name.startswith("b"))

    def write_batch(self, name: str, rows: dict[str, list[dict]]) -> Path:
        """Write every per-article table of one batch, then commit the batch with one rename."""
        self.parts_dir.mkdir(parents=True, exist_ok=True)
        staging = self.parts_dir / f".tmp-{name}-{uuid.uuid4().hex[:8]}"
        staging.mkdir()
        for table in ARTICLE_TABLES:
            pq.write_table(to_table(table, rows.get(table, [])), staging / f"{table}.parquet")
        final = self.parts_dir / name
        if final.exists():
            shutil.rmtree(final)
        os.replace(staging, final)
        return final

    def read(self, table: str, columns: list[str] | None = None) -> Iterator[pa.Table]:
        """Yield one table's rows batch by batch, in input order."""
        for batch in self.batches():
            yield self.read_batch(batch, table, columns)

    def read_batch(self, batch: Path, table: str, columns: list[str] | None = None) -> pa.Table:
        """One table's rows of one committed batch."""
        return pq.read_table(batch / f"{table}.parquet", columns=columns)

    def done(self) -> dict[str, tuple[str, str, str]]:
        """doc_id -> (content_hash, pipeline_version, batch name) of every committed article."""
        done: dict[str, tuple[str, str, str]] = {}
        for batch in self.batches():
            docs = pq.read_table(
                batch / "documents.parquet", columns=["doc_id", "content_hash", "pipeline_version"]
            ).to_pydict()
            for doc_id, content, version in zip(
                docs["doc_id"], docs["content_hash"], docs["pipeline_version"]
            ):
                done[doc_id] = (content, version, batch.name)
        return done

    def drop_documents(self, stale: dict[str, str]) -> None:
        """Remove documents (doc_id -> the batch holding them) from their batches, atomically."""
        for batch in self.batches():
            doc_ids = {doc_id for doc_id, name in stale.items() if name == batch.name}
            if not doc_ids:
                continue
            docs = pq.read_table(batch / "documents.parquet", columns=["doc_id"]).column(0)
            held = set(docs.to_pylist())
            if not held & doc_ids:
                continue
            if held <= doc_ids:
                shutil.rmtree(batch)
                continue
            rows = {}
            for table in ARTICLE_TABLES:
                data = pq.read_table(batch / f"{table}.parquet")
                keep = [doc_id not in doc_ids for doc_id in data.column("doc_id").to_pylist()]
                rows[table] = data.filter(pa.array(keep, type=pa.bool_())).to_pylist()
            self.write_batch(batch.name, rows)

    def clear(self) -> None:
        """Forget all committed work (for `--force`)."""
        if self.parts_dir.exists():
            shutil.rmtree(self.parts_dir)


def write_table_atomic(
    path: Path,
    table: str,
    pieces: Iterator[pa.Table],
    transform: Callable[[pa.Table], pa.Table] | None = None,
    generation: str | None = None,
) -> int:
    """Stream pieces into one parquet file with the table's schema; replace `path` atomically.

    With a `generation`, the file is only written to its temporary name and stamped with the
    generation: `generations.commit` moves the whole set into place.
    """
    tmp = generations.temporary_path(path, generation or uuid.uuid4().hex[:8])
    schema = SCHEMAS[table]
    if generation is not None:
        schema = schema.with_metadata({**(schema.metadata or {}), generations.GENERATION_KEY: generation.encode()})
    rows = 0
    with pq.ParquetWriter(tmp, schema) as writer:
        wrote = False
        for piece in pieces:
            if transform is not None:
                piece = transform(piece)
            if piece.num_rows:
                writer.write_table(piece.select(schema.names).cast(schema))
                rows += piece.num_rows
                wrote = True
        if not wrote:
            writer.write_table(empty_table(table).cast(schema))
    if generation is None:
        os.replace(tmp, path)
    return rows
