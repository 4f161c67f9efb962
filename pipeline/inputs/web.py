"""Web input: saved HTML pages and WARC crawl archives become Article records.

The main text comes from trafilatura (boilerplate such as menus, share widgets, related links,
cookie banners and comments left out); title, author, date and URL come from the page's own
metadata. Nothing here touches the network: trafilatura only ever gets the page's bytes.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import py3langid
import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .files import article_from_fields, error_article
from ..records import Article

HTML_SUFFIXES = {".html", ".htm"}
WARC_SUFFIXES = {".warc", ".warc.gz"}
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")
# trafilatura's own ceiling (MAX_FILE_SIZE); a bigger record is not an article page
MAX_HTML_BYTES = 20_000_000
# htmldate's extensive search reads dates out of free text and takes a footer's
# "Copyright 2023" for a publication date: only the page's date markup counts here
DATE_PARAMS = {"extensive_search": False, "original_date": True}
# ISO 639-1 only: "und", "mul" and other three-letter tags say nothing usable, so detect instead
_LANG_CODE = re.compile(r"^\s*([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*\s*$")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
TRUNCATED = "truncated WARC record (the file ends inside it)"
# fewer words than this is a menu or a caption, not an article (and too little to tell its language)
MIN_ARTICLE_WORDS = 8


class BadRecord(Exception):
    """A WARC record that cannot be read; the records after it cannot be trusted either."""


def declared_language(tree: HtmlElement) -> str | None:
    """The language a page declares (`<html lang>`, Content-Language, og:locale), as a code."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath(
        "//meta[translate(@http-equiv, 'CONTENTLAGU', 'contentlagu')='content-language']/@content"
    )
    candidates += tree.xpath("//meta[@property='og:locale']/@content")
    for raw in candidates:
        match = _LANG_CODE.match(raw or "")
        if match:
            return match[1].lower()
    return None


def detect_language(text: str) -> str:
    """The language of a text as an ISO 639-1 code, by py3langid's bundled model."""
    code, _ = py3langid.classify(text)
    return code


def _parse_html(html: str | bytes) -> HtmlElement | None:
    if isinstance(html, bytes) and b"\x00" in html[:8192]:
        return None  # binary data: lxml would return a tree of garbage
    return load_html(html)


def _body_text(text: str, title: str | None) -> str:
    """Paragraphs separated by blank lines (as in the text files), without a repeated headline."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and title and lines[0].casefold() == title.strip().casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


def _date_of(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw[:10]) if raw else None
    except ValueError:
        return None


def _extract(tree: HtmlElement, url: str | None, date_params: dict):
    return trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        # menus and share links read as place and person names downstream: keep precision
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params=date_params,
    )


def html_to_article(
    html: str | bytes,
    source: str,
    url: str | None = None,
    capture_date: date | None = None,
) -> Article:
    """One HTML page as an Article: main text, page metadata and language.

    `url` (the address the page was fetched from) wins over the page's canonical URL;
    `capture_date` (when a crawler fetched it) is never taken as the publication date, only
    noted in a warning when the page gives no date of its own. A page that is not English
    keeps its text and `language` and gets a warning, so it is stored but not extracted.
    """
    tree = _parse_html(html)
    if tree is None:
        return error_article(source, "not an HTML document")
    language = declared_language(tree)
    date_params = dict(DATE_PARAMS)
    if capture_date is not None:
        date_params["max_date"] = capture_date.isoformat()  # no page is published after its capture
    try:
        document = _extract(tree, url, date_params)
    except Exception as err:  # noqa: BLE001  one odd page must not end a whole crawl file
        return error_article(source, f"HTML extraction failed ({err})")
    body = _body_text(document.text or "", document.title) if document is not None else ""
    if len(body.split()) < MIN_ARTICLE_WORDS:
        return error_article(source, "HTML page has no extractable article text")
    warnings: list[str] = []
    published = _date_of(document.date)
    if published is None and capture_date is not None:
        warnings.append(f"captured {capture_date.isoformat()}")
    fields = {
        "title": document.title,
        "author": document.author,
        "url": url or document.url,
        "published": published,
    }
    article = article_from_fields(source, fields, body, warnings)
    if article.status != "ok":
        return article
    language = language or detect_language(body)
    if language != "en":
        warnings = [*article.warnings, f"not English ({language}): not extracted"]
        return replace(article, language=language, warnings=tuple(warnings))
    return replace(article, language=language)


def read_html_file(path: Path, source: str, day_first: bool | None = None) -> Iterator[Article]:
    """Read one saved HTML page (`.html`, `.htm`) as one Article."""
    data = path.read_bytes()
    if not data.strip():
        yield error_article(source, "empty file")
        return
    yield html_to_article(data, source)


def _charset(content_type: str) -> str | None:
    match = _CHARSET.search(content_type)
    return match[1] if match else None


def _decode_payload(payload: bytes, content_type: str) -> str | bytes:
    """Decode by the HTTP charset where one is given; else leave it to the page's own meta tag."""
    charset = _charset(content_type)
    if charset:
        try:
            return payload.decode(charset, errors="replace")
        except LookupError:
            pass  # unknown charset name: let trafilatura guess
    return payload


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return record.http_headers.get_statuscode() == "200" and content_type.startswith(
        HTML_CONTENT_TYPES
    )


