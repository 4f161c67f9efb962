"""The spaCy Language: the project's factories resolve through entry points, in the right order."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest

from pipeline.language.nlp import COMPONENTS, UNUSED

FACTORIES = ("news_line_breaks", *COMPONENTS)


@pytest.mark.parametrize("name", FACTORIES)
def test_nlp_factory_is_registered_through_an_entry_point(name):
    (point,) = [p for p in entry_points(group="spacy_factories") if p.name == name]
    assert point.value.startswith("pipeline.language.components:")
    assert callable(point.load())


@pytest.mark.parametrize("parser", ["parser"])
def test_nlp_components_run_after_the_model_in_order(nlp, parser):
    names = nlp.pipe_names
    assert names.index("news_line_breaks") + 1 == names.index(parser)
    assert names[-len(COMPONENTS):] == list(COMPONENTS)
    assert not set(UNUSED) & set(names)
