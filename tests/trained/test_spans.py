"""The default pipeline's span layer: its suggester, its additions, and the committed weights."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.language.nlp import load_nlp, make_doc
from pipeline.records import Mention, Project
from pipeline.trained.loading import TRAINED_DIR
from pipeline.trained.spans import SPANS_KEY, apply_additions, name_candidates


@pytest.fixture(scope="module")
def rules_nlp():
    return load_nlp(trained=False)


def _rule_doc(nlp, text: str):
    return nlp(make_doc(nlp, text, None))


def _with_spans(doc, spans: list[tuple[str, str, float]]):
    """The Doc with `doc.spans[SPANS_KEY]` holding the given phrases, labels and probabilities."""
    group = []
    for phrase, label, _ in spans:
        start = doc.text.index(phrase)
        group.append(doc.char_span(start, start + len(phrase), label=label))
    doc.spans[SPANS_KEY] = group
    doc.spans[SPANS_KEY].attrs["scores"] = np.array([[p] for _, _, p in spans], dtype="f")
    return doc


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Work on Zelvora Baltica resumed after the ministers of Karvenia and Ostrava met.", "Zelvora Baltica"),
        ("Trucks will use the Bank of Tessaly Highway 9 from next spring.", "Bank of Tessaly Highway 9"),
    ],
)
def test_spans_suggester_offers_name_runs_and_not_every_ngram(rules_nlp, text, phrase):
    doc = _rule_doc(rules_nlp, text)
    found = {doc[s:e].text for s, e in name_candidates(doc)}
    assert phrase in found
    # lower-case runs that hold no capitalized word or number are never candidates
    assert not any(all(t.is_lower for t in doc[s:e]) for s, e in name_candidates(doc))
    assert len(found) < len(doc) * 3


@pytest.mark.parametrize(
    "text, phrase, expected_type",
    [("Trains on Zelvora Baltica, the new railway, will run from 2031.", "Zelvora Baltica", "railway")],
)
def test_spans_additions_add_a_project_with_no_head_noun_above_the_threshold(
    rules_nlp, text, phrase, expected_type
):
    doc = _with_spans(_rule_doc(rules_nlp, text), [(phrase, "PROJECT", 0.98)])
    rules = list(doc._.projects)
    apply_additions(doc, {"PROJECT": 0.95, "REGION": None})
    added = [p for p in doc._.projects if p.name == phrase]
    assert [(p.name, p.type) for p in added] == [(phrase, expected_type)]
    assert all(p in doc._.projects for p in rules)


@pytest.mark.parametrize(
    "text, phrase, prob, thresholds",
    [
        ("Work on Zelvora Baltica resumed in May.", "Zelvora Baltica", 0.9, {"PROJECT": 0.95}),
        ("Work on Zelvora Baltica resumed in May.", "Zelvora Baltica", 0.99, {"PROJECT": None}),
    ],
)
def test_spans_additions_add_nothing_below_the_threshold_or_with_none(rules_nlp, text, phrase, prob, thresholds):
    doc = _with_spans(_rule_doc(rules_nlp, text), [(phrase, "PROJECT", prob)])
    before = [p.name for p in doc._.projects]
    apply_additions(doc, thresholds)
    assert [p.name for p in doc._.projects] == before


@pytest.mark.parametrize("text", ["Engineers inspected the Zelvora Baltica corridor near Karvenia."])
def test_spans_additions_leave_the_rules_records_alone(rules_nlp, text):
    doc = _with_spans(_rule_doc(rules_nlp, text), [("Zelvora Baltica", "PROJECT", 0.99)])
    start = text.index("Zelvora")
    rule = Project("Zelvora Baltica corridor", "corridor",
                   mentions=[Mention("PROJECT", "Zelvora Baltica corridor", start, start + 24)])
    doc._.projects = [rule]
    apply_additions(doc, {"PROJECT": 0.5})
    assert doc._.projects == [rule] and len(rule.mentions) == 1


def test_spans_committed_weights_load_before_the_relation_scorer():
    assert (TRAINED_DIR / "spans" / "config.cfg").exists()
    nlp = load_nlp()
    order = nlp.pipe_names
    assert order.index("news_relations") < order.index("news_spans")
    assert order.index("news_spans") < order.index("news_span_additions") < order.index("news_relation_scorer")
    doc = nlp(make_doc(nlp, "The Zelvora Baltica railway will link Karvenia and Ostrava by 2031.", None))
    assert SPANS_KEY in doc.spans
    thresholds = nlp.get_pipe("news_span_additions").thresholds
    assert set(thresholds) == {"PROJECT", "REGION"}
