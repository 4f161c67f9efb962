"""The project grammar's word lists (models/project_heads.jsonl, models/project_grammar.json), typed."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ...resources import load_json, load_jsonl


@dataclass(frozen=True)
class Head:
    """An infrastructure head noun ("railway", "hydro junction") and what it says of a project."""

    text: str
    type: str | None  # None: generic ("project"), the modifiers or parts decide
    generic: bool = False
    pp: bool = False  # may be named by a locating phrase alone ("plant at X")
    plural_pp: bool = False  # its plural may too ("roads in X Oblast")
    network: bool = False  # names a whole network ("rail system"): a place alone does not single one out
    weak: bool = False  # too common to stand without a proper name or a locating phrase
    context: dict[str, str] = field(default_factory=dict)  # nearby word -> type override


@dataclass(frozen=True)
class Grammar:
    """The word lists of the grammar, as sets for lookups."""

    modifiers: frozenset[str]
    modifier_types: dict[str, str]
    modifier_context: dict[str, dict[str, str]]
    org_followers: frozenset[str]
    non_projects: frozenset[str]
    non_name_words: frozenset[str]
    units: frozenset[str]
    name_links: frozenset[str]
    bodies_before_of: frozenset[str]
    agreement_words: frozenset[str]
    pp_preps: frozenset[str]
    route_preps: frozenset[str]
    chain_end_words: frozenset[str]
    section_heads: frozenset[str]
    section_modifiers: frozenset[str]
    contrasting_modifiers: frozenset[str]
    component_heads: dict[str, bool]
    alias_cues: tuple[tuple[str, ...], ...]
    part_of_cues: tuple[tuple[str, ...], ...]
    both_countries: tuple[tuple[str, ...], ...]
    programme_words: frozenset[str] = frozenset()
    generic_name_words: frozenset[str] = frozenset()


def _plural(word: str) -> str:
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


@lru_cache(maxsize=1)
def heads() -> dict[str, Head]:
    """Lower-cased head phrase -> Head, singular and plural forms (plural keys end with '|pl')."""
    table: dict[str, Head] = {}
    for row in load_jsonl("project_heads.jsonl"):
        head = Head(
            text=row["head"].lower(),
            type=row.get("type"),
            generic=bool(row.get("generic", False)),
            pp=bool(row.get("pp", False)),
            plural_pp=bool(row.get("plural_pp", False)),
            weak=bool(row.get("weak", False)),
            network=bool(row.get("network", False)),
            context=dict(row.get("context", {})),
        )
        table[head.text] = head
    return table


def plural_forms() -> dict[str, str]:
    """Plural head phrase -> its singular ("power plants" -> "power plant")."""
    out = {}
    for text in heads():
        words = text.split(" ")
        if not words[-1].isalpha() or words[-1].isupper():
            continue
        out[" ".join(words[:-1] + [_plural(words[-1])])] = text
    return out


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The grammar's word lists from models/project_grammar.json."""
    raw = load_json("project_grammar.json")
    types = raw["modifier_types"]
    return Grammar(
        modifiers=frozenset(raw["modifiers"]),
        modifier_types={k: (v if isinstance(v, str) else v["type"]) for k, v in types.items()},
        modifier_context={k: v.get("context", {}) for k, v in types.items() if isinstance(v, dict)},
        org_followers=frozenset(raw["org_followers"]),
        non_projects=frozenset(raw["non_projects"]),
        non_name_words=frozenset(raw["non_name_words"]),
        units=frozenset(raw["units"]),
        name_links=frozenset(raw["name_links"]),
        bodies_before_of=frozenset(raw.get("bodies_before_of", [])),
        agreement_words=frozenset(raw.get("agreement_words", [])),
        pp_preps=frozenset(raw["pp_preps"]),
        route_preps=frozenset(raw["route_preps"]),
        chain_end_words=frozenset(raw.get("chain_end_words", [])),
        section_heads=frozenset(raw.get("section_heads", [])),
        section_modifiers=frozenset(raw.get("section_modifiers", [])),
        contrasting_modifiers=frozenset(raw.get("contrasting_modifiers", [])),
        component_heads={k: bool(v) for k, v in raw.get("component_heads", {}).items() if not k.startswith("_")},
        alias_cues=tuple(tuple(c) for c in raw["alias_cues"]),
        part_of_cues=tuple(tuple(c) for c in raw["part_of_cues"]),
        both_countries=tuple(tuple(c) for c in raw["both_countries"]),
        programme_words=frozenset(raw.get("name_type_blockers", {}).get("programme", [])),
        generic_name_words=frozenset(raw.get("name_type_blockers", {}).get("generic", [])),
    )
