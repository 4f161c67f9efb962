"""Tables: the output schema, records -> rows, and the parquet store (the output I/O edge)."""
