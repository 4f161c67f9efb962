"""The default pipeline's trained span layer: PROJECT and REGION names the rules miss.

Two components, trained and saved together under `models/trained/spans/`:

- `news_spans`, a spaCy `spancat` whose features are the small model's own tok2vec output
  (`doc.tensor`, already computed for the tagger and parser, so free; `newsx.DocTensor.v1`
  passes no gradient back) beside hashed NORM/PREFIX/SUFFIX/SHAPE embeddings, scoring the
  candidates of `newsx.name_suggester.v1`: runs of capitalized words (and numbers, inner
  function words, a lower-case head noun) rather than every n-gram, which keeps it fast;
- `news_span_additions`, which turns its spans over text no rule took into records through
  `span_records` (normalized the rule way), only at or above the threshold of their label.
  The thresholds are chosen by the train command on the training articles (an inner split,
  `pipeline/training/span_thresholds.py`); a label whose additions did not raise its table's
  F1 there has none (null) and adds nothing.
"""

from __future__ import annotations

from typing import Callable, Iterable

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry
from thinc.api import Model, Ops, get_current_ops
from thinc.types import Floats2d, Ragged

from .span_records import add_projects, add_regions, inside_other_name, new_spans, taken_chars

SPANS_KEY = "news_spans"
LABELS = ("PROJECT", "REGION")
# lower-case words a name may hold inside ("Bank of Georgia", "Trans-Adriatic", "Port of Poti")
CONNECTORS = frozenset({"of", "and", "the", "-", "–", "&", "de", "du", "la", "el", "al", "/"})
# lower-case words that may stand inside or at the end of a candidate ("Rasht-Astara railway",
# "Khudafarin hydro junction"): nouns and their modifiers
INNER_POS = frozenset({"NOUN", "ADJ", "PROPN", "NUM"})
MAX_LENGTH = 8


def _is_name_word(text: str) -> bool:
    return text[:1].isupper() or any(c.isdigit() for c in text)


def name_candidates(doc: Doc, max_length: int = MAX_LENGTH) -> list[tuple[int, int]]:
    """(start, end) token offsets of the name-like runs of a Doc (see the module docstring).

    A candidate starts with a capitalized word or a number, holds capitalized words, numbers,
    connectors and lower-case nouns or adjectives, stops at a sentence start or a line break,
    and ends with a capitalized word, a number or a lower-case noun.
    """
    # one pass over the tokens: a token may end a candidate (2), stand inside one (1), or not (0)
    kinds, starts, breaks = [], [], []
    for tok in doc:
        text = tok.text
        name = _is_name_word(text) and not tok.is_space
        lower = tok.is_lower
        if name or (lower and tok.pos_ == "NOUN"):
            kinds.append(2)
        elif tok.lower_ in CONNECTORS or (lower and tok.pos_ in INNER_POS):
            kinds.append(1)
        else:
            kinds.append(0)
        starts.append(name and not tok.is_punct)
        breaks.append("\n" in tok.whitespace_)
    sent_starts = [tok.is_sent_start for tok in doc] if doc.has_annotation("SENT_START") else [False] * len(doc)
    out = []
    for i in range(len(doc)):
        if not starts[i]:
            continue
        for j in range(i, min(len(doc), i + max_length)):
            if (j > i and sent_starts[j]) or not kinds[j]:
                break
            if kinds[j] == 2:
                out.append((i, j + 1))
            if breaks[j]:
                break
    return out


@registry.misc("newsx.name_suggester.v1")
def make_name_suggester(max_length: int = MAX_LENGTH) -> Callable[..., Ragged]:
    """The spancat suggester of name-like runs of at most `max_length` tokens."""

    def suggest(docs: Iterable[Doc], *, ops: Ops | None = None) -> Ragged:
        ops = ops or get_current_ops()
        spans, lengths = [], []
        for doc in docs:
            found = name_candidates(doc, max_length)
            lengths.append(len(found))
            if found:
                spans.append(ops.asarray2i(np.asarray(found, dtype="i")))
        lengths_array = ops.asarray1i(lengths)
        if spans:
            return Ragged(ops.xp.vstack(spans), lengths_array)
        return Ragged(ops.xp.zeros((0, 0), dtype="i"), lengths_array)

    return suggest


@registry.architectures("newsx.DocTensor.v1")
def doc_tensor(width: int = 96) -> Model[list[Doc], list[Floats2d]]:
    """The rows of `doc.tensor` (the model's tok2vec output) per token; no gradient flows back.

    A Doc without a tensor (one no tok2vec ran on) gets zeros.
    """
    return Model("doc_tensor", _tensor_forward, dims={"nO": width})


