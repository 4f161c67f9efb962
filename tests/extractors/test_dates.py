"""Finding time expressions in text: exact spans, TIMEX3 values, and what is not a date."""

from __future__ import annotations

from datetime import date

import pytest

SEED_PUBLISHED = date(2021, 1, 6)
PUB = date(2021, 1, 6)  # a Wednesday

SEED_DATES = [
    ("44-day", "DURATION", "P44D", None),
    ("early December 2020", "DATE", "2020-12", "START"),
    ("November 10, 2020", "DATE", "2020-11-10", None),
    ("six weeks", "DURATION", "P6W", None),
    ("the early 1990s", "DATE", "199X", "START"),
]


def _rows(doc):
    return [(d.text, d.type, d.value, d.mod) for d in doc._.dates]


@pytest.mark.parametrize("published", [SEED_PUBLISHED])
def test_dates_seed_article_has_exactly_its_five_expressions(annotate, seed_text, published):
    doc = annotate(seed_text, published)
    assert _rows(doc) == SEED_DATES
    for found in doc._.dates:
        assert seed_text[found.start_char:found.end_char] == found.text


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Fighting ended after six weeks of clashes.", "six weeks"),
        ("The talks resumed in early March 2019 in Geneva.", "early March 2019"),
        ("The plant has run since the late 1980s.", "the late 1980s"),
        ("Work began on 3 June 2018 near the border.", "3 June 2018"),
        ("It closed at the end of 2015 after protests.", "the end of 2015"),
        ("She served for more than 20 years as mayor.", "more than 20 years"),
        ("The ministers met in Ankara last month.", "last month"),
        ("Exports doubled over the past three years.", "the past three years"),
        ("Investment rose from 2016 to 2019 in the region.", "2016 to 2019"),
    ],
)
def test_dates_span_is_the_expression_without_surrounding_words(annotate, text, expected):
    doc = annotate(text, PUB)
    assert [d.text for d in doc._.dates] == [expected]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The minister arrived in the capital yesterday.", ("yesterday", "2021-01-05")),
        ("The envoy met the governor on Monday.", ("Monday", "2021-01-04")),
        ("The envoy will meet the governor on Monday.", ("Monday", "2021-01-11")),
        ("The railway opened two years ago.", ("two years ago", "2019")),
        ("The agreement was signed in November.", ("November", "2020-11")),
        ("A second round of talks is planned for next month.", ("next month", "2021-02")),
        ("The delegation visited the site this week.", ("this week", "2021-W01")),
    ],
)
def test_dates_relative_expressions_resolve_against_publication(annotate, text, expected):
    doc = annotate(text, PUB)
    assert [(d.text, d.value) for d in doc._.dates] == [expected]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The minister arrived in the capital yesterday.", ("yesterday", "XXXX-XX-XX")),
        ("The agreement was signed on March 3.", ("March 3", "XXXX-03-03")),
        ("The delegation visited the site this week.", ("this week", "XXXX-WXX")),
    ],
)
def test_dates_without_publication_date_stay_unresolved(annotate, text, expected):
    doc = annotate(text, None)
    assert [(d.text, d.value) for d in doc._.dates] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "It was his first official visit to the country.",
        "The 132-km border area was returned.",
        "The two countries agreed to cooperate.",
        "The ministry is currently reviewing the proposal.",
        "Trade has recently grown, and it will keep growing in the future.",
        "Good afternoon, everyone, and thank you for coming.",
        "The 45-year-old engineer led the project.",
        "The deal was signed under loan no. 2562 with the bank.",
        "They attended the Annual Bilateral Consultations in the capital.",
        "The embassy hosted an Independence Day Reception for guests.",
        "The region has been a trade hub for centuries.",
        "The two sides have cooperated for years.",
        "USAID signed a second agreement with the ministry.",
        "Officials expect progress in the coming months.",
    ],
)
def test_dates_non_dates_are_rejected(annotate, text):
    assert _rows(annotate(text, PUB)) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The summit was held October 4-5 in Brussels.", ("October 4-5", "2020-10-04", date(2020, 10, 4), date(2020, 10, 5))),
        ("The program ran from 2010-2014 in three provinces.", ("2010-2014", "2010", date(2010, 1, 1), date(2014, 12, 31))),
    ],
)
def test_dates_range_is_one_row_spanning_the_interval(annotate, text, expected):
    doc = annotate(text, PUB)
    assert [(d.text, d.value, d.earliest, d.latest) for d in doc._.dates] == [expected]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The ministers hold an annual meeting in Baku.", ("annual", "SET", "P1Y")),
        ("The plant serves a million people every day.", ("every day", "SET", "P1D")),
        ("The two leaders met in May and June.", None),
    ],
)
def test_dates_sets_and_lists(annotate, text, expected):
    rows = [(d.text, d.type, d.value) for d in annotate(text, PUB)._.dates]
    if expected is None:
        assert [r[0] for r in rows] == ["May", "June"]
    else:
        assert rows == [expected]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Today the ministry is a different institution.", []),
        ("Climate change is one of today's biggest threats.", []),
        ("Today's meeting was productive.", ["Today"]),
        ("Today, we are here to sign a new compact.", ["Today"]),
    ],
)
def test_dates_today_meaning_nowadays_is_left_out(annotate, text, expected):
    assert [d.text for d in annotate(text, PUB)._.dates] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Brussels, 3 October 2023 – Today, the Commission signed the grant.", [("3 October 2023", "2023-10-03"), ("Today", "2023-10-03")])],
)
def test_dates_dateline_dash_today_is_two_expressions(annotate, text, expected):
    doc = annotate(text, date(2023, 10, 3))
    assert [(d.text, d.value) for d in doc._.dates] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The talks lasted several days before a deal was reached.", [("several days", "DURATION", "PXD")]),
        ("Engineers spent a few hours at the flooded site.", [("a few hours", "DURATION", "PTXH")]),
        ("Finishing the line will take many more years.", [("many more years", "DURATION", "PXY")]),
        ("Repairs are expected over the next few weeks.", [("the next few weeks", "DURATION", "PXW")]),
        ("The minister gave an hour-long speech to the assembly.", [("hour-long", "DURATION", "PT1H")]),
        # a vague past has no calendar value: left out whole, not cut down to its duration
        ("The ministers first met a few years ago in Baku.", []),
        # no quantity word at all: still no expression
        ("The railway has been planned for years.", []),
    ],
)
def test_dates_vague_quantity_durations(annotate, text, expected):
    assert [(d.text, d.type, d.value) for d in annotate(text, PUB)._.dates] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The ministers meet each season to review the accords.", [("each season", "SET", "P3M")]),
        ("Patrols leave the base every morning.", [("every morning", "SET", "XXXX-XX-XXTMO")]),
        ("Trains run twice daily between the two cities.", [("twice daily", "SET", "P1D")]),
        ("The border market is open on Mondays.", [("Mondays", "SET", "XXXX-WXX-1")]),
        ("Inspectors check the dam every other week.", [("every other week", "SET", "P2W")]),
        ("The board meets twice a year in Geneva.", [("twice a year", "SET", "P1Y")]),
        ("Freight volumes grew 4 percent per year.", [("per year", "SET", "P1Y")]),
    ],
)
def test_dates_recurring_times_are_sets(annotate, text, expected):
    assert [(d.text, d.type, d.value) for d in annotate(text, PUB)._.dates] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Revenue rose this fiscal year, the ministry said.", [("this fiscal year", "2021", None)]),
        ("Earlier in the day, the minister spoke to reporters.", [("Earlier in the day", "2021-01-06", "START")]),
        ("The agency will report later this week on the damage.", [("later this week", "2021-W01", None)]),
        ("The region grew fast in the first half of the 20th century.", [("the first half of the 20th century", "19", "START")]),
        ("The region changed little in the 21st century.", [("the 21st century", "20", None)]),
        ("During the last week of March, the board visited the port.", [("the last week of March", "2020-03", "END")]),
        ("The dam was built between 1955 and 1959 by the state.", [("1955 and 1959", "1955", None)]),
    ],
)
def test_dates_named_and_relative_periods(annotate, text, expected):
    assert [(d.text, d.value, d.mod) for d in annotate(text, PUB)._.dates] == expected


