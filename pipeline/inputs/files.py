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

import csv
import hashlib
import io
import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from ..records import Article
from . import language_detect

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md"}

HEADER_KEYS = {"url", "date", "published", "title", "license", "author", "source", "id", "language"}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z_]+)\s*:\s?(.*)$")
_SEED_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{1,2}-\d{1,2})(?:\s+By\s+(.+?))?\s*$", re.I)
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_UNKNOWN = {"", "unknown", "none", "null", "n/a", "na", "nan"}


def make_doc_id(source: str) -> str:
    """A stable id for an article: the same source (path, `#line`) always gives the same id."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def parse_date(raw: object) -> tuple[date | None, str | None]:
    """Read a publication date; return (date, warning). Unknown dates give (None, None)."""
    if raw is None:
        return None, None
    if isinstance(raw, date):
        return raw, None
    text = str(raw).strip()
    if text.lower() in _UNKNOWN:
        return None, None
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

    parsed = dateparser.parse(text, settings={"STRICT_PARSING": True})
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
        return data.decode("utf-16"), []
    if b"\x00" in data[:8192]:
        raise ValueError("not a text file (binary content)")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    repaired = data.decode("utf-8", errors="replace")
    bad = repaired.count("\ufffd")
    if bad <= max(1, len(repaired) // 100):
        return repaired, [f"invalid UTF-8: {bad} byte(s) replaced"]
    return data.decode("cp1252", errors="replace"), ["not UTF-8: decoded as Windows-1252"]


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
    """Drop control characters that are not whitespace and note mixed scripts, as warnings."""
    warnings = []
    cleaned = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    cleaned = cleaned.replace("\r\n", "\n").replace("\r", "\n")
    dropped = len(text) - len(cleaned) - text.count("\r\n")
    if dropped > 0:
        warnings.append(f"{dropped} control character(s) removed")
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


def article_from_fields(source: str, fields: dict, body: str, warnings: list[str]) -> Article:
    """Build an Article from header/column fields; an empty body makes an error record."""
    published, warning = parse_date(fields.get("published") or fields.get("date"))
    if warning:
        warnings = [*warnings, warning]
    given_id = fields.get("id")
    doc_id = str(given_id) if given_id not in (None, "") else make_doc_id(source)

    def field(name: str) -> str | None:
        value = fields.get(name)
        if value is None or str(value).strip().lower() in _UNKNOWN:
            return None
        return str(value).strip()

    body, cleaned = clean_text(body)
    if not body.strip():
        return error_article(source, "empty article: no body text", doc_id=doc_id)
    return Article(
        doc_id=doc_id,
        source=source,
        text=body,
        title=field("title"),
        url=field("url"),
        author=field("author"),
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


def read_text_file(path: Path, source: str) -> Iterator[Article]:
    data = path.read_bytes()
    if not data.strip():
        yield error_article(source, "empty file")
        return
    text, warnings = decode_bytes(data)
    fields, body = split_header(text)
    yield article_from_fields(source, fields, body, warnings)


def _record_article(source: str, record: dict) -> Article:
    if not isinstance(record, dict):
        return error_article(source, "record is not an object with a 'text' field")
    text = record.get("text")
    if text is None or (isinstance(text, float) and text != text):
        return error_article(source, "record has no 'text' field")
    return article_from_fields(source, record, str(text), [])


def read_jsonl_file(path: Path, source: str) -> Iterator[Article]:
    text, warnings = decode_bytes(path.read_bytes())
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        line_source = f"{source}#{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield error_article(line_source, f"invalid JSON ({err.msg} at column {err.colno})")
            continue
        yield _record_article(line_source, record)


def read_json_file(path: Path, source: str) -> Iterator[Article]:
    """A `.json` file: one article object, or a list of them (sources `file.json#1`, `#2`, ...)."""
    text, _ = decode_bytes(path.read_bytes())
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        where = f"line {err.lineno} column {err.colno}"
        yield error_article(source, f"invalid JSON ({err.msg} at {where})")
        return
    if not isinstance(data, list):
        yield _record_article(source, data)
        return
    if not data:
        yield error_article(source, "JSON list holds no articles")
    for number, record in enumerate(data, start=1):
        yield _record_article(f"{source}#{number}", record)


def read_csv_file(path: Path, source: str) -> Iterator[Article]:
    text, _ = decode_bytes(path.read_bytes())
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield error_article(source, f"CSV has no 'text' column (columns: {reader.fieldnames})")
        return
    # line numbers are the physical line where each record ends, header counted
    for record in reader:
        yield _record_article(f"{source}#{reader.line_num}", record)


def read_parquet_file(path: Path, source: str) -> Iterator[Article]:
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
    row = 0
    for batch in parquet.iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            row += 1
            yield _record_article(f"{source}#{row}", record)
