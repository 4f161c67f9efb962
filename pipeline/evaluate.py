"""Score predicted tables against gold files, as ANNOTATION.md "How a prediction is scored" says.

Pure matching and scoring functions in the middle; `load_gold` and `load_predictions` are the I/O
edges. Per article, predicted rows are matched to gold rows one to one (greedy by best score,
ties broken by row order, so the result is deterministic), then counts are summed over the
corpus (micro-averaged).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from pipeline.evaluation import dates as date_scoring
from pipeline.resources import load_json

TABLES = ("officials", "regions", "projects", "dates", "relations")
RELATION_TYPES = ("MET_WITH", "PART_OF", "LOCATED_IN")
# (table, attribute) pairs whose accuracy over matched pairs is reported
ATTRIBUTES = (
    ("officials", "role"),
    ("officials", "country"),
    ("regions", "type"),
    ("regions", "country"),
    ("projects", "type"),
    ("dates", "value"),
    ("dates", "mod"),
)

PROJECT_DICE_MIN = 0.6  # the guide's threshold on the Dice overlap of two names' word sets
WORD_SIMILARITY_MIN = 85.0  # rapidfuzz ratio for "small spelling differences" ("Rogun"/"Roghun")
FUZZY_WORD_MIN_LEN = 4  # shorter words, and words with digits, must be equal
# match scores: an exact name beats a looser rule, so greedy matching prefers it
EXACT, NAME_RULE, ALIAS_RULE = 1.0, 0.9, 0.8
ATTRIBUTE_BONUS = 0.01  # tie-breaker: among equal name matches prefer the one with right attributes


# --------------------------------------------------------------------------- scores


@dataclass
class Counts:
    """True positives, false positives and false negatives of one table."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 0 when the gold is empty."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


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


# --------------------------------------------------------------------------- normalization


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    return load_json("scoring.json")


def fold(text: str | None) -> str:
    """Case-fold and strip accents; quotes unified and spaces collapsed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    return " ".join(text.casefold().split())


def fold_label(text: str | None) -> str:
    """Fold a role or type for comparison: case, accents, hyphens, underscores and spaces."""
    return re.sub(r"[\s\-_]+", "", fold(text))


def _words(text: str | None) -> list[str]:
    return re.findall(r"[^\W_]+", fold(text))


# --------------------------------------------------------------------------- officials


def _person_tokens(name: str | None) -> list[str]:
    tokens = [t.strip(".'-") for t in re.findall(r"[\w.'\-]+", fold(name))]
    tokens = [t for t in tokens if t]
    suffixes = set(_lexicon()["name_suffixes"])
    while len(tokens) > 1 and tokens[-1] in suffixes:
        tokens.pop()
    return tokens


def _given_compatible(short: list[str], long: list[str]) -> bool:
    """Each given name of the shorter form matches, in order, one of the longer (initials too)."""
    position = 0
    for token in short:
        while position < len(long) and not _given_token_match(token, long[position]):
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


def _given_token_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return False


def person_names_match(a: str | None, b: str | None) -> float:
    """EXACT when equal after folding, NAME_RULE for one last name with compatible given names, else 0."""
    ta, tb = _person_tokens(a), _person_tokens(b)
    if not ta or not tb:
        return 0.0
    if ta == tb:
        return EXACT
    if ta[-1] != tb[-1]:
        return 0.0
    ga, gb = ta[:-1], tb[:-1]
    short, long = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    return NAME_RULE if _given_compatible(short, long) else 0.0


def _names(row: dict) -> list[str]:
    return [str(a) for a in (row.get("aliases") or []) if a]


def official_match(gold: dict, pred: dict) -> float:
    """How well a predicted official's name matches a gold one (0 = no match)."""
    best = person_names_match(gold.get("name"), pred.get("name"))
    if best == EXACT:
        return best
    # one of the gold aliases, or a predicted alias naming the gold official
    pairs = [(alias, pred.get("name")) for alias in _names(gold)]
    pairs += [(gold.get("name"), alias) for alias in _names(pred)]
    for g, p in pairs:
        if person_names_match(g, p):
            best = max(best, ALIAS_RULE)
    return best


# --------------------------------------------------------------------------- regions


def region_key(name: str | None) -> str:
    """A region name folded, designator words ("Province", "Oblast") dropped when others remain."""
    words = _words(name)
    designators = set(_lexicon()["region_designators"])
    kept = [w for w in words if w not in designators]
    return " ".join(kept or words)


def _region_code(row: dict) -> str:
    return str(row.get("country") or row.get("iso_code") or "").upper()


