"""The parquet store: committed batches come back whole, in input order, with the fixed schemas."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from pipeline.tables.schema import ARTICLE_TABLES, SCHEMAS
from pipeline.tables.store import PartStore, batch_name, write_table_atomic


def _document(doc_id: str) -> dict:
    return {"doc_id": doc_id, "source": f"{doc_id}.txt", "status": "ok", "content_hash": "h", "pipeline_version": "v"}


@pytest.mark.parametrize("positions", [(5, 0, 12)])
def test_store_batches_in_input_order_and_unfinished_writes_ignored(tmp_path, positions):
    store = PartStore(tmp_path)
    for position in positions:
        store.write_batch(batch_name(position), {"documents": [_document(f"d{position}")]})
    (store.parts_dir / ".tmp-b000000000099-dead").mkdir()  # a write killed before its rename

    assert [b.name for b in store.batches()] == [batch_name(p) for p in sorted(positions)]
    documents = [t.column("doc_id").to_pylist() for t in store.read("documents")]
    assert documents == [[f"d{p}"] for p in sorted(positions)]
    for batch in store.batches():
        for table in ARTICLE_TABLES:
            assert pq.read_schema(batch / f"{table}.parquet").equals(SCHEMAS[table])


@pytest.mark.parametrize("table", ["officials"])
def test_store_final_table_from_no_rows_has_the_schema(tmp_path, table):
    path = tmp_path / f"{table}.parquet"
    assert write_table_atomic(path, table, iter([])) == 0
    written = pq.read_table(path)
    assert written.num_rows == 0 and written.schema.equals(SCHEMAS[table])
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left
