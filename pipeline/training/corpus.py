"""The corpus reader of the training config: gold articles as Examples for spaCy's loop.

The predicted Doc of each Example is the article run through the rule pipeline (the model's
tagger, parser, NER and tok2vec tensor, and the rule components' records), exactly what the
trained components see at run time; the reference Doc carries the aligned gold labels. The
rule pipeline runs once per article per process: the annotated Docs are cached, so the
training epochs, the evaluation passes and the folds of cross-validation reuse them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry

from ..language.nlp import DEFAULT_MODEL, load_nlp, make_doc
from ..trained.relations import GOLD, KEEP_CACHE, RULES
from .gold import Alignment, GoldArticle, align, corpus_dirs, read_gold_corpus

log = logging.getLogger(__name__)

# (model, article id) -> the annotated Doc and its alignment
_ANNOTATED: dict[tuple[str, str], tuple[GoldArticle, Doc, Alignment]] = {}


def article_id(gold_dir: Path | str, name: str) -> str:
    """An article's id across corpora: "<corpus folder>/<file>" ("train/201.txt")."""
    return f"{corpus_dirs(Path(gold_dir))[1].parent.name}/{name}"


def annotated(
    gold_dirs: Iterable[str | Path], model: str = DEFAULT_MODEL
) -> list[tuple[str, GoldArticle, Doc, Alignment]]:
    """Every article of the gold folders, run through the rule pipeline and aligned (cached)."""
    items = [(article_id(d, it.name), it) for d in gold_dirs for it in read_gold_corpus(Path(d))]
    todo = [(aid, it) for aid, it in items if (model, aid) not in _ANNOTATED]
    if todo:
        nlp = load_nlp(model, trained=False)
        docs = nlp.pipe(make_doc(nlp, it.article.text, it.article.published) for _, it in todo)
        for (aid, it), doc in zip(todo, docs):
            doc.user_data[KEEP_CACHE] = True
            doc.user_data[RULES] = list(doc._.relations or [])
            alignment = align(it, doc)
            for line in alignment.skipped:
                log.warning("skipped %s", line)
            _ANNOTATED[(model, aid)] = (it, doc, alignment)
    return [(aid, *_ANNOTATED[(model, aid)]) for aid, _ in items]


def fold_items(
    gold_dirs: Iterable[str | Path], include: list[str] | None, model: str | None = None
) -> list[tuple[str, GoldArticle, Doc, Alignment]]:
    """The annotated articles of one training fold (all of them when `include` is None)."""
    wanted = set(include) if include is not None else None
    items = annotated(gold_dirs, model) if model else annotated(gold_dirs)
    return [x for x in items if wanted is None or x[0] in wanted]


def example_of(doc: Doc, alignment: Alignment) -> Example:
    """An Example: the annotated Doc, and a reference of the same words holding the labels."""
    reference = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    reference.user_data[GOLD] = set(alignment.positives)
    return Example(doc, reference)


@registry.readers("newsx.AnnotatedGold.v1")
def annotated_gold(
    gold_dirs: list[str],
    include: list[str] | None = None,
    model: str = DEFAULT_MODEL,
) -> Callable[[Language], Iterator[Example]]:
    """Examples of the gold folders' articles (only those whose id is in `include`, if given)."""

    def read(nlp: Language) -> Iterator[Example]:
        for _, _, doc, alignment in fold_items(gold_dirs, include, model):
            yield example_of(doc, alignment)

    return read
