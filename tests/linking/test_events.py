"""Meetings as events across articles: the `events` table of a run."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pyarrow.parquet as pq
import pytest
from .corpus_sets import NOTHING, SAME_MEETING, write_set
from typer.testing import CliRunner

import pipeline
from pipeline.interfaces.cli import app
from pipeline.linking.events import build_events, dateline_span, relation_places
from pipeline.tables.schema import SCHEMAS


@pytest.fixture(scope="module")
def meeting_run(tmp_path_factory, nlp):
    root = tmp_path_factory.mktemp("same-meeting")
    out = root / "out"
    pipeline.run(write_set(root / "raw", SAME_MEETING), out)
    return pipeline.read_tables(out)


def _names(event) -> list[str]:
    return sorted(event["participant_names"])


def test_events_same_meeting_in_two_articles_is_one_event(meeting_run):
    events = meeting_run["events"]
    meeting = events[events["earliest"] == pd.Timestamp(2020, 11, 16)]
    (event,) = meeting.to_dict("records")
    assert _names(event) == ["Jeyhun Bayramov", "Mohammad Javad Zarif"]
    assert event["documents"] == 2 and len(event["evidence"]) == 2
    assert (event["date"], event["date_source"]) == ("2020-11-16", "relation")


def test_events_participants_are_official_entities(meeting_run):
    officials = set(meeting_run["officials"]["entity_id"])
    for participants in meeting_run["events"]["participants"]:
        assert set(participants) <= officials and len(participants) == 2


def test_events_place_is_a_region_entity(meeting_run):
    events, regions = meeting_run["events"], meeting_run["regions"]
    (event,) = events[events["earliest"] == pd.Timestamp(2020, 11, 16)].to_dict("records")
    baku = regions[regions["name"] == "Baku"]["entity_id"].unique()
    assert event["place"] == "Baku" and list(baku) == [event["place_id"]]


def test_events_a_call_a_month_later_is_another_event(meeting_run):
    events = meeting_run["events"]
    assert list(events["earliest"]) == [pd.Timestamp(2020, 11, 16), pd.Timestamp(2020, 12, 19)]
    later = events.iloc[1]
    assert later["documents"] == 1 and pd.isna(later["place_id"])


@pytest.mark.parametrize(
    "text, dateline",
    [
        ("BAKU, Azerbaijan – Iranian Foreign Minister met ...", "BAKU, Azerbaijan"),
        ("A subtitle line\nWashington, D.C.—The Prime Minister of Georgia ...", "Washington, D.C."),
        ("KATHMANDU, July 21, 2017 – A delegation ...", "KATHMANDU, July 21, 2017"),
        ("The Baku–Tbilisi–Kars railway links three countries.", None),
        ("Azerbaijani ambassador to Iran Bunyad Huseynov - who arrived ...", None),
    ],
)
def test_events_dateline_of_an_article(text, dateline):
    span = dateline_span(text)
    assert (text[span[0] : span[1]] if span else None) == dateline


def _relations(rows: list[tuple]) -> pd.DataFrame:
    columns = ["doc_id", "type", "head", "head_id", "tail", "tail_id", "date_value", "evidence", "start_char", "end_char"]
    return pd.DataFrame(rows, columns=columns).assign(place_id=None)


@pytest.mark.parametrize("second_day, events", [(date(2020, 5, 3), 1), (date(2020, 5, 4), 2)])
def test_events_reports_within_two_days_are_one_event(second_day, events):
    # undated reports fall back on publication dates: two days apart is one event, three are two
    relations = _relations(
        [
            ("d1", "MET_WITH", "A", "off-a", "B", "off-b", None, "A met B.", 0, 8),
            ("d2", "MET_WITH", "B", "off-b", "A", "off-a", None, "B met A.", 0, 8),
        ]
    )
    published = pd.Series({"d1": date(2020, 5, 1), "d2": second_day})
    table = build_events(relations, published)
    assert len(table) == events and set(table["date_source"]) == {"published"}


@pytest.mark.parametrize("joined", [True])
def test_events_one_sentence_with_three_officials_is_one_meeting(joined):
    # "A met B and C": two pairs from one sentence, one meeting of three
    relations = _relations(
        [
            ("d1", "MET_WITH", "A", "off-a", "B", "off-b", "2020-05-01", "A met B and C.", 0, 14),
            ("d1", "MET_WITH", "A", "off-a", "C", "off-c", "2020-05-01", "A met B and C.", 0, 14),
        ]
    )
    (event,) = build_events(relations, pd.Series({"d1": date(2020, 5, 2)})).to_dict("records")
    assert (event["participants"] == ["off-a", "off-b", "off-c"]) is joined


@pytest.mark.parametrize("table", ["office_terms", "events"])
def test_events_tables_present_and_empty_after_a_run_that_finds_nothing(tmp_path, nlp, table):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(write_set(tmp_path / "raw", NOTHING)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"0 {table}" in result.output
    written = pq.read_table(out / f"{table}.parquet")
    assert written.num_rows == 0 and written.schema.remove_metadata().equals(SCHEMAS[table])


def _place_of(text: str, regions: list[tuple[str, str, str, str]]) -> str | None:
    """The place relation_places gives a meeting stated by the whole `text`; regions: (name, id, type, country)."""
    mentions = pd.DataFrame(
        [("d1", eid, "REGION", text.index(name)) for name, eid, _, _ in regions],
        columns=["doc_id", "entity_id", "label", "start_char"],
    )
    region_rows = pd.DataFrame([("d1", eid, kind, country) for _, eid, kind, country in regions],
                               columns=["doc_id", "entity_id", "type", "country"])
    relations = pd.DataFrame([("d1", "MET_WITH", 0, len(text))], columns=["doc_id", "type", "start_char", "end_char"])
    documents = pd.DataFrame([("d1", text)], columns=["doc_id", "text"])
    (place,) = relation_places(relations, mentions, region_rows, documents)["place_id"]
    return place


@pytest.mark.parametrize(
    "text, regions, expected",
    [
        # the sentence says where: the city before the country
        ("Zarif met Bayramov in Baku, Azerbaijan.", [("Baku", "reg-baku", "city", "AZ"), ("Azerbaijan", "reg-az", "country", "AZ")], "reg-baku"),
        # a place not after "in"/"at" is not the meeting's place ("ambassador to Iran")
        ("The ambassador to Iran met the governor.", [("Iran", "reg-ir", "country", "IR")], None),
        # the dateline, when the sentence names no place elsewhere
        ("BAKU, Azerbaijan – Zarif met Bayramov.", [("BAKU", "reg-baku", "city", "AZ"), ("Azerbaijan", "reg-az", "country", "AZ")], "reg-baku"),
        # not the dateline, when the sentence sends them to another country
        ("WASHINGTON – Kim will travel to Chile to meet President Pinera.", [("WASHINGTON", "reg-dc", "city", "US"), ("Chile", "reg-cl", "country", "CL")], None),
    ],
)
def test_events_place_of_a_meeting(text, regions, expected):
    assert _place_of(text, regions) == expected
