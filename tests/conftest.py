"""Shared fixtures: the real spaCy pipeline, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "000.txt"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="session")
def nlp():
    from pipeline.language.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    from pipeline.inputs.readers import read_articles

    (article,) = list(read_articles(SEED))
    return article.text


@pytest.fixture(scope="session")
def annotate(nlp):
    """Run the whole pipeline on a text: annotate(text, published=None) -> Doc."""
    from pipeline.language.nlp import make_doc

    def run(text: str, published=None):
        return nlp(make_doc(nlp, text, published))

    return run