def region_match(gold: dict, pred: dict) -> float:
    """How well a predicted region matches a gold one: name, folded name, or country code."""
    if fold(gold.get("name")) == fold(pred.get("name")) and fold(gold.get("name")):
        return EXACT
    if region_key(gold.get("name")) and region_key(gold.get("name")) == region_key(pred.get("name")):
        return NAME_RULE
    if (
        gold.get("type") == "country"
        and pred.get("type") == "country"
        and _region_code(gold)
        and _region_code(gold) == _region_code(pred)
    ):
        return NAME_RULE
    return 0.0


# --------------------------------------------------------------------------- projects


def project_name_forms(name: str | None) -> list[list[str]]:
    """Word lists of a name: as written, bracket dropped, bracket alone, bracket for the word before it."""
    if not name:
        return []
    text = fold(name)
    forms = [text]
    match = re.search(r"\(([^)]*)\)", text)
    if match:
        before, inside, after = text[: match.start()], match.group(1), text[match.end() :]
        forms.append(f"{before} {after}")
        forms.append(inside)
        head = before.rstrip()
        cut = max(head.rfind(" "), 0)
        forms.append(f"{head[:cut]} {inside} {after}")
    result = []
    for form in forms:
        words = [w for w in _words(form) if w != "the"]
        if words and words not in result:
            result.append(words)
    return result


def _words_similar(a: str, b: str) -> float:
    """1 for equal words, the ratio / 100 for small spelling differences, else 0."""
    if a == b:
        return 1.0
    if min(len(a), len(b)) < FUZZY_WORD_MIN_LEN or any(ch.isdigit() for ch in a + b):
        return 0.0
    ratio = fuzz.ratio(a, b)
    return ratio / 100 if ratio >= WORD_SIMILARITY_MIN else 0.0


def project_words_match(a: list[str], b: list[str]) -> float:
    """Dice overlap of two word sets (fuzzy word matching); 0 below the threshold or with only generic words shared."""
    set_a, set_b = sorted(set(a)), sorted(set(b))
    if not set_a or not set_b:
        return 0.0
    # numbers identify ("Corridor 1" is not "Corridor 2a"): numbered names must share a number
    numbers_a = {w for w in set_a if any(ch.isdigit() for ch in w)}
    numbers_b = {w for w in set_b if any(ch.isdigit() for ch in w)}
    if numbers_a and numbers_b and not numbers_a & numbers_b:
        return 0.0
    generic = set(_lexicon()["generic_project_words"])
    pairs = sorted(
        ((_words_similar(x, y), i, j) for i, x in enumerate(set_a) for j, y in enumerate(set_b)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_a, used_b, shared, specific = set(), set(), 0, False
    for similarity, i, j in pairs:
        if similarity <= 0:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        shared += 1
        specific = specific or (set_a[i] not in generic and set_b[j] not in generic)
    dice = 2 * shared / (len(set_a) + len(set_b))
    if not specific or dice < PROJECT_DICE_MIN:
        return 0.0
    return dice


def project_match(gold: dict, pred: dict) -> float:
    """How well a predicted project's names match a gold one's (best over names, aliases and bracket forms)."""
    best = 0.0
    gold_names = [gold.get("name")] + _names(gold)
    pred_names = [pred.get("name")] + _names(pred)
    for gi, g in enumerate(gold_names):
        for pi, p in enumerate(pred_names):
            for gw in project_name_forms(g):
                for pw in project_name_forms(p):
                    dice = project_words_match(gw, pw)
                    if dice:
                        # names beat aliases; within a kind, more overlap is better
                        weight = EXACT if gi == pi == 0 else ALIAS_RULE
                        best = max(best, weight * (0.5 + dice / 2))
    return best


# --------------------------------------------------------------------------- dates


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle:
        return []
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]
    if not spans:
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]
    return spans


def gold_date_spans(article: str, gold_texts: list[str]) -> list[list[tuple[int, int]]]:
    """Where each gold date text occurs in the article; occurrences inside a longer gold date are left to it."""
    found = [_occurrences(article, t) for t in gold_texts]
    result = []
    for i, spans in enumerate(found):
        longer = [
            span for j, other in enumerate(found) if len(gold_texts[j]) > len(gold_texts[i]) for span in other
        ]
        free = [s for s in spans if not any(o[0] <= s[0] and s[1] <= o[1] for o in longer)]
        result.append(free or spans)
    return result


