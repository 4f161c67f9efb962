"""Gzip-compressed input (`.jsonl.gz`, `.txt.gz`, `.json.gz`, ...): read as the file inside.

The file is decompressed into a temporary file named like the inner file and handed to the
inner format's reader, because the readers take a path (and the parquet reader needs a seekable
file). `.warc.gz` is not handled here: WARC archives are gzip-compressed record by record and
their reader streams them itself. The source stays the compressed file's name.
"""

from __future__ import annotations

import gzip
import shutil
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from collections.abc import Callable

from ..records import Article
from .files import error_article

GZIP_SUFFIX = ".gz"


def read_gzip_file(
    path: Path,
    source: str,
    reader_for: Callable[[Path], Callable | None],
    day_first: bool | None = None,
) -> Iterator[Article]:
    """Read `NAME.SUFFIX.gz` as `NAME.SUFFIX` would be read; a broken archive is an error row.

    `reader_for` picks the inner file's reader (the inputs' registry passes its own).
    """
    inner_name = path.name[: -len(GZIP_SUFFIX)]
    reader = reader_for(Path(inner_name))
    if reader is None or inner_name.lower().endswith(GZIP_SUFFIX):
        inner_suffix = Path(inner_name).suffix or "(none)"
        yield error_article(source, f"unsupported compressed file type {inner_suffix!r}.gz")
        return
    with tempfile.TemporaryDirectory(prefix="newsx-gz-") as folder:
        plain = Path(folder) / inner_name
        try:
            with gzip.open(path, "rb") as packed, plain.open("wb") as unpacked:
                shutil.copyfileobj(packed, unpacked, 1 << 20)
        except (OSError, EOFError, zlib.error) as err:  # BadGzipFile is an OSError
            yield error_article(source, f"not a readable gzip file ({err})")
            return
        yield from reader(plain, source, day_first=day_first)
