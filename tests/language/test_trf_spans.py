"""The trf variant's pieces that need no transformer: gold alignment and the span merging rules."""

from __future__ import annotations

import pytest
import spacy

from pipeline.records import Mention, Project, Region
from pipeline.language.trf_spans import add_projects, add_regions, head_type, new_spans, project_type
from pipeline.training.trf_corpus import labelled_spans, occurrences, set_spans, without_overlaps


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.mark.parametrize(
    "text, name, expected",
    [("Iran and Iranians met in Iran.", "Iran", [(0, 4), (25, 29)])],
)
def test_trf_corpus_occurrences_are_whole_words(text, name, expected):
    assert list(occurrences(text, name)) == expected


@pytest.mark.parametrize(
    "spans, kept",
    [
        (
            [(0, 20, "PROJECT"), (0, 5, "REGION"), (6, 12, "REGION"), (30, 35, "REGION")],
            [(0, 20, "PROJECT"), (30, 35, "REGION")],
        )
    ],
)
def test_trf_corpus_a_place_inside_a_project_name_is_no_region(spans, kept):
    assert without_overlaps(spans) == kept


@pytest.mark.parametrize("text", ["The Rasht-Astara railway will reach Rasht next year."])
def test_trf_corpus_labels_gold_names_on_tokens(blank, text):
    gold = {
        "projects": [{"name": "Rasht-Astara railway"}],
        "regions": [{"name": "Rasht"}],
    }
    doc = blank(text)
    doc._.regions, doc._.projects = [], []
    doc = set_spans(doc, labelled_spans(doc, gold), "trained")
    assert [(s.text, s.label_) for s in doc.spans["trained"]] == [
        ("Rasht-Astara railway", "PROJECT"),
        ("Rasht", "REGION"),
    ]


@pytest.mark.parametrize(
    "words, expected", [(["rail", "baltica"], "railway"), (["the", "new", "company"], None)]
)
def test_trained_spans_head_type_from_the_lexicon(words, expected):
    assert head_type(words) == expected


def _doc_with_spans(blank, text: str, spans: list[tuple[str, str]]):
    doc = blank(text)
    found = []
    for phrase, label in spans:
        start = text.index(phrase)
        found.append(doc.char_span(start, start + len(phrase), label=label))
    doc.spans["trained"] = found
    return doc


@pytest.mark.parametrize("text", ["Nabucco will carry gas through a pipeline from Ruse to Vienna."])
def test_trained_spans_types_a_name_without_head_by_its_sentence(blank, text):
    doc = _doc_with_spans(blank, text, [("Nabucco", "PROJECT")])
    (project,) = add_projects([], new_spans(doc, "trained", set()))
    assert (project.name, project.type) == ("Nabucco", "pipeline")
    assert project_type(doc.spans["trained"][0]) == "pipeline"


@pytest.mark.parametrize("text", ["Officials in Vienna, Karakol and Blorptown discussed Nabucco."])
def test_trained_spans_keep_the_rules_and_resolve_places_in_the_gazetteer(blank, text):
    doc = _doc_with_spans(
        blank,
        text,
        [("Vienna", "REGION"), ("Karakol", "REGION"), ("Blorptown", "REGION"), ("Nabucco", "PROJECT")],
    )
    start = text.index("Nabucco")
    rule_project = Project("Nabucco", "pipeline", mentions=[Mention("PROJECT", "Nabucco", start, start + 7)])
    taken = {ch for ch in range(start, start + 7)}
    spans = new_spans(doc, "trained", taken)
    assert [s.text for s in spans] == ["Vienna", "Karakol", "Blorptown"]  # the rules' project stays
    regions = add_regions([], [s for s in spans if s.label_ == "REGION"])
    # a strong name the rules left out was left out on purpose; a place the gazetteer does not
    # know gets no row (its code would be a guess); a weak name gets the support it lacked
    assert [(r.name, r.country) for r in regions] == [("Karakol", "KG")]
    existing = Region("Karakol", "city", "KG", None, [Mention("REGION", "Karakol", 0, 0)])
    (merged,) = add_regions([existing], [spans[1]])
    assert len(merged.mentions) == 2
    assert add_projects([rule_project], []) == [rule_project]


def test_language_trf_missing_head_names_the_train_command(tmp_path, blank):
    from pipeline.language.trf import TransformerMissing, add_head

    with pytest.raises(TransformerMissing, match=r"no trained trf span head in .*python -m pipeline.training.train_trf"):
        add_head(blank, tmp_path)


@pytest.mark.parametrize(
    "text, phrase, named",
    [
        ("Trucks crossed the bridge at night.", "bridge", False),
        ("Bridge repairs start soon.", "Bridge", False),
        ("Nabucco was shelved.", "Nabucco", True),
        ("Traffic on the BR-277 grew.", "BR-277", True),
    ],
)
def test_trained_spans_a_project_needs_a_name(blank, text, phrase, named):
    doc = _doc_with_spans(blank, text, [(phrase, "PROJECT")])
    projects = add_projects([], new_spans(doc, "trained", set()))
    assert [p.name for p in projects] == ([phrase] if named else [])
