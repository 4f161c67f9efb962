"""News extraction pipeline: officials, regions, projects, dates and relations as tables.

Library use:

    import pipeline
    result = pipeline.extract(text, published="2021-01-06")   # one article
    summary = pipeline.run("data/raw", "data/processed")       # a corpus
    tables = pipeline.read_tables("data/processed")            # dict of DataFrames
    pipeline.who_held("data/processed", "foreign minister", "Iran", "2019-03-05")
"""

__version__ = "0.1.0"

from .interfaces.api import Extraction, extract  # noqa: E402
from .interfaces.frames import read_tables  # noqa: E402
from .linking.office_terms import who_held  # noqa: E402
from .orchestration.runner import RunSummary, run  # noqa: E402

__all__ = ["Extraction", "RunSummary", "extract", "read_tables", "run", "who_held", "__version__"]
