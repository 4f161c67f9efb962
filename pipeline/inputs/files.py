"""Plain files become Article records; a file that cannot be read becomes an error record.

Also the helpers every reader shares (dates, ids, decoding, the header, error records);
`readers.py` picks the reader for a file and walks an input folder.

Formats: `.txt`/`.text`/`.md` (optional `key: value` header ending at the first blank line, or
the seed's `date YYYY-MM-DD By Author` line), `.json` (one article object or a list of them),
`.jsonl`/`.ndjson`, `.csv` and `.parquet` (a `text` field or column, optional `title`, `url`,
`published`/`date`, `author`, `id`, `language`), HTML and WARC (see `web`), and any of these
gzip-compressed (`.gz`, see `compressed`). A folder is read recursively, in sorted order,
filtered by include/exclude patterns (see `selection`). Every article gets its language
(see `language_detect`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from ..records import Article
from . import language_detect, streams
from .textnorm import invisible_warning, looks_binary, remove_invisible

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md"}

HEADER_KEYS = {"url", "date", "published", "title", "license", "author", "source", "id", "language"}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z_]+)\s*:\s?(.*)$")
_SEED_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{1,2}-\d{1,2})(?:\s+By\s+(.+?))?\s*$", re.I)
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_UNKNOWN = {"", "unknown", "none", "null", "n/a", "na", "nan"}
# one article is held whole while it is processed; a bigger "article" is not one
MAX_ARTICLE_BYTES = 200_000_000
# the fields a record may carry, with the Python types accepted for each (others: error row)
FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "text": (str,),
    "title": (str,),
    "url": (str,),
    "author": (str,),
    "published": (str, date),
    "date": (str, date),
    "id": (str, int),
}


def make_doc_id(source: str) -> str:
    """A stable id for an article: the same source (path, `#line`) always gives the same id."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def _numeric_date(
    text: str, first: int, second: int, year: int, day_first: bool | None
) -> tuple[date | None, str | None]:
    """A D/M/Y or M/D/Y date: month first unless `day_first`; the other order only if it alone fits.

    Without an order given (`day_first` None), an ambiguous date (both numbers could be the
    month) is read month first with a warning, so the choice is never silent.
    """
    month, day = (second, first) if day_first else (first, second)
    try:
        found = date(year, month, day)
    except ValueError:
        try:
            found = date(year, day, month)
        except ValueError:
            return None, f"impossible publication date {text!r} ignored"
        order = "month/day" if day_first else "day/month"
        return found, f"publication date {text!r} read as {order} ({found.isoformat()}): {day} is no month"
    if day_first is None and first != second and first <= 12 and second <= 12:
        return found, (
            f"ambiguous publication date {text!r} read as month/day ({found.isoformat()}); "
            "--day-first reads day/month"
        )
    return found, None


