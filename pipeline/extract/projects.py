"""Find named infrastructure projects in a Doc."""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Project, Region


def find_projects(doc: Doc, regions: list[Region]) -> list[Project]:
    """Return one Project per named project in the article, with its mentions."""
    return []
