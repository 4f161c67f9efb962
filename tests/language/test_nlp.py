"""The spaCy Language: the project's factories resolve through entry points, in the right order."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest

from pipeline.language.nlp import COMPONENTS, UNUSED
from pipeline.trained.loading import TRAINED

FACTORIES = ("news_attribute_lookup", "news_line_breaks", *COMPONENTS)


@pytest.mark.parametrize("name", FACTORIES)
def test_nlp_factory_is_registered_through_an_entry_point(name):
    (point,) = [p for p in entry_points(group="spacy_factories") if p.name == name]
    assert point.value.startswith("pipeline.language.components:")
    assert callable(point.load())


@pytest.mark.parametrize("parser", ["parser"])
def test_nlp_components_run_after_the_model_in_order(nlp, parser):
    names = nlp.pipe_names
    assert names.index("news_line_breaks") + 1 == names.index(parser)
    trained = [name for name, _ in TRAINED.values()] + ["news_span_additions"]
    rules = [name for name in names if name not in trained]
    # the rule components run last of the untrained ones, in their order; trained ones slot in
    assert rules[-len(COMPONENTS):] == list(COMPONENTS)
    # the span layer is committed with no threshold set (nothing it adds helped in CV): left out
    assert "news_relation_scorer" in names and "news_spans" not in names
    assert not set(UNUSED) & set(names)