def _span_overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def date_match_factory(article: str | None, gold_rows: list[dict]) -> Callable[[dict, dict], float]:
    """A matcher for one article's dates: a prediction matches a gold date when their texts overlap there."""
    spans = gold_date_spans(article or "", [str(g.get("text") or "") for g in gold_rows])
    index = {id(g): s for g, s in zip(gold_rows, spans)}

    def match(gold: dict, pred: dict) -> float:
        start, end = pred.get("start_char"), pred.get("end_char")
        gold_spans = index.get(id(gold), [])
        if article and gold_spans and _is_int(start) and _is_int(end):
            best = max(_span_overlap(s, (int(start), int(end))) for s in gold_spans)
            return 0.5 + best / 2 if best else 0.0
        # no offsets to go by: fall back to the texts themselves
        g, p = fold(gold.get("text")), fold(pred.get("text"))
        if g and p and (g in p or p in g):
            return 0.5 + min(len(g), len(p)) / max(len(g), len(p)) / 2
        return 0.0

    return match


def _is_int(value) -> bool:
    return isinstance(value, int) or (isinstance(value, float) and not math.isnan(value))


# --------------------------------------------------------------------------- relations


_END_KINDS = {
    "MET_WITH": ("officials", "officials"),
    "PART_OF": ("projects", "projects"),
    "LOCATED_IN": ("projects", "regions"),
}
_MATCHERS: dict[str, Callable[[dict, dict], float]] = {
    "officials": official_match,
    "regions": region_match,
    "projects": project_match,
}


def _entity(doc: dict, table: str, name: str | None) -> dict:
    """The row of `table` that a relation end names (for its aliases and type), else a bare name."""
    rows = doc.get(table) or []
    for row in rows:
        if row.get("name") == name:
            return row
    for row in rows:
        if fold(row.get("name")) == fold(name):
            return row
    return {"name": name, "aliases": []}


def _end_match(kind: str | None, gold_doc: dict, pred_doc: dict, gold_name, pred_name) -> float:
    kinds = [kind] if kind else list(_MATCHERS)
    return max(
        _MATCHERS[k](_entity(gold_doc, k, gold_name), _entity(pred_doc, k, pred_name)) for k in kinds
    )


def relation_match_factory(gold_doc: dict, pred_doc: dict) -> Callable[[dict, dict], float]:
    """A matcher for one article's relations: same type, both ends matching (either order for MET_WITH)."""

    def match(gold: dict, pred: dict) -> float:
        kind = gold.get("type")
        if fold_label(kind) != fold_label(pred.get("type")):
            return 0.0
        head_kind, tail_kind = _END_KINDS.get(str(kind).upper(), (None, None))

        def pair(p_head, p_tail) -> float:
            head = _end_match(head_kind, gold_doc, pred_doc, gold.get("head"), p_head)
            tail = _end_match(tail_kind, gold_doc, pred_doc, gold.get("tail"), p_tail)
            return min(head, tail)

        best = pair(pred.get("head"), pred.get("tail"))
        if str(kind).upper() == "MET_WITH":
            best = max(best, pair(pred.get("tail"), pred.get("head")))
        return best

    return match


# --------------------------------------------------------------------------- matching