@pytest.mark.parametrize(
    "text,published,expected",
    [
        ("The rocket launched at 3:07:35 local time.", PUB, [("3:07:35 local time", "XXXX-XX-XXT03:07:35")]),
        ("The talks begin at 8 a.m. on Friday.", PUB, [("8 a.m. on Friday", "2021-01-01T08:00")]),
        ("The polls close at 15:00 GMT.", PUB, [("15:00 GMT", "XXXX-XX-XXT15:00")]),
        ("From 12:00 on December 31, 1999, the port changed hands.", None, [("12:00 on December 31, 1999", "1999-12-31T12:00")]),
        # a clock time alone takes the day of the date in its sentence, before or after it
        ("The debate airs on Friday February 15, 2013, at 4:00 pm (GMT).", PUB,
         [("Friday February 15, 2013", "2013-02-15"), ("4:00 pm", "2013-02-15T16:00")]),
        ("The first trucks crossed after midnight, on 15 June 2013.", PUB,
         [("midnight", "2013-06-15T00:00"), ("15 June 2013", "2013-06-15")]),
        # "this morning" and "tonight" stay dates
        ("The minister spoke this morning and will travel tonight.", PUB,
         [("this morning", "2021-01-06"), ("tonight", "2021-01-06")]),
        # a ratio or a score is no clock time
        ("The map is drawn at a scale of 1:50 in the annex.", PUB, []),
        ("The home team won 3:1 in the final.", PUB, []),
    ],
)
def test_dates_clock_times(annotate, text, published, expected):
    assert [(d.text, d.value) for d in annotate(text, published)._.dates] == expected


