"""Decision thresholds of the relation scorer, chosen on the training articles only.

A threshold picked on the same articles the weights were fit to would sit too high (the model
is sure of what it has seen). So the training articles are split again (seeded, by article):
a model trained on all but one inner fold scores that fold, and the out-of-fold probabilities
of every training candidate give, per relation type, the threshold with the best F1. No
held-out article (of cross-validation, or of anyone's test set) takes part.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Callable

import numpy as np
from spacy.language import Language

from ..trained.candidates import RELATION_TYPES, records_of
from ..trained.relations import TYPE_COLUMN, cached
from .corpus import fold_items

COMPONENT = "news_relation_scorer"
GRID = tuple(round(x, 2) for x in np.arange(0.1, 0.91, 0.05))
DEFAULT = 0.5


def _inner_folds(ids: list[str], k: int, seed: int) -> list[list[str]]:
    order = sorted(ids)
    random.Random(seed + 1).shuffle(order)
    return [order[i::k] for i in range(k)]


def best_pair(probs: list[float], labels: list[bool], proposed: list[bool]) -> tuple[float, float]:
    """The grid thresholds (other pairs, rule-proposed pairs) with the best F1 over both."""
    probs_a, labels_a, rule_a = np.asarray(probs), np.asarray(labels, dtype=bool), np.asarray(proposed, dtype=bool)
    positives = int(labels_a.sum())
    best, best_f1 = (DEFAULT, DEFAULT), -1.0
    for plain in GRID:
        for ruled in GRID:
            chosen = probs_a >= np.where(rule_a, ruled, plain)
            tp = int((chosen & labels_a).sum())
            fp = int((chosen & ~labels_a).sum())
            f1 = 2 * tp / (tp + fp + positives) if tp else 0.0
            if f1 >= best_f1:
                best, best_f1 = (float(plain), float(ruled)), f1
    return best


def tune_thresholds(
    nlp: Language,
    train_fold: Callable[[list[str]], Language],
    gold_dirs: list[Path],
    include: list[str] | None,
    *,
    inner_k: int = 3,
    seed: int = 0,
    model: str | None = None,
) -> dict[str, float]:
    """Per-type thresholds from out-of-fold probabilities; written into nlp's scorer."""
    items = fold_items(gold_dirs, include, model)
    by_id = {aid: (doc, alignment) for aid, _, doc, alignment in items}
    if len(by_id) < inner_k:
        return nlp.get_pipe(COMPONENT).cfg["thresholds"]
    probs: dict[str, list[float]] = {t: [] for t in RELATION_TYPES}
    labels: dict[str, list[bool]] = {t: [] for t in RELATION_TYPES}
    proposed: dict[str, list[bool]] = {t: [] for t in RELATION_TYPES}
    for fold in _inner_folds(list(by_id), inner_k, seed):
        scorer = train_fold(sorted(set(by_id) - set(fold))).get_pipe(COMPONENT)
        for aid in fold:
            doc, _ = by_id[aid]
            (scores,) = scorer.predict([doc])
            candidates, _ = cached(doc, scorer._window, scorer._buckets)
            records = records_of(doc)
            for cand, row in zip(candidates, scores):
                probs[cand.type].append(float(row[TYPE_COLUMN[cand.type]]))
                labels[cand.type].append(cand.key(records) in by_id[aid][1].positives)
                proposed[cand.type].append(cand.proposed_by_rule)
    pipe = nlp.get_pipe(COMPONENT)
    thresholds: dict[str, float] = {}
    for t in RELATION_TYPES:
        thresholds[t], thresholds[f"{t}:rule"] = best_pair(probs[t], labels[t], proposed[t])
    pipe.cfg["thresholds"] = thresholds
    return thresholds
