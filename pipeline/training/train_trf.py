"""Train the trf variant's span head: `python -m pipeline.training.train_trf [--train DIR] [--epochs N]`.

spaCy's own training loop (`spacy.cli.train.train`) runs the config `configs/spans_trf.cfg`
with the MiniLM encoder frozen (it only annotates, so CPU training takes minutes); the gold
files become span-labelled Docs through `pipeline.training.trf_corpus`. Only the span head is saved, to
`models/trained/trf/spans/` with `scores.json`; the encoder's weights stay in their package.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import typer

from ..language.trf import (
    HEAD_DIR,
    SPANS_KEY,
    add_encoder,
    encoder_path,
    require_transformers,
    training_config,
)

app = typer.Typer(add_completion=False)


SELECTION_EVERY = 5  # every 5th training article picks the best epoch instead of training


def build_corpus(corpus: Path, work: Path) -> dict[str, int]:
    """Write a corpus folder as span-labelled Docs: train.spacy and the held-back select.spacy."""
    from ..language.nlp import DEFAULT_MODEL, load_nlp
    from .trf_corpus import corpus_docs, write_docbin

    docs = list(corpus_docs(load_nlp(DEFAULT_MODEL), corpus, SPANS_KEY))
    select = [d for i, d in enumerate(docs) if i % SELECTION_EVERY == SELECTION_EVERY - 1]
    train = [d for i, d in enumerate(docs) if i % SELECTION_EVERY != SELECTION_EVERY - 1]
    return {
        "train": write_docbin(train, work / "train.spacy"),
        "select": write_docbin(select, work / "select.spacy"),
    }


def train_head(train: Path, out: Path, epochs: int) -> dict:
    """Train on most of `train`, keep the best epoch on the rest, save its span head to `out`.

    No other corpus is read, so `../shared/corpus/dev` stays held out for `evaluate`.
    """
    import spacy
    from spacy.cli.train import train as spacy_train

    require_transformers()
    with tempfile.TemporaryDirectory(prefix="newsx-trf-") as tmp:
        work = Path(tmp)
        counts = build_corpus(train, work)
        config = training_config(encoder_path())
        # spaCy initializes no frozen component: the encoder comes in ready, sourced from a
        # pipeline saved here (its weights stay in this temporary folder)
        encoder = spacy.blank("en")
        add_encoder(encoder, encoder_path())
        encoder.to_disk(work / "encoder")
        config["components"]["transformer"] = {"source": str(work / "encoder")}
        config["paths"]["train"] = str(work / "train.spacy")
        config["paths"]["dev"] = str(work / "select.spacy")
        config["training"]["max_epochs"] = epochs
        config.to_disk(work / "config.cfg")
        spacy_train(work / "config.cfg", work / "output")
        best = spacy.load(work / "output" / "model-best")
        out.mkdir(parents=True, exist_ok=True)
        best.get_pipe("spancat").to_disk(out, exclude=["vocab"])
        meta = json.loads((work / "output" / "model-best" / "meta.json").read_text())
    scores = {
        "docs": counts,
        "epochs": epochs,
        "checkpoint": "model-best: the best of the evaluations every 50 steps on the held-back fifth",
        "select": {k: v for k, v in meta.get("performance", {}).items() if k.startswith("spans_")},
    }
    (out / "scores.json").write_text(json.dumps(scores, indent=2) + "\n")
    return scores


@app.command()
def main(
    train: Path = typer.Option(Path("../shared/corpus/train"), help="Corpus folder to train on."),
    out: Path = typer.Option(HEAD_DIR, help="Where the span head is saved."),
    epochs: int = typer.Option(12, min=1, help="Training epochs."),
) -> None:
    """Train the trf span head (PROJECT, REGION) on gold files."""
    if not (train / "articles").is_dir() or not (train / "gold").is_dir():
        typer.echo(f"error: {train} needs articles/ and gold/ folders", err=True)
        raise typer.Exit(2)
    typer.echo(json.dumps(train_head(train, out, epochs), indent=2))


if __name__ == "__main__":
    app()