def parse_date(raw: object, day_first: bool | None = None) -> tuple[date | None, str | None]:
    """Read a publication date; return (date, warning). Unknown dates give (None, None).

    A datetime (a pandas or parquet timestamp) gives its calendar date where it was stamped:
    a timezone-aware one is not moved to UTC first. All-numeric dates follow `_numeric_date`.
    """
    if raw is None:
        return None, None
    if isinstance(raw, datetime):
        if raw != raw:  # pandas NaT
            return None, None
        return raw.date(), None
    if isinstance(raw, date):
        return raw, None
    text = str(raw).strip()
    if text.lower() in _UNKNOWN:
        return None, None
    numeric = _NUMERIC_DATE.match(text)
    if numeric:
        return _numeric_date(text, int(numeric[1]), int(numeric[2]), int(numeric[3]), day_first)
    match = _ISO_DATE.match(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])), None
        except ValueError:
            return None, f"impossible publication date {text!r} ignored"
    if not re.search(r"\d{4}", text):
        # "yesterday" or "06/01" would be read against today's date: a publication date names its year
        return None, f"unreadable publication date {text!r} ignored"
    import dateparser  # slow to import; only needed for free-form dates

    settings = {"STRICT_PARSING": True}
    if day_first is not None:
        settings["DATE_ORDER"] = "DMY" if day_first else "MDY"
    parsed = dateparser.parse(text, settings=settings)
    if parsed is None:
        return None, f"unreadable publication date {text!r} ignored"
    return parsed.date(), None


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode file bytes as text; return (text, warnings). Raise ValueError for binary data.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are. Other bytes are
    read as UTF-8 with the bad bytes replaced when they are rare, else as Windows-1252; both
    repairs are reported as warnings.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, warnings = data.decode("utf-16", errors="replace"), []
    else:
        try:
            text, warnings = data.decode("utf-8-sig"), []
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="replace")
            bad = text.count("\ufffd")
            if bad <= max(1, len(text) // 100):
                warnings = [f"invalid UTF-8: {bad} byte(s) replaced"]
            else:
                text = data.decode("cp1252", errors="replace")
                warnings = ["not UTF-8: decoded as Windows-1252"]
    # judged on the characters, not on one NUL: a stray NUL in an article is repaired by
    # clean_text, while random bytes (with or without NULs) are refused
    if looks_binary(text):
        raise ValueError("not a text file (binary content)")
    return text, warnings


_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
MIXED_SCRIPT_SHARE = 0.05  # a second script with this share of the letters is worth a warning


def scripts_of(text: str) -> dict[str, int]:
    """How many letters of each script (LATIN, CYRILLIC, ARABIC, ...) the text holds."""
    # ASCII letters are Latin: only the other characters need a name lookup
    latin = len(_ASCII_LETTERS.findall(text))
    counts: dict[str, int] = {"LATIN": latin} if latin else {}
    for char in _NON_ASCII.findall(text):
        if char.isalpha():
            script = unicodedata.name(char, "UNKNOWN").split(" ")[0]
            counts[script] = counts.get(script, 0) + 1
    return counts


def clean_text(text: str) -> tuple[str, list[str]]:
    """Drop control and invisible characters and note mixed scripts, as warnings."""
    warnings = []
    cleaned = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    cleaned = cleaned.replace("\r\n", "\n").replace("\r", "\n")
    dropped = len(text) - len(cleaned) - text.count("\r\n")
    if dropped > 0:
        warnings.append(f"{dropped} control character(s) removed")
    cleaned, invisible = remove_invisible(cleaned)
    if invisible:
        warnings.append(invisible_warning(invisible))
    scripts = scripts_of(cleaned)
    letters = sum(scripts.values())
    mixed = sorted(s.title() for s, n in scripts.items() if n >= MIXED_SCRIPT_SHARE * letters)
    if len(mixed) > 1:
        warnings.append(f"mixed scripts: {', '.join(mixed)}")
    return cleaned, warnings


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split a `.txt` article into its header fields and its body."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return {}, ""
    seed = _SEED_HEADER.match(lines[first])
    if seed:
        fields = {"date": seed[1]}
        if seed[2]:
            fields["author"] = seed[2]
        return fields, "\n".join(lines[first + 1 :]).strip("\n")
    fields: dict[str, str] = {}
    i = first
    while i < len(lines) and lines[i].strip():
        match = _HEADER_LINE.match(lines[i])
        if not match or match[1].lower() not in HEADER_KEYS:
            return {}, text.strip("\n")
        fields[match[1].lower()] = match[2].strip()
        i += 1
    return fields, "\n".join(lines[i:]).strip("\n")


def article_from_fields(
    source: str, fields: dict, body: str, warnings: list[str], day_first: bool | None = None
) -> Article:
    """Build an Article from header/column fields; an empty body makes an error record."""
    published, warning = parse_date(fields.get("published") or fields.get("date"), day_first)
    if warning:
        warnings = [*warnings, warning]
    given_id = fields.get("id")
    doc_id = str(given_id) if given_id not in (None, "") else make_doc_id(source)
    invisible = 0

    def field(name: str) -> str | None:
        nonlocal invisible
        value = fields.get(name)
        if value is None or str(value).strip().lower() in _UNKNOWN:
            return None
        # a title or author is shown and linked as the body is: same repairs, no bidi tricks
        value, removed = remove_invisible(re.sub(r"[\x00-\x1f\x7f]", " ", str(value)))
        invisible += removed
        return value.strip() or None

    body, cleaned = clean_text(body)
    if not body.strip():
        return error_article(source, "empty article: no body text", doc_id=doc_id)
    title, url, author = field("title"), field("url"), field("author")
    if invisible:
        cleaned.append(f"header: {invisible_warning(invisible)}")
    return Article(
        doc_id=doc_id,
        source=source,
        text=body,
        title=title,
        url=url,
        author=author,
        published=published,
        warnings=tuple(warnings + cleaned),
        language=language_detect.declared_code(fields.get("language")),
    )


def error_article(source: str, problem: str, doc_id: str | None = None) -> Article:
    """An error record for input that cannot be an article; the message names the source."""
    # debug only: the run reports each error record once, as it is written
    log.debug("%s: %s", source, problem)
    return Article(
        doc_id=doc_id or make_doc_id(source),
        source=source,
        text="",
        status="error",
        error=f"{source}: {problem}",
    )


def read_text_file(path: Path, source: str, day_first: bool | None = None) -> Iterator[Article]:
    if path.stat().st_size > MAX_ARTICLE_BYTES:
        yield error_article(source, f"file larger than {MAX_ARTICLE_BYTES // 1_000_000} MB: not one article")
        return
    data = path.read_bytes()
    if not data.strip():
        yield error_article(source, "empty file")
        return
    text, warnings = decode_bytes(data)
    del data  # the text is held once, not beside its bytes
    fields, body = split_header(text)
    yield article_from_fields(source, fields, body, warnings, day_first)


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def wrong_field_types(record: dict) -> list[str]:
    """The fields of a record whose value is of the wrong kind ('text is int'), if any."""
    wrong = []
    for name, kinds in FIELD_TYPES.items():
        value = record.get(name)
        if not _is_missing(value) and (not isinstance(value, kinds) or isinstance(value, bool)):
            wrong.append(f"'{name}' is {type(value).__name__}")
    return wrong


def _record_article(source: str, record: dict, warnings=(), day_first: bool | None = None) -> Article:
    if not isinstance(record, dict):
        return error_article(source, "record is not an object with a 'text' field")
    if _is_missing(record.get("text")):
        return error_article(source, "record has no 'text' field")
    wrong = wrong_field_types(record)
    if wrong:
        # an integer or a list where text belongs is a broken export, not an article "1"
        return error_article(source, f"wrong field type: {', '.join(wrong)} (text expected)")
    return article_from_fields(source, record, record["text"], list(warnings), day_first)


def read_jsonl_file(path: Path, source: str, day_first: bool | None = None) -> Iterator[Article]:
    """Stream a JSONL file line by line: one record at a time is in memory, never the file."""
    stream, warnings = streams.open_text(path)
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            line_source = f"{source}#{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                yield error_article(line_source, f"invalid JSON ({err.msg} at column {err.colno})")
                continue
            yield _record_article(line_source, record, warnings, day_first)


def read_json_file(path: Path, source: str, day_first: bool | None = None) -> Iterator[Article]:
    """A `.json` file: one article object, or a list of them (sources `file.json#1`, `#2`, ...)."""
    text, _ = decode_bytes(path.read_bytes())
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        where = f"line {err.lineno} column {err.colno}"
        yield error_article(source, f"invalid JSON ({err.msg} at {where})")
        return
    if not isinstance(data, list):
        yield _record_article(source, data, (), day_first)
        return
    if not data:
        yield error_article(source, "JSON list holds no articles")
    for number, record in enumerate(data, start=1):
        yield _record_article(f"{source}#{number}", record, (), day_first)


def read_csv_file(path: Path, source: str, day_first: bool | None = None) -> Iterator[Article]:
    """Stream a CSV file record by record; a broken record is an error row, the rest is read."""
    stream, warnings = streams.open_text(path)
    with stream:
        records = streams.csv_records(stream)
        header = next(records, None)
        names = header.values if header else None
        if not names or "text" not in names:
            yield error_article(source, f"CSV has no 'text' column (columns: {names})")
            return
        # sources name the physical line where each record starts, header counted
        for record in records:
            record_source = f"{source}#{record.line}"
            if record.problem:
                yield error_article(record_source, record.problem)
            elif record.values:
                yield _record_article(record_source, dict(zip(names, record.values)), warnings, day_first)


_ARROW_KINDS = {"text": "string", "title": "string", "url": "string", "author": "string"}


def _wrong_parquet_columns(schema) -> list[str]:
    """Columns whose parquet type cannot hold what they name (an integer `text` column)."""
    import pyarrow.types as pt

    wrong = []
    for name in schema.names:
        kind = schema.field(name).type
        if name in _ARROW_KINDS and not (pt.is_string(kind) or pt.is_large_string(kind) or pt.is_null(kind)):
            wrong.append(f"'{name}' is {kind}")
        elif name in ("published", "date") and not (
            pt.is_string(kind) or pt.is_large_string(kind) or pt.is_date(kind)
            or pt.is_timestamp(kind) or pt.is_null(kind)
        ):
            wrong.append(f"'{name}' is {kind}")
    return wrong


def read_parquet_file(path: Path, source: str, day_first: bool | None = None) -> Iterator[Article]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises several types for a broken file
        yield error_article(source, f"not a readable parquet file ({err})")
        return
    names = parquet.schema_arrow.names
    if "text" not in names:
        yield error_article(source, f"parquet file has no 'text' column (columns: {names})")
        return
    wrong = _wrong_parquet_columns(parquet.schema_arrow)
    if wrong:
        yield error_article(source, f"wrong column type: {', '.join(wrong)} (text expected)")
        return
    row = 0
    for batch in parquet.iter_batches(batch_size=64):
        for record in batch.to_pylist():
            row += 1
            yield _record_article(f"{source}#{row}", record, (), day_first)
