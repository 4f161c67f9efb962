"""The output tables' fixed pyarrow schemas: the contract other tools read by column name."""

from __future__ import annotations

import pyarrow as pa

_str = pa.string()
_int = pa.int64()
_strs = pa.list_(pa.string())
_float = pa.float64()
# where a place lies (pipeline/coordinates.py): null where no packaged gazetteer knows it
_coordinates = [("latitude", _float), ("longitude", _float), ("geonames_id", _int)]

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("doc_id", _str),
            ("source", _str),
            ("title", _str),
            ("url", _str),
            ("author", _str),
            ("published", pa.date32()),
            ("text", _str),
            ("status", _str),
            ("error", _str),
            ("warnings", _strs),
            ("language", _str),
            ("model", _str),
            ("pipeline_version", _str),
            ("content_hash", _str),
            ("words", _int),
        ]
    ),
    "mentions": pa.schema(
        [
            ("doc_id", _str),
            ("entity_id", _str),
            ("label", _str),
            ("text", _str),
            ("start_char", _int),
            ("end_char", _int),
            ("sentence", _int),
        ]
    ),
    "officials": pa.schema(
        [
            ("doc_id", _str),
            ("entity_id", _str),
            ("name", _str),
            ("aliases", _strs),
            ("role", _str),
            ("role_text", _str),
            ("country", _str),
            ("organization", _str),
            ("posted_to", _str),
            ("mention_count", _int),
            ("first_char", _int),
        ]
    ),
    "regions": pa.schema(
        [
            ("doc_id", _str),
            ("entity_id", _str),
            ("name", _str),
            ("type", _str),
            ("country", _str),
            ("iso_code", _str),
            ("mention_count", _int),
            ("first_char", _int),
            *_coordinates,
        ]
    ),
    "projects": pa.schema(
        [
            ("doc_id", _str),
            ("entity_id", _str),
            ("name", _str),
            ("aliases", _strs),
            ("type", _str),
            ("countries", _strs),
            ("locations", _strs),
            ("part_of", _str),
            ("mention_count", _int),
            ("first_char", _int),
        ]
    ),
    "dates": pa.schema(
        [
            ("doc_id", _str),
            ("text", _str),
            ("start_char", _int),
            ("end_char", _int),
            ("type", _str),
            ("value", _str),
            ("mod", _str),
            ("earliest", pa.date32()),
            ("latest", pa.date32()),
            ("sentence", _int),
        ]
    ),
    "relations": pa.schema(
        [
            ("doc_id", _str),
            ("type", _str),
            ("head", _str),
            ("head_kind", _str),
            ("head_id", _str),
            ("tail", _str),
            ("tail_kind", _str),
            ("tail_id", _str),
            ("date_value", _str),
            ("evidence", _str),
            ("start_char", _int),
            ("end_char", _int),
            ("confidence", pa.float64()),
        ]
    ),
    "entities": pa.schema(
        [
            ("entity_id", _str),
            ("kind", _str),
            ("name", _str),
            ("aliases", _strs),
            ("documents", _int),
            ("first_published", pa.date32()),
            ("last_published", pa.date32()),
            *_coordinates,  # regions only
        ]
    ),
    # built in the link stage from all articles (pipeline/office_terms.py)
    "office_terms": pa.schema(
        [
            ("entity_id", _str),
            ("name", _str),
            ("role", _str),
            ("country", _str),
            ("organization", _str),
            ("first_seen", pa.date32()),
            ("last_seen", pa.date32()),
            ("documents", _int),
            ("doc_ids", _strs),
            ("role_texts", _strs),
            ("conflict", pa.bool_()),
            ("conflict_with", _strs),
        ]
    ),
    # built in the link stage from all articles (pipeline/events.py)
    "events": pa.schema(
        [
            ("event_id", _str),
            ("type", _str),
            ("participants", _strs),
            ("participant_names", _strs),
            ("date", _str),
            ("date_source", _str),
            ("earliest", pa.date32()),
            ("latest", pa.date32()),
            ("place_id", _str),
            ("place", _str),
            ("documents", _int),
            ("doc_ids", _strs),
            ("evidence", _strs),
        ]
    ),
}

# the tables built from all articles at the end of a run (the link stage)
CORPUS_TABLES = ["entities", "office_terms", "events"]
# the tables written per article batch
ARTICLE_TABLES = [name for name in SCHEMAS if name not in CORPUS_TABLES]


def to_table(name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts) to a pyarrow Table with the table's fixed schema."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])


def empty_table(name: str) -> pa.Table:
    """A table with the schema and no rows."""
    return SCHEMAS[name].empty_table()