@pytest.mark.parametrize(
    "text,published,expected",
    [
        ("The minister arrived on March 3, 2019. Two days later, he met the governor.", PUB,
         [("March 3, 2019", "2019-03-03"), ("Two days later", "2019-03-05")]),
        ("The treaty was signed on May 5, 2018. The following week, parliament ratified it.", PUB,
         [("May 5, 2018", "2018-05-05"), ("The following week", "2018-W19")]),
        ("The flood struck on 10 June 2015. Later that day, the governor visited the site.", None,
         [("10 June 2015", "2015-06-10"), ("Later that day", "2015-06-10")]),
        ("The bridge opened in 1962. Thirty-seven years later, it can no longer carry the traffic.", PUB,
         [("1962", "1962"), ("Thirty-seven years later", "1999")]),
        ("As early as 1909 the council petitioned the prime minister at that time.", PUB,
         [("1909", "1909"), ("that time", "1909")]),
        # with no date in the text, the publication date is the anchor; "that time" has none
        ("Two days later, he met the governor.", PUB, [("Two days later", "2021-01-08")]),
        ("The company was founded at that time.", PUB, []),
        # a year is too coarse to count days from: the anchor is the publication date
        ("The plant opened in 2015. Two days later it closed.", PUB, [("2015", "2015"), ("Two days later", "2021-01-08")]),
        # deictic expressions keep counting from the publication date
        ("The treaty was signed in May 2018. The minister arrived yesterday.", PUB,
         [("May 2018", "2018-05"), ("yesterday", "2021-01-05")]),
    ],
)
def test_dates_anchored_to_a_date_of_the_text(annotate, text, published, expected):
    assert [(d.text, d.value) for d in annotate(text, published)._.dates] == expected


