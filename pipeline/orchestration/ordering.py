"""Final tables in input order, whichever runs wrote the batches.

A clean run writes batches that follow the input one after the other. An incremental run adds
batches of new or changed articles whose input positions fall between those of older batches,
so reading the batches in name order would put their rows elsewhere than a clean run does.
Here the batches are grouped so that no two groups' position ranges overlap; a group of one
batch is streamed as it is, and the batches of a larger group are read together and sorted by
input position (rows of one article keep their order). A clean run has only groups of one,
so its memory stays flat; an incremental run holds one group of interleaved batches at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
import pyarrow as pa


def overlapping_groups(ranges: list[tuple[int, int]]) -> list[list[int]]:
    """Indices of `ranges` (first, last position of each batch) grouped where they overlap."""
    groups: list[list[int]] = []
    end = -1
    for index in sorted(range(len(ranges)), key=lambda i: ranges[i]):
        first, last = ranges[index]
        if groups and first <= end:
            groups[-1].append(index)
            end = max(end, last)
        else:
            groups.append([index])
            end = last
    return groups


def ranks(doc_ids: pa.Array | pa.ChunkedArray, position: dict[str, int]) -> np.ndarray:
    """The input position of each row's document (rows of documents no longer read sort last)."""
    missing = len(position)
    return np.fromiter((position.get(d, missing) for d in doc_ids.to_pylist()), dtype=np.int64)


def sort_by_position(piece: pa.Table, position: dict[str, int]) -> pa.Table:
    """Rows in input order of their documents; a stable sort keeps each article's row order."""
    if piece.num_rows == 0 or "doc_id" not in piece.column_names:
        return piece
    order = np.argsort(ranks(piece.column("doc_id"), position), kind="stable")
    return piece.take(pa.array(order))


def in_input_order(
    read: Callable[[int], pa.Table],
    batch_doc_ids: list[list[str]],
    position: dict[str, int],
) -> Iterator[pa.Table]:
    """Yield one table's pieces in input order; `read(i)` reads the table's rows of batch `i`."""
    ranges = []
    for doc_ids in batch_doc_ids:
        placed = [position.get(d, len(position)) for d in doc_ids] or [len(position)]
        ranges.append((min(placed), max(placed)))
    for group in overlapping_groups(ranges):
        if len(group) == 1:
            placed = [position.get(d, len(position)) for d in batch_doc_ids[group[0]]]
            piece = read(group[0])
            yield piece if placed == sorted(placed) else sort_by_position(piece, position)
        else:
            yield sort_by_position(pa.concat_tables([read(i) for i in group]), position)
