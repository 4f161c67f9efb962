"""A gazetteer match in a Doc, and the word lists and token tests the region rules share."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ...normalize.gazetteer import Place, context_words
from ...normalize.geo import fold_name
from ..doc_views import texts


@dataclass
class _Match:
    """A gazetteer hit: tokens [start, end), the base name's end, and the chosen place."""

    start: int
    end: int
    base_end: int
    candidates: tuple[Place, ...]
    hint: str | None = None  # "subdivision" or "city" from a suffix or a cue
    place: Place | None = None
    excluded: bool = False
    chars: tuple[int, int] | None = None  # a piece of one token ("U.S." in "U.S.-Armenia")

    def char_span(self, doc: Doc) -> tuple[int, int]:
        """Character offsets of the mention in the Doc text."""
        if self.chars is not None:
            return self.chars
        return doc[self.start].idx, doc[self.end - 1].idx + len(doc[self.end - 1].text)


@lru_cache(maxsize=1)
def _words() -> dict[str, object]:
    words = context_words()
    return {
        "sub_suffixes": sorted(
            (tuple(w.split()) for w in words["subdivision_suffixes"]), key=len, reverse=True
        ),
        "city_suffixes": [tuple(w.split()) for w in words["city_suffixes"]],
        "sub_cues": [tuple(fold_name(w).split()) for w in words["subdivision_cues_before"]],
        "compass": {fold_name(w) for w in words["compass_words"]},
        "heads": sorted(
            (tuple(fold_name(w).split()) for w in words["infrastructure_heads"]),
            key=len,
            reverse=True,
        ),
        "orgs": set(words["organisation_words"]),
        "orgs_before": set(words["organisation_words_before"]),
        "units": set(words.get("unit_words_after_region", [])),
        "chain_heads": [tuple(fold_name(w).split()) for w in words["chain_heads"]],
        "person_entry": {fold_name(w) for w in words["person_entry_words"]},
        "town_before": [tuple(fold_name(w).split()) for w in words["town_words_before"]],
    }


def by_word(phrases: list[tuple[str, ...]], index: int) -> dict[str, list[tuple[str, ...]]]:
    """Phrases indexed by their word at `index` (0 first, -1 last), each list in the given order,
    so a rule tries only the phrases that can match at a token and still the first one wins."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        table.setdefault(phrase[index], []).append(phrase)
    return table


@lru_cache(maxsize=1)
def _indexed_words() -> dict[str, dict[str, list[tuple[str, ...]]]]:
    """The suffixes by their first word, the cues before a name by their last (folded for cues)."""
    words = _words()
    return {
        "sub_suffixes": by_word(words["sub_suffixes"], 0),
        "city_suffixes": by_word(words["city_suffixes"], 0),
        "sub_cues": by_word(words["sub_cues"], -1),
        "town_before": by_word(words["town_before"], -1),
    }


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


def _tokens_match(doc: Doc, start: int, words: tuple[str, ...], *, fold: bool) -> bool:
    if start < 0 or start + len(words) > len(doc):
        return False
    tokens = texts(doc)
    for i, word in enumerate(words):
        text = tokens[start + i]
        if (fold_name(text) if fold else text) != word:
            return False
    return True


@lru_cache(maxsize=2)
def _heads_by_first_word(chains: bool) -> dict[str, list[tuple[str, ...]]]:
    """Infrastructure heads (and chain heads) indexed by their first folded word."""
    words = _words()
    index: dict[str, list[tuple[str, ...]]] = {}
    for head in words["heads"] + (words["chain_heads"] if chains else []):
        index.setdefault(head[0], []).append(head)
    return index


def _head_at(doc: Doc, start: int, *, chains: bool) -> bool:
    """Whether an infrastructure head ("railway", "power plant") starts at token `start`."""
    if start >= len(doc):
        return False
    candidates = _heads_by_first_word(chains).get(fold_name(texts(doc)[start]), ())
    return any(_tokens_match(doc, start, head, fold=True) for head in candidates)
