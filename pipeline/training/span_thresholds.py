"""Per-label thresholds of the span layer's additions, chosen on the training articles only.

As for the relation scorer (`thresholds.py`), the training articles are split again (seeded,
by article): a span model trained on all but one inner fold scores that fold, and each label's
additions are scored on the table they add to (projects, regions; the evaluation's own
matching) at every threshold of the grid and with none. A label gets the threshold with the
best F1 only where that beats the rules alone; elsewhere it gets none (null) and adds nothing,
and so does a label left out of TUNED_LABELS (what cross-validation decides).
No held-out article takes part.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from spacy.language import Language

from ..evaluation.matching import MATCHERS, match_rows, with_attribute_bonus
from ..trained.spans import LABELS, SPANS_KEY, apply_additions
from .corpus import fold_items
from .thresholds import _inner_folds

SPANCAT = "news_spans"
ADDITIONS = "news_span_additions"
GRID = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99)
TABLE = {"PROJECT": "projects", "REGION": "regions"}
# The labels whose thresholds are tuned; the others add nothing. 5-fold CV over train + dev
# (2026-12-02) with both tuned (PROJECT 0.95-0.99, REGION 0.85 chosen): regions 0.951 = the
# rules alone (no addition passed), projects 0.874 against 0.876 (one false positive more, in
# one fold, and no true one). Neither helps, so neither adds until a CV shows a gain.
TUNED_LABELS: tuple[str, ...] = ()


def table_rows(table: str, records: list) -> list[dict]:
    """The columns the evaluation matches and scores, of a Doc's project or region records."""
    if table == "projects":
        return [{"name": p.name, "aliases": list(p.aliases), "type": p.type,
                 "countries": list(p.countries), "part_of": p.part_of} for p in records]
    return [{"name": r.name, "type": r.type, "country": r.country, "iso_code": r.iso_code}
            for r in records]


def _count(table: str, gold_rows: list[dict], pred_rows: list[dict]) -> tuple[int, int, int]:
    tp = len(match_rows(gold_rows, pred_rows, with_attribute_bonus(table, MATCHERS[table])))
    return tp, len(pred_rows) - tp, len(gold_rows) - tp


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def best_thresholds(counts: dict[str, dict]) -> dict[str, float | None]:
    """Per label, the threshold of the best F1 (ties: the higher) if it beats none at all."""
    chosen: dict[str, float | None] = {}
    for label, by_threshold in counts.items():
        rules = _f1(*by_threshold[None])
        best, best_f1 = None, rules
        for threshold in GRID:
            f1 = _f1(*by_threshold[threshold])
            if f1 > best_f1 or (best is not None and f1 == best_f1):
                best, best_f1 = threshold, f1
        chosen[label] = best
    return chosen


def tune_additions(
    nlp: Language,
    train_fold: Callable[[list[str]], Language],
    gold_dirs: list[Path],
    include: list[str] | None,
    *,
    inner_k: int = 3,
    seed: int = 0,
    model: str | None = None,
) -> dict[str, float | None]:
    """Choose the thresholds by the inner split and add `news_span_additions` to nlp with them."""
    items = fold_items(gold_dirs, include, model)
    by_id = {aid: (item, doc) for aid, item, doc, _ in items}
    chosen: dict[str, float | None] = {label: None for label in LABELS}
    if TUNED_LABELS and len(by_id) >= inner_k:
        counts = {label: {t: [0, 0, 0] for t in (None, *GRID)} for label in LABELS}
        for fold in _inner_folds(list(by_id), inner_k, seed):
            spancat = train_fold(sorted(set(by_id) - set(fold))).get_pipe(SPANCAT)
            for aid in fold:
                item, doc = by_id[aid]
                spancat(doc)
                rules = doc._.regions, doc._.projects, doc._.persons
                for label in LABELS:
                    table = TABLE[label]
                    for threshold in (None, *GRID):
                        apply_additions(doc, {label: threshold}, SPANS_KEY)
                        found = _count(table, list(item.gold.get(table) or []),
                                       table_rows(table, getattr(doc._, table) or []))
                        counts[label][threshold] = [a + b for a, b in zip(counts[label][threshold], found)]
                        doc._.regions, doc._.projects, doc._.persons = rules
                del doc.spans[SPANS_KEY]
        chosen.update({k: v for k, v in best_thresholds(counts).items() if k in TUNED_LABELS})
    nlp.add_pipe(ADDITIONS, config={"thresholds": chosen, "spans_key": SPANS_KEY})
    return chosen
