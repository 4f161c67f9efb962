"""The article view: one article's text with its findings highlighted and its rows listed, as HTML.

`show_article(path, out)` reads an article file (any format ingest reads), runs the pipeline on
it in-process and writes one self-contained HTML page: the text in displaCy's entity view (marks
built by hand from the mentions and dates rows) and, under it, the extracted rows as tables.
The page loads nothing from outside (no fonts, scripts or images) and every text is escaped.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from ..orchestration.annotate import is_english
from ..language.nlp import DEFAULT_MODEL
from ..records import Article

# One colour per highlighted label; the order is the legend's and the tie-break for overlaps.
LABEL_COLOURS: dict[str, str] = {
    "OFFICIAL": "#f9c74f",
    "REGION": "#a7d58a",
    "PROJECT": "#7fd3f0",
    "DATE": "#f4a9c8",
    "PERSON": "#dcdcdc",
}

# The columns each table shows, in order (the rest of a table stays in the parquet output).
TABLE_COLUMNS: dict[str, list[str]] = {
    "officials": [
        "name", "role", "role_text", "country", "organization", "posted_to", "aliases",
        "mention_count",
    ],
    "regions": ["name", "type", "country", "iso_code", "mention_count"],
    "projects": ["name", "type", "countries", "locations", "part_of", "aliases", "mention_count"],
    "dates": ["text", "type", "value", "mod", "earliest", "latest"],
    "relations": ["type", "head", "tail", "date_value", "confidence", "evidence"],
}

_CSS = """
body { font-family: sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.meta, .note { color: #555; }
.legend mark { padding: 0.2em 0.5em; margin-right: 0.5em; border-radius: 0.35em; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
"""


def read_one_article(path: str | Path, index: int = 0) -> Article:
    """The `index`-th article (0-based) of a file ingest reads; IndexError when there are fewer."""
    from ..inputs.readers import read_articles

    article = next(itertools.islice(read_articles(path), index, None), None)
    if article is None:
        raise IndexError(f"{path}: no article number {index} (counting from 0)")
    return article


def extract_tables(article: Article, model: str = DEFAULT_MODEL) -> dict[str, pd.DataFrame]:
    """Run the pipeline on one article; the rows of every per-article table as DataFrames."""
    from .api import extract

    if not is_english(article):  # as in a run: other languages are kept but not extracted
        return {}
    result = extract(article.text, published=article.published, title=article.title, model=model)
    return result.tables


def _spans(tables: dict[str, pd.DataFrame]) -> Iterable[tuple[int, int, str]]:
    mentions = tables.get("mentions")
    if mentions is not None:
        yield from zip(mentions["start_char"], mentions["end_char"], mentions["label"])
    dates = tables.get("dates")
    if dates is not None:
        yield from zip(dates["start_char"], dates["end_char"], itertools.repeat("DATE"))


def text_spans(tables: dict[str, pd.DataFrame], text_length: int) -> set[tuple[int, int, str]]:
    """(start, end, label) of every mention and date row that lies inside the text."""
    return {
        (int(s), int(e), str(label))
        for s, e, label in _spans(tables)
        if 0 <= s < e <= text_length and label in LABEL_COLOURS
    }


def highlight_marks(tables: dict[str, pd.DataFrame], text_length: int) -> list[dict]:
    """displaCy `ent` marks from the mentions and dates rows, without overlaps.

    The entity view cannot nest marks, so where two spans overlap the longer one is kept (a
    project's name over a place inside it), then the label first in LABEL_COLOURS; the hidden
    one still appears in its table.
    """
    priority = {label: rank for rank, label in enumerate(LABEL_COLOURS)}
    spans = text_spans(tables, text_length)
    chosen: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans, key=lambda x: (x[0] - x[1], priority[x[2]], x[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, label))
    return [{"start": s, "end": e, "label": label} for s, e, label in sorted(chosen)]


def highlighted_text(text: str, marks: list[dict]) -> str:
    """The article text as displaCy's entity view (HTML fragment, text escaped by displaCy)."""
    from spacy import displacy

    options = {"ents": list(LABEL_COLOURS), "colors": LABEL_COLOURS}
    return displacy.render(
        {"text": text, "ents": marks, "title": None},
        style="ent",
        manual=True,
        jupyter=False,
        options=options,
    )


def _cell(value: object) -> str:
    if isinstance(value, (list, tuple, np.ndarray)):  # list columns come back as arrays
        return ", ".join(str(item) for item in value)
    if value is None or pd.isna(value):
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def rows_table(frame: pd.DataFrame | None, columns: list[str]) -> str:
    """One table's rows as an HTML table (escaped); a note when there are none."""
    if frame is None or frame.empty:
        return '<p class="note">none found</p>'
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(row[c]))}</td>" for c in columns) + "</tr>"
        for _, row in frame.iterrows()
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_page(article: Article, tables: dict[str, pd.DataFrame]) -> str:
    """The whole self-contained HTML page for one article and its extracted rows."""
    title = article.title or article.source
    meta = " · ".join(
        html.escape(str(part))
        for part in (article.source, article.published, article.author, article.url)
        if part
    )
    legend = "".join(
        f'<mark style="background: {colour}">{html.escape(label)}</mark>'
        for label, colour in LABEL_COLOURS.items()
    )
    if tables:
        marks = highlight_marks(tables, len(article.text))
        hidden = len(text_spans(tables, len(article.text))) - len(marks)
        shadowed = f"{hidden} mention(s) inside longer ones are listed in the tables only"
        note = f'<p class="note">{shadowed}</p>' if hidden else ""
    else:
        marks = []
        why = article.error or f"language {article.language}: not extracted"
        note = f'<p class="note">{html.escape(why)}</p>'
    sections = "".join(
        f'<h2 id="{name}">{name.capitalize()}</h2>{rows_table(tables.get(name), columns)}'
        for name, columns in TABLE_COLUMNS.items()
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n<p class=\"meta\">{meta}</p>\n"
        f'<p class="legend">{legend}</p>\n{note}'
        f'<div id="article">{highlighted_text(article.text, marks)}</div>\n'
        f"{sections}\n</body>\n</html>\n"
    )


def show_article(
    path: str | Path, out: str | Path, *, index: int = 0, model: str = DEFAULT_MODEL
) -> Path:
    """Write the HTML view of the `index`-th article of `path` to `out`; return `out`.

    Raises IndexError when the file has fewer articles and ValueError when it cannot be read.
    """
    article = read_one_article(path, index)
    if article.status != "ok":
        raise ValueError(article.error or f"{path}: cannot be read")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_page(article, extract_tables(article, model)), encoding="utf-8")
    return out
