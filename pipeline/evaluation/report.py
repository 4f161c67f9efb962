"""The evaluation report: the plain-text tables of `evaluate`, its JSON form and the error lists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict

from . import dates as date_scoring
from .matching import TABLES
from .scoring import Counts, Report



def _counts_dict(c: Counts) -> dict:
    return {
        "tp": c.tp,
        "fp": c.fp,
        "fn": c.fn,
        "precision": round(c.precision, 4),
        "recall": round(c.recall, 4),
        "f1": round(c.f1, 4),
    }


def report_to_dict(report: Report, *, errors: bool = False) -> dict:
    """The report's figures as plain JSON-ready data (for `--json FILE`); `errors` adds the per-document lists."""
    figures = {
        "documents": report.gold_documents,
        "missing_documents": list(report.missing_documents),
        "tables": {name: _counts_dict(c) for name, c in report.tables.items()},
        "attributes": {
            name: {"correct": a.correct, "total": a.total, "accuracy": round(a.accuracy, 4)}
            for name, a in report.attributes.items()
        },
        "linking": {name: _counts_dict(c) for name, c in report.linking.items()},
        "dates": date_scoring.scores_to_dict(report.dates),
    }
    if errors:
        figures["errors"] = {
            doc: {
                "missing": e.missing,
                "misses": e.misses,
                "false_positives": e.false_positives,
                "attribute_errors": [asdict(a) for a in e.attribute_errors],
            }
            for doc, e in report.documents.items()
        }
    return figures


def _counts_line(label: str, c: Counts) -> str:
    return f"{label:<22}{c.tp:>6}{c.fp:>6}{c.fn:>6}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}"


def format_report(report: Report) -> str:
    """A plain-text table of precision, recall and F1 per table, then attribute accuracies."""
    lines = [f"{'table':<22}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for name, c in report.tables.items():
        lines.append(_counts_line("  " + name.split(":", 1)[1] if ":" in name else name, c))
    lines.append("")
    lines.append(f"{'attribute':<22}{'right':>8}{'of':>6}{'accuracy':>10}")
    for name, a in report.attributes.items():
        lines.append(f"{name:<22}{a.correct:>8}{a.total:>6}{a.accuracy:>10.3f}")
    if report.linking:
        lines.append("")
        lines.append(f"{'linking (pairwise)':<22}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}")
        for name, c in report.linking.items():
            lines.append(_counts_line(name, c))
    lines.append("")
    lines.append(date_scoring.format_scores(report.dates))
    lines.append("")
    summary = f"{report.gold_documents} gold documents"
    if report.missing_documents:
        summary += f", {len(report.missing_documents)} missing from the predictions: "
        summary += ", ".join(report.missing_documents)
    lines.append(summary)
    return "\n".join(lines)


def format_errors(report: Report, tables: Iterable[str] | None = None) -> str:
    """Per document: misses (gold rows not found), false positives and attribute errors."""
    wanted = set(tables) if tables else set(TABLES)
    out = []
    for doc, errors in report.documents.items():
        lines = []
        for table in TABLES:
            if table not in wanted:
                continue
            for k, row in enumerate(errors.misses.get(table, [])):
                status = errors.relation_status[k] if table == "relations" else ""
                lines.append(f"  MISS {table:<10} {_describe(table, row)}" + (f" ({status})" if status else ""))
            for row in errors.false_positives.get(table, []):
                lines.append(f"  FP   {table:<10} {_describe(table, row)}")
        for error in errors.attribute_errors:
            if error.table in wanted:
                lines.append(
                    f"  ATTR {error.table}.{error.attribute:<8} {error.name!r}: "
                    f"gold {error.gold!r} predicted {error.predicted!r}"
                )
        if lines:
            head = f"{doc}" + (" (missing from the predictions)" if errors.missing else "")
            out.append("\n".join([head] + lines))
    return "\n\n".join(out)


def _describe(table: str, row: dict) -> str:
    if table == "officials":
        return f"{row.get('name')!r} role={row.get('role')!r} country={row.get('country')!r}"
    if table == "regions":
        return f"{row.get('name')!r} type={row.get('type')!r} country={row.get('country')!r}"
    if table == "projects":
        return f"{row.get('name')!r} type={row.get('type')!r}"
    if table == "dates":
        where = f" @{row.get('start_char')}" if row.get("start_char") is not None else ""
        return f"{row.get('text')!r}{where} value={row.get('value')!r}"
    return f"{row.get('type')} {row.get('head')!r} -> {row.get('tail')!r}"
