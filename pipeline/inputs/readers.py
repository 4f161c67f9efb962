"""Which reader reads which file, and the walk over an input folder (the inputs' registry).

The registry lives apart from the readers so that `files.py` and `web.py` need not import each
other: `web.py` uses the shared helpers of `files.py`, and this module imports both.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from ..records import Article
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


def _read_gzip(path: Path, source: str, day_first: bool | None = None) -> Iterator[Article]:
    return read_gzip_file(path, source, reader_for, day_first)


READERS[GZIP_SUFFIX] = _read_gzip  # `.warc.gz` is longer, so WARC wins


def reader_for(path: Path):
    """The reader for a file by the longest suffix its name ends with (`.warc.gz` before `.gz`)."""
    name = path.name.lower()
    matches = [suffix for suffix in READERS if name.endswith(suffix)]
    return READERS[max(matches, key=len)] if matches else None


def readable_name(rel: Path) -> tuple[str, bool]:
    """A path as text that can be stored and printed, and whether its bytes were valid UTF-8.

    A file name that is not UTF-8 reaches Python with surrogates; its bad bytes are shown as
    `\\xNN` instead, so the file is read and its rows can be written like any other.
    """
    text = rel.as_posix()
    try:
        text.encode("utf-8")
        return text, True
    except UnicodeEncodeError:
        raw = os.fsencode(text)
        return raw.decode("utf-8", errors="backslashreplace"), False


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def iter_files(
    root: Path,
    exclude: Path | None = None,
    output_entry: Callable[[Path], bool] | None = None,
) -> Iterator[tuple[Path, str]]:
    """Yield (path, source) for every input file under root, in sorted order.

    Hidden files are skipped; symbolic links that lead outside the input folder are not
    followed; a broken link or a link loop is yielded, for read_articles to report. `exclude`
    (the output folder) is never input wherever it sits: when it is the input folder itself,
    the entries `output_entry(relative path)` says are the pipeline's own (its tables and work
    area) are skipped.
    """

    if root.is_file():
        yield root, readable_name(Path(root.name))[0]
        return
    base = root.resolve()
    out = exclude.resolve() if exclude is not None else None
    warned = False
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if out is not None:
            skip = (output_entry is not None and output_entry(rel)) if out == base else _inside(base / rel, out)
            if skip:
                if not warned and not path.is_dir():  # an output folder holding no files yet is no news
                    log.warning("%s: the output folder is inside the input; its files are not read", out)
                    warned = True
                continue
        if path.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):  # a loop, or a link to nothing
                yield path, readable_name(rel)[0]
                continue
            if not target.is_relative_to(base):
                log.warning("%s: symbolic link leaves the input folder; not followed", rel)
                continue
        if path.is_file():
            yield path, readable_name(rel)[0]


def read_articles(
    root: str | Path,
    selection: FileSelection = FileSelection(),
    on_excluded: Callable[[str], None] | None = None,
    *,
    exclude: str | Path | None = None,
    output_entry: Callable[[Path], bool] | None = None,
    day_first: bool | None = None,
) -> Iterator[Article]:
    """Read every article under `root` (a folder or one file); bad input gives error records.

    `selection` filters the files of a folder (a file named as `root` is always read);
    `on_excluded(source)` is called for each file it leaves out. `exclude` is the output folder
    (never read as input; `output_entry` tells its own files where it is the input folder
    itself); `day_first` reads all-numeric header dates day first (True) or month first
    (False); None reads them month first and warns where the order matters.
    """
    root = Path(root)
    if not root.exists():
        raise FileNotFoundError(f"input not found: {root}")
    out = Path(exclude) if exclude is not None else None
    for path, source in iter_files(root, out, output_entry):
        if root.is_dir() and not selection.accepts(source):
            if on_excluded is not None:
                on_excluded(source)
            continue
        if not path.exists():
            yield error_article(source, "symbolic link loop or broken link")
            continue
        reader = reader_for(path)
        if reader is None:
            yield error_article(
                source,
                f"unsupported file type {path.suffix or '(none)'!r}; "
                "leave it out with --exclude or read only articles with --include",
            )
            continue
        renamed = not readable_name(path.relative_to(root) if root.is_dir() else Path(path.name))[1]
        try:
            for article in reader(path, source, day_first=day_first):
                if renamed:
                    warning = "file name is not valid UTF-8 (bad bytes shown as \\xNN in source)"
                    article = replace(article, warnings=(*article.warnings, warning))
                yield language_detect.with_language(article)
        except PermissionError:
            yield error_article(source, "permission denied")
        except ValueError as err:
            yield error_article(source, str(err))
        except OSError as err:
            yield error_article(source, f"cannot read file ({err.strerror or err})")
