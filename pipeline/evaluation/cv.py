"""Cross-validation: `python -m pipeline evaluate --cv K --gold DIR [--gold DIR2]`.

The articles of the gold folders are split into K folds by a seeded shuffle (by article). For
each fold the trainable components are trained on the other K-1 folds with the same config as
`train`, the pipeline with those weights runs on the held-out articles, and every table is
scored with the scorer of `evaluate`. The figures are the mean and spread over folds, per table
and relation type, beside the rules alone on the same folds: the gap between these and the
figures on articles the code was trained or written on is how much it fits what it has seen.

The rule pipeline runs once per article (the training reader's cache); only the trained
components run per fold.
"""

from __future__ import annotations

import io
import random
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from ..language.nlp import DEFAULT_MODEL, result_of, sentence_spans
from ..tables.rows import ArticleResult, SentenceIndex, article_rows
from .gold import _PRED_COLUMNS
from .report import report_to_dict
from .scoring import Counts, Report, score
from ..training.corpus import annotated
from ..training.train import TRAINERS, train_component
from ..trained.relations import rule_relations

SCORED = ("officials", "regions", "projects", "dates", "relations",
          "relations:MET_WITH", "relations:PART_OF", "relations:LOCATED_IN")


@dataclass
class FoldResult:
    """One held-out fold: its articles and the reports of the trained and rule pipelines."""

    articles: list[str]
    trained: Report
    rules: Report


def split_folds(ids: list[str], k: int, seed: int = 0) -> list[list[str]]:
    """K folds of article ids: a seeded shuffle dealt round-robin (sizes differ by one at most)."""
    if not 2 <= k <= len(ids):
        raise ValueError(f"--cv needs 2 <= K <= the number of articles ({len(ids)}); got {k}")
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    return [sorted(order[i::k]) for i in range(k)]


def predicted_doc(doc: Doc, text: str, records: ArticleResult) -> dict:
    """An annotated Doc's rows, shaped as `load_predictions` reads a run's output."""
    rows = article_rows("doc", records, SentenceIndex(text, sentence_spans(doc)))
    out = {"text": text}
    for table, columns in _PRED_COLUMNS.items():
        out[table] = [{c: row.get(c) for c in columns if c in row} for row in rows[table]]
    return out


def _apply(doc: Doc, trained: list[Language]) -> ArticleResult:
    """The records of the trained components run on an annotated Doc, which is then restored:
    the Doc is cached and trains the components of later folds, so it keeps the rule records."""
    rules = doc._.regions, doc._.projects, doc._.persons, doc._.relations
    for nlp in trained:
        for _, pipe in nlp.pipeline:
            doc = pipe(doc)
    result = result_of(doc)
    doc._.regions, doc._.projects, doc._.persons, doc._.relations = rules
    for key in list(doc.spans):
        del doc.spans[key]
    return result


def _rules_only(doc: Doc) -> ArticleResult:
    result = result_of(doc)
    result.relations = rule_relations(doc)
    return result


def cross_validate(
    gold_dirs: list[Path],
    k: int = 5,
    *,
    seed: int = 0,
    model: str = DEFAULT_MODEL,
    overrides: dict | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[FoldResult]:
    """Train on K-1 folds and score the held-out one, for each of the K folds."""
    items = annotated(gold_dirs, model)
    by_id = {aid: (item, doc) for aid, item, doc, _ in items}
    folds = split_folds(list(by_id), k, seed)
    results = []
    for n, held_out in enumerate(folds):
        training = sorted(set(by_id) - set(held_out))
        trained = [
            train_component(
                trainer, gold_dirs, include=training, seed=seed, overrides=overrides,
                log_file=io.StringIO(),
            )
            for trainer in TRAINERS.values()
        ]
        gold, predicted, rules = {}, {}, {}
        for aid in held_out:
            item, doc = by_id[aid]
            gold[aid] = item.gold
            rules[aid] = predicted_doc(doc, item.article.text, _rules_only(doc))
            predicted[aid] = predicted_doc(doc, item.article.text, _apply(doc, trained))
        results.append(FoldResult(held_out, score(gold, predicted), score(gold, rules)))
        if progress:
            f1 = results[-1].trained.tables["relations"].f1
            progress(f"fold {n + 1}/{k}: {len(held_out)} articles, relations F1 {f1:.3f}")
    return results


def _spread(values: list[float]) -> str:
    mean = statistics.fmean(values)
    std = statistics.pstdev(values) if len(values) > 1 else 0.0
    return f"{mean:>7.3f} ±{std:.3f} [{min(values):.3f}-{max(values):.3f}]"


def format_cv(results: list[FoldResult]) -> str:
    """Mean ± std [min-max] over folds of P, R and F1 per table, trained and rules alone."""
    lines = [
        f"{len(results)}-fold cross-validation over {sum(len(r.articles) for r in results)} articles "
        "(mean ±std [min-max] over folds)",
        f"{'table':<14}{'P':>26}{'R':>26}{'F1':>26}{'F1 rules alone':>28}",
    ]
    for name in SCORED:
        label = "  " + name.split(":")[1] if ":" in name else name
        trained = [r.trained.tables[name] for r in results]
        rules = [r.rules.tables[name].f1 for r in results]
        lines.append(
            f"{label:<14}{_spread([c.precision for c in trained]):>26}"
            f"{_spread([c.recall for c in trained]):>26}{_spread([c.f1 for c in trained]):>26}"
            f"{_spread(rules):>28}"
        )
    pooled = Counts()
    for r in results:
        c = r.trained.tables["relations"]
        pooled.tp, pooled.fp, pooled.fn = pooled.tp + c.tp, pooled.fp + c.fp, pooled.fn + c.fn
    lines.append(
        f"relations pooled over folds: P {pooled.precision:.3f} R {pooled.recall:.3f} F1 {pooled.f1:.3f}"
    )
    return "\n".join(lines)


def cv_to_dict(results: list[FoldResult]) -> dict:
    """Per-fold figures as JSON-ready data (for `--json FILE`)."""
    return {
        "folds": [
            {
                "articles": r.articles,
                "trained": report_to_dict(r.trained)["tables"],
                "rules": report_to_dict(r.rules)["tables"],
            }
            for r in results
        ]
    }
