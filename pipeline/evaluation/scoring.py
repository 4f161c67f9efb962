"""Scoring: counts per table and attribute, summed over the corpus (micro-averaged).

`score` matches each article's predicted rows to its gold rows (`matching.py`), counts true and
false positives and misses per table, attribute accuracies over matched pairs, and the pairwise
precision and recall of the corpus linking (`pairwise_linking`). Pure functions and records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import dates as date_scoring
from .counts import Counts
from .relation_status import miss_status
from .matching import (
    ATTRIBUTES,
    LINKED_TABLES,
    MATCHERS,
    RELATION_TYPES,
    TABLES,
    _lookup,
    date_match_factory,
    gold_date_spans,
    gold_entities,
    match_rows,
    relation_match_factory,
    same_attribute,
    with_attribute_bonus,
)


@dataclass
class Accuracy:
    """Right answers of one attribute over matched pairs."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        """correct / total; 0 when no pair was matched."""
        return self.correct / self.total if self.total else 0.0


@dataclass
class AttributeMismatch:
    """A matched pair whose attribute differs: what gold says and what was predicted."""

    table: str
    attribute: str
    name: str
    gold: object
    predicted: object


@dataclass
class DocumentErrors:
    """One article's misses (gold rows unmatched), false positives and attribute errors."""

    missing: bool = False
    misses: dict[str, list[dict]] = field(default_factory=dict)
    false_positives: dict[str, list[dict]] = field(default_factory=dict)
    attribute_errors: list[AttributeMismatch] = field(default_factory=list)
    relation_status: list[str] = field(default_factory=list)  # per relation miss: its ends' status


@dataclass
class Report:
    """Corpus scores per table and attribute, and per-document error lists."""

    tables: dict[str, Counts]
    attributes: dict[str, Accuracy]
    documents: dict[str, DocumentErrors]
    gold_documents: int = 0
    missing_documents: list[str] = field(default_factory=list)
    linking: dict[str, Counts] = field(default_factory=dict)
    dates: date_scoring.DateScores = field(default_factory=date_scoring.DateScores)


def _row_label(table: str, row: dict) -> str:
    if table == "relations":
        return f"{row.get('head')} -{row.get('type')}- {row.get('tail')}"
    return str(row.get("name") if table != "dates" else row.get("text"))


def score(gold: dict[str, dict], predicted: dict[str, dict]) -> Report:
    """Score predictions against gold, both keyed by document file name ("000.txt")."""
    tables = {name: Counts() for name in TABLES}
    tables.update({f"relations:{t}": Counts() for t in RELATION_TYPES})
    attributes = {f"{t}.{a}": Accuracy() for t, a in ATTRIBUTES}
    documents: dict[str, DocumentErrors] = {}
    missing: list[str] = []
    linked: dict[str, list[tuple[str, str, str]]] = {t: [] for t in LINKED_TABLES}
    date_scores = date_scoring.DateScores()
    for doc in sorted(gold):
        gold_doc = gold[doc]
        pred_doc = _lookup(predicted, doc)
        errors = DocumentErrors(missing=pred_doc is None)
        if pred_doc is None:
            missing.append(doc)
            pred_doc = {}
        for table in TABLES:
            gold_rows = list(gold_doc.get(table) or [])
            pred_rows = list(pred_doc.get(table) or [])
            if table == "dates":
                similarity = date_match_factory(pred_doc.get("text"), gold_rows)
            elif table == "relations":
                similarity = relation_match_factory(gold_doc, pred_doc)
            else:
                similarity = MATCHERS[table]
            pairs = match_rows(gold_rows, pred_rows, with_attribute_bonus(table, similarity))
            matched_gold = {i for i, _ in pairs}
            matched_pred = {j for _, j in pairs}
            _count(tables[table], len(pairs), gold_rows, pred_rows)
            if table == "dates":
                gold_spans = gold_date_spans(pred_doc.get("text") or "", [str(g.get("text") or "") for g in gold_rows])
                date_scoring.add_article(date_scores, gold_rows, pred_rows, gold_spans, pairs)
            if table == "relations":
                for kind in RELATION_TYPES:
                    _count(
                        tables[f"relations:{kind}"],
                        sum(1 for i, _ in pairs if str(gold_rows[i].get("type")).upper() == kind),
                        [r for r in gold_rows if str(r.get("type")).upper() == kind],
                        [r for r in pred_rows if str(r.get("type")).upper() == kind],
                    )
            if table in LINKED_TABLES:
                linked[table] += [
                    (doc, gold_rows[i], str(pred_rows[j].get("entity_id")))
                    for i, j in pairs
                    if pred_rows[j].get("entity_id") is not None
                ]
            errors.misses[table] = [r for i, r in enumerate(gold_rows) if i not in matched_gold]
            if table == "relations":
                errors.relation_status = [miss_status(gold_doc, pred_doc, r) for r in errors.misses[table]]
            errors.false_positives[table] = [r for j, r in enumerate(pred_rows) if j not in matched_pred]
            for i, j in pairs:
                for t, attribute in ATTRIBUTES:
                    if t != table:
                        continue
                    g_value, p_value = gold_rows[i].get(attribute), pred_rows[j].get(attribute)
                    if attribute == "mod" and "mod" not in gold_rows[i]:
                        g_value = None  # the guide makes mod optional: absent means none
                    accuracy = attributes[f"{table}.{attribute}"]
                    accuracy.total += 1
                    if same_attribute(table, attribute, g_value, p_value):
                        accuracy.correct += 1
                    else:
                        errors.attribute_errors.append(
                            AttributeMismatch(table, attribute, _row_label(table, gold_rows[i]), g_value, p_value)
                        )
        documents[doc] = errors
    linking = {table: pairwise_linking(table, items) for table, items in linked.items()}
    linking["all"] = Counts(
        tp=sum(c.tp for c in linking.values()),
        fp=sum(c.fp for c in linking.values()),
        fn=sum(c.fn for c in linking.values()),
    )
    return Report(
        tables, attributes, documents, len(gold), missing_documents=missing, linking=linking,
        dates=date_scores,
    )


def pairwise_linking(table: str, items: list[tuple[str, dict, str]]) -> Counts:
    """Pairwise linking scores over matched rows of different articles.

    Each item is (document, gold row, predicted entity_id). A pair of rows from two articles
    is a true positive when both the gold and the prediction put them in one entity, a false
    positive when only the prediction does, a false negative when only the gold does.
    """
    groups = gold_entities(table, [row for _, row, _ in items])
    counts = Counts()
    for i, (doc_a, _, pred_a) in enumerate(items):
        for j in range(i + 1, len(items)):
            doc_b, _, pred_b = items[j]
            if doc_a == doc_b:
                continue
            same_gold, same_pred = groups[i] == groups[j], pred_a == pred_b
            counts.tp += same_gold and same_pred
            counts.fp += same_pred and not same_gold
            counts.fn += same_gold and not same_pred
    return counts


def _count(counts: Counts, tp: int, gold_rows: list, pred_rows: list) -> None:
    counts.tp += tp
    counts.fn += len(gold_rows) - tp
    counts.fp += len(pred_rows) - tp
