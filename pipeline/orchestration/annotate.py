"""Annotate and extract: a batch of Articles becomes the rows of every per-article table."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace

from spacy.language import Language

from .chunks import CHUNK_CHARS, PIPE_CHARS, iter_pieces, merge_results
from ..language.nlp import make_doc, result_of, sentence_spans
from ..records import Article
from ..tables.rows import ArticleResult, SentenceIndex, article_rows, document_row
from ..tables.schema import ARTICLE_TABLES

log = logging.getLogger(__name__)


def is_english(article: Article) -> bool:
    """Only English articles go through the English model; unknown language counts as English."""
    return article.language in (None, "en")


def count_words(text: str) -> int:
    return len(text.split())


def _pieces(articles: list[Article], limit: int) -> Iterator[tuple[Article, int, str]]:
    for article in articles:
        for offset, piece in iter_pieces(article.text, limit):
            yield article, offset, piece


def _groups(
    pieces: Iterator[tuple[Article, int, str]], budget: int
) -> Iterator[list[tuple[Article, int, str]]]:
    """Consecutive pieces whose texts add up to about `budget` characters (at least one each)."""
    group: list = []
    size = 0
    for item in pieces:
        if group and size + len(item[2]) > budget:
            yield group
            group, size = [], 0
        group.append(item)
        size += len(item[2])
    if group:
        yield group


def annotate_articles(
    nlp: Language, articles: list[Article], limit: int
) -> dict[str, tuple[ArticleResult, list[tuple[int, int]]] | Exception]:
    """Run the pipeline over articles (long ones in pieces): doc_id -> (records, sentence spans).

    The parser's memory grows with the characters it is given at once, so pieces go through
    `nlp.pipe` in groups of about PIPE_CHARS characters, and only each piece's records (never
    its Doc) are kept: memory is bounded by the group, not by the article.
    """
    parts: dict[str, list] = {}
    for group in _groups(_pieces(articles, limit), max(limit, PIPE_CHARS)):
        docs = nlp.pipe(
            (make_doc(nlp, piece, article.published) for article, _, piece in group),
            batch_size=len(group),
        )
        for (article, offset, _), doc in zip(group, docs):
            spans = [(s + offset, e + offset) for s, e in sentence_spans(doc)]
            parts.setdefault(article.doc_id, []).append((offset, result_of(doc), spans))
    return {
        doc_id: (merge_results([(o, r) for o, r, _ in pieces]), [s for _, _, sp in pieces for s in sp])
        for doc_id, pieces in parts.items()
    }


def process_batch(
    nlp: Language,
    articles: list[Article],
    model: str,
    version: str,
    chunk_chars: int = CHUNK_CHARS,
) -> dict[str, list[dict]]:
    """Rows of every per-article table for a batch; a failing article becomes an error row."""
    rows: dict[str, list[dict]] = {table: [] for table in ARTICLE_TABLES}
    readable = [a for a in articles if a.status == "ok" and is_english(a)]
    try:
        results = annotate_articles(nlp, readable, chunk_chars)
    except Exception:  # one bad article must not sink its batch: retry them one by one
        results = {}
        for article in readable:
            try:
                results.update(annotate_articles(nlp, [article], chunk_chars))
            except Exception as err:  # noqa: BLE001  reported in the documents table
                log.debug("%s: extraction failed: %s", article.source, err)  # reported by the run
                results[article.doc_id] = err
    for article in articles:
        result = results.get(article.doc_id)
        if isinstance(result, Exception):
            article = replace(
                article, status="error", error=f"{article.source}: extraction failed: {result}"
            )
            result = None
        rows["documents"].append(document_row(article, model, version, count_words(article.text)))
        if result is not None:
            records, spans = result
            sentences = SentenceIndex(article.text, spans)
            for table, table_rows in article_rows(article.doc_id, records, sentences).items():
                rows[table].extend(table_rows)
    return rows
