"""Which reader reads which file, and the walk over an input folder (the inputs' registry).

The registry lives apart from the readers so that `files.py` and `web.py` need not import each
other: `web.py` uses the shared helpers of `files.py`, and this module imports both.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from ..records import Article
from .files import (
    TEXT_SUFFIXES,
    error_article,
    read_csv_file,
    read_jsonl_file,
    read_parquet_file,
    read_text_file,
)
from .web import HTML_SUFFIXES, WARC_SUFFIXES, read_html_file, read_warc_file

log = logging.getLogger(__name__)

READERS = {
    **{suffix: read_text_file for suffix in TEXT_SUFFIXES},
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".csv": read_csv_file,
    ".parquet": read_parquet_file,
    **{suffix: read_html_file for suffix in HTML_SUFFIXES},
    **{suffix: read_warc_file for suffix in WARC_SUFFIXES},
}


def reader_for(path: Path):
    """The reader for a file by the longest suffix its name ends with (`.warc.gz` before `.gz`)."""
    name = path.name.lower()
    matches = [suffix for suffix in READERS if name.endswith(suffix)]
    return READERS[max(matches, key=len)] if matches else None


def iter_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Yield (path, source) for every input file under root, in sorted order.

    Hidden files are skipped; symbolic links that lead outside the input folder are not followed.
    """
    if root.is_file():
        yield root, root.name
        return
    base = root.resolve()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(base):
                log.warning("%s: symbolic link leaves the input folder; not followed", rel)
                continue
        if path.is_file():
            yield path, rel.as_posix()


def read_articles(root: str | Path) -> Iterator[Article]:
    """Read every article under `root` (a folder or one file); bad input gives error records."""
    root = Path(root)
    if not root.exists():
        raise FileNotFoundError(f"input not found: {root}")
    for path, source in iter_files(root):
        reader = reader_for(path)
        if reader is None:
            yield error_article(source, f"unsupported file type {path.suffix or '(none)'!r}")
            continue
        try:
            yield from reader(path, source)
        except PermissionError:
            yield error_article(source, "permission denied")
        except ValueError as err:
            yield error_article(source, str(err))
        except OSError as err:
            yield error_article(source, f"cannot read file ({err.strerror or err})")