def match_rows(
    gold: list[dict], predicted: list[dict], similarity: Callable[[dict, dict], float]
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, greedy by best similarity, ties by row order."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            score = similarity(g, p)
            if score > 0:
                candidates.append((-score, i, j))
    candidates.sort()
    used_gold, used_pred, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _same(table: str, attribute: str, gold, pred) -> bool:
    if attribute == "role" or attribute == "type":
        return fold_label(gold) == fold_label(pred)
    if attribute == "country":
        return str(gold or "").upper() == str(pred or "").upper()
    return str(gold or "").strip() == str(pred or "").strip()


def _with_attribute_bonus(
    table: str, similarity: Callable[[dict, dict], float]
) -> Callable[[dict, dict], float]:
    attributes = [a for t, a in ATTRIBUTES if t == table]

    def scored(gold: dict, pred: dict) -> float:
        base = similarity(gold, pred)
        if not base:
            return 0.0
        right = sum(_same(table, a, gold.get(a), pred.get(a)) for a in attributes)
        return base + ATTRIBUTE_BONUS * right

    return scored


def _row_label(table: str, row: dict) -> str:
    if table == "relations":
        return f"{row.get('head')} -{row.get('type')}- {row.get('tail')}"
    return str(row.get("name") if table != "dates" else row.get("text"))


def _lookup(predicted: dict[str, dict], doc: str) -> dict | None:
    if doc in predicted:
        return predicted[doc]
    # a run over a parent folder keeps sub-folders in `source`: fall back to the file name
    by_name = [key for key in predicted if Path(key).name == Path(doc).name]
    return predicted[by_name[0]] if len(by_name) == 1 else None


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
                similarity = _MATCHERS[table]
            pairs = match_rows(gold_rows, pred_rows, _with_attribute_bonus(table, similarity))
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
                    if _same(table, attribute, g_value, p_value):
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


LINKED_TABLES = ("officials", "regions", "projects")


def _same_gold_official(a: dict, b: dict) -> bool:
    if a.get("country") and b.get("country") and str(a["country"]).upper() != str(b["country"]).upper():
        return False
    ta, tb = _person_tokens(a.get("name")), _person_tokens(b.get("name"))
    if len(ta) >= 2 and len(tb) >= 2:
        # transliteration variants of one surname ("Rouhani"/"Rohani") name one person too
        if person_names_match(a.get("name"), b.get("name")) > 0:
            return True
        return bool(_words_similar(ta[-1], tb[-1])) and ta[0][0] == tb[0][0]
    # a surname alone names the same person only with the same role and country
    return (
        person_names_match(a.get("name"), b.get("name")) > 0
        and fold_label(a.get("role")) == fold_label(b.get("role"))
        and str(a.get("country") or "").upper() == str(b.get("country") or "").upper()
    )


def _project_keys(row: dict) -> set[str]:
    generic = set(_lexicon()["generic_project_words"])
    keys = set()
    for name in [row.get("name")] + _names(row):
        for words in project_name_forms(name):
            keys.add(" ".join(sorted(set(words) - generic)) or " ".join(words))
    return keys


def _same_gold_entity(table: str, a: dict, b: dict) -> bool:
    if table == "officials":
        return _same_gold_official(a, b)
    if table == "projects":
        # the same distinctive words, in any of their names, aliases or bracket forms
        return bool(_project_keys(a) & _project_keys(b))
    return region_match(a, b) > 0 and _region_code(a) == _region_code(b)


def gold_entities(table: str, rows: list[dict]) -> list[int]:
    """Which gold rows of different articles name one entity: a group number per row.

    Gold rows are one entity when they are named alike: officials by the same full name (up
    to initials and middle names: "Hillary Clinton", "Hillary Rodham Clinton") or a surname with
    the same role and country; projects by the same distinctive words in a name or alias;
    regions by the region matching rule and country.
    """
    parent = list(range(len(rows)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(rows):
        for j in range(i + 1, len(rows)):
            if _same_gold_entity(table, a, rows[j]):
                parent[find(j)] = find(i)
    return [find(i) for i in range(len(rows))]


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


# --------------------------------------------------------------------------- output


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
            for row in errors.misses.get(table, []):
                lines.append(f"  MISS {table:<10} {_describe(table, row)}")
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


# --------------------------------------------------------------------------- loading


def load_gold(gold_dir: str | Path) -> dict[str, dict]:
    """Gold JSON files of a folder, keyed by their `doc` field ("000.txt")."""
    gold = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold[data.get("doc") or f"{path.stem}.txt"] = data
    return gold


_PRED_COLUMNS = {
    "officials": ("name", "aliases", "role", "country", "organization", "posted_to", "entity_id"),
    "regions": ("name", "type", "country", "iso_code", "entity_id"),
    "projects": ("name", "aliases", "type", "countries", "part_of", "entity_id"),
    "dates": ("text", "start_char", "end_char", "type", "value", "mod"),
    "relations": ("type", "head", "tail"),
}


def load_predictions(out_dir: str | Path) -> dict[str, dict]:
    """A run's output tables as gold-shaped dicts per document, keyed by `documents.source`."""
    import pandas as pd  # the scoring functions need no pandas; only this loader does

    out_dir = Path(out_dir)

    def read(table: str) -> pd.DataFrame | None:
        for path in (out_dir / f"{table}.parquet", out_dir / table):
            if path.exists():
                return pd.read_parquet(path)
        return None

    documents = read("documents")
    if documents is None:
        raise FileNotFoundError(f"no documents table in {out_dir} (expected documents.parquet)")
    result: dict[str, dict] = {}
    by_id: dict[str, dict] = {}
    for row in documents.to_dict("records"):
        doc = {
            "doc_id": row.get("doc_id"),
            "published": _plain(row.get("published")),
            "text": _plain(row.get("text")) or "",
            **{table: [] for table in TABLES},
        }
        source = _plain(row.get("source")) or _plain(row.get("doc_id"))
        result[str(source)] = doc
        by_id[str(row.get("doc_id"))] = doc
    for table, columns in _PRED_COLUMNS.items():
        frame = read(table)
        if frame is None:
            continue
        for row in frame.to_dict("records"):
            doc = by_id.get(str(row.get("doc_id")))
            if doc is not None:
                doc[table].append({c: _plain(row.get(c)) for c in columns if c in row})
    return result


def _plain(value):
    """A parquet cell as plain Python: arrays to lists, NaN/NA to None, dates to ISO strings."""
    if value is None:
        return None
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()[:10]
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    return value
