"""Add the trained components to the rule pipeline, from the weights under `models/trained/`.

Each entry of TRAINED is a folder `models/trained/<folder>/` written by the `train` command (a
spaCy pipeline holding the component, or components run together: the span layer's spancat and
its additions) and the rule components it runs after (the first of them in the pipeline). A missing folder means
the component was never trained here: the pipeline runs with the rules alone and says so once.
"""

from __future__ import annotations

import logging
from pathlib import Path

import spacy
from spacy.language import Language

from ..resources import MODELS_DIR
from . import relations, spans  # noqa: F401  (their factories and layers, also entry points)

log = logging.getLogger(__name__)

TRAINED_DIR = MODELS_DIR / "trained"
# folder under models/trained -> (its first component, the components it runs after: the first
# of them found in the pipeline). The span layer runs after the relation rules (which, as in
# cross-validation, see the rules' records only) and before the scorer, which reads its records.
TRAINED: dict[str, tuple[str, tuple[str, ...]]] = {
    "spans": ("news_spans", ("news_relations",)),
    "relations": ("news_relation_scorer", ("news_span_additions", "news_relations")),
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
        if not all(getattr(source.get_pipe(c), "active", True) for c in source.pipe_names):
            # trained, but set to add nothing (no label's additions helped in cross-validation):
            # left out, so that it costs no time
            log.info("%s at %s adds nothing (no threshold set): left out", name, path)
            continue
        previous = next((a for a in after if a in nlp.pipe_names), None)
        for component in source.pipe_names:
            nlp.add_pipe(component, source=source, after=previous)
            previous = component
            added.append(component)
    return added
