"""The `train` command: every trainable component, trained with spaCy's own loop.

TRAINERS maps a component's folder under `models/trained/` to the config under
`configs/<folder>.cfg` that trains it; adding a trainable component is one entry here and one
config there. Each config has `paths.gold` (the gold folders) and the corpus readers'
`include` (the article ids of one training fold, for cross-validation) to fill. A trainer
may have a `tune` step run after the loop on the same training articles (the relation
scorer's thresholds, `thresholds.py`).
"""

from __future__ import annotations

import io
import logging
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import spacy
from spacy.language import Language
from spacy.training.initialize import init_nlp
from spacy.training.loop import train as train_loop
from spacy.util import fix_random_seed, load_config

# the readers the configs name (entry points too; imported so that an install made before
# they were added still finds them)
from .corpus import annotated_gold  # noqa: F401
from .span_corpus import annotated_spans  # noqa: F401
from .span_thresholds import tune_additions
from .thresholds import tune_thresholds

log = logging.getLogger(__name__)

CONFIG_DIR = Path(__file__).resolve().parent / "configs"


@dataclass(frozen=True)
class Trainer:
    """A trainable component: its config, and the folder its weights go to."""

    folder: str  # under models/trained/
    config: Path
    # (trained nlp, fit(article ids) -> nlp, gold dirs, include, seed=) -> settings it chose
    tune: Callable | None = None


# in the order the components run: the span layer's records reach the relation scorer
TRAINERS: dict[str, Trainer] = {
    "spans": Trainer("spans", CONFIG_DIR / "spans.cfg", tune=tune_additions),
    "relations": Trainer("relations", CONFIG_DIR / "relations.cfg", tune=tune_thresholds),
}


def train_component(
    trainer: Trainer,
    gold_dirs: Iterable[str | Path],
    *,
    include: list[str] | None = None,
    seed: int = 0,
    overrides: dict | None = None,
    log_file: io.TextIOBase | None = None,
) -> Language:
    """Train one component on the gold folders (only the `include` article ids, if given),
    then run its tune step on the same articles."""
    gold_dirs = [Path(d) for d in gold_dirs]
    nlp = fit_component(trainer, gold_dirs, include=include, seed=seed, overrides=overrides,
                        log_file=log_file)
    if trainer.tune is not None:

        def fit(ids: list[str]) -> Language:
            return fit_component(trainer, gold_dirs, include=ids, seed=seed, overrides=overrides)

        chosen = trainer.tune(nlp, fit, gold_dirs, include, seed=seed)
        log.info("%s: tuned %s", trainer.folder, chosen)
    return nlp


def fit_component(
    trainer: Trainer,
    gold_dirs: Iterable[str | Path],
    *,
    include: list[str] | None = None,
    seed: int = 0,
    overrides: dict | None = None,
    log_file: io.TextIOBase | None = None,
) -> Language:
    """spaCy's training loop for one component on the gold folders (`include`: article ids)."""
    settings = {
        "paths.gold": [str(Path(d)) for d in gold_dirs],
        "system.seed": seed,
        "corpora.train.include": include,
        "corpora.dev.include": include,
        **(overrides or {}),
    }
    config = load_config(trainer.config, overrides=settings, interpolate=False)
    fix_random_seed(seed)
    nlp = init_nlp(config)
    stream = log_file or io.StringIO()
    nlp, _ = train_loop(nlp, None, stdout=stream, stderr=stream)
    return nlp


def train_all(
    gold_dirs: list[Path],
    out: Path,
    *,
    components: Iterable[str] | None = None,
    seed: int = 0,
    log_file: io.TextIOBase | None = None,
) -> dict[str, Path]:
    """Train the named components (default all of TRAINERS) and write each to out/<folder>."""
    names = list(components) if components else list(TRAINERS)
    unknown = [n for n in names if n not in TRAINERS]
    if unknown:
        raise ValueError(f"unknown trainable component(s) {unknown}; known: {sorted(TRAINERS)}")
    written = {}
    for name in names:
        trainer = TRAINERS[name]
        started = time.perf_counter()
        nlp = train_component(trainer, gold_dirs, seed=seed, log_file=log_file)
        target = out / trainer.folder
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        # the components read no strings: a blank vocabulary keeps the training articles'
        # words out of the committed weights
        nlp.to_disk(target, exclude=["vocab"])
        spacy.blank(nlp.lang).vocab.to_disk(target / "vocab")
        log.info("%s trained in %.0f s -> %s", name, time.perf_counter() - started, target)
        written[name] = target
    return written
