"""Trained PROJECT and REGION spans added to the rule records (`news_trained_spans`).

The trf pipeline's span head writes `doc.spans["trained"]`; its spans over text no rule took
become records through `pipeline.trained.span_records`, which the default pipeline's span layer
shares: the rules stay where they are right, and the new spans are normalized the rule way.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..trained.span_records import (  # noqa: F401  (head_type, is_named, project_type: re-exported)
    add_projects,
    add_regions,
    head_type,
    inside_other_name,
    is_named,
    new_spans,
    project_type,
    taken_chars,
)

SPANS_KEY = "trained"


class TrainedSpansComponent:
    """Adds the span head's new REGION and PROJECT findings to `doc._.regions`/`doc._.projects`."""

    def __init__(self, spans_key: str = SPANS_KEY):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        regions, projects = doc._.regions or [], doc._.projects or []
        taken = taken_chars(regions, projects, doc._.officials or [], doc._.persons or [])
        spans = new_spans(doc, self.spans_key, taken)
        places = [s for s in spans if s.label_ == "REGION" and not inside_other_name(doc, s)]
        doc._.regions = add_regions(regions, places)
        doc._.projects = add_projects(projects, [s for s in spans if s.label_ == "PROJECT"])
        return doc


@Language.factory(
    "news_trained_spans",
    assigns=["doc._.regions", "doc._.projects"],
    requires=["doc._.regions", "doc._.projects", "doc._.officials"],
    default_config={"spans_key": SPANS_KEY},
)
def make_trained_spans(nlp: Language, name: str, spans_key: str) -> TrainedSpansComponent:
    return TrainedSpansComponent(spans_key)
