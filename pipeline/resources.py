"""Read the pipeline's own language assets (lexicons, patterns) from `models/`, once."""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


def model_path(name: str) -> Path:
    """Path of an asset under `models/`."""
    return MODELS_DIR / name


@lru_cache(maxsize=None)
def load_json(name: str):
    """A JSON asset, parsed once."""
    return json.loads(model_path(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load_jsonl(name: str) -> tuple[dict, ...]:
    """A JSONL asset (one object per line, `#` lines ignored), parsed once."""
    lines = model_path(name).read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def load_csv(name: str) -> tuple[dict, ...]:
    """A CSV asset with a header row, parsed once."""
    with model_path(name).open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))
