"""Why a gold relation was missed: were its ends found at all?

For each missed relation the scorer tells the two families of error apart: an end the
extractors never found (an officials/projects/regions miss; no relation layer can fix it) and
both ends found but the relation not (the relation layer's own miss).
"""

from __future__ import annotations

from .matching import _END_KINDS, _end_match

END_FOUND, END_MISSING = "found", "not found"


def end_found(kind: str, gold_doc: dict, pred_doc: dict, name: str | None) -> bool:
    """Whether some predicted row of `kind` matches the named gold entity (the scorer's matching)."""
    return any(
        _end_match(kind, gold_doc, pred_doc, name, row.get("name")) > 0
        for row in pred_doc.get(kind) or []
    )


def miss_status(gold_doc: dict, pred_doc: dict, relation: dict) -> str:
    """"head found, tail not found: end not found" or "both ends found: relation not found"."""
    kinds = _END_KINDS.get(str(relation.get("type")).upper())
    if kinds is None:
        return "unknown relation type"
    head = end_found(kinds[0], gold_doc, pred_doc, relation.get("head"))
    tail = end_found(kinds[1], gold_doc, pred_doc, relation.get("tail"))
    if head and tail:
        return "both ends found: relation not found"
    words = [f"head {END_FOUND if head else END_MISSING}", f"tail {END_FOUND if tail else END_MISSING}"]
    return ", ".join(words) + ": end not found"
