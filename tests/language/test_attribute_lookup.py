"""The attribute lookup leaves every token as spaCy's own AttributeRuler would."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from pipeline.language.attributes import AttributeLookup
from pipeline.language.nlp import DEFAULT_MODEL

ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]

SENTENCES = [
    "The foreign minister of Georgia met the mayor of Baku on Monday.",
    "There are two bridges, and there is one port; it wasn't built, didn't open and won't.",
    "She got the contract. He gets nothing.  I told you it was his and theirs.\n\nWho does?",
    "Ministers said that the railway, which they've funded, had been delayed again.",
]


@pytest.fixture(scope="module")
def parsed():
    """The default model's parses before its attribute ruler, and the ruler itself."""
    model = spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"])
    ruler = model.get_pipe("attribute_ruler")
    with model.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(model.pipe(SENTENCES))
    return ruler, docs


def test_attribute_lookup_reads_every_pattern_of_the_model(parsed):
    ruler, _ = parsed
    lookup = AttributeLookup(ruler)
    assert not lookup.fallback
    assert len({p.entry for p in lookup.patterns}) == len(ruler.patterns)


@pytest.mark.parametrize("number", range(len(SENTENCES)))
def test_attribute_lookup_gives_the_rulers_tokens(parsed, number):
    ruler, docs = parsed
    by_ruler, by_lookup = docs[number].copy(), docs[number].copy()
    ruler(by_ruler)
    AttributeLookup(ruler)(by_lookup)
    assert [(t.pos_, str(t.morph), t.lemma_) for t in by_lookup] == [
        (t.pos_, str(t.morph), t.lemma_) for t in by_ruler
    ]
    assert (by_lookup.to_array(ATTRS) == by_ruler.to_array(ATTRS)).all()


def test_attribute_lookup_later_patterns_win_and_pairs_set_their_target(parsed):
    _, docs = parsed
    ruler = AttributeRuler(docs[0].vocab)
    ruler.add([[{"LOWER": "minister"}]], {"LEMMA": "first"})
    ruler.add([[{"TAG": "NN"}]], {"LEMMA": "noun"})
    ruler.add([[{"LOWER": "foreign"}, {"LOWER": "minister"}]], {"LEMMA": "pair"}, index=-1)
    doc = docs[0].copy()
    AttributeLookup(ruler)(doc)
    assert [t.lemma_ for t in doc[1:3]] == ["", "pair"]
    assert doc[7].lemma_ == "noun"  # "mayor": the tag pattern alone


def test_attribute_lookup_leaves_a_pattern_it_cannot_read_to_the_ruler(parsed):
    _, docs = parsed
    ruler = AttributeRuler(docs[0].vocab)
    ruler.add([[{"LOWER": "the", "OP": "+"}]], {"LEMMA": "article"})
    lookup = AttributeLookup(ruler)
    doc = docs[0].copy()
    lookup(doc)
    assert lookup.fallback and doc[0].lemma_ == "article"


def test_attribute_lookup_is_the_default_pipelines_ruler(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeLookup)
    doc = nlp("There are ports.")
    assert [t.pos_ for t in doc] == ["PRON", "VERB", "NOUN", "PUNCT"]
