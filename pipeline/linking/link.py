"""Link stage: the same official, region or project across articles gets one entity_id.

Works on the tables, not on Docs. Each article gives its entities a local id (a hash of the
normalized name, or of the ISO code for regions). Linking finds pairs of local ids that name
the same thing, blocking first so that only names sharing a key are compared (no all-pairs
comparison), scores candidates with rapidfuzz, and joins the pairs into groups. Each group's
`entity_id` is the smallest local id in it, so ids are stable on reruns and an entity keeps its
id when articles are added, unless a new article brings a name whose local id sorts first.

- Regions: the local id is the ISO code's hash, so a country or subdivision links by code;
  places without a code link by name and country.
- Officials: blocked by a transliteration skeleton of every name word (Huseynov/Guseynov,
  Aliyev/Aliev, Rouhani/Rohani share one), so name order does not matter; then the surnames must
  be close (rapidfuzz), the first names compatible (equal, close, or an initial), and countries
  must not conflict. A surname alone links only when role and country agree.
- Projects: blocked by the set of their distinctive words and by acronyms (INSTC for the
  International North-South Transport Corridor); then the distinctive words (the name without
  heads like "railway" and fillers like "international") must be the same up to spelling
  variants, and the types agree. "Baku-Tbilisi-Kars" and "Baku-Tbilisi-Akhalkalaki-Kars" stay
  apart: a name that says more may name a different thing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd
from rapidfuzz import fuzz

from ..normalize import names
from ..resources import load_json
from ..tables.schema import SCHEMAS

SURNAME_SIMILARITY = 80  # rapidfuzz ratio for transliteration variants of one surname
MAX_BLOCK = 5000  # blocks larger than this are too generic to say anything; skipped


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Lower case, accents stripped (`names.fold`), dashes and punctuation as spaces."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", names.fold(text)).split())


@lru_cache(maxsize=262144)
def skeleton(word: str) -> str:
    """A transliteration key: consonants only, with g/h/kh/x and y/j/i variants merged."""
    word = fold(word)
    word = re.sub(r"kh|gh|x|g|q", "h", word)
    word = re.sub(r"[aeiouyjw]", "", word)
    return re.sub(r"(.)\1+", r"\1", word)  # doubled letters: Hassan/Hasan


# --- officials ---------------------------------------------------------------------------------


@lru_cache(maxsize=262144)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in fold(name).split() if w not in {"mr", "mrs", "ms", "dr"})


def _first_names_compatible(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return True
    x, y = a[0].rstrip("."), b[0].rstrip(".")
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    # a short form of the same name ("Stu"/"Stuart") or a transliteration ("Hassan"/"Hasan")
    return x.startswith(y) or y.startswith(x) or fuzz.ratio(x, y) >= SURNAME_SIMILARITY


def _same_official(a: dict, b: dict) -> bool:
    wa, wb = _name_words(a["name"]), _name_words(b["name"])
    if not wa or not wb:
        return False
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return False
    # name order: compare as written, then with the words of one name reversed
    for left in (wa, wa[::-1]):
        if fuzz.ratio(left[-1], wb[-1]) < SURNAME_SIMILARITY and skeleton(left[-1]) != skeleton(wb[-1]):
            continue
        first_a, first_b = left[:-1], wb[:-1]
        if not first_a or not first_b:
            # a surname alone is the same person only with the same role and country
            return bool(a.get("role")) and a.get("role") == b.get("role") and a.get("country") == b.get("country")
        if _first_names_compatible(first_a, first_b):
            return True
    return False


def _official_keys(row: dict) -> Iterable[str]:
    for word in _name_words(row["name"]):
        if len(word) > 2:
            yield skeleton(word)


# --- projects ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _linking_lexicon() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    data = load_json("linking.json")
    return data["word_variants"], frozenset(data["filler_words"]), frozenset(data["project_heads"])


def project_words(name: str) -> frozenset[str]:
    """The words of a project name with spelling variants folded (railroad -> railway)."""
    variants, _, _ = _linking_lexicon()
    words = []
    for word in fold(name).split():
        words.extend(variants.get(word, word).split())
    return frozenset(words)


def _distinctive(words: frozenset[str]) -> frozenset[str]:
    _, filler, heads = _linking_lexicon()
    return frozenset(w for w in words if w not in filler and w not in heads)


def acronym(name: str) -> str | None:
    """The initials of a name of three words or more ("International North-South Transport Corridor" -> "instc")."""
    words = [w for w in fold(name).split() if w not in {"the", "of", "and", "for"}]
    if len(words) < 3:
        return None
    return "".join(w[0] for w in words)


def _is_acronym(text: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", text)
    return len(letters) >= 3 and letters.isupper()


def _project_forms(row: dict) -> list[str]:
    aliases = row.get("aliases")
    return [row["name"], *(list(aliases) if aliases is not None else [])]


def _project_keys(row: dict) -> Iterable[str]:
    for form in _project_forms(row):
        if _is_acronym(form):
            yield "acr:" + re.sub(r"[^a-z0-9]", "", form.casefold())
            continue
        distinctive = _distinctive(project_words(form))
        if distinctive:
            yield "w:" + " ".join(sorted(distinctive))
            yield "s:" + " ".join(sorted(skeleton(w) for w in distinctive))
        made = acronym(form)
        if made:
            yield "acr:" + made


def _same_project(a: dict, b: dict) -> bool:
    if a.get("type") and b.get("type") and a["type"] != b["type"]:
        return False
    for x in _project_forms(a):
        for y in _project_forms(b):
            if _is_acronym(x) or _is_acronym(y):
                ax = re.sub(r"[^a-z0-9]", "", x.casefold()) if _is_acronym(x) else acronym(x)
                ay = re.sub(r"[^a-z0-9]", "", y.casefold()) if _is_acronym(y) else acronym(y)
                if ax and ax == ay:
                    return True
                continue
            if _same_words(_distinctive(project_words(x)), _distinctive(project_words(y))):
                return True
    return False


def _same_words(a: frozenset[str], b: frozenset[str]) -> bool:
    """The same distinctive words, up to small spelling differences ("Rogun"/"Roghun")."""
    if not a or len(a) != len(b):
        return False
    if a == b:
        return True
    left, right = sorted(a - b), sorted(b - a)
    unmatched = list(right)
    for word in left:
        partner = next((w for w in unmatched if fuzz.ratio(word, w) >= SURNAME_SIMILARITY), None)
        if partner is None:
            return False
        unmatched.remove(partner)
    return True


# --- the stage ---------------------------------------------------------------------------------

_RULES = {
    "official": (_official_keys, _same_official),
    "project": (_project_keys, _same_project),
}


def link_pairs(kind: str, rows: pd.DataFrame) -> list[tuple[str, str]]:
    """Pairs of local ids of one kind that name the same entity (blocked, then scored)."""
    if kind not in _RULES:
        return []
    keys_of, same = _RULES[kind]
    # one representative row per local id: all rows with one id share its name
    representatives = rows.drop_duplicates("entity_id").to_dict("records")
    blocks: dict[str, list[dict]] = defaultdict(list)
    for row in representatives:
        for key in set(keys_of(row)):
            blocks[key].append(row)
    pairs: set[tuple[str, str]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pair = tuple(sorted((a["entity_id"], b["entity_id"])))
                if pair[0] != pair[1] and pair not in pairs and same(a, b):
                    pairs.add(pair)
    return sorted(pairs)


def _union_find(pairs: list[tuple[str, str]], ids: list[str]) -> dict[str, str]:
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {i: find(i) for i in ids}


def _entities(kind: str, rows: pd.DataFrame) -> pd.DataFrame:
    """One row per entity: its name, aliases, document count and publication range."""
    # the name: the most frequent form, then the longest, then alphabetical (deterministic)
    forms = rows.groupby(["entity_id", "name"], sort=False).size().rename("count").reset_index()
    forms["length"] = forms["name"].str.len()
    forms = forms.sort_values(["entity_id", "count", "length", "name"], ascending=[True, False, False, True])
    names = forms.drop_duplicates("entity_id").set_index("entity_id")["name"]
    # the aliases: every other form the articles use, names and their own aliases
    alias_rows = [rows[["entity_id", "name"]].rename(columns={"name": "alias"})]
    if "aliases" in rows:
        exploded = rows[["entity_id", "aliases"]].explode("aliases").dropna()
        alias_rows.append(exploded.rename(columns={"aliases": "alias"}))
    aliases = pd.concat(alias_rows).drop_duplicates()
    aliases = aliases[aliases["alias"] != aliases["entity_id"].map(names)]
    alias_lists = aliases.sort_values("alias").groupby("entity_id")["alias"].agg(list)
    stats = rows.groupby("entity_id").agg(
        documents=("doc_id", "nunique"),
        first_published=("published", "min"),
        last_published=("published", "max"),
    )
    out = stats.join(names).join(alias_lists.rename("aliases")).reset_index()
    out = _with_coordinates(out, rows)
    out["kind"] = kind
    out["aliases"] = out["aliases"].apply(lambda v: v if isinstance(v, list) else [])
    out["documents"] = out["documents"].astype("int64")
    return out[SCHEMAS["entities"].names].sort_values("entity_id")


_COORDINATES = ["latitude", "longitude", "geonames_id"]


def _with_coordinates(entities: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """A region entity's point and GeoNames id: those of its rows (null for other kinds)."""
    if not set(_COORDINATES) <= set(rows.columns):
        return entities.assign(**{column: None for column in _COORDINATES})
    # a group's rows share one place; the first row that has a point speaks for it
    known = rows.dropna(how="all", subset=_COORDINATES).drop_duplicates("entity_id")
    return entities.merge(known[["entity_id", *_COORDINATES]], on="entity_id", how="left")


def link(tables: dict[str, pd.DataFrame]) -> tuple[dict[str, str], pd.DataFrame]:
    """Map every local entity id to its corpus entity_id and build the `entities` table."""
    published = tables["documents"].drop_duplicates("doc_id").set_index("doc_id")["published"]
    mapping: dict[str, str] = {}
    frames = []
    for kind, table in (("official", "officials"), ("region", "regions"), ("project", "projects")):
        rows = tables[table]
        if rows.empty:
            continue
        groups = _union_find(link_pairs(kind, rows), sorted(set(rows["entity_id"])))
        mapping.update(groups)
        rows = rows.assign(entity_id=rows["entity_id"].map(groups), published=rows["doc_id"].map(published))
        frames.append(_entities(kind, rows))
    if not frames:
        return mapping, pd.DataFrame(columns=SCHEMAS["entities"].names)
    return mapping, pd.concat(frames, ignore_index=True)
