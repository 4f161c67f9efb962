"""The link stage's corpus tables, `office_terms` and `events`, read from a run's committed batches.

The I/O edge of `office_terms` and `events`: it reads only the columns they need, batch by
batch (meeting places need each batch's texts and mentions, which are dropped once read), maps
local entity ids to the linked ones, and hands the rows to the pure builders.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .events import build_events, relation_places
from .office_terms import build_office_terms
from ..tables.store import PartStore

_OFFICIALS = ["doc_id", "entity_id", "name", "role", "role_text", "country", "organization"]
_RELATIONS = [
    "doc_id", "type", "head", "head_id", "tail", "tail_id", "date_value", "evidence", "start_char", "end_char",
]


def _frame(store: PartStore, table: str, columns: list[str]) -> pd.DataFrame:
    pieces = list(store.read(table, columns))
    return pa.concat_tables(pieces).to_pandas() if pieces else pd.DataFrame(columns=columns)


def _places(store: PartStore) -> pd.DataFrame:
    """The place of every MET_WITH relation, one batch at a time."""
    frames = []
    batches = zip(
        store.read("relations", ["doc_id", "type", "start_char", "end_char"]),
        store.read("mentions", ["doc_id", "entity_id", "label", "start_char"]),
        store.read("regions", ["doc_id", "entity_id", "type", "country"]),
        store.read("documents", ["doc_id", "text"]),
    )
    for relations, mentions, regions, documents in batches:
        if not pc.any(pc.equal(relations.column("type"), "MET_WITH")).as_py():
            continue
        mentions = mentions.filter(pc.equal(mentions.column("label"), "REGION"))
        frames.append(
            relation_places(relations.to_pandas(), mentions.to_pandas(), regions.to_pandas(), documents.to_pandas())
        )
    if not frames:
        return pd.DataFrame(columns=["doc_id", "start_char", "end_char", "place_id"])
    return pd.concat(frames, ignore_index=True)


def _relinked(frame: pd.DataFrame, columns: list[str], mapping: dict[str, str]) -> pd.DataFrame:
    for column in columns:
        frame[column] = frame[column].map(lambda v: mapping.get(v, v) if isinstance(v, str) else None)
    return frame


def build_corpus_tables(
    store: PartStore, mapping: dict[str, str], entities: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """`office_terms` and `events` from all committed batches.

    Args:
        store: the run's committed batches.
        mapping: local entity id -> linked entity id (from `link.link`).
        entities: the `entities` table (for the names of officials and places).
    """
    documents = _frame(store, "documents", ["doc_id", "published"])
    published = documents.drop_duplicates("doc_id").set_index("doc_id")["published"]
    names = entities.drop_duplicates("entity_id").set_index("entity_id")["name"] if len(entities) else None
    officials = _relinked(_frame(store, "officials", _OFFICIALS), ["entity_id"], mapping)
    relations = _relinked(_frame(store, "relations", _RELATIONS), ["head_id", "tail_id"], mapping)
    places = _relinked(_places(store), ["place_id"], mapping)
    if len(relations):
        relations = relations.merge(places, on=["doc_id", "start_char", "end_char"], how="left")
    else:
        relations["place_id"] = None
    return {
        "office_terms": build_office_terms(officials, published, relations, names),
        "events": build_events(relations, published, names),
    }
