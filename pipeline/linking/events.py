"""Meetings and joint acts as events across articles: the `events` table (pure).

Built in the link stage from the linked MET_WITH relations of all articles (a MET_WITH row is
a meeting, a call or a joint act, `../shared/ANNOTATION.md`).

1. A report: the MET_WITH rows of one article with one evidence sentence and one date are one
   meeting; its participants are all their ends ("X met A and B" is one meeting of X, A, B).
2. Its date: the relation's `date_value` where that names calendar days, else the article's
   publication date (`date_source` says which); its place: a region named after "in"/"at" in
   the evidence sentence, else the article's dateline ("BAKU, Azerbaijan – ...") unless the
   sentence names places only in other countries; the most specific one (a city before a
   province before a country), as a region entity id.
3. Reports with the same participants whose dates lie within `SAME_EVENT_DAYS` days of the
   event's first report are one event, whichever articles they come from; its date is its
   most precise report's.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date

import pandas as pd

from ..normalize.day_spans import days_apart, value_span
from ..tables.schema import SCHEMAS

SAME_EVENT_DAYS = 2  # the same meeting is reported a day or two later, or dated by the day before
DATELINE_CHARS = 50  # a dateline is short: "MANILA, PHILIPPINES", "DHAKA, February 15, 2010"
DATELINE_PARAGRAPHS = 2  # a subtitle may stand before it
# the most specific place is the meeting's place
PLACE_RANK = {"city": 0, "subdivision": 1, "region": 2, "country": 3}

# capitalized words (and a wire agency in brackets) before a spaced dash or an em dash
_DATELINE = re.compile(
    r"(?!The\b)[A-Z][\w.'’]*(?:[ ,]+(?:[A-Z0-9][\w.'’]*|\([A-Z][\w .]*\)))*(?=\s+[–—-]{1,2}\s|—)"
)
_LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)


# --- places (per batch of articles, before linking) ---------------------------------------------


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the article's dateline is ("Yerevan, Armenia – On May 8 ..."), if it has one."""
    offset = 0
    paragraphs = 0
    for line in text.split("\n"):
        start = offset + len(line) - len(line.lstrip())
        offset += len(line) + 1
        if not line.strip():
            continue
        match = _DATELINE.match(line.strip())
        if match and len(match.group()) <= DATELINE_CHARS:
            return start, start + match.end()
        paragraphs += 1
        if paragraphs >= DATELINE_PARAGRAPHS:
            return None
    return None


def _best_place(candidates: list[tuple[int, str, str]]) -> str | None:
    """The most specific place among (start_char, entity_id, type), the first one on a tie."""
    if not candidates:
        return None
    return min(candidates, key=lambda c: (PLACE_RANK.get(c[2], len(PLACE_RANK)), c[0]))[1]


def relation_places(
    relations: pd.DataFrame, mentions: pd.DataFrame, regions: pd.DataFrame, documents: pd.DataFrame
) -> pd.DataFrame:
    """The place of each MET_WITH relation of a batch: (doc_id, start_char, end_char, place_id).

    Args:
        relations: `relations` rows (doc_id, type, start_char, end_char).
        mentions: `mentions` rows (doc_id, entity_id, label, start_char).
        regions: `regions` rows (doc_id, entity_id, type, country).
        documents: `documents` rows (doc_id, text).
    """
    columns = ["doc_id", "start_char", "end_char", "place_id"]
    meetings = relations[relations["type"] == "MET_WITH"]
    if meetings.empty:
        return pd.DataFrame(columns=columns)
    texts = documents.set_index("doc_id")["text"].to_dict()
    kinds = regions[["doc_id", "entity_id", "type", "country"]].itertuples(index=False)
    about = {(d, e): (t, c) for d, e, t, c in kinds}
    places_of: dict[str, list[tuple[int, str, str]]] = {}
    for doc_id, entity_id, label, start in mentions[["doc_id", "entity_id", "label", "start_char"]].itertuples(
        index=False
    ):
        if label == "REGION" and isinstance(entity_id, str):
            places_of.setdefault(doc_id, []).append((int(start), entity_id, about.get((doc_id, entity_id), ("",))[0]))
    rows = []
    for doc_id, start, end in meetings[["doc_id", "start_char", "end_char"]].drop_duplicates().itertuples(index=False):
        text = texts.get(doc_id) or ""
        places = places_of.get(doc_id, [])
        in_sentence = [p for p in places if start <= p[0] < end]
        said = [p for p in in_sentence if _LOCATIVE.search(text[max(0, p[0] - 12) : p[0]])]
        place = _best_place(said)
        if place is None:
            dateline = dateline_span(text) or (0, 0)
            place = _best_place([p for p in places if dateline[0] <= p[0] < dateline[1]])
            # "WASHINGTON – Kim will travel to Chile to meet President Piñera": a sentence that
            # names places only in other countries than the dateline's speaks of somewhere else
            outside = [p for p in in_sentence if not dateline[0] <= p[0] < dateline[1]]
            named = {about.get((doc_id, p[1]), ("", None))[1] for p in outside} - {None}
            if place and named and about.get((doc_id, place), ("", None))[1] not in named:
                place = None
        rows.append((doc_id, int(start), int(end), place))
    return pd.DataFrame(rows, columns=columns)


# --- events (the whole corpus, after linking) ---------------------------------------------------


