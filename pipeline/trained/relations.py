"""The trained relation scorer: a spaCy TrainablePipe that decides the Doc's relation rows.

It runs after the rule components. For each candidate pair (`candidates.find_candidates`:
entity pairs within the window, plus the pairs the rules proposed) it computes a feature row
(`features.featurize`) and a small thinc network gives one probability per relation type:

    features -> Relu(hidden_width, dropout) -> Linear(3) -> sigmoid (in the pipe)

The feature groups the network reads are a setting (`parts`; the committed config reads the
hand features only, which CV measured best). A candidate whose probability reaches the type's
threshold (tuned on the training articles, `pipeline/training/thresholds.py`) becomes a
relation row with that probability as its `confidence`; the rule rows of `doc._.relations` are replaced. Rule rows
whose ends are no extracted record (a `part_of` naming a project the text never names as one)
have no candidate and are kept as they are.

Registered names: factory `news_relation_scorer`, architecture `newsx.RelationScorer.v1`.
"""

from __future__ import annotations

from itertools import islice
from typing import Callable, Iterable, Sequence

import numpy as np
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc
from spacy.training import Example
from spacy.vocab import Vocab
from spacy.util import registry
from thinc.api import Config, Linear, Model, Optimizer, Relu, add, chain
from thinc.types import Floats2d

from ..records import Relation
from .candidates import (
    DEFAULT_WINDOW,
    END_KINDS,
    RELATION_TYPES,
    Candidate,
    find_candidates,
    records_of,
    relation_key,
)
from ..extractors.doc_views import release
from .features import FEATURE_PARTS, HAND_FEATURES, featurize, feature_width, part_columns

# doc.user_data keys: the candidates and features of a Doc, and the gold labels of a reference.
CACHE = "newsx_rel_cache"
KEEP_CACHE = "newsx_rel_keep"  # set by the training reader: Docs seen every epoch keep features
GOLD = "newsx_rel_gold"
RULES = "newsx_rule_relations"  # the rule rows, kept by the training reader before any scoring
TYPE_COLUMN = {t: k for k, t in enumerate(RELATION_TYPES)}

DEFAULT_MODEL_CONFIG = """
[model]
@architectures = "newsx.RelationScorer.v1"
hidden_width = 32
dropout = 0.3
buckets = 512
window = 1
parts = ["hand"]
"""


def cached(doc: Doc, window: int, buckets: int) -> tuple[list[Candidate], np.ndarray]:
    """The Doc's candidates and their feature rows, computed once per Doc."""
    cache = doc.user_data.setdefault(CACHE, {})
    found = cache.get((window, buckets))
    if found is None:
        candidates = find_candidates(doc, rule_relations(doc), window=window)
        found = cache[(window, buckets)] = (candidates, featurize(doc, candidates, buckets))
    return found


def rule_relations(doc: Doc) -> list[Relation]:
    """The rule system's rows: kept aside by the training reader, else `doc._.relations`."""
    rules = doc.user_data.get(RULES)
    return list(doc._.relations or []) if rules is None else rules


def build_features(window: int, buckets: int, parts: list[str]) -> Model[list[Doc], Floats2d]:
    """A parameter-free layer: Docs -> the stacked feature rows of their candidates, with the
    feature groups not in `parts` zeroed."""
    unknown = set(parts) - set(FEATURE_PARTS)
    if unknown:
        raise ValueError(f"unknown feature parts {sorted(unknown)}; known: {list(FEATURE_PARTS)}")
    keep = np.zeros(feature_width(buckets), dtype="float32")
    for part in parts:
        for lo, hi in part_columns(part, buckets):
            keep[lo:hi] = 1.0

    def forward(model: Model, docs: list[Doc], is_train: bool):
        rows = [cached(doc, window, buckets)[1] for doc in docs]
        X = np.concatenate(rows) if rows else np.zeros((0, feature_width(buckets)), "float32")
        return model.ops.asarray2f(X * keep), lambda dY: []

    return Model("newsx_relation_features", forward, dims={"nO": feature_width(buckets)},
                 attrs={"window": window, "buckets": buckets, "parts": list(parts)})


@registry.architectures("newsx.RelationScorer.v1")
def scorer_model(
    hidden_width: int,
    dropout: float,
    buckets: int,
    window: int = DEFAULT_WINDOW,
    parts: Sequence[str] = FEATURE_PARTS,
) -> Model[list[Doc], Floats2d]:
    """The network: candidate features -> one logit per relation type."""
    width = feature_width(buckets)
    hand = len(HAND_FEATURES)
    # The hand features (the rule verdict among them) also reach the output directly: a
    # linear path that a few examples can learn, beside the network over everything.
    return chain(
        build_features(window, buckets, list(parts)),
        add(
            chain(Relu(nO=hidden_width, nI=width, dropout=dropout), Linear(nO=len(RELATION_TYPES), nI=hidden_width)),
            chain(last_columns(hand), Linear(nO=len(RELATION_TYPES), nI=hand)),
        ),
    )


