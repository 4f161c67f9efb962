"""Date scores the way temporal taggers are compared: strict and relaxed span match, type accuracy.

The dates table's main figures count a prediction right when its text overlaps a gold date
(ANNOTATION.md). That is the "relaxed" match of TempEval; this module adds the "strict" one
(the exact span) and the accuracy of `type` (DATE, DURATION, SET) over relaxed matches, so a
change that trims or widens spans, or mixes up durations and dates, shows in the figures.

Pure: gold and predicted rows in, counts out; `scoring` supplies the gold spans and
the relaxed pairs it has already matched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .counts import Counts

Span = tuple[int, int]


SpanCounts = Counts  # one way of matching spans: strict or relaxed


@dataclass
class DateScores:
    """Corpus figures for dates: strict (exact span) and relaxed (overlap) match, type accuracy."""

    strict: SpanCounts = field(default_factory=SpanCounts)
    relaxed: SpanCounts = field(default_factory=SpanCounts)
    type_right: int = 0
    type_total: int = 0

    @property
    def type_accuracy(self) -> float:
        """Share of relaxed matches whose type (DATE, DURATION, SET) is the gold type."""
        return self.type_right / self.type_total if self.type_total else 0.0


def _span(row: dict) -> Span | None:
    start, end = row.get("start_char"), row.get("end_char")
    try:
        return int(start), int(end)
    except (TypeError, ValueError):  # no offsets (None, NaN): only the text can be compared
        return None


def _fold(text) -> str:
    return " ".join(str(text or "").lower().split())


def exact_span_pairs(
    gold_rows: list[dict], pred_rows: list[dict], gold_spans: list[list[Span]]
) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) pairs whose spans are the same characters, in row order.

    `gold_spans[i]` are the places gold row i's text occurs in the article. A prediction
    without offsets matches on its text alone (case and spaces folded).
    """
    used: set[int] = set()
    pairs = []
    for i, gold in enumerate(gold_rows):
        spans = set(gold_spans[i]) if i < len(gold_spans) else set()
        for j, pred in enumerate(pred_rows):
            if j in used:
                continue
            span = _span(pred)
            same = span in spans if span is not None and spans else _fold(gold.get("text")) == _fold(pred.get("text"))
            if same:
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def add_article(
    scores: DateScores,
    gold_rows: list[dict],
    pred_rows: list[dict],
    gold_spans: list[list[Span]],
    relaxed_pairs: list[tuple[int, int]],
) -> None:
    """Add one article's dates to `scores`; `relaxed_pairs` are the overlap matches already made."""
    strict = exact_span_pairs(gold_rows, pred_rows, gold_spans)
    scores.strict.add(len(strict), len(gold_rows), len(pred_rows))
    scores.relaxed.add(len(relaxed_pairs), len(gold_rows), len(pred_rows))
    for i, j in relaxed_pairs:
        scores.type_total += 1
        scores.type_right += _fold(gold_rows[i].get("type")) == _fold(pred_rows[j].get("type"))


def _counts_dict(c: SpanCounts) -> dict:
    return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": round(c.precision, 4),
            "recall": round(c.recall, 4), "f1": round(c.f1, 4)}


def scores_to_dict(scores: DateScores) -> dict:
    """The figures as JSON-ready data (the `dates` entry of `evaluate --json`)."""
    return {
        "strict": _counts_dict(scores.strict),
        "relaxed": _counts_dict(scores.relaxed),
        "type": {"correct": scores.type_right, "total": scores.type_total,
                 "accuracy": round(scores.type_accuracy, 4)},
    }


def format_scores(scores: DateScores) -> str:
    """A plain-text block: strict and relaxed P/R/F1, then type accuracy."""
    lines = [f"{'dates by span':<22}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for label, c in (("strict (exact)", scores.strict), ("relaxed (overlap)", scores.relaxed)):
        lines.append(f"{'  ' + label:<22}{c.tp:>6}{c.fp:>6}{c.fn:>6}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
    lines.append(f"{'  type accuracy':<22}{scores.type_right:>6} of {scores.type_total:<6}{scores.type_accuracy:>10.3f}")
    return "\n".join(lines)
