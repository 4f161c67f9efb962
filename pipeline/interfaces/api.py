"""The library entry points for one article (`extract`) — `run` and `read_tables` live in runner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from ..orchestration.annotate import annotate_articles, count_words
from ..orchestration.chunks import CHUNK_CHARS
from ..inputs.files import article_from_fields, make_doc_id, parse_date
from ..language.nlp import DEFAULT_MODEL, load_nlp
from ..records import Article
from ..tables.rows import ArticleResult, SentenceIndex, article_rows, document_row
from ..tables.schema import ARTICLE_TABLES, to_table


@dataclass
class Extraction:
    """One article's results: the typed records and the rows of every per-article table."""

    article: Article
    records: ArticleResult
    tables: dict[str, pd.DataFrame]

    @property
    def officials(self):
        return self.records.officials

    @property
    def regions(self):
        return self.records.regions

    @property
    def projects(self):
        return self.records.projects

    @property
    def dates(self):
        return self.records.dates

    @property
    def relations(self):
        return self.records.relations


def extract(
    text: str,
    *,
    published: date | str | None = None,
    title: str | None = None,
    model: str = DEFAULT_MODEL,
) -> Extraction:
    """Extract officials, regions, projects, dates and relations from one article's text."""
    if isinstance(published, str):
        published, _ = parse_date(published)
    source = "<text>"
    article = article_from_fields(source, {"title": title}, text, [])
    article = Article(**{**article.__dict__, "doc_id": make_doc_id(text), "published": published})
    if article.status != "ok":
        raise ValueError(article.error)
    nlp = load_nlp(model)
    (records, spans), = annotate_articles(nlp, [article], CHUNK_CHARS).values()
    rows = article_rows(article.doc_id, records, SentenceIndex(article.text, spans))
    rows["documents"] = [document_row(article, model, "library", count_words(article.text))]
    tables = {t: to_table(t, rows[t]).to_pandas() for t in ARTICLE_TABLES}
    return Extraction(article=article, records=records, tables=tables)
