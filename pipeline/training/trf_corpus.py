"""Gold files -> spaCy training Docs for the trf span head (PROJECT and REGION spans).

The gold files name entities but give no offsets, so the spans are found in the text: every
whole-word occurrence of a gold project's or region's name or alias, plus the mentions the rule
pipeline finds whose entity is a gold one under another surface form ("U.S." for "United
States"). Overlaps keep the longer span, so a place inside a project's name is no REGION, as
the annotation guide says.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from ..language.nlp import make_doc
from ..normalize.names import fold
from .gold import read_gold_corpus

Labelled = tuple[int, int, str]  # start_char, end_char, label


def gold_names(gold: dict) -> dict[str, set[str]]:
    """The surface forms of each label's gold entities (names and aliases)."""
    names: dict[str, set[str]] = {"PROJECT": set(), "REGION": set()}
    for label, table in (("PROJECT", "projects"), ("REGION", "regions")):
        for row in gold.get(table) or []:
            for name in [row.get("name")] + list(row.get("aliases") or []):
                if name and name.strip():
                    names[label].add(name.strip())
    return names


def occurrences(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Whole-word, case-sensitive occurrences of `name` in `text`."""
    for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
        yield match.start(), match.end()


def rule_mentions(doc: Doc, gold: dict) -> list[Labelled]:
    """Mentions found by the rule components (run on `doc`) whose entity is a gold one."""
    wanted = {label: {fold(n) for n in names} for label, names in gold_names(gold).items()}
    found = []
    for label, records in (("REGION", doc._.regions or []), ("PROJECT", doc._.projects or [])):
        for record in records:
            forms = {fold(record.name)} | {fold(a) for a in getattr(record, "aliases", [])}
            if forms & wanted[label]:
                found += [(m.start_char, m.end_char, label) for m in record.mentions]
    return found


def without_overlaps(spans: Iterable[Labelled]) -> list[Labelled]:
    """Keep the longest of overlapping spans (PROJECT first on a tie), in text order."""
    kept: list[Labelled] = []
    taken: set[int] = set()
    longest_first = sorted(set(spans), key=lambda s: (s[0] - s[1], s[2] != "PROJECT", s[0]))
    for start, end, label in longest_first:
        if taken.isdisjoint(range(start, end)):
            kept.append((start, end, label))
            taken.update(range(start, end))
    return sorted(kept)


def labelled_spans(doc: Doc, gold: dict) -> list[Labelled]:
    """Every PROJECT and REGION span of one article (see the module docstring)."""
    spans = list(rule_mentions(doc, gold))
    for label, names in gold_names(gold).items():
        for name in names:
            spans += [(s, e, label) for s, e in occurrences(doc.text, name)]
    return without_overlaps(spans)


def set_spans(doc: Doc, spans: list[Labelled], key: str) -> Doc:
    """Store the labelled spans that fall on token boundaries in `doc.spans[key]`."""
    out: list[Span] = []
    for start, end, label in spans:
        span = doc.char_span(start, end, label=label, alignment_mode="contract")
        if span is not None and len(span):
            out.append(span)
    doc.spans[key] = out
    return doc


def corpus_docs(nlp: Language, corpus: Path, key: str) -> Iterator[Doc]:
    """Training Docs of one corpus folder (articles/ and gold/): tokens of the small model."""
    items = read_gold_corpus(corpus)
    docs = nlp.pipe(make_doc(nlp, item.article.text, item.article.published) for item in items)
    for item, doc in zip(items, docs):
        yield set_spans(doc, labelled_spans(doc, item.gold), key)


def write_docbin(docs: Iterable[Doc], path: Path) -> int:
    """Write the Docs (tokens, sentences and spans, no custom attributes) to a .spacy file."""
    bin_ = DocBin(attrs=["ORTH", "SENT_START"], store_user_data=False)
    count = 0
    for doc in docs:
        bin_.add(doc)
        count += 1
    bin_.to_disk(path)
    return count
