"""Which candidate names are one project: aliases, glosses and short forms (pure; no records).

- "NAME (ACR)", "ACR (NAME)", "NAME, also called ACR (NAME2)", "X (ACR), or NAME", "NAME – the ACR":
  the forms are one project;
- a name in brackets right after another ("Nurek Dam (..., Nurek Hydro-electric Station)") is a gloss;
- a shorter name whose distinguishing words all belong to a fuller one of a compatible type is
  its short form ("North-South corridor" of "North-South International Transport Corridor");
- initials of a name used alone are its acronym ("TAP" for "Trans Adriatic Pipeline").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .grammar import ORDINALS, Candidate
from .words import DASHES, is_acronym, is_name_token
from .lexicon import grammar, heads
from ..doc_views import texts

_LINK_WORDS = frozenset({"the", "of", "and", "to", "in", "at", "for", "between", "from", "s", "a", "an"})


@dataclass
class Group:
    """Candidates that name one project, with the acronyms and short names seen for it."""

    members: list[Candidate]
    acronyms: list[str] = field(default_factory=list)
    alias_names: list[str] = field(default_factory=list)  # name chains without a head ("Baku–Tbilisi–Kars")
    glosses: set[int] = field(default_factory=set)  # starts of members found inside a bracketed gloss


def distinctive_words(name: str) -> frozenset[str]:
    """The words of a name that tell it apart (no heads, modifiers or link words)."""
    generic = set(grammar().modifiers) | _LINK_WORDS | set(grammar().non_name_words)
    for head in heads():
        generic.update(head.split(" "))
    words = re.findall(r"[^\W_]+", name.casefold())
    return frozenset(w for w in words if w not in generic)


def initials(name: str) -> set[str]:
    """Acronyms a name may go by: initials of its capitalized words, with and without the head."""
    words = [w for w in re.split(r"[\s\-–—/]+", name) if w]
    caps = [w for w in words if w[:1].isupper()]
    out = set()
    if len(caps) >= 2:
        out.add("".join(w[0] for w in caps))
        named = [w for w in caps if w.lower() not in heads() and w.lower() not in grammar().modifiers]
        if len(named) >= 2:
            out.add("".join(w[0] for w in named))
    return {a for a in out if len(a) >= 3}


def _bare_name(name: str) -> str:
    """A name without its head and modifier words ("CASA-1000 project" -> "CASA-1000")."""
    generic = set(grammar().modifiers) | set(heads())
    return " ".join(w for w in name.split() if w.lower() not in generic)


def name_weight(name: str) -> int:
    """How full a name is: its words, less a generic head at the end ("Southern Corridor project")."""
    words = name.split()
    while len(words) > 1 and (head := heads().get(words[-1].lower())) is not None and head.generic:
        words.pop()
    return len(words)


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _compatible(a: Candidate, b: Candidate) -> bool:
    return a.type is None or b.type is None or a.type == b.type


def _contrasting(a: Candidate, b: Candidate) -> bool:
    """True when the names carry different goods ("A–B gas pipeline", "A–B oil pipeline"): two works."""
    goods = grammar().contrasting_modifiers
    ga = goods & set(a.name.lower().split())
    gb = goods & set(b.name.lower().split())
    return bool(ga and gb and ga != gb)


def _numbered_apart(short: frozenset[str], full: frozenset[str]) -> bool:
    """True when the fuller name adds only a number ("Blue Stream II" to "Blue Stream"): another work."""
    extra = full - short
    return bool(extra) and all(re.fullmatch(r"\d+[a-z]?|[ivx]{1,4}", w) or w in ORDINALS for w in extra)


def _share_words(a: Candidate, b: Candidate) -> bool:
    """True when two names share a distinctive word ("Nurek Dam", "Nurek Hydro-electric Station")."""
    return bool(distinctive_words(a.name) & distinctive_words(b.name))


def _acronym_at(doc: Doc, i: int) -> str | None:
    """The acronym of "( ACR )" starting at token i, else None."""
    if i + 2 < len(doc) and doc[i].text == "(" and is_acronym(doc[i + 1]) and doc[i + 2].text == ")":
        return doc[i + 1].text
    return None


def _named_by_pronoun(doc: Doc, start: int) -> bool:
    """True when "It was (previously) known as (the)" ends right before `start`."""
    i = start - (start > 0 and doc[start - 1].lower_ == "the")
    for cue in grammar().alias_cues:
        n = len(cue)
        if cue == ("or",) or i - n < 2 or tuple(t.lower_ for t in doc[i - n : i]) != cue:
            continue
        j = i - n - 1
        while j > 0 and doc[j].tag_ == "RB":
            j -= 1
        if doc[j].lower_ in ("is", "was") and doc[j - 1].lower_ == "it":
            return True
    return False


def _past_bracket(doc: Doc, i: int) -> int:
    """Index after a bracket that opens at i ("(Мост Видин–Калафат)"); i when none."""
    if i < len(doc) and doc[i].text == "(":
        close = next((j for j in range(i, min(len(doc), i + 60)) if doc[j].text == ")"), None)
        if close is not None:
            return close + 1
    return i


def _cue_at(doc: Doc, i: int) -> int:
    """Index after an alias cue ("also called", "known by the acronym") starting at i; i when none."""
    for cue in grammar().alias_cues:
        n = len(cue)
        if cue == ("or",):
            continue
        if i + n <= len(doc) and tuple(t.lower_ for t in doc[i : i + n]) == cue:
            return i + n
    return i


def group_candidates(doc: Doc, cands: list[Candidate]) -> list[Group]:
    """Group the candidates into projects, in order of first mention."""
    uf = _Union(len(cands))
    acronyms: dict[int, list[str]] = {}
    alias_names: dict[int, list[str]] = {}
    starts = {c.start: k for k, c in enumerate(cands)}
    glossed: set[int] = set()

    def add_acr(k: int, acr: str) -> None:
        acronyms.setdefault(k, []).append(acr)

    for k, c in enumerate(cands):
        for acr in c.aliases:
            add_acr(k, acr)
        i = c.end
        acr = _acronym_at(doc, i)
        if acr:
            add_acr(k, acr)
            i += 3
        elif i < len(doc) and doc[i].text == "(":
            # a gloss in brackets: every candidate of a compatible type inside it is this one
            # ("Inter-American Highway (the section up to the Panama Canal)" names no canal)
            close = next((j for j in range(i, min(len(doc), i + 60)) if doc[j].text == ")"), None)
            for m, d in enumerate(cands):
                if close and d.start > i and d.end <= close and (_compatible(c, d) or _share_words(c, d)):
                    uf.union(k, m)
                    glossed.add(m)
            if close:
                i = close + 1  # a cue may follow the gloss
        # "ACR (NAME)": the acronym before the bracket
        if c.start >= 2 and doc[c.start - 1].text == "(" and is_acronym(doc[c.start - 2]):
            add_acr(k, doc[c.start - 2].text)
        # "NAME, also called ACR (NAME2)", "NAME, commonly known by the acronym ACR"
        j = i + 1 if i < len(doc) and doc[i].text == "," else i
        if j < len(doc) and doc[j].lower_ == "and" and _cue_at(doc, j + 1) > j + 1:
            j += 1  # "NAME (...) and informally called NAME2"
        after = _cue_at(doc, j)
        while after > j:
            if after < len(doc) and doc[after].lower_ == "the":
                after += 1
            if after in starts:
                uf.union(k, starts[after])
                # "..., formerly known as A and sometimes referred to as B": the cues chain
                j = _past_bracket(doc, cands[starts[after]].end)
                while j < len(doc) and doc[j].lower_ in ("and", "or", ",") and j - cands[starts[after]].end < 3:
                    j += 1
                after = _cue_at(doc, j)
                continue
            if after < len(doc) and is_acronym(doc[after]):
                add_acr(k, doc[after].text)
                inner = after + 2
                if after + 1 < len(doc) and doc[after + 1].text == "(" and inner in starts:
                    uf.union(k, starts[inner])
            else:
                # "the railway, known as Whoosh,": a cue names the work by a name of no head
                run_end = after
                while run_end < len(doc) and is_name_token(doc[run_end]):
                    run_end += 1
                if after < run_end and (run_end == len(doc) or doc[run_end].is_punct):
                    alias_names.setdefault(k, []).append(doc[after:run_end].text)
            break
        # "NAME, or ACR,": an acronym in apposition after "or"
        if i + 3 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "or" and is_acronym(doc[i + 2]) and doc[i + 3].text in {",", ".", ")", ";"}:
            add_acr(k, doc[i + 2].text)
        # "NAME – the ACR": an apposition by dash
        if i + 1 < len(doc) and doc[i].text in DASHES:
            m = i + 1 + (doc[i + 1].lower_ == "the")
            if m < len(doc) and is_acronym(doc[m]):
                add_acr(k, doc[m].text)
        # "CHAIN (ACR), or NAME": the chain and its acronym name this one
        if c.start >= 5 and doc[c.start - 1].lower_ == "or" and doc[c.start - 2].text == ",":
            acr = _acronym_at(doc, c.start - 5)
            if acr:
                add_acr(k, acr)
                j = c.start - 5
                while j - 1 >= 0 and (is_name_token(doc[j - 1]) or doc[j - 1].text in DASHES):
                    j -= 1
                if j < c.start - 5:
                    alias_names.setdefault(k, []).append(doc[j : c.start - 5].text)

    # "It was previously known as NAME": the name is one of the work named last before it
    for k, c in enumerate(cands):
        if k and _named_by_pronoun(doc, c.start):
            uf.union(k, k - 1)

    # "CASA-1000 project" is the project known by the acronym CASA-1000
    for k, c in enumerate(cands):
        bare = _bare_name(c.name)
        for m, acrs in acronyms.items():
            if m != k and bare in acrs:
                uf.union(k, m)

    # short forms: the fewer distinctive words, the later they join a fuller name
    words = [distinctive_words(c.name) for c in cands]
    order = sorted(range(len(cands)), key=lambda k: (-len(words[k]), cands[k].start))
    seen: list[int] = []
    for k in order:
        if words[k]:
            targets = [
                m for m in seen
                if words[k] <= words[m] and _compatible(cands[k], cands[m]) and not _contrasting(cands[k], cands[m])
                and not _numbered_apart(words[k], words[m])
                and (cands[k].kind == "component") == (cands[m].kind == "component")
            ]
            if targets:
                before = [m for m in targets if cands[m].start < cands[k].start]
                pick = max(before, key=lambda m: cands[m].start) if before else targets[0]
                uf.union(k, pick)
        seen.append(k)

    # spellings that differ only by dashes or spaces ("Trans–Caprivi Highway", "TransCaprivi Highway")
    squeezed: dict[str, int] = {}
    for k, c in enumerate(cands):
        key = re.sub(r"[\W_]+", "", c.name.casefold())
        if key in squeezed and _compatible(c, cands[squeezed[key]]):
            uf.union(k, squeezed[key])
        squeezed.setdefault(key, k)

    by_root: dict[int, Group] = {}
    for k, c in enumerate(cands):
        group = by_root.setdefault(uf.find(k), Group([]))
        group.members.append(c)
        if k in glossed:
            group.glosses.add(c.start)
        group.acronyms.extend(a for a in acronyms.get(k, []) if a not in group.acronyms)
        group.alias_names.extend(a for a in alias_names.get(k, []) if a not in group.alias_names)
    groups = sorted(by_root.values(), key=lambda g: g.members[0].start)
    # initials used alone: "TAP represents ...", "the BTK was inaugurated"
    tokens = set(texts(doc))
    for group in groups:
        for member in group.members + []:
            for acr in initials(member.name):
                if acr in tokens and acr not in group.acronyms:
                    group.acronyms.append(acr)
    return groups
