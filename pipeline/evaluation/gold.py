"""Loading: gold JSON files, and a run's output tables as gold-shaped rows (the I/O edges)."""

from __future__ import annotations

import json
import math
from datetime import date, datetime
from pathlib import Path

from .matching import TABLES



def load_gold(gold_dir: str | Path) -> dict[str, dict]:
    """Gold JSON files of a folder, keyed by their `doc` field ("000.txt")."""
    gold = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold[data.get("doc") or f"{path.stem}.txt"] = data
    return gold


_PRED_COLUMNS = {
    "officials": ("name", "aliases", "role", "country", "organization", "posted_to", "entity_id"),
    "regions": ("name", "type", "country", "iso_code", "entity_id"),
    "projects": ("name", "aliases", "type", "countries", "part_of", "entity_id"),
    "dates": ("text", "start_char", "end_char", "type", "value", "mod"),
    "relations": ("type", "head", "tail"),
}


def load_predictions(out_dir: str | Path) -> dict[str, dict]:
    """A run's output tables as gold-shaped dicts per document, keyed by `documents.source`."""
    import pandas as pd  # the scoring functions need no pandas; only this loader does

    out_dir = Path(out_dir)

    def read(table: str) -> pd.DataFrame | None:
        for path in (out_dir / f"{table}.parquet", out_dir / table):
            if path.exists():
                return pd.read_parquet(path)
        return None

    documents = read("documents")
    if documents is None:
        raise FileNotFoundError(f"no documents table in {out_dir} (expected documents.parquet)")
    result: dict[str, dict] = {}
    by_id: dict[str, dict] = {}
    for row in documents.to_dict("records"):
        doc = {
            "doc_id": row.get("doc_id"),
            "published": _plain(row.get("published")),
            "text": _plain(row.get("text")) or "",
            **{table: [] for table in TABLES},
        }
        source = _plain(row.get("source")) or _plain(row.get("doc_id"))
        result[str(source)] = doc
        by_id[str(row.get("doc_id"))] = doc
    for table, columns in _PRED_COLUMNS.items():
        frame = read(table)
        if frame is None:
            continue
        for row in frame.to_dict("records"):
            doc = by_id.get(str(row.get("doc_id")))
            if doc is not None:
                doc[table].append({c: _plain(row.get(c)) for c in columns if c in row})
    return result


def _plain(value):
    """A parquet cell as plain Python: arrays to lists, NaN/NA to None, dates to ISO strings."""
    if value is None:
        return None
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()[:10]
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    return value
