"""Find every named place in a Doc and resolve it to a Region with its ISO code."""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Region


def find_regions(doc: Doc) -> list[Region]:
    """Return one Region per distinct place the article names, with all its mentions."""
    return []
