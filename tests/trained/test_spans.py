"""The default pipeline's span layer: its suggester, its additions, and the committed weights."""

from __future__ import annotations

import numpy as np
import pytest
import spacy

from pipeline.language.nlp import load_nlp, make_doc
from pipeline.records import Mention, Project
from pipeline.trained.loading import TRAINED_DIR, add_trained
from pipeline.trained.spans import SPANS_KEY, apply_additions, name_candidates, scored_spans


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


@pytest.mark.parametrize("text", ["The Zelvora Baltica railway will link Karvenia and Ostrava by 2031."])
def test_spans_committed_weights_load_and_score_name_runs(rules_nlp, text):
    layer = spacy.load(TRAINED_DIR / "spans")
    assert layer.pipe_names == ["news_spans", "news_span_additions"]
    doc = layer.get_pipe("news_spans")(_rule_doc(rules_nlp, text))
    assert SPANS_KEY in doc.spans
    assert all(0.0 <= p <= 1.0 for _, p in scored_spans(doc))


@pytest.mark.parametrize("thresholds, added", [({"PROJECT": None, "REGION": None}, False),
                                               ({"PROJECT": 0.95, "REGION": None}, True)])
def test_spans_layer_runs_after_the_relation_rules_only_where_a_label_adds(tmp_path, thresholds, added):
    layer = spacy.load(TRAINED_DIR / "spans")
    layer.replace_pipe("news_span_additions", "news_span_additions", config={"thresholds": thresholds})
    layer.to_disk(tmp_path / "spans")
    nlp = spacy.blank("en")
    for name in ("news_regions", "news_projects", "news_officials", "news_dates", "news_relations"):
        nlp.add_pipe(name)
    assert add_trained(nlp, tmp_path) == (["news_spans", "news_span_additions"] if added else [])
    if added:
        order = nlp.pipe_names
        assert order.index("news_relations") < order.index("news_spans") < order.index("news_span_additions")


@pytest.mark.parametrize(
    "counts, expected",
    [
        # PROJECT: 0.95 gains a true addition for no false one; REGION: nothing beats none
        ({"PROJECT": {None: (10, 1, 5), 0.95: (11, 1, 4)}, "REGION": {None: (20, 0, 2), 0.95: (20, 1, 2)}},
         {"PROJECT": 0.95, "REGION": None}),
    ],
)
def test_span_thresholds_a_label_adds_only_where_it_beats_the_rules(counts, expected):
    from pipeline.training.span_thresholds import GRID, best_thresholds

    full = {label: {t: by.get(t, by[None]) for t in (None, *GRID)} for label, by in counts.items()}
    assert best_thresholds(full) == expected
