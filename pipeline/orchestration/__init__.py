"""Run orchestration: annotate batches, cut long articles, and drive a run on an engine (local, processes, Dask)."""
