"""Who held which office when: the `office_terms` table of a run, and `who_held` on it."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from .corpus_sets import REPLACED, SIMULTANEOUS, write_set

import pipeline
from pipeline.linking.office_terms import build_office_terms, who_held


@pytest.fixture(scope="module")
def terms_of(tmp_path_factory, nlp):
    """Run the pipeline on a hand-written article set; its office_terms table (cached per set)."""
    runs: dict[str, pd.DataFrame] = {}

    def run(name: str, articles: dict[str, str]) -> pd.DataFrame:
        if name not in runs:
            root = tmp_path_factory.mktemp(name)
            out = root / "out"
            pipeline.run(write_set(root / "raw", articles), out)
            runs[name] = pipeline.read_tables(out)["office_terms"]
        return runs[name]

    return run


def _iran_foreign_ministers(terms: pd.DataFrame) -> pd.DataFrame:
    return terms[(terms["role"] == "foreign minister") & (terms["country"] == "IR")]


@pytest.mark.parametrize("articles", [REPLACED])
def test_office_terms_replaced_minister_gives_two_terms_and_no_conflict(terms_of, articles):
    terms = _iran_foreign_ministers(terms_of("replaced", articles))
    assert sorted(terms["name"]) == ["Hossein Amir-Abdollahian", "Mohammad Javad Zarif"]
    assert not terms["conflict"].any()
    zarif = terms[terms["name"] == "Mohammad Javad Zarif"].iloc[0]
    # the meeting "on Monday" of an article of Tuesday 2019-03-05 starts the term a day earlier
    assert (zarif["first_seen"], zarif["last_seen"]) == (pd.Timestamp(2019, 3, 4), pd.Timestamp(2019, 3, 5))  # read_tables: datetime64
    assert list(zarif["role_texts"]) == ["Foreign Minister"] and zarif["documents"] == 1


@pytest.mark.parametrize("articles", [SIMULTANEOUS])
def test_office_terms_two_simultaneous_holders_are_a_conflict(terms_of, articles):
    terms = _iran_foreign_ministers(terms_of("simultaneous", articles))
    assert len(terms) == 2 and terms["conflict"].all()
    by_name = terms.set_index("name")
    assert list(by_name.loc["Mohammad Javad Zarif", "conflict_with"]) == [
        by_name.loc["Hossein Amir-Abdollahian", "entity_id"]
    ]


@pytest.mark.parametrize("articles", [SIMULTANEOUS])
def test_office_terms_other_countries_ministers_are_no_conflict(terms_of, articles):
    terms = terms_of("simultaneous", articles)
    assert not terms[terms["country"] != "IR"]["conflict"].any()


@pytest.mark.parametrize(
    "on, expected",
    [
        ("2019-03-05", ["Mohammad Javad Zarif"]),
        ("2021-09-20", ["Hossein Amir-Abdollahian"]),
        ("2020-06-01", []),  # between the two articles no article shows anyone in office
    ],
)
def test_office_terms_who_held_answers_from_a_run(terms_of, tmp_path, on, expected):
    terms = terms_of("replaced", REPLACED)
    assert list(who_held(terms, "Minister of Foreign Affairs", "Iran", on)["name"]) == expected


@pytest.mark.parametrize("articles", [REPLACED])
def test_office_terms_who_held_reads_an_output_folder(tmp_path, nlp, articles):
    out = tmp_path / "out"
    pipeline.run(write_set(tmp_path / "raw", articles), out)
    assert list(pipeline.who_held(out, "foreign minister", "AZ", date(2021, 9, 20))["name"]) == ["Jeyhun Bayramov"]


def _officials(rows: list[tuple]) -> pd.DataFrame:
    columns = ["doc_id", "entity_id", "name", "role", "role_text", "country", "organization"]
    return pd.DataFrame(rows, columns=columns)


def _no_relations() -> pd.DataFrame:
    return pd.DataFrame(columns=["doc_id", "head_id", "tail_id", "date_value"])


@pytest.mark.parametrize("role", ["ambassador", "deputy foreign minister"])
def test_office_terms_offices_with_many_holders_are_no_conflict(role):
    officials = _officials(
        [("d1", "off-a", "A B", role, role, "AZ", None), ("d1", "off-c", "C D", role, role, "AZ", None)]
    )
    terms = build_office_terms(officials, pd.Series({"d1": date(2020, 1, 1)}), _no_relations())
    assert len(terms) == 2 and not terms["conflict"].any()


@pytest.mark.parametrize("organization, conflict", [("Ardabil Province", True), (None, False)])
def test_office_terms_governors_conflict_only_within_one_province(organization, conflict):
    # two governors of one province at once conflict; of the country, without a province, they do not
    officials = _officials(
        [
            ("d1", "off-a", "A B", "governor", "Governor", "IR", organization),
            ("d2", "off-c", "C D", "governor", "Governor", "IR", organization),
        ]
    )
    published = pd.Series({"d1": date(2020, 1, 1), "d2": date(2020, 1, 1)})
    terms = build_office_terms(officials, published, _no_relations())
    assert list(terms["conflict"]) == [conflict, conflict]


@pytest.mark.parametrize("value, first", [("2019-12", date(2019, 12, 1)), ("2020-03-01", date(2020, 1, 1))])
def test_office_terms_earlier_relation_date_starts_the_term(value, first):
    # a dated relation earlier than publication moves first_seen back; a later one (an announced
    # meeting) does not move last_seen past publication
    officials = _officials([("d1", "off-a", "A B", "president", "President", "AZ", None)])
    relations = pd.DataFrame([("d1", "off-a", "off-x", value)], columns=["doc_id", "head_id", "tail_id", "date_value"])
    (term,) = build_office_terms(officials, pd.Series({"d1": date(2020, 1, 1)}), relations).to_dict("records")
    assert (term["first_seen"], term["last_seen"]) == (first, date(2020, 1, 1))


@pytest.mark.parametrize("value, seen", [("2019-12-03", date(2019, 12, 3)), (None, None)])
def test_office_terms_article_without_publication_date(value, seen):
    # an undated article shows the official only on a date its relations give, else on none
    officials = _officials(
        [("d1", "off-a", "A B", "president", "President", "AZ", None), ("d2", "off-c", "C D", "president", "President", "AZ", None)]
    )
    relations = pd.DataFrame([("d1", "off-a", "off-x", value)], columns=["doc_id", "head_id", "tail_id", "date_value"])
    published = pd.Series({"d1": pd.NaT, "d2": date(2020, 1, 1)})
    terms = build_office_terms(officials, published, relations).set_index("entity_id")
    first = terms.loc["off-a", "first_seen"]
    assert (None if pd.isna(first) else first) == seen and not terms["conflict"].any()
    held = who_held(terms.reset_index(), "president", "AZ", "2019-12-03")
    assert list(held["entity_id"]) == (["off-a"] if seen else [])


@pytest.mark.parametrize("on", [pd.Timestamp("2019-03-05")])
def test_office_terms_who_held_takes_the_timestamps_read_tables_gives(on):
    terms = pd.DataFrame(
        {
            "entity_id": ["o1"], "name": ["A. Minister"], "role": ["foreign minister"],
            "country": ["IR"], "organization": [None],
            "first_seen": [date(2019, 1, 1)], "last_seen": [date(2019, 6, 1)],
        }
    )
    assert list(who_held(terms, "Foreign Minister", "Iran", on)["name"]) == ["A. Minister"]
