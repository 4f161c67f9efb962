"""The scorer on small hand-made gold/prediction pairs whose figures are worked out by hand."""

from __future__ import annotations

import json
from datetime import date

import pyarrow.parquet as pq
import pytest

from pipeline.evaluation.gold import load_gold, load_predictions
from pipeline.evaluation.report import format_errors, format_report, report_to_dict
from pipeline.evaluation.scoring import score
from pipeline.tables.schema import SCHEMAS, to_table


def _doc(**tables) -> dict:
    """A gold-shaped document: every table present, the given ones filled."""
    base = {"officials": [], "regions": [], "projects": [], "dates": [], "relations": []}
    base.update(tables)
    return base


def _official(name, role="ambassador", country="AZ", aliases=()):
    return {"name": name, "role": role, "country": country, "aliases": list(aliases)}


def _region(name, type_="country", country="AZ"):
    return {"name": name, "type": type_, "country": country}


def _project(name, type_="railway", aliases=()):
    return {"name": name, "type": type_, "aliases": list(aliases)}


def _figures(report, table):
    counts = report.tables[table]
    return counts.tp, counts.fp, counts.fn


@pytest.mark.parametrize(
    "gold_names, predicted_names, expected",
    [
        (["Bunyad Huseynov", "Hassan Rouhani"], ["Bunyad Huseynov", "Hassan Rouhani"], (2, 0, 0, 1.0, 1.0)),
        (["Bunyad Huseynov", "Hassan Rouhani"], ["Bunyad Huseynov", "Ivan Petrov"], (1, 1, 1, 0.5, 0.5)),
        (["Bunyad Huseynov", "Hassan Rouhani", "Jeyhun Bayramov"], ["Hassan Rouhani"], (1, 0, 2, 1.0, 1 / 3)),
        (["Bunyad Huseynov"], [], (0, 0, 1, 0.0, 0.0)),
    ],
)
def test_evaluate_officials_precision_recall(gold_names, predicted_names, expected):
    gold = {"a.txt": _doc(officials=[_official(n) for n in gold_names])}
    predicted = {"a.txt": _doc(officials=[_official(n) for n in predicted_names])}
    report = score(gold, predicted)
    counts = report.tables["officials"]
    assert (counts.tp, counts.fp, counts.fn) == expected[:3]
    assert counts.precision == pytest.approx(expected[3])
    assert counts.recall == pytest.approx(expected[4])


@pytest.mark.parametrize(
    "gold, predicted, matches",
    [
        (_official("Jeyhun Bayramov"), _official("JEYHUN BAYRAMOV"), True),
        (_official("José Núñez"), _official("Jose Nunez"), True),
        (_official("Jeyhun Bayramov"), _official("Bayramov"), True),
        (_official("Jeyhun Bayramov"), _official("J. Bayramov"), True),
        (_official("George Walker Bush"), _official("George Bush"), True),
        (_official("Seyyed Ali Khamenei"), _official("Ali Khamenei"), True),
        (_official("Hillary Clinton"), _official("Bill Clinton"), False),
        (_official("Jeyhun Bayramov"), _official("Jeyhun Aliyev"), False),
        (_official("Bahram Behnamjoo", aliases=["Behmanjoo"]), _official("Behmanjoo"), True),
        (_official("Bahram Behnamjoo", aliases=["Behmanjoo"]), _official("Bahram Behmanjoo"), True),
        (_official("Bahram Behnamjoo"), _official("Bahram Behmanjoo", aliases=["Behnamjoo"]), True),
        (_official("Bahram Behnamjoo"), _official("Behmanjoo"), False),
    ],
)
def test_evaluate_official_name_rules(gold, predicted, matches):
    report = score({"a.txt": _doc(officials=[gold])}, {"a.txt": _doc(officials=[predicted])})
    assert _figures(report, "officials") == ((1, 0, 0) if matches else (0, 1, 1))


