"""A lookup that does what spaCy's AttributeRuler does, several times faster.

The small English model's attribute ruler (the tag map and the morphology exceptions: POS,
MORPH and LEMMA from TAG, LOWER and DEP) runs a Matcher over every token: about a fifth of
raw spaCy's time on news. Its patterns are single tokens (and a few pairs) tested on a handful
of attributes, so the outcome for a token depends only on those attributes: it is computed
once per distinct combination and cached. Matches are applied in the ruler's order (later
patterns win), to the same token, with spaCy's own setter, so the Doc comes out identical
(tests/test_attribute_lookup.py compares both on every token). A ruler with a pattern this
lookup cannot read (operators, regexes, other attributes) runs as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import DEP, IS_SPACE, LOWER, NORM, ORTH, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# the token attributes a pattern may test here: string-valued ones compare hashes
STRING_ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "ORTH": ORTH, "NORM": NORM}
FLAG_ATTRS = {"IS_SPACE": IS_SPACE}


class Unreadable(ValueError):
    """A ruler pattern this lookup cannot reproduce exactly."""


@dataclass(frozen=True)
class Test:
    """One attribute test of one pattern token: column, kind ("eq", "in", "not_in", "regex"),
    the hashes it accepts (or refuses), or the regex and the strings to read the hash with."""

    column: int
    kind: str
    values: frozenset[int] = frozenset()
    regex: re.Pattern | None = None
    strings: object = None

    def holds(self, key: tuple[int, ...]) -> bool:
        value = key[self.column]
        if self.kind == "not_in":
            return value not in self.values
        if self.kind == "regex":
            return bool(self.regex.search(self.strings[value]))
        return value in self.values


@dataclass(frozen=True)
class Pattern:
    """One alternative of a ruler entry: its token tests, and which token gets the attributes."""

    entry: int
    tokens: tuple[tuple[Test, ...], ...]
    target: int


class AttributeLookup:
    """Applies an AttributeRuler's patterns by lookup; falls back to the ruler if it must."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.attrs = list(ruler.attrs)
        try:
            self.columns, self.patterns = _compile(ruler)
        except Unreadable:
            self.columns, self.patterns = [], []
            self.fallback = True
        else:
            self.fallback = False
        # (column, hash) -> the (pattern, token position) whose tests include that equality:
        # a key is tested only against the pattern tokens one of its values can satisfy
        self._index: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._unindexed: list[tuple[int, int]] = []
        for number, pattern in enumerate(self.patterns):
            for position, tests in enumerate(pattern.tokens):
                exact = [t for t in tests if t.kind in ("eq", "in")]
                if not exact:
                    self._unindexed.append((number, position))
                for value in exact[0].values if exact else ():
                    self._index.setdefault((exact[0].column, value), []).append((number, position))
        self._multi = [n for n, p in enumerate(self.patterns) if len(p.tokens) > 1]
        self._seen: dict[tuple[int, ...], tuple[frozenset[tuple[int, int]], tuple[int, ...]]] = {}
        self._attrs_by_entries: dict[tuple[int, ...], dict] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.fallback or not len(doc):
            return self.ruler(doc)
        rows = doc.to_array(self.columns).reshape(len(doc), len(self.columns)).tolist()
        seen = [self._satisfied(tuple(row)) for row in rows]
        extra = self._multi_token_entries([tokens for tokens, _ in seen])
        for i, (_, entries) in enumerate(seen):
            if i in extra:
                entries = tuple(sorted(set(entries) | extra[i]))
            if entries:
                set_token_attrs(doc[i], self._merged(entries))
        return doc

    def _satisfied(self, key: tuple[int, ...]) -> tuple[frozenset[tuple[int, int]], tuple[int, ...]]:
        """The (pattern, position) pairs whose token this key satisfies, and the entries of the
        one-token patterns among them."""
        known = self._seen.get(key)
        if known is None:
            candidates = set(self._unindexed)
            for column, value in enumerate(key):
                candidates.update(self._index.get((column, value), ()))
            tokens = frozenset(
                (number, position)
                for number, position in candidates
                if all(t.holds(key) for t in self.patterns[number].tokens[position])
            )
            single = {self.patterns[n].entry for n, _ in tokens if len(self.patterns[n].tokens) == 1}
            known = self._seen[key] = (tokens, tuple(sorted(single)))
        return known

    def _multi_token_entries(self, satisfied: list[frozenset[tuple[int, int]]]) -> dict[int, set[int]]:
        found: dict[int, set[int]] = {}
        for start, tokens in enumerate(satisfied):
            for number in self._multi:
                if (number, 0) not in tokens:
                    continue
                pattern = self.patterns[number]
                width = len(pattern.tokens)
                if start + width <= len(satisfied) and all(
                    (number, j) in satisfied[start + j] for j in range(1, width)
                ):
                    found.setdefault(start + pattern.target, set()).add(pattern.entry)
        return found

    def _merged(self, entries: tuple[int, ...]) -> dict:
        """The attributes the ruler leaves on a token these entries match (later ones win)."""
        merged = self._attrs_by_entries.get(entries)
        if merged is None:
            merged = {}
            for entry in entries:
                merged.update(self.attrs[entry])
            self._attrs_by_entries[entries] = merged
        return merged


def _compile(ruler: AttributeRuler) -> tuple[list[int], list[Pattern]]:
    strings = ruler.vocab.strings
    used: list[int] = []
    patterns = []
    raw = [(entry, p["patterns"], p["index"]) for entry, p in enumerate(ruler.patterns)]
    for entry, alternatives, index in raw:
        for alternative in alternatives:
            if not isinstance(alternative, list) or not alternative:
                raise Unreadable(f"pattern {alternative!r}")
            if not -len(alternative) <= index < len(alternative):
                raise Unreadable(f"index {index} outside {alternative!r}")
            tokens = tuple(tuple(_tests(spec, used, strings)) for spec in alternative)
            patterns.append(Pattern(entry, tokens, index % len(alternative)))
    return used, patterns


def _tests(spec: dict, used: list[int], strings) -> list[Test]:
    tests = []
    for name, wanted in spec.items():
        attr = STRING_ATTRS.get(name, FLAG_ATTRS.get(name))
        if attr is None:
            raise Unreadable(f"attribute {name}")
        if attr not in used:
            used.append(attr)
        column = used.index(attr)
        if name in FLAG_ATTRS:
            if not isinstance(wanted, bool):
                raise Unreadable(f"{name}: {wanted!r}")
            tests.append(Test(column, "eq", frozenset({int(wanted)})))
        elif isinstance(wanted, str):
            tests.append(Test(column, "eq", frozenset({strings.add(wanted)})))
        elif isinstance(wanted, dict) and list(wanted) == ["REGEX"] and isinstance(wanted["REGEX"], str):
            tests.append(Test(column, "regex", regex=re.compile(wanted["REGEX"]), strings=strings))
        elif isinstance(wanted, dict) and len(wanted) == 1 and set(wanted) <= {"IN", "NOT_IN"}:
            kind, values = next(iter(wanted.items()))
            if not all(isinstance(v, str) for v in values):
                raise Unreadable(f"{name}: {wanted!r}")
            tests.append(Test(column, kind.lower(), frozenset(strings.add(v) for v in values)))
        else:
            raise Unreadable(f"{name}: {wanted!r}")
    return tests
