"""Add the trained components to the rule pipeline, from the weights under `models/trained/`.

Each entry of TRAINED is a folder `models/trained/<folder>/` written by the `train` command (a
spaCy pipeline holding the one component) and the component's name. A missing folder means
the component was never trained here: the pipeline runs with the rules alone and says so once.
"""

from __future__ import annotations

import logging
from pathlib import Path

import spacy
from spacy.language import Language

from ..resources import MODELS_DIR

log = logging.getLogger(__name__)

TRAINED_DIR = MODELS_DIR / "trained"
# folder under models/trained -> (component name, the rule component it runs after)
TRAINED: dict[str, tuple[str, str]] = {
    "relations": ("news_relation_scorer", "news_relations"),
}


def add_trained(nlp: Language, weights: Path | str | None = None) -> list[str]:
    """Source every trained component found under `weights` (default models/trained) into nlp."""
    root = Path(weights) if weights is not None else TRAINED_DIR
    added = []
    for folder, (name, after) in TRAINED.items():
        path = root / folder
        if name in nlp.pipe_names:
            continue
        if not (path / "config.cfg").exists():
            log.warning(
                "no trained weights at %s: %s is left out and the rules decide "
                "(train them with: python -m pipeline train)", path, name,
            )
            continue
        source = spacy.load(path)
        nlp.add_pipe(name, source=source, after=after if after in nlp.pipe_names else None)
        added.append(name)
    return added