def _tensor_forward(model: Model, docs: list[Doc], is_train: bool):
    width = model.get_dim("nO")
    out = []
    for doc in docs:
        tensor = doc.tensor
        if tensor is None or tensor.ndim != 2 or tensor.shape != (len(doc), width):
            out.append(model.ops.alloc2f(len(doc), width))
        else:
            out.append(model.ops.asarray2f(tensor))
    return out, lambda d_out: []


def scored_spans(doc: Doc, key: str = SPANS_KEY) -> list[tuple[Span, float]]:
    """The spancat's spans with their probabilities, most probable first, without overlaps."""
    group = doc.spans[key] if key in doc.spans else []
    if not len(group):
        return []
    scores = group.attrs.get("scores")
    flat = np.asarray(scores if scores is not None else [], dtype="f").reshape(-1)
    probs = [float(p) for p in flat] if len(flat) == len(group) else [1.0] * len(group)
    kept, seen = [], set()
    for span, prob in sorted(zip(group, probs), key=lambda x: (-x[1], x[0].start)):
        if seen.isdisjoint(range(span.start, span.end)):
            kept.append((span, prob))
            seen.update(range(span.start, span.end))
    return kept


def additions(doc: Doc, key: str = SPANS_KEY) -> list[tuple[Span, float]]:
    """The spans (with probabilities) that could become records: over text no rule record took;
    a REGION also outside person mentions and NER names of other kinds. A PROJECT may take a
    person mention's text: NER calls many unfamiliar names people ("Nabucco", "Rail Baltica"),
    and a person who holds no office is in no table."""
    taken = taken_chars(doc._.regions or [], doc._.projects or [], doc._.officials or [])
    people = taken_chars(doc._.persons or [])
    free = {(s.start, s.end, s.label_) for s in new_spans(doc, key, taken)}
    return [
        (span, prob)
        for span, prob in scored_spans(doc, key)
        if (span.start, span.end, span.label_) in free
        and not (
            span.label_ == "REGION"
            and (inside_other_name(doc, span) or not people.isdisjoint(range(span.start_char, span.end_char)))
        )
    ]


def apply_additions(doc: Doc, thresholds: dict[str, float | None], key: str = SPANS_KEY) -> Doc:
    """Add the spans at or above their label's threshold to `doc._.regions`/`doc._.projects`
    (a person mention a PROJECT covers is dropped from `doc._.persons`)."""
    chosen: dict[str, list[Span]] = {label: [] for label in LABELS}
    for span, prob in additions(doc, key):
        threshold = thresholds.get(span.label_)
        if threshold is not None and prob >= threshold:
            chosen[span.label_].append(span)
    by_start = lambda s: s.start  # noqa: E731
    if chosen["REGION"]:
        doc._.regions = add_regions(doc._.regions or [], sorted(chosen["REGION"], key=by_start))
    if chosen["PROJECT"]:
        before = doc._.projects or []
        doc._.projects = add_projects(before, sorted(chosen["PROJECT"], key=by_start))
        covered = taken_chars([p for p in doc._.projects if p not in before])
        if covered and doc._.persons:
            doc._.persons = [m for m in doc._.persons
                             if covered.isdisjoint(range(m.start_char, m.end_char))]
    return doc


class SpanAdditions:
    """Adds the trained spans no rule took to the records, per label above its threshold."""

    def __init__(self, thresholds: dict[str, float | None], spans_key: str = SPANS_KEY):
        unknown = set(thresholds) - set(LABELS)
        if unknown:
            raise ValueError(
                f"news_span_additions: unknown label(s) {sorted(unknown)} in thresholds; "
                f"expected some of {list(LABELS)}, e.g. {{\"PROJECT\": 0.95, \"REGION\": null}}"
            )
        self.thresholds = dict(thresholds)
        self.spans_key = spans_key

    @property
    def active(self) -> bool:
        """Whether any label adds: without one, the run-time pipeline leaves the layer out."""
        return any(t is not None for t in self.thresholds.values())

    def __call__(self, doc: Doc) -> Doc:
        return apply_additions(doc, self.thresholds, self.spans_key)


@Language.factory(
    "news_span_additions",
    assigns=["doc._.regions", "doc._.projects"],
    requires=["doc._.regions", "doc._.projects", "doc._.officials"],
    default_config={"thresholds": {"PROJECT": None, "REGION": None}, "spans_key": SPANS_KEY},
)
def make_span_additions(
    nlp: Language, name: str, thresholds: dict[str, float | None], spans_key: str
) -> SpanAdditions:
    return SpanAdditions(thresholds, spans_key)
