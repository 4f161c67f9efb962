"""The span layer's corpus reader: gold articles as Examples with their names as labelled spans.

The predicted Doc of each Example is the rule-annotated article of `corpus.annotated` (cached:
the epochs, the tune step and the folds of cross-validation reuse it); the reference Doc has
the same words and, in `doc.spans[key]`, every PROJECT and REGION span of the article as
`trf_corpus.labelled_spans` finds them (the gold names' occurrences and the rule mentions of
gold entities, a place inside a project's name no REGION).
"""

from __future__ import annotations

from typing import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry

from ..language.nlp import DEFAULT_MODEL
from ..trained.spans import SPANS_KEY
from .corpus import fold_items
from .trf_corpus import labelled_spans, set_spans


def span_example(doc: Doc, gold: dict, key: str = SPANS_KEY) -> Example:
    """An Example: the annotated Doc, and a reference of the same words holding the gold spans."""
    reference = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    set_spans(reference, labelled_spans(doc, gold), key)
    return Example(doc, reference)


@registry.readers("newsx.AnnotatedSpans.v1")
def annotated_spans(
    gold_dirs: list[str],
    include: list[str] | None = None,
    model: str = DEFAULT_MODEL,
    spans_key: str = SPANS_KEY,
) -> Callable[[Language], Iterator[Example]]:
    """Span Examples of the gold folders' articles (only those whose id is in `include`)."""

    def read(nlp: Language) -> Iterator[Example]:
        for _, item, doc, _ in fold_items(gold_dirs, include, model):
            yield span_example(doc, item.gold, spans_key)

    return read