@pytest.mark.parametrize(
    "gold, predicted, matches",
    [
        (_region("Ardabil Province", "subdivision", "IR"), _region("Ardabil", "subdivision", "IR"), True),
        (_region("Ardabil", "subdivision", "IR"), _region("ardabil region", "subdivision", "IR"), True),
        (_region("Osh Oblast", "subdivision", "KG"), _region("Osh", "city", "KG"), True),
        (_region("Nagorno-Karabakh", "region", "AZ"), _region("Nagorno Karabakh", "region", "AZ"), True),
        (_region("United States", "country", "US"), _region("USA", "country", "US"), True),
        (_region("Kyrgyzstan", "country", "KG"), _region("Kyrgyz Republic", "country", "KG"), True),
        (_region("Moscow", "city", "RU"), _region("Russia", "country", "RU"), False),
        (_region("Iran", "country", "IR"), _region("Iraq", "country", "IQ"), False),
        (_region("South Caucasus", "region", None), _region("Caucasus", "region", None), False),
    ],
)
def test_evaluate_region_name_rules(gold, predicted, matches):
    report = score({"a.txt": _doc(regions=[gold])}, {"a.txt": _doc(regions=[predicted])})
    assert _figures(report, "regions") == ((1, 0, 0) if matches else (0, 1, 1))


@pytest.mark.parametrize(
    "gold, predicted, matches",
    [
        # Dice 2*3/(6+3) = 0.67: the guide's own example
        (_project("Khudafarin hydro junction and power plant", "power_plant"), _project("Khudafarin hydro junction"), True),
        # Dice 2*3/(5+5) = 0.6 exactly: kept
        (_project("Alder Birch Cedar Dunmore railway"), _project("Alder Birch Elmwood Fenwick railway"), True),
        # Dice 2*3/(5+6) = 0.55: below the threshold
        (_project("Alder Birch Cedar Dunmore railway"), _project("Alder Birch Elmwood Fenwick Glenby railway"), False),
        # Dice 2*1/(3+1) = 0.5
        (_project("Rasht-Astara railway"), _project("Astara"), False),
        # Dice 2*3/(3+4) = 0.86, but every shared word is generic
        (_project("International Transport Corridor", "corridor"), _project("Northern International Transport Corridor"), False),
        (_project("Rasht-Astara railway"), _project("railway"), False),
        (_project("North-South Transport Corridor", "corridor"), _project("the North-South Transport Corridor"), True),
        (_project("Rogun dam", "dam"), _project("Roghun dam"), True),
        (_project("TAPI (Turkmenistan-Afghanistan-Pakistan-India) gas pipeline", "pipeline"), _project("TAPI pipeline"), True),
        (
            _project("TAPI (Turkmenistan-Afghanistan-Pakistan-India) gas pipeline", "pipeline"),
            _project("Turkmenistan-Afghanistan-Pakistan-India gas pipeline"),
            True,
        ),
        (_project("Trans-Anatolian Natural Gas Pipeline", "pipeline", aliases=["TANAP"]), _project("TANAP"), True),
        # Dice 2*3/(4+4) = 0.75, but the numbers that tell the two apart differ
        (_project("Carpathian Transport Corridor 1", "corridor"), _project("Carpathian Transport Corridor 2a"), False),
        (_project("Carpathian Transport Corridor 1", "corridor"), _project("Carpathian Corridor 1"), True),
        (_project("Trans-Anatolian Natural Gas Pipeline", "pipeline"), _project("TANAP", aliases=["Trans-Anatolian pipeline"]), True),
    ],
)
def test_evaluate_project_name_rules(gold, predicted, matches):
    report = score({"a.txt": _doc(projects=[gold])}, {"a.txt": _doc(projects=[predicted])})
    assert _figures(report, "projects") == ((1, 0, 0) if matches else (0, 1, 1))


ARTICLE = "The road opened on March 3, 2021 after work began in 2020. By 2020 the port was full. In July 2013 and 2013."


def _date(text, value, occurrence=0, start=None, end=None):
    if start is None:
        start = -1
        for _ in range(occurrence + 1):
            start = ARTICLE.index(text, start + 1)
        end = start + len(text)
    return {"text": ARTICLE[start:end], "start_char": start, "end_char": end, "type": "DATE", "value": value}


