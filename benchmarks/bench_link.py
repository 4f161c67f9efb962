"""Linking time for synthetic entity rows (prints figures).

    python benchmarks/bench_link.py --rows 100000

Builds officials, regions and projects rows spread over documents, with name variants
(transliterations, initials, surname-only forms, dash and acronym variants) so that blocking
and scoring do real work, then times `pipeline.linking.link.link` on them.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

import pandas as pd

from pipeline.linking.link import link
from pipeline.records import Official
from pipeline.tables.rows import local_entity_id, official_id

SYLLABLES = ["ba", "ku", "ra", "sht", "as", "ta", "ka", "rim", "ov", "ye", "va", "li", "mo", "han", "dar", "zi", "no", "gor"]
ROLES = ["president", "foreign minister", "ambassador", "governor", "energy minister", "mayor"]
COUNTRIES = ["AZ", "IR", "AM", "GE", "TR", "KZ", "UZ", "TJ", "PK", "AF"]
HEADS = [("railway", "railway"), ("pipeline", "pipeline"), ("dam", "dam"), ("corridor", "corridor"), ("port", "port")]


def word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def synthetic_tables(rows: int, seed: int = 3) -> dict[str, pd.DataFrame]:
    rng = random.Random(seed)
    people = [(word(rng, 2), word(rng, 3), rng.choice(ROLES), rng.choice(COUNTRIES)) for _ in range(rows // 20)]
    places = [(word(rng, 3), rng.choice(COUNTRIES)) for _ in range(rows // 40)]
    projects = [(f"{word(rng, 2)}-{word(rng, 2)}", *rng.choice(HEADS)) for _ in range(rows // 40)]
    documents = [{"doc_id": f"d{i}", "published": date(2015, 1, 1) + timedelta(days=i % 3000)} for i in range(rows // 10)]
    officials, regions, project_rows = [], [], []
    for i in range(rows):
        doc_id = f"d{rng.randrange(len(documents))}"
        kind = i % 4
        if kind < 2:
            first, last, role, country = rng.choice(people)
            form = rng.choice([f"{first} {last}", f"{first[0]}. {last}", last, f"{first} {last.replace('ov', 'ev')}"])
            official = Official(name=form, role=role, country=country)
            officials.append({"doc_id": doc_id, "entity_id": official_id(official), "name": form, "aliases": [], "role": role, "country": country})
        elif kind == 2:
            name, country = rng.choice(places)
            regions.append({"doc_id": doc_id, "entity_id": local_entity_id("region", f"{name}|{country}"), "name": name, "type": "city", "country": country, "iso_code": None})
        else:
            stem, head, typ = rng.choice(projects)
            form = rng.choice([f"{stem} {head}", f"{stem.replace('-', '–')} {head}", f"the {stem} {head}"])
            project_rows.append({"doc_id": doc_id, "entity_id": local_entity_id("project", form), "name": form, "aliases": [], "type": typ, "countries": []})
    return {
        "documents": pd.DataFrame(documents),
        "officials": pd.DataFrame(officials),
        "regions": pd.DataFrame(regions),
        "projects": pd.DataFrame(project_rows),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    tables = synthetic_tables(args.rows)
    started = time.perf_counter()
    mapping, entities = link(tables)
    seconds = time.perf_counter() - started
    local = len(mapping)
    print(f"{args.rows:,} entity rows, {local:,} local ids -> {len(entities):,} entities in {seconds:.1f} s "
          f"({args.rows / seconds:,.0f} rows/s)")


if __name__ == "__main__":
    main()