def last_columns(n: int) -> Model[Floats2d, Floats2d]:
    """The last `n` columns of the input (the hand features)."""

    def forward(model: Model, X: Floats2d, is_train: bool):
        width = X.shape[1]

        def backprop(dY: Floats2d) -> Floats2d:
            dX = model.ops.alloc2f(dY.shape[0], width)
            dX[:, width - n :] = dY
            return dX

        return X[:, width - n :], backprop

    return Model("newsx_last_columns", forward, dims={"nO": n})


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def _evidence(doc: Doc, cand: Candidate) -> tuple[int, int]:
    """Character span of the evidence: the sentence (or sentences) holding the pair."""
    if cand.rule is not None and cand.rule.end_char > cand.rule.start_char:
        return cand.rule.start_char, cand.rule.end_char
    first = min(cand.head_span.start, cand.tail_span.start)
    last = max(cand.head_span.end, cand.tail_span.end) - 1
    if doc.has_annotation("SENT_START"):
        return doc[first].sent.start_char, doc[last].sent.end_char
    return 0, len(doc.text)


def _first_date(doc: Doc, start: int, end: int) -> str | None:
    inside = [d for d in (doc._.dates or []) if d.type == "DATE" and start <= d.start_char < end]
    return min(inside, key=lambda d: d.start_char).value if inside else None


def threshold_of(cand: Candidate, thresholds: dict[str, float]) -> float:
    """The decision threshold of a candidate: "<TYPE>:rule" for a pair a rule proposed (where
    tuned), else the type's own. The rules' pairs and the window's others are two populations
    (most rule pairs are right, most window pairs are not), so one cut serves them badly."""
    if cand.proposed_by_rule:
        return thresholds.get(f"{cand.type}:rule", thresholds[cand.type])
    return thresholds[cand.type]


def decode(
    doc: Doc, candidates: list[Candidate], probs: np.ndarray, thresholds: dict[str, float]
) -> list[Relation]:
    """Relation rows from candidate probabilities: one row per pair, at most one direction."""
    records = records_of(doc)
    best: dict[tuple, tuple[float, Relation]] = {}
    for cand, row in zip(candidates, probs):
        p = float(row[TYPE_COLUMN[cand.type]])
        if p < threshold_of(cand, thresholds):
            continue
        head_kind, tail_kind = END_KINDS[cand.type]
        head, tail = records[head_kind][cand.head].name, records[tail_kind][cand.tail].name
        if cand.type == "MET_WITH":
            if cand.rule is not None:
                head, tail = cand.rule.head, cand.rule.tail
            elif cand.tail_span.start < cand.head_span.start:
                head, tail = tail, head
        start, end = _evidence(doc, cand)
        date = cand.rule.date_value if cand.rule is not None else None
        rel = Relation(cand.type, head, tail, start, end, date or _first_date(doc, start, end),
                       round(p, 4))
        # PART_OF both ways round is one statement: keep the likelier direction
        key = (cand.type, *sorted((head, tail)))
        if key not in best or p > best[key][0]:
            best[key] = (p, rel)
    return [rel for _, rel in sorted(best.values(), key=lambda x: (x[1].start_char, -x[0]))]


