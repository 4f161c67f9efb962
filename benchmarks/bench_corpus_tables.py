"""Time of the link stage's corpus tables (office_terms, events) on synthetic rows (prints figures).

    python benchmarks/bench_corpus_tables.py --officials 100000 --meetings 30000

Officials: N rows over N/5 people, 40 offices of 50 countries, dates over ten years; meetings:
M MET_WITH rows between those people, a third of them reported twice (another article a day
later), so events are grouped across articles.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

import pandas as pd

from pipeline.linking.events import build_events
from pipeline.linking.office_terms import build_office_terms

ROLES = ["president", "prime minister", "foreign minister", "ambassador", "governor", "finance minister", "mayor"]


def synthetic(officials: int, meetings: int, seed: int = 7) -> tuple[pd.DataFrame, pd.Series, pd.DataFrame]:
    rng = random.Random(seed)
    people = max(2, officials // 5)
    documents = max(1, officials // 4)
    start = date(2014, 1, 1)
    published = pd.Series({f"d{i}": start + timedelta(days=rng.randrange(3650)) for i in range(documents)})
    rows = []
    for _ in range(officials):
        person = rng.randrange(people)
        rows.append(
            (f"d{rng.randrange(documents)}", f"off-{person}", f"Person {person}", ROLES[person % len(ROLES)],
             ROLES[person % len(ROLES)].title(), f"C{person % 50}", None)
        )
    frame = pd.DataFrame(rows, columns=["doc_id", "entity_id", "name", "role", "role_text", "country", "organization"])
    relations = []
    for i in range(meetings):
        a, b = rng.sample(range(people), 2)
        doc = f"d{rng.randrange(documents)}"
        day = published[doc] - timedelta(days=rng.randrange(3))
        for copy in range(2 if i % 3 == 0 else 1):
            relations.append(
                (doc if not copy else f"d{rng.randrange(documents)}", "MET_WITH", f"Person {a}", f"off-{a}",
                 f"Person {b}", f"off-{b}", (day + timedelta(days=copy)).isoformat(), f"{a} met {b}.", i, i + 10, None)
            )
    columns = ["doc_id", "type", "head", "head_id", "tail", "tail_id", "date_value", "evidence", "start_char", "end_char", "place_id"]
    return frame, published, pd.DataFrame(relations, columns=columns)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officials", type=int, default=100_000)
    parser.add_argument("--meetings", type=int, default=30_000)
    args = parser.parse_args()
    officials, published, relations = synthetic(args.officials, args.meetings)
    started = time.perf_counter()
    terms = build_office_terms(officials, published, relations)
    middle = time.perf_counter()
    events = build_events(relations, published)
    done = time.perf_counter()
    print(f"office_terms: {len(officials):,} official rows -> {len(terms):,} terms in {middle - started:.1f} s")
    print(f"events: {len(relations):,} MET_WITH rows -> {len(events):,} events in {done - middle:.1f} s")


if __name__ == "__main__":
    main()