@pytest.mark.parametrize(
    "gold_dates, predicted_dates, expected",
    [
        # a prediction shorter than the gold text still overlaps it
        ([("March 3, 2021", "2021-03-03")], [_date("3, 2021", "2021-03-03")], (1, 0, 0)),
        # a gold text that occurs twice matches a prediction at either occurrence
        ([("2020", "2020")], [_date("2020", "2020", occurrence=1)], (1, 0, 0)),
        ([("2020", "2020"), ("2020", "2020")], [_date("2020", "2020"), _date("2020", "2020", occurrence=1)], (2, 0, 0)),
        ([("2020", "2020"), ("2020", "2020")], [_date("2020", "2020")], (1, 0, 1)),
        # no overlap: a miss and a false positive
        ([("March 3, 2021", "2021-03-03")], [_date("road", "XXXX")], (0, 1, 1)),
        # "2013" inside "July 2013" belongs to the longer gold date, not to the gold "2013"
        ([("July 2013", "2013-07"), ("2013", "2013")], [_date("July 2013", "2013-07"), _date("2013", "2013", 1)], (2, 0, 0)),
        ([("July 2013", "2013-07"), ("2013", "2013")], [_date("2013", "2013")], (1, 0, 1)),
    ],
)
def test_evaluate_dates_match_by_overlap(gold_dates, predicted_dates, expected):
    gold = {"a.txt": _doc(dates=[{"text": t, "type": "DATE", "value": v} for t, v in gold_dates])}
    predicted = {"a.txt": {**_doc(dates=predicted_dates), "text": ARTICLE}}
    assert _figures(score(gold, predicted), "dates") == expected



@pytest.mark.parametrize(
    "gold_dates, predicted_dates, strict, relaxed",
    [
        # the exact span counts in both; a trimmed or widened span only in the relaxed match
        ([("March 3, 2021", "2021-03-03")], [_date("March 3, 2021", "2021-03-03")], (1, 0, 0), (1, 0, 0)),
        ([("March 3, 2021", "2021-03-03")], [_date("3, 2021", "2021-03-03")], (0, 1, 1), (1, 0, 0)),
        ([("July 2013", "2013-07")], [_date("In July 2013", "2013-07")], (0, 1, 1), (1, 0, 0)),
        # the same text at the other occurrence is not the same span
        ([("2020", "2020")], [_date("2020", "2020", occurrence=1)], (1, 0, 0), (1, 0, 0)),
        ([("2020", "2020"), ("2020", "2020")], [_date("2020", "2020"), _date("2020", "2020", occurrence=1)], (2, 0, 0), (2, 0, 0)),
        ([("March 3, 2021", "2021-03-03")], [_date("road", "XXXX")], (0, 1, 1), (0, 1, 1)),
    ],
)
def test_evaluate_dates_strict_and_relaxed_match(gold_dates, predicted_dates, strict, relaxed):
    gold = {"a.txt": _doc(dates=[{"text": t, "type": "DATE", "value": v} for t, v in gold_dates])}
    predicted = {"a.txt": {**_doc(dates=predicted_dates), "text": ARTICLE}}
    report = score(gold, predicted)
    figures = report_to_dict(report)["dates"]
    assert tuple(figures["strict"][k] for k in ("tp", "fp", "fn")) == strict
    assert tuple(figures["relaxed"][k] for k in ("tp", "fp", "fn")) == relaxed
    assert "strict (exact)" in format_report(report) and "relaxed (overlap)" in format_report(report)


