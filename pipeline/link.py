"""Link stage: the same official, region or project across articles gets one entity_id.

Works on the tables, not on Docs. Each article gives its entities a local id (a hash of the
normalized name, or of the ISO code for regions); linking groups local ids that name the same
thing and gives each group the smallest of its local ids as `entity_id`, so ids are stable on
reruns, and an entity keeps its id when new articles add names to its group unless they add a
smaller local id.
"""

from __future__ import annotations

import pandas as pd

from .schema import SCHEMAS


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
            keep, drop = min(ra, rb), max(ra, rb)
            parent[drop] = keep
    return {i: find(i) for i in ids}


def link_pairs(kind: str, rows: pd.DataFrame) -> list[tuple[str, str]]:
    """Pairs of local ids of one kind that name the same entity."""
    return []


def link(tables: dict[str, pd.DataFrame]) -> tuple[dict[str, str], pd.DataFrame]:
    """Map every local entity id to its corpus entity_id and build the `entities` table."""
    published = tables["documents"].set_index("doc_id")["published"]
    mapping: dict[str, str] = {}
    entities = []
    for kind, table in (("official", "officials"), ("region", "regions"), ("project", "projects")):
        rows = tables[table]
        if rows.empty:
            continue
        ids = sorted(set(rows["entity_id"]))
        groups = _union_find(link_pairs(kind, rows), ids)
        mapping.update(groups)
        rows = rows.assign(entity_id=rows["entity_id"].map(groups))
        rows = rows.assign(published=rows["doc_id"].map(published))
        for entity_id, group in rows.groupby("entity_id", sort=True):
            names = group["name"].value_counts()
            # the most frequent name, then the longest, then alphabetical: deterministic
            name = sorted(names.index, key=lambda n: (-names[n], -len(n), n))[0]
            aliases = set(group["name"])
            if "aliases" in group:
                for values in group["aliases"]:
                    aliases.update(values if values is not None else [])
            dates = group["published"].dropna()
            entities.append(
                {
                    "entity_id": entity_id,
                    "kind": kind,
                    "name": name,
                    "aliases": sorted(aliases - {name}),
                    "documents": int(group["doc_id"].nunique()),
                    "first_published": dates.min() if len(dates) else None,
                    "last_published": dates.max() if len(dates) else None,
                }
            )
    columns = SCHEMAS["entities"].names
    return mapping, pd.DataFrame(entities, columns=columns)
