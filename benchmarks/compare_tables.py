"""Compare two run output folders table by table: schema, row count and every cell.

    python benchmarks/compare_tables.py /tmp/layout-before /tmp/layout-after

Prints one line per table and exits non-zero when any table differs. Columns named with
`--ignore` (default: `pipeline_version`, which holds a fingerprint of the code, so any code
change alters it) are left out of the cell comparison but must exist on both sides.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyarrow.parquet as pq

DEFAULT_IGNORED = ("pipeline_version",)


def compare_table(before: Path, after: Path, ignored: tuple[str, ...]) -> str | None:
    """None when the two parquet files hold the same table (ignored columns aside), else why not."""
    left, right = pq.read_table(before), pq.read_table(after)
    if left.schema != right.schema:
        return f"schemas differ:\n  before {left.schema}\n  after  {right.schema}"
    if left.num_rows != right.num_rows:
        return f"{left.num_rows} rows before, {right.num_rows} after"
    differing = []
    for name in left.column_names:
        if name in ignored:
            continue
        if not left.column(name).equals(right.column(name)):
            differing.append(name)
    return f"columns differ: {', '.join(differing)}" if differing else None


def compare_folders(before: Path, after: Path, ignored: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """(table, problem or None) for every parquet table in either folder."""
    names = sorted({p.name for p in before.glob("*.parquet")} | {p.name for p in after.glob("*.parquet")})
    results = []
    for name in names:
        if not (before / name).exists() or not (after / name).exists():
            results.append((name, "missing in " + ("before" if not (before / name).exists() else "after")))
            continue
        results.append((name, compare_table(before / name, after / name, ignored)))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--ignore", action="append", default=None, help="a column to leave out (repeatable)")
    args = parser.parse_args(argv)
    ignored = tuple(args.ignore) if args.ignore is not None else DEFAULT_IGNORED
    results = compare_folders(args.before, args.after, ignored)
    if not results:
        print(f"no parquet tables in {args.before} or {args.after}")
        return 1
    for name, problem in results:
        rows = pq.read_metadata(args.before / name).num_rows if (args.before / name).exists() else 0
        print(f"{name:<20} {'identical' if problem is None else 'DIFFERENT'} ({rows} rows)" + (f": {problem}" if problem else ""))
    same = all(problem is None for _, problem in results)
    print(("identical" if same else "different") + (f" (ignoring {', '.join(ignored)})" if ignored else ""))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