@pytest.mark.parametrize("predicted_types", [("DATE", "DURATION")])
def test_evaluate_dates_type_accuracy_over_matched_dates(predicted_types):
    gold = {"a.txt": _doc(dates=[{"text": "March 3, 2021", "type": "DATE", "value": "2021-03-03"},
                                  {"text": "July 2013", "type": "DATE", "value": "2013-07"},
                                  {"text": "road", "type": "DATE", "value": "XXXX"}])}
    rows = [_date("March 3, 2021", "2021-03-03"), _date("July 2013", "P1M")]
    for row, kind in zip(rows, predicted_types):
        row["type"] = kind
    report = score(gold, {"a.txt": {**_doc(dates=rows), "text": ARTICLE}})
    # the unmatched gold date is outside the accuracy; one of the two matches has the wrong type
    assert report_to_dict(report)["dates"]["type"] == {"correct": 1, "total": 2, "accuracy": 0.5}


GOLD_ENTITIES = {
    "officials": [_official("Jeyhun Bayramov"), _official("Hassan Rouhani", "president", "IR")],
    "projects": [_project("Rasht-Astara railway"), _project("North-South Transport Corridor", "corridor")],
    "regions": [_region("Gilan Province", "subdivision", "IR")],
}


def _relation(kind, head, tail):
    return {"type": kind, "head": head, "tail": tail}


@pytest.mark.parametrize(
    "predicted, expected",
    [
        (_relation("MET_WITH", "Jeyhun Bayramov", "Hassan Rouhani"), {"MET_WITH": (1, 0, 0)}),
        (_relation("MET_WITH", "Hassan Rouhani", "Jeyhun Bayramov"), {"MET_WITH": (1, 0, 0)}),
        (_relation("MET_WITH", "Rouhani", "J. Bayramov"), {"MET_WITH": (1, 0, 0)}),
        (_relation("MET_WITH", "Hassan Rouhani", "Ivan Petrov"), {"MET_WITH": (0, 1, 1)}),
        (_relation("PART_OF", "Rasht-Astara railway", "North-South Transport Corridor"), {"PART_OF": (1, 0, 0)}),
        # PART_OF is directed: the reversed pair is wrong
        (_relation("PART_OF", "North-South Transport Corridor", "Rasht-Astara railway"), {"PART_OF": (0, 1, 1)}),
        (_relation("LOCATED_IN", "the Rasht-Astara railway", "Gilan"), {"LOCATED_IN": (1, 0, 0)}),
        # right ends, wrong type
        (_relation("LOCATED_IN", "Rasht-Astara railway", "North-South Transport Corridor"), {"PART_OF": (0, 0, 1), "LOCATED_IN": (0, 1, 0)}),
    ],
)
def test_evaluate_relations_match_both_ends(predicted, expected):
    gold_relation = {
        "MET_WITH": _relation("MET_WITH", "Jeyhun Bayramov", "Hassan Rouhani"),
        "PART_OF": _relation("PART_OF", "Rasht-Astara railway", "North-South Transport Corridor"),
        "LOCATED_IN": _relation("LOCATED_IN", "Rasht-Astara railway", "Gilan Province"),
    }
    kind = next(iter(expected))
    gold = {"a.txt": _doc(**GOLD_ENTITIES, relations=[gold_relation[kind]])}
    report = score(gold, {"a.txt": _doc(**GOLD_ENTITIES, relations=[predicted])})
    for relation_type, figures in expected.items():
        assert _figures(report, f"relations:{relation_type}") == figures
    assert _figures(report, "relations") == tuple(sum(f[k] for f in expected.values()) for k in range(3))


@pytest.mark.parametrize("missing", ["b.txt"])
def test_evaluate_missing_document_counts_as_misses(missing):
    gold = {
        "a.txt": _doc(officials=[_official("Jeyhun Bayramov")], regions=[_region("Azerbaijan")]),
        missing: _doc(officials=[_official("Hassan Rouhani")], regions=[_region("Iran", "country", "IR")]),
    }
    predicted = {"a.txt": _doc(officials=[_official("Jeyhun Bayramov")], regions=[_region("Azerbaijan")])}
    report = score(gold, predicted)
    assert _figures(report, "officials") == (1, 0, 1)
    assert _figures(report, "regions") == (1, 0, 1)
    assert report.tables["officials"].f1 == pytest.approx(2 / 3)
    assert report.missing_documents == [missing]
    assert "missing from the predictions" in format_report(report)
    assert "Hassan Rouhani" in format_errors(report)