@pytest.mark.parametrize(
    "text,published,expected",
    [
        ("The agency today (July 17) announced the completion of the bypass.", date(2003, 7, 18),
         [("today", "2003-07-17"), ("July 17", "2003-07-17")]),
        ("For instance, 15 years ago, in 2007, the budget was small.", date(2023, 2, 9),
         [("15 years ago", "2007"), ("2007", "2007")]),
    ],
)
def test_dates_stated_date_wins_over_the_relative_one(annotate, text, published, expected):
    assert [(d.text, d.value) for d in annotate(text, published)._.dates] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # the first half of a coordinated duration borrows the second's unit
        ("The loan runs for 12 and 18 months.", [("12", "P12M"), ("18 months", "P18M")]),
        ("Sentences of two or three years were handed down.", [("two", "P2Y"), ("three years", "P3Y")]),
        ("The two sides signed five agreements and 10 years of work followed.", [("10 years", "P10Y")]),
    ],
)
def test_dates_coordinated_durations_are_two_expressions(annotate, text, expected):
    assert [(d.text, d.value) for d in annotate(text, PUB)._.dates] == expected


@pytest.mark.parametrize(
    "text,published,expected",
    [
        # a month or weekday about the future resolves forward, one about the past backward
        ("The vote in June will decide the matter.", PUB, ("June", "2021-06")),
        ("The vote in June decided the matter.", PUB, ("June", "2020-06")),
        ("The parliament is to vote in June.", PUB, ("June", "2021-06")),
        ("Talks are set for Thursday in Geneva.", PUB, ("Thursday", "2021-01-07")),
        ("The minister said the line would open in June.", PUB, ("June", "2021-06")),
        ("The minister will meet the governor on Saturday.", PUB, ("Saturday", "2021-01-09")),
        ("The envoy met the governor on Saturday.", PUB, ("Saturday", "2021-01-02")),
        # no tense to go by: the year stated nearby says which way the sentence looks
        ("Under the 2023 plan, the tender opens in March.", date(2021, 6, 15), ("March", "2022-03")),
        ("As in 2019, the tender opens in March.", date(2021, 6, 15), ("March", "2021-03")),
    ],
)
def test_dates_tense_directs_months_and_weekdays(annotate, text, published, expected):
    rows = [(d.text, d.value) for d in annotate(text, published)._.dates]
    assert expected in rows


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The pipeline was built in 2001–02 by the venture.", ("2001–02", None, date(2001, 1, 1), date(2002, 12, 31))),
        ("The program ran from 2010-2014 in three provinces.", ("2010-2014", None, date(2010, 1, 1), date(2014, 12, 31))),
    ],
)
def test_dates_year_range_as_one_token(annotate, text, expected):
    assert [(d.text, d.mod, d.earliest, d.latest) for d in annotate(text, PUB)._.dates] == [expected]


def _forces_seed(token: dict, seeds: frozenset[str]) -> bool:
    """Whether a pattern token can only match a seed word or a token with a digit."""
    if token.get("OP") is not None:
        return False
    for key in ("LOWER", "ORTH", "TEXT"):
        value = token.get(key)
        if isinstance(value, str):
            value = {"IN": [value]}
        if isinstance(value, dict) and "IN" in value:
            return all(w.lower() in seeds or any(c.isdigit() for c in w) for w in value["IN"])
        if isinstance(value, dict) and "REGEX" in value:
            return value["REGEX"].startswith(("^\\d", "^FY ?\\d"))
    shape = token.get("SHAPE")
    shapes = [shape] if isinstance(shape, str) else (shape or {}).get("IN", [])
    return bool(shapes) and all("d" in s for s in shapes)  # a shape with a digit


def test_dates_every_pattern_holds_a_seed_within_its_length():
    """The Matcher runs only on windows around seed words (`_pattern_windows`): each pattern
    needs a required token that is a seed, and no repeated tokens (its length bounds a match)."""
    from pipeline.extractors.dates.extract import PATTERNS, UNANCHORED_SEEDS, _anchor_words
    from pipeline.resources import load_jsonl

    seeds = _anchor_words() | UNANCHORED_SEEDS
    for entry in load_jsonl(PATTERNS):
        pattern = entry["pattern"]
        assert all(t.get("OP") in (None, "?") for t in pattern), entry["note"]
        assert any(_forces_seed(t, seeds) for t in pattern), entry["note"]
