"""Read a run's output tables back as pandas DataFrames with dtypes an analyst can use at once.

- every date column (`documents.published`, `dates.earliest`/`latest`, `entities.first_published`/
  `last_published`, `office_terms.first_seen`/`last_seen`, `events.date`/`earliest`/`latest`) becomes `datetime64[ms]` (missing dates are `NaT`), so `.dt` works;
- list columns (`aliases`, `countries`, `locations`, `warnings`) hold plain Python lists
  (pyarrow's default would be numpy arrays, which compare and print unlike lists);
- every other column keeps pyarrow's default conversion (strings as `object`, counts as `int64`,
  `confidence` as `float64`).
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..tables import generations
from ..tables.outlock import try_lock
from ..tables.schema import SCHEMAS

TABLE_NAMES = list(SCHEMAS)


def table_to_pandas(table: pa.Table) -> pd.DataFrame:
    """One pyarrow table as a DataFrame: dates as datetime64, lists as Python lists."""
    frame = table.to_pandas(date_as_object=False)
    for name in table.column_names:
        if pa.types.is_list(table.schema.field(name).type):
            frame[name] = pd.Series(table.column(name).to_pylist(), index=frame.index, dtype=object)
    return frame


def read_table(out_dir: str | Path, table: str) -> pd.DataFrame:
    """One output table of a run as a DataFrame (see the module docstring for its dtypes)."""
    return table_to_pandas(pq.read_table(Path(out_dir) / f"{table}.parquet"))


def read_tables(out_dir: str | Path = "data/processed") -> dict[str, pd.DataFrame]:
    """The output tables of a run as a dict of DataFrames (table name -> DataFrame)."""
    out = Path(out_dir)
    missing = [t for t in TABLE_NAMES if not (out / f"{t}.parquet").exists()]
    if missing:
        raise FileNotFoundError(f"{out}: no tables {missing}; run the pipeline first")
    for _ in range(READ_ATTEMPTS):
        # a run commits its tables one rename after another: wait out that instant
        tables = {t: read_table(out, t) for t in TABLE_NAMES}
        if len({generations.generation_of(out / f"{t}.parquet") for t in TABLE_NAMES}) == 1:
            return tables
        try:
            handle = try_lock(out)
        except OSError:  # a reader without write access waits for the writer instead
            handle = None
        if handle is not None:  # no run is writing: a killed one left its commit half done
            try:
                generations.roll_forward(out)
            finally:
                handle.close()
        time.sleep(0.05)
    raise RuntimeError(f"{out}: the tables belong to different runs; rerun the pipeline")


READ_ATTEMPTS = 50