def _capture_date(record) -> date | None:
    raw = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _check_headers(record) -> None:
    """Raise BadRecord for a record that is not WARC or whose headers the file cut short."""
    if record.format != "warc":
        raise BadRecord(f"not a WARC record (read as {record.format})")
    length = record.rec_headers.get_header("Content-Length") or ""
    if record.rec_type is None or not length.isdigit():
        raise BadRecord(TRUNCATED)  # warcio reads the headers that are there as a record


def _check_complete(record) -> None:
    """Raise BadRecord when the file ends inside the record (call once its content is read)."""
    # the raw stream is limited to Content-Length: bytes still owed were never in the file
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise BadRecord(TRUNCATED)


def _record_article(record, source: str) -> Article:
    payload = record.content_stream().read(MAX_HTML_BYTES + 1)
    if len(payload) > MAX_HTML_BYTES:
        return error_article(source, f"HTML record larger than {MAX_HTML_BYTES} bytes")
    _check_complete(record)
    url = record.rec_headers.get_header("WARC-Target-URI")
    content_type = record.http_headers.get_header("Content-Type") or ""
    return html_to_article(
        _decode_payload(payload, content_type), source, url=url, capture_date=_capture_date(record)
    )


def _has_bytes_after(stream, offset: int) -> bool:
    """Whether anything but whitespace follows `offset` in the file."""
    stream.seek(offset)
    return bool(stream.read(4096).strip())


def read_warc_file(path: Path, source: str, day_first: bool | None = None) -> Iterator[Article]:
    """Stream a WARC (`.warc`, `.warc.gz`): each HTML response record (status 200) is an Article.

    Records are numbered from 1 in file order, all kinds counted; an article's source is
    `file#number`. Other records are skipped. A corrupt or truncated record ends the file
    with an error record; the articles before it are kept.
    """
    number, end = 0, 0
    with path.open("rb") as stream:
        archive = ArchiveIterator(stream)
        records = iter(archive)
        while True:
            number += 1
            record_source = f"{source}#{number}"
            try:
                record = next(records)
                _check_headers(record)
                article = None
                if _is_html_response(record):
                    article = _record_article(record, record_source)
                # reading the offsets reads the record to its end
                end = archive.get_record_offset() + archive.get_record_length()
                _check_complete(record)
            except StopIteration:
                # warcio takes a record cut inside its first header line for the end of the file
                if _has_bytes_after(stream, end):
                    yield error_article(record_source, TRUNCATED)
                return
            except BadRecord as err:
                yield error_article(record_source, str(err))
                return
            except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as err:
                # past a broken record the next record's start cannot be trusted
                yield error_article(record_source, f"corrupt WARC record ({err})")
                return
            except Exception as err:  # noqa: BLE001  warcio trips on cut headers (AttributeError)
                problem = f"{type(err).__name__}: {err}"
                yield error_article(record_source, f"corrupt WARC record ({problem})")
                return
            if article is not None:
                yield article
