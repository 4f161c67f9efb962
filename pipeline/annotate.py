"""Annotate and extract: a batch of Articles becomes the rows of every per-article table."""

from __future__ import annotations

import logging
from dataclasses import replace

from spacy.language import Language

from .nlp import make_doc, result_of, sentence_spans
from .records import Article
from .rows import SentenceIndex, article_rows, document_row
from .schema import ARTICLE_TABLES

log = logging.getLogger(__name__)


def is_english(article: Article) -> bool:
    """Only English articles go through the English model; unknown language counts as English."""
    return article.language in (None, "en")


def count_words(text: str) -> int:
    return len(text.split())


def _article_table_rows(nlp: Language, doc, article: Article) -> dict[str, list]:
    sentences = SentenceIndex(doc.text, sentence_spans(doc))
    return article_rows(article.doc_id, result_of(doc), sentences)


def process_batch(
    nlp: Language, articles: list[Article], model: str, version: str
) -> dict[str, list[dict]]:
    """Rows of every per-article table for a batch; a failing article becomes an error row."""
    rows: dict[str, list[dict]] = {table: [] for table in ARTICLE_TABLES}
    readable = [a for a in articles if a.status == "ok" and is_english(a)]
    docs = {}
    try:
        for article, doc in zip(
            readable, nlp.pipe(make_doc(nlp, a.text, a.published) for a in readable)
        ):
            docs[article.doc_id] = doc
    except Exception:  # one bad article must not sink its batch: retry them one by one
        docs = {}
        for article in readable:
            try:
                docs[article.doc_id] = nlp(make_doc(nlp, article.text, article.published))
            except Exception as err:  # noqa: BLE001  reported in the documents table
                log.warning("%s: extraction failed: %s", article.source, err)
                docs[article.doc_id] = err
    for article in articles:
        doc = docs.get(article.doc_id)
        if isinstance(doc, Exception):
            article = replace(
                article, status="error", error=f"{article.source}: extraction failed: {doc}"
            )
            doc = None
        rows["documents"].append(document_row(article, model, version, count_words(article.text)))
        if doc is not None:
            for table, table_rows in _article_table_rows(nlp, doc, article).items():
                rows[table].extend(table_rows)
    return rows
