"""The pipeline version recorded on every row: package version, code fingerprint and model.

The fingerprint is taken once per process, when it is first asked for (a worker asks when it
loads its pipeline), so it describes the code and lexicons that process actually runs even
if the files on disk change under a long-running worker.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..resources import MODELS_DIR


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the pipeline's code and language assets: any change to them reprocesses."""
    package = Path(__file__).resolve().parents[1]  # the whole `pipeline` package
    digest = hashlib.sha1()
    for path in sorted([*package.rglob("*.py"), *MODELS_DIR.rglob("*")]):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def pipeline_version(model: str) -> str:
    """The version recorded per document: package version, code fingerprint and model."""
    return f"{__version__}+{code_fingerprint()}+{model}"
