"""Find stated relations: MET_WITH between officials, PART_OF and LOCATED_IN for projects."""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Official, Project, Region, Relation, TimeExpression


def find_relations(
    doc: Doc,
    officials: list[Official],
    projects: list[Project],
    regions: list[Region],
    dates: list[TimeExpression],
) -> list[Relation]:
    """Return the relations the article states between its extracted entities."""
    return []
