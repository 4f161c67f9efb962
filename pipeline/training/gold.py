"""Gold files aligned to what the rule pipeline finds at run time.

The relation scorer learns on the same inputs it meets at run time: the rule pipeline runs on
each gold article, its officials/projects/regions are matched to the gold rows with the
scorer's own matching (`pipeline.evaluate`), and a candidate pair is positive when gold states
that relation between the matched entities. A gold relation that cannot be aligned (an end not
in the article text, or not found by the extractors) is reported with its file and row and left
out of the labels.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from ..evaluation.matching import _end_match, _entity
from ..inputs.readers import read_articles
from ..records import Article
from ..trained.candidates import END_KINDS, records_of, relation_key


@dataclass(frozen=True)
class GoldArticle:
    """One gold file with its article, read from a corpus folder (articles/ and gold/)."""

    name: str  # the article's file name, "201.txt"
    gold_path: Path
    article: Article
    gold: dict


@dataclass
class Alignment:
    """The positive pairs of one article (in the predicted records' names) and what was skipped."""

    positives: set[tuple[str, str, str]] = field(default_factory=set)
    skipped: list[str] = field(default_factory=list)  # "FILE relations[ROW] ...: why"


def corpus_dirs(gold_dir: Path) -> tuple[Path, Path]:
    """(articles folder, gold folder) of a corpus given as its root or its gold/ folder."""
    gold_dir = Path(gold_dir)
    if (gold_dir / "gold").is_dir():
        return gold_dir / "articles", gold_dir / "gold"
    return gold_dir.parent / "articles", gold_dir


def read_gold_corpus(gold_dir: Path) -> list[GoldArticle]:
    """Every gold file of a corpus with its article (a gold file without article is an error)."""
    articles_dir, gold_dir = corpus_dirs(gold_dir)
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"no gold folder at {gold_dir}")
    out = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        name = gold.get("doc") or f"{path.stem}.txt"
        article_path = articles_dir / name
        if not article_path.exists():
            raise FileNotFoundError(f"{path}: its article {article_path} does not exist")
        articles = [a for a in read_articles(article_path) if a.status == "ok"]
        if len(articles) != 1:
            raise ValueError(f"{article_path}: expected one readable article for {path.name}")
        out.append(GoldArticle(name, path, articles[0], gold))
    return out


def predicted_tables(doc: Doc) -> dict[str, list[dict]]:
    """The Doc's records as the gold-shaped rows the scorer's matchers read."""
    records = records_of(doc)
    return {
        "officials": [
            {"name": o.name, "aliases": list(o.aliases), "role": o.role, "country": o.country}
            for o in records["officials"]
        ],
        "regions": [
            {"name": r.name, "type": r.type, "country": r.country, "iso_code": r.iso_code}
            for r in records["regions"]
        ],
        "projects": [
            {"name": p.name, "aliases": list(p.aliases), "type": p.type} for p in records["projects"]
        ],
    }


def _best_record(kind: str, gold_doc: dict, pred_doc: dict, gold_name: str) -> str | None:
    """The predicted record an end of a gold relation matches best (the scorer's end matching)."""
    best, best_score = None, 0.0
    for row in pred_doc[kind]:
        score = _end_match(kind, gold_doc, pred_doc, gold_name, row["name"])
        if score > best_score:
            best, best_score = row["name"], score
    return best


def align(item: GoldArticle, doc: Doc) -> Alignment:
    """Label the pairs of a rule-annotated Doc with the gold relations of its article."""
    result = Alignment()
    pred_doc = predicted_tables(doc)
    text = item.article.text.lower()
    for row, rel in enumerate(item.gold.get("relations") or []):
        kind = str(rel.get("type", "")).upper()
        where = f"{item.gold_path} relations[{row}] {kind} {rel.get('head')!r} -> {rel.get('tail')!r}"
        if kind not in END_KINDS:
            result.skipped.append(f"{where}: unknown relation type")
            continue
        ends = []
        for side, end_kind in zip(("head", "tail"), END_KINDS[kind]):
            name = rel.get(side)
            gold_row = _entity(item.gold, end_kind, name)
            forms = [gold_row.get("name") or "", *(gold_row.get("aliases") or [])]
            if not any(f and f.lower() in text for f in forms) and not _words_in(name, text):
                result.skipped.append(f"{where}: {side} {name!r} is not in the article text")
                break
            found = _best_record(end_kind, item.gold, pred_doc, name)
            if found is None:
                result.skipped.append(f"{where}: {side} {name!r} not found by the extractors")
                break
            ends.append(found)
        else:
            if ends[0] != ends[1]:
                result.positives.add(relation_key(kind, ends[0], ends[1]))
    return result


def _words_in(name: str | None, text: str) -> bool:
    """Every word of a name in the text (names are written in full, mentions may be short)."""
    words = [w for w in str(name or "").lower().replace("-", " ").split() if len(w) > 2]
    return bool(words) and any(w in text for w in words)