class RelationScorer(TrainablePipe):
    """Scores candidate entity pairs and writes the relations above threshold to `doc._.relations`."""

    def __init__(
        self,
        vocab: Vocab,
        model: Model,
        name: str = "news_relation_scorer",
        *,
        threshold: float = 0.5,
        thresholds: dict[str, float] | None = None,
    ) -> None:
        self.vocab = vocab
        self.model = model
        self.name = name
        self.cfg = {
            "threshold": threshold,
            # per type, and per type for the rules' own pairs ("<TYPE>:rule") where tuned
            "thresholds": {**(thresholds or {}),
                           **{t: (thresholds or {}).get(t, threshold) for t in RELATION_TYPES}},
        }

    @property
    def _window(self) -> int:
        return self.model.layers[0].attrs["window"]

    @property
    def _buckets(self) -> int:
        return self.model.layers[0].attrs["buckets"]

    def _candidates(self, doc: Doc) -> list[Candidate]:
        return cached(doc, self._window, self._buckets)[0]

    def predict(self, docs: Iterable[Doc]) -> list[np.ndarray]:
        """Probabilities per candidate (rows) and relation type (columns), one array per Doc."""
        docs = list(docs)
        logits = self.model.ops.to_numpy(self.model.predict(docs)) if docs else np.zeros((0, 3))
        sizes = [len(self._candidates(doc)) for doc in docs]
        return np.split(_sigmoid(logits), np.cumsum(sizes)[:-1]) if docs else []

    def set_annotations(self, docs: Iterable[Doc], scores: list[np.ndarray]) -> None:
        thresholds = self.cfg["thresholds"]
        for doc, probs in zip(docs, scores):
            candidates = self._candidates(doc)
            kept = [r for r in rule_relations(doc) if not _names_records(doc, r)]
            doc._.relations = decode(doc, candidates, probs, thresholds) + kept
            if not doc.user_data.get(KEEP_CACHE):
                doc.user_data.pop(CACHE, None)  # keeps the finished Doc serializable
                release(doc)  # the rules' shared word lists too (the rules left them for this pipe)

    def _labels(self, example: Example) -> np.ndarray:
        """Targets (candidates x types) and their mask: only the candidate's own type counts."""
        gold = example.reference.user_data.get(GOLD) or set()
        records = records_of(example.predicted)
        candidates = self._candidates(example.predicted)
        y = np.zeros((len(candidates), len(RELATION_TYPES)), dtype="float32")
        mask = np.zeros_like(y)
        for k, cand in enumerate(candidates):
            col = TYPE_COLUMN[cand.type]
            mask[k, col] = 1.0
            y[k, col] = float(cand.key(records) in gold)
        return y, mask

    def get_loss(self, examples: Iterable[Example], logits) -> tuple[float, np.ndarray]:
        """Binary cross-entropy of each candidate's own type; the gradient is on the logits."""
        labels = [self._labels(eg) for eg in examples]
        y = np.concatenate([a for a, _ in labels]) if labels else np.zeros((0, 3), "float32")
        mask = np.concatenate([m for _, m in labels]) if labels else np.zeros((0, 3), "float32")
        logits = self.model.ops.to_numpy(logits)
        p = _sigmoid(logits)
        d = (p - y) * mask
        eps = 1e-7
        loss = -(mask * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))).sum()
        return float(loss), self.model.ops.asarray2f(d.astype("float32"))

    def update(
        self,
        examples: Iterable[Example],
        *,
        drop: float = 0.0,
        sgd: Optimizer | None = None,
        losses: dict[str, float] | None = None,
    ) -> dict[str, float]:
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = list(examples)
        docs = [eg.predicted for eg in examples]
        if not any(self._candidates(doc) for doc in docs):
            return losses
        logits, backprop = self.model.begin_update(docs)
        loss, d_logits = self.get_loss(examples, logits)
        backprop(d_logits)
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None) -> None:
        """Dimensions are fixed by the settings; a few examples check that features build."""
        docs = [eg.predicted for eg in islice(get_examples(), 4)]
        self.model.initialize()
        if docs:
            self.model.predict(docs)

    def score(self, examples: Iterable[Example], **kwargs) -> dict[str, float]:
        """Precision, recall and F1 of the decoded rows against the aligned gold pairs."""
        tp = fp = fn = 0
        for eg in examples:
            gold = eg.reference.user_data.get(GOLD) or set()
            found = {relation_key(r.type, r.head, r.tail) for r in eg.predicted._.relations or []}
            tp += len(found & gold)
            fp += len(found - gold)
            fn += len(gold - found)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return {"rel_p": p, "rel_r": r, "rel_f": 2 * p * r / (p + r) if p + r else 0.0}


def _names_records(doc: Doc, rel: Relation) -> bool:
    """Whether both ends of a rule row are extracted records (so a candidate stood for it)."""
    records = records_of(doc)
    head_kind, tail_kind = END_KINDS[rel.type]
    return any(r.name == rel.head for r in records[head_kind]) and any(
        r.name == rel.tail for r in records[tail_kind]
    )


@Language.factory(
    "news_relation_scorer",
    assigns=["doc._.relations"],
    requires=["doc._.officials", "doc._.projects", "doc._.regions", "doc._.relations"],
    default_config={"threshold": 0.5, "thresholds": None, "model": Config().from_str(DEFAULT_MODEL_CONFIG)["model"]},
    default_score_weights={"rel_f": 1.0, "rel_p": 0.0, "rel_r": 0.0},
)
def make_relation_scorer(
    nlp: Language, name: str, model: Model, threshold: float, thresholds: dict[str, float] | None
) -> RelationScorer:
    return RelationScorer(nlp.vocab, model, name, threshold=threshold, thresholds=thresholds)
