"""Reading big input files as streams: text decoding chosen on a sample, CSV records one by one.

JSONL and CSV files can hold millions of articles: they are read line by line, never whole, so
memory is bounded by the longest record, not by the file.
"""

from __future__ import annotations

import codecs
import csv
import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .textnorm import looks_binary

SAMPLE_BYTES = 1 << 20  # the encoding of a file is judged on its first MiB
# csv's default field limit (131,072 characters) is smaller than a long article
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def choose_encoding(sample: bytes) -> tuple[str, list[str]]:
    """The codec to read a file with, judged on its first bytes; ValueError for binary data.

    As `ingest.decode_bytes` does for whole files: UTF-8 (BOM dropped), UTF-16 with a BOM,
    UTF-8 with rare bad bytes replaced, else Windows-1252; both repairs are warnings.
    """
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", []
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        text = decoder.decode(sample, final=False)  # a sample may end inside a character
        codec, warnings = "utf-8-sig", []
    except UnicodeDecodeError:
        text = sample.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if bad <= max(1, len(text) // 100):
            codec, warnings = "utf-8-sig", ["invalid UTF-8: bad bytes replaced"]
        else:
            text = sample.decode("cp1252", errors="replace")
            codec, warnings = "cp1252", ["not UTF-8: decoded as Windows-1252"]
    if looks_binary(text):
        raise ValueError("not a text file (binary content)")
    return codec, warnings


def open_text(path: Path) -> tuple[TextIO, list[str]]:
    """Open a file as text for streaming (newlines kept as they are, for csv)."""
    with path.open("rb") as raw:
        sample = raw.read(SAMPLE_BYTES)
    codec, warnings = choose_encoding(sample)
    return path.open("r", encoding=codec, errors="replace", newline=""), warnings


@dataclass
class CsvRecord:
    """One CSV record: its fields, or the problem that made it unreadable, and where it starts."""

    line: int  # physical line where the record starts (header is line 1)
    values: list[str] | None
    problem: str | None = None


class _Lines:
    """The file's lines, numbered, with the lines of a failed record put back to read again."""

    def __init__(self, stream: TextIO):
        self._stream = stream
        self._replay: deque[tuple[int, str]] = deque()
        self.number = 0
        self.taken: list[tuple[int, str]] = []  # lines the current record has consumed

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self._replay:
            number, line = self._replay.popleft()
        else:
            line = next(self._stream)  # StopIteration ends the reader
            self.number += 1
            number = self.number
        self.taken.append((number, line))
        return line

    def put_back(self, lines: list[tuple[int, str]]) -> None:
        self._replay.extendleft(reversed(lines))


def csv_records(stream: TextIO) -> Iterator[CsvRecord]:
    """Yield the header (line 1) and then every record of a CSV stream.

    A record the csv module cannot read (an unterminated quote, a stray quote) or whose field
    count differs from the header's becomes a record with a `problem`; reading resumes at the
    line after the one where that record started, so one bad quote never swallows the rows
    after it.
    """
    lines = _Lines(stream)
    width = None
    while True:
        reader = csv.reader(lines, strict=True)
        try:
            for values in reader:
                taken, lines.taken = lines.taken, []
                start = taken[0][0]
                if width is None:
                    width = len(values)
                elif values and len(values) != width:
                    lines.put_back(taken[1:])
                    yield CsvRecord(start, None, f"{len(values)} fields where the header has {width}")
                    break
                yield CsvRecord(start, values)
            else:
                return
        except csv.Error as err:
            taken, lines.taken = lines.taken, []
            if not taken:
                return
            lines.put_back(taken[1:])
            yield CsvRecord(taken[0][0], None, f"unreadable CSV record ({err})")


def text_lines(stream: TextIO) -> Iterator[tuple[int, str]]:
    """(line number from 1, line) of a text stream, line by line; any newline convention."""
    for number, line in enumerate(stream, start=1):
        yield number, line.rstrip("\r\n")
