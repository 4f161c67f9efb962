"""Which files of an input folder a run reads: `--include` / `--exclude` glob patterns.

A pattern is matched against the file's path relative to the input folder (`gold/000.json`),
with `fnmatch` rules: `*` matches any characters, `/` included, so `gold/*` covers the whole
`gold` folder and `*.json` every JSON file at any depth; a pattern without `/` is also tried on
the file name alone (`INDEX.tsv`). With no `--include` every file is included; `--exclude` wins
over `--include`. Defaults skip nothing: an unsupported file is an error row, never a silent skip.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import PurePosixPath


def _matches(source: str, pattern: str) -> bool:
    if fnmatchcase(source, pattern):
        return True
    return "/" not in pattern and fnmatchcase(PurePosixPath(source).name, pattern)


@dataclass(frozen=True)
class FileSelection:
    """Include and exclude patterns; `accepts(source)` says whether a file is read."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def accepts(self, source: str) -> bool:
        """Whether the file at `source` (relative to the input folder) is read."""
        if any(_matches(source, pattern) for pattern in self.exclude):
            return False
        return not self.include or any(_matches(source, pattern) for pattern in self.include)

    def __bool__(self) -> bool:
        return bool(self.include or self.exclude)
