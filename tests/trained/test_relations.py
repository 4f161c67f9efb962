"""The trained relation scorer: candidate pairs, decoding, and the committed weights.

Docs come from the real rule pipeline (model + rule components, without trained components)
on sentences written for these tests.
"""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.language.nlp import load_nlp, make_doc
from pipeline.trained.candidates import find_candidates, records_of
from pipeline.trained.features import dependency_path, feature_width, featurize
from pipeline.trained.loading import TRAINED_DIR
from pipeline.trained.relations import decode

MEETING = (
    "President Ilham Aliyev met Prime Minister Nikol Pashinyan in Brussels on 14 May 2023.\n\n"
    "The weather was mild.\n\n"
    "Later, Foreign Minister Jeyhun Bayramov spoke about tourism."
)
PROJECTS = (
    "The Rasht-Astara railway is part of the North-South International Transport Corridor. "
    "The Rasht-Astara railway will run through Gilan Province in Iran."
)


@pytest.fixture(scope="module")
def rules_nlp():
    return load_nlp(trained=False)


@pytest.fixture(scope="module")
def meeting_doc(rules_nlp):
    return rules_nlp(make_doc(rules_nlp, MEETING, None))


@pytest.fixture(scope="module")
def projects_doc(rules_nlp):
    return rules_nlp(make_doc(rules_nlp, PROJECTS, None))


def _names(doc, cand):
    records = records_of(doc)
    kinds = {"MET_WITH": ("officials", "officials"), "PART_OF": ("projects", "projects"),
             "LOCATED_IN": ("projects", "regions")}[cand.type]
    return records[kinds[0]][cand.head].name, records[kinds[1]][cand.tail].name


@pytest.mark.parametrize("window", [0])
def test_candidates_pair_officials_within_window(meeting_doc, window):
    cands = [c for c in find_candidates(meeting_doc, [], window=window) if c.type == "MET_WITH"]
    pairs = {frozenset(_names(meeting_doc, c)) for c in cands}
    assert pairs == {frozenset({"Ilham Aliyev", "Nikol Pashinyan"})}


@pytest.mark.parametrize("window", [2])
def test_candidates_wider_window_reaches_later_sentences(meeting_doc, window):
    cands = [c for c in find_candidates(meeting_doc, [], window=window) if c.type == "MET_WITH"]
    names = {name for c in cands for name in _names(meeting_doc, c)}
    assert "Jeyhun Bayramov" in names
    far = [c for c in cands if "Jeyhun Bayramov" in _names(meeting_doc, c)]
    assert all(c.head_span.sentence != c.tail_span.sentence for c in far)


@pytest.mark.parametrize("window", [1])
def test_candidates_rule_rows_become_features(meeting_doc, window):
    cands = find_candidates(meeting_doc, window=window)  # the rule rows of doc._.relations
    met = [c for c in cands if set(_names(meeting_doc, c)) == {"Ilham Aliyev", "Nikol Pashinyan"}]
    assert len(met) == 1 and met[0].rule is not None
    rows = featurize(meeting_doc, cands, buckets=64)
    assert rows.shape == (len(cands), feature_width(64))
    assert np.isfinite(rows).all() and rows[:, :96].any()  # the model's token vectors are in


@pytest.mark.parametrize("kind", ["PART_OF", "LOCATED_IN"])
def test_candidates_projects_and_places(projects_doc, kind):
    cands = [c for c in find_candidates(projects_doc, [], window=0) if c.type == kind]
    pairs = {_names(projects_doc, c) for c in cands}
    if kind == "PART_OF":
        assert ("Rasht-Astara railway", "North-South International Transport Corridor") in pairs
    else:
        assert ("Rasht-Astara railway", "Gilan Province") in pairs


@pytest.mark.parametrize("threshold", [0.5])
def test_decode_keeps_pairs_above_threshold_with_their_probability(meeting_doc, threshold):
    cands = find_candidates(meeting_doc, window=2)
    probs = np.zeros((len(cands), 3), dtype="float32")
    wanted = [k for k, c in enumerate(cands)
              if set(_names(meeting_doc, c)) == {"Ilham Aliyev", "Nikol Pashinyan"}]
    probs[wanted, 0] = 0.83
    rows = decode(meeting_doc, cands, probs, {t: threshold for t in ("MET_WITH", "PART_OF", "LOCATED_IN")})
    assert len(rows) == 1
    (row,) = rows
    assert {row.head, row.tail} == {"Ilham Aliyev", "Nikol Pashinyan"}
    assert row.confidence == pytest.approx(0.83)
    assert MEETING[row.start_char : row.end_char].startswith("President Ilham Aliyev met")
    assert row.date_value == "2023-05-14"


@pytest.mark.parametrize("rule_threshold", [0.2])
def test_decode_rule_pairs_have_their_own_threshold(meeting_doc, rule_threshold):
    cands = find_candidates(meeting_doc, window=2)
    probs = np.full((len(cands), 3), 0.3, dtype="float32")
    thresholds = {t: 0.5 for t in ("MET_WITH", "PART_OF", "LOCATED_IN")}
    assert decode(meeting_doc, cands, probs, thresholds) == []
    rows = decode(meeting_doc, cands, probs, {**thresholds, "MET_WITH:rule": rule_threshold})
    ruled = {frozenset(_names(meeting_doc, c)) for c in cands
             if c.type == "MET_WITH" and (c.rule is not None or c.rule_reverse is not None)}
    assert ruled and {frozenset((r.head, r.tail)) for r in rows} == ruled


@pytest.mark.parametrize("threshold", [0.5])
def test_decode_one_direction_per_part_of_pair(projects_doc, threshold):
    cands = [c for c in find_candidates(projects_doc, [], window=0) if c.type == "PART_OF"]
    probs = np.zeros((len(cands), 3), dtype="float32")
    probs[:, 1] = [0.9 if _names(projects_doc, c)[0] == "Rasht-Astara railway" else 0.6 for c in cands]
    rows = decode(projects_doc, cands, probs, {t: threshold for t in ("MET_WITH", "PART_OF", "LOCATED_IN")})
    assert [(r.head, r.tail) for r in rows] == [
        ("Rasht-Astara railway", "North-South International Transport Corridor")
    ]


@pytest.mark.parametrize("folder", ["relations"])
def test_committed_weights_load_into_the_default_pipeline(nlp, folder):
    assert (TRAINED_DIR / folder / "config.cfg").exists()
    assert nlp.pipe_names[-1] == "news_relation_scorer"
    doc = nlp(make_doc(nlp, MEETING, None))
    met = [r for r in doc._.relations if r.type == "MET_WITH"]
    assert {(r.head, r.tail) for r in met} & {
        ("Ilham Aliyev", "Nikol Pashinyan"), ("Nikol Pashinyan", "Ilham Aliyev")
    }
    assert all(0.0 < r.confidence < 1.0 for r in doc._.relations)
    assert "newsx_rel_cache" not in doc.user_data  # the finished Doc keeps no features


def test_dependency_path_between_two_subjects_of_one_verb_is_short(meeting_doc):
    """The path climbs to the lowest common head and stops there ("Aliyev" -> "met" <- "Pashinyan")."""
    cands = [c for c in find_candidates(meeting_doc, [], window=0) if c.type == "MET_WITH"]
    lca, up, down = dependency_path(meeting_doc, cands[0].head_span, cands[0].tail_span)
    assert lca.lower_ == "met"
    assert 1 <= len(up) <= 2 and 1 <= len(down) <= 2