@pytest.mark.parametrize("roles", [("Governor-General", "governor general", "president")])
def test_evaluate_attribute_accuracy_over_matched_pairs(roles):
    gold = {
        "a.txt": _doc(
            officials=[
                _official("Bahram Behnamjoo", "governor-general", "IR"),
                _official("Jeyhun Bayramov", "foreign minister", "AZ"),
                _official("Hassan Rouhani", "president", "IR"),
                _official("Bunyad Huseynov", "ambassador", "AZ"),  # not predicted: outside the accuracy
            ],
            regions=[_region("Ardabil Province", "subdivision", "IR"), _region("Baku", "city", "AZ")],
            dates=[{"text": "2020", "type": "DATE", "value": "2020"}],
        )
    }
    predicted = {
        "a.txt": {
            **_doc(
                officials=[
                    _official("Behnamjoo", roles[0], "IR"),
                    _official("Jeyhun Bayramov", roles[1], "AZ"),
                    _official("Hassan Rouhani", roles[2], "AZ"),
                ],
                regions=[_region("Ardabil", "city", "IR"), _region("Baku", "city", "AZ")],
                dates=[_date("2020", "2021")],
            ),
            "text": ARTICLE,
        }
    }
    report = score(gold, predicted)
    figures = report_to_dict(report)["attributes"]
    assert figures["officials.role"] == {"correct": 2, "total": 3, "accuracy": pytest.approx(0.6667, abs=1e-4)}
    assert figures["officials.country"]["correct"] == 2
    assert figures["regions.type"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert figures["regions.country"]["accuracy"] == 1.0
    assert figures["dates.value"] == {"correct": 0, "total": 1, "accuracy": 0.0}
    errors = format_errors(report)
    assert "'foreign minister'" in errors and "'governor general'" in errors
    assert "Bunyad Huseynov" in errors
    listed = json.loads(json.dumps(report_to_dict(report, errors=True)))  # --json must be able to write it
    assert listed["errors"]["a.txt"]["misses"]["officials"] == [_official("Bunyad Huseynov")]


@pytest.mark.parametrize("region_names", [("Astara", "Astara")])
def test_evaluate_same_name_regions_pair_by_country(region_names):
    gold_regions = [_region(region_names[0], "city", "AZ"), _region(region_names[1], "city", "IR")]
    predicted_regions = [_region(region_names[1], "city", "IR"), _region(region_names[0], "city", "AZ")]
    report = score({"a.txt": _doc(regions=gold_regions)}, {"a.txt": _doc(regions=predicted_regions)})
    assert _figures(report, "regions") == (2, 0, 0)
    assert report.attributes["regions.country"].accuracy == 1.0


@pytest.mark.parametrize("source", ["000.txt"])
def test_evaluate_load_predictions_round_trips_parquet(tmp_path, source, seed_text):
    start = seed_text.index("six weeks")
    rows = {
        "documents": [
            {"doc_id": "d1", "source": source, "text": seed_text, "published": date(2021, 1, 6), "status": "ok"}
        ],
        "officials": [
            {"doc_id": "d1", "entity_id": "off-1", "name": "Jeyhun Bayramov", "aliases": ["Bayramov"],
             "role": "foreign minister", "country": "AZ", "organization": None, "posted_to": None,
             "mention_count": 2, "first_char": 10}
        ],
        "regions": [{"doc_id": "d1", "entity_id": "reg-1", "name": "Baku", "type": "city", "country": "AZ", "iso_code": None}],
        "projects": [
            {"doc_id": "d1", "name": "Rasht-Astara railway", "aliases": [], "type": "railway",
             "countries": ["IR"], "part_of": "North-South International Transport Corridor"}
        ],
        "dates": [
            {"doc_id": "d1", "text": "six weeks", "start_char": start, "end_char": start + 9,
             "type": "DURATION", "value": "P6W", "mod": None}
        ],
        "relations": [{"doc_id": "d1", "type": "MET_WITH", "head": "Jeyhun Bayramov", "tail": "Hassan Rouhani"}],
    }
    for table, table_rows in rows.items():
        pq.write_table(to_table(table, table_rows), tmp_path / f"{table}.parquet")
    # a table written as a folder of parts reads the same
    (tmp_path / "mentions.parquet").mkdir()
    pq.write_table(SCHEMAS["mentions"].empty_table(), tmp_path / "mentions.parquet" / "part-0.parquet")

    loaded = load_predictions(tmp_path)

    doc = loaded[source]
    assert doc["text"] == seed_text and doc["published"] == "2021-01-06"
    assert doc["officials"] == [
        {"name": "Jeyhun Bayramov", "aliases": ["Bayramov"], "role": "foreign minister", "country": "AZ",
         "organization": None, "posted_to": None, "entity_id": "off-1"}
    ]
    assert doc["projects"][0]["countries"] == ["IR"]
    assert doc["dates"] == [
        {"text": "six weeks", "start_char": start, "end_char": start + 9, "type": "DURATION", "value": "P6W", "mod": None}
    ]
    assert doc["relations"] == [{"type": "MET_WITH", "head": "Jeyhun Bayramov", "tail": "Hassan Rouhani"}]
    assert doc["regions"] == [{"name": "Baku", "type": "city", "country": "AZ", "iso_code": None, "entity_id": "reg-1"}]


@pytest.mark.parametrize("doc_name", ["000.txt"])
def test_evaluate_load_gold_keys_by_doc(tmp_path, doc_name):
    (tmp_path / "000.json").write_text(json.dumps({"doc": doc_name, **_doc()}), encoding="utf-8")
    assert list(load_gold(tmp_path)) == [doc_name]


@pytest.mark.parametrize(
    "items, expected",
    [
        # one person in two articles under two forms of one name, linked: one true pair
        ([("a", {"name": "Hillary Clinton", "country": "US"}, "e1"), ("b", {"name": "Hillary Rodham Clinton", "country": "US"}, "e1")], (1, 0, 0)),
        # the same, left apart: one missed pair
        ([("a", {"name": "Hillary Clinton", "country": "US"}, "e1"), ("b", {"name": "Hillary Clinton", "country": "US"}, "e2")], (0, 0, 1)),
        # two people of one surname and different first names, merged: one false pair
        ([("a", {"name": "John Smith", "country": "US"}, "e1"), ("b", {"name": "Mary Smith", "country": "US"}, "e1")], (0, 1, 0)),
        # pairs inside one article do not count
        ([("a", {"name": "John Smith", "country": "US"}, "e1"), ("a", {"name": "Mary Smith", "country": "US"}, "e1")], (0, 0, 0)),
    ],
)
def test_evaluate_pairwise_linking(items, expected):
    from pipeline.evaluation.scoring import pairwise_linking

    counts = pairwise_linking("officials", items)
    assert (counts.tp, counts.fp, counts.fn) == expected


@pytest.mark.parametrize(
    "predicted_officials, status",
    [
        (["Bunyad Huseynov", "Bahram Behnamjoo"], "both ends found: relation not found"),
        (["Bunyad Huseynov"], "head found, tail not found: end not found"),
        ([], "head not found, tail not found: end not found"),
    ],
)
def test_evaluate_errors_give_relation_miss_end_status(predicted_officials, status):
    gold = {"d.txt": _doc(
        officials=[_official("Bunyad Huseynov"), _official("Bahram Behnamjoo", country="IR")],
        relations=[{"type": "MET_WITH", "head": "Bunyad Huseynov", "tail": "Bahram Behnamjoo"}],
    )}
    predicted = {"d.txt": _doc(officials=[_official(n) for n in predicted_officials])}
    text = format_errors(score(gold, predicted), ["relations"])
    assert f"MISS relations  MET_WITH 'Bunyad Huseynov' -> 'Bahram Behnamjoo' ({status})" in text
