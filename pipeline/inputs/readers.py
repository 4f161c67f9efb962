"""Which reader reads which file, and the walk over an input folder (the inputs' registry).

The registry lives apart from the readers so that `files.py` and `web.py` need not import each
other: `web.py` uses the shared helpers of `files.py`, and this module imports both.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from ..records import Article
from collections.abc import Callable

from . import language_detect, web
from .compressed import GZIP_SUFFIX, read_gzip_file
from .files import (
    TEXT_SUFFIXES,
    error_article,
    read_csv_file,
    read_json_file,
    read_jsonl_file,
    read_parquet_file,
    read_text_file,
)
from .selection import FileSelection

log = logging.getLogger(__name__)

READERS = {
    **{suffix: read_text_file for suffix in TEXT_SUFFIXES},
    ".json": read_json_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".csv": read_csv_file,
    ".parquet": read_parquet_file,
    **{suffix: web.read_html_file for suffix in web.HTML_SUFFIXES},
    **{suffix: web.read_warc_file for suffix in web.WARC_SUFFIXES},
}


def _read_gzip(path: Path, source: str) -> Iterator[Article]:
    return read_gzip_file(path, source, reader_for)


READERS[GZIP_SUFFIX] = _read_gzip  # `.warc.gz` is longer, so WARC wins


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


def read_articles(
    root: str | Path,
    selection: FileSelection = FileSelection(),
    on_excluded: Callable[[str], None] | None = None,
) -> Iterator[Article]:
    """Read every article under `root` (a folder or one file); bad input gives error records.

    `selection` filters the files of a folder (a file named as `root` is always read);
    `on_excluded(source)` is called for each file it leaves out.
    """
    root = Path(root)
    if not root.exists():
        raise FileNotFoundError(f"input not found: {root}")
    for path, source in iter_files(root):
        if root.is_dir() and not selection.accepts(source):
            if on_excluded is not None:
                on_excluded(source)
            continue
        reader = reader_for(path)
        if reader is None:
            yield error_article(
                source,
                f"unsupported file type {path.suffix or '(none)'!r}; "
                "leave it out with --exclude or read only articles with --include",
            )
            continue
        try:
            for article in reader(path, source):
                yield language_detect.with_language(article)
        except PermissionError:
            yield error_article(source, "permission denied")
        except ValueError as err:
            yield error_article(source, str(err))
        except OSError as err:
            yield error_article(source, f"cannot read file ({err.strerror or err})")