def _reports(meetings: pd.DataFrame, published: pd.Series) -> list[dict]:
    """One report per (article, evidence sentence, date): participants, date, place, evidence."""
    days = {doc: (d.date() if not pd.isna(d) else None) for doc, d in pd.to_datetime(published).items()}
    places = meetings["place_id"] if "place_id" in meetings else [None] * len(meetings)
    grouped: dict[tuple, dict] = {}
    # plain dicts: a pandas group per sentence costs a millisecond each, too slow for a corpus
    for doc_id, start, end, value, head, head_id, tail, tail_id, place, evidence in zip(
        meetings["doc_id"], meetings["start_char"], meetings["end_char"], meetings["date_value"],
        meetings["head"], meetings["head_id"], meetings["tail"], meetings["tail_id"], places, meetings["evidence"],
    ):
        value = value if isinstance(value, str) else None
        report = grouped.setdefault(
            (doc_id, int(start), int(end), value),
            {"names": {}, "places": [], "evidence": evidence if isinstance(evidence, str) else None},
        )
        report["names"].setdefault(head_id, head)
        report["names"].setdefault(tail_id, tail)
        if isinstance(place, str):
            report["places"].append(place)
    reports = []
    for (doc_id, start, _, value), report in sorted(grouped.items(), key=lambda item: (item[0][:3], item[0][3] or "")):
        span = value_span(value)
        source = "relation"
        if span is None:
            day = days.get(doc_id)
            value, source = (day.isoformat(), "published") if day else (None, None)
            span = (day, day) if day else None
        reports.append(
            {
                "doc_id": doc_id,
                "start_char": start,
                "participants": tuple(sorted(report["names"])),
                "names": report["names"],
                "date": value,
                "date_source": source,
                "span": span,
                "place_id": report["places"][0] if report["places"] else None,
                "evidence": report["evidence"],
            }
        )
    return reports


def _precision(report: dict) -> tuple:
    span = report["span"]
    return ((span[1] - span[0]).days if span else 10**6, report["date_source"] != "relation", span or ())


def _event_row(reports: list[dict], region_names: dict[str, str], entity_names: dict[str, str]) -> dict:
    best = min(reports, key=_precision)
    participants = list(reports[0]["participants"])
    forms: dict[str, str] = {}
    for report in reports:
        for entity, form in report["names"].items():
            forms.setdefault(entity, form)
    places = [r["place_id"] for r in reports if r["place_id"]]
    # the place most reports give, the first one on a tie
    place_id = max(places, key=lambda p: (places.count(p), -places.index(p))) if places else None
    key = "|".join([*participants, best["date"] or reports[0]["doc_id"]])
    evidence = list(dict.fromkeys(r["evidence"] for r in reports if isinstance(r["evidence"], str)))
    doc_ids = sorted({r["doc_id"] for r in reports})
    return {
        "event_id": "evt-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
        "type": "MET_WITH",
        "participants": participants,
        "participant_names": [entity_names.get(p) or forms.get(p) for p in participants],
        "date": best["date"],
        "date_source": best["date_source"],
        "earliest": best["span"][0] if best["span"] else None,
        "latest": best["span"][1] if best["span"] else None,
        "place_id": place_id,
        "place": region_names.get(place_id) if place_id else None,
        "documents": len(doc_ids),
        "doc_ids": doc_ids,
        "evidence": evidence,
    }


def build_events(
    relations: pd.DataFrame,
    published: pd.Series,
    names: pd.Series | None = None,
) -> pd.DataFrame:
    """The `events` table.

    Args:
        relations: linked `relations` rows (doc_id, type, head, head_id, tail, tail_id,
            date_value, evidence, start_char, end_char), with `place_id` from `relation_places`
            (linked) where known.
        published: doc_id -> publication date.
        names: entity_id -> the entity's name (from `entities`), for participants and places.
    """
    columns = SCHEMAS["events"].names
    meetings = relations[
        (relations["type"] == "MET_WITH")
        & relations["head_id"].notna()
        & relations["tail_id"].notna()
        & (relations["head_id"] != relations["tail_id"])
    ]
    if meetings.empty:
        return pd.DataFrame(columns=columns)
    entity_names = names.to_dict() if names is not None else {}
    groups: list[list[dict]] = []
    open_events: dict[tuple, list[list[dict]]] = {}
    # dated reports in date order, so that each event starts at its earliest report
    reports = sorted(
        _reports(meetings, published),
        key=lambda r: (r["participants"], r["span"] is None, r["span"] or (date.min,), r["doc_id"], r["start_char"]),
    )
    for report in reports:
        candidates = open_events.setdefault(report["participants"], [])
        home = None
        for event in candidates:
            first = event[0]
            if report["span"] is None or first["span"] is None:
                # undated reports join only an undated report of the same article
                if report["span"] is None and first["span"] is None and report["doc_id"] == first["doc_id"]:
                    home = event
                    break
                continue
            if days_apart(report["span"], first["span"]) <= SAME_EVENT_DAYS:
                home = event
                break
        if home is None:
            home = []
            candidates.append(home)
            groups.append(home)
        home.append(report)
    rows = [_event_row(g, entity_names, entity_names) for g in groups]
    events = pd.DataFrame(rows, columns=columns)
    return events.sort_values(["earliest", "event_id"], na_position="last", ignore_index=True)
