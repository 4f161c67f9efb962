"""TIMEX3 normalization: value, mod and calendar interval of expressions, from the guidelines."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.normalize.timex import FUTURE, PAST, Timex, is_vague, normalize

D = date.fromisoformat
PUB = "2021-01-06"  # a Wednesday

# text, published, tense, type, value, mod, earliest, latest
TABLE = [
    # absolute calendar dates
    ("November 10, 2020", PUB, None, "DATE", "2020-11-10", None, "2020-11-10", "2020-11-10"),
    ("10 November 2020", PUB, None, "DATE", "2020-11-10", None, "2020-11-10", "2020-11-10"),
    ("the 10th of November, 2020", PUB, None, "DATE", "2020-11-10", None, "2020-11-10", "2020-11-10"),
    ("Tuesday, November 10, 2020", PUB, None, "DATE", "2020-11-10", None, "2020-11-10", "2020-11-10"),
    ("Nov. 10, 2020", PUB, None, "DATE", "2020-11-10", None, "2020-11-10", "2020-11-10"),
    ("Sept 3, 1999", None, None, "DATE", "1999-09-03", None, "1999-09-03", "1999-09-03"),
    ("2020-11-10", None, None, "DATE", "2020-11-10", None, "2020-11-10", "2020-11-10"),
    ("11/10/2020", None, None, "DATE", "2020-11-10", None, "2020-11-10", "2020-11-10"),
    ("February 29, 2020", PUB, None, "DATE", "2020-02-29", None, "2020-02-29", "2020-02-29"),
    ("December 2020", PUB, None, "DATE", "2020-12", None, "2020-12-01", "2020-12-31"),
    ("February 2024", None, None, "DATE", "2024-02", None, "2024-02-01", "2024-02-29"),
    ("February 2023", None, None, "DATE", "2023-02", None, "2023-02-01", "2023-02-28"),
    ("February 1900", None, None, "DATE", "1900-02", None, "1900-02-01", "1900-02-28"),
    ("2020", None, None, "DATE", "2020", None, "2020-01-01", "2020-12-31"),
    ("fiscal year 2019", None, None, "DATE", "2019", None, "2019-01-01", "2019-12-31"),
    ("the 1990s", None, None, "DATE", "199X", None, "1990-01-01", "1999-12-31"),
    ("the '80s", None, None, "DATE", "198X", None, "1980-01-01", "1989-12-31"),
    ("the 20th century", None, None, "DATE", "19", None, "1900-01-01", "1999-12-31"),
    ("the twenty-first century", None, None, "DATE", "20", None, "2000-01-01", "2099-12-31"),
    ("summer 2019", None, None, "DATE", "2019-SU", None, "2019-06-01", "2019-08-31"),
    ("the winter of 2019", None, None, "DATE", "2019-WI", None, "2019-12-01", "2020-02-29"),
    ("the first quarter of 2021", None, None, "DATE", "2021-Q1", None, "2021-01-01", "2021-03-31"),
    ("Q4 2020", None, None, "DATE", "2020-Q4", None, "2020-10-01", "2020-12-31"),
    ("the second half of 2019", None, None, "DATE", "2019-H2", None, "2019-07-01", "2019-12-31"),
    ("Christmas 2019", None, None, "DATE", "2019-12-25", None, "2019-12-25", "2019-12-25"),
    # mods on dates
    ("early December 2020", PUB, None, "DATE", "2020-12", "START", "2020-12-01", "2020-12-10"),
    ("mid-December 2020", PUB, None, "DATE", "2020-12", "MID", "2020-12-11", "2020-12-20"),
    ("late February 2020", PUB, None, "DATE", "2020-02", "END", "2020-02-21", "2020-02-29"),
    ("late February 2021", PUB, None, "DATE", "2021-02", "END", "2021-02-21", "2021-02-28"),
    ("the early 1990s", PUB, None, "DATE", "199X", "START", "1990-01-01", "1993-12-31"),
    ("the late 1980s", None, None, "DATE", "198X", "END", "1987-01-01", "1989-12-31"),
    ("late 2019", None, None, "DATE", "2019", "END", "2019-09-01", "2019-12-31"),
    ("the end of 2005", None, None, "DATE", "2005", "END", "2005-09-01", "2005-12-31"),
    ("the beginning of 2022", None, None, "DATE", "2022", "START", "2022-01-01", "2022-04-30"),
    ("mid-2020", None, None, "DATE", "2020", "MID", "2020-05-01", "2020-08-31"),
    ("around 2030", None, None, "DATE", "2030", "APPROX", "2030-01-01", "2030-12-31"),
    ("the end of the year", PUB, None, "DATE", "2021", "END", "2021-09-01", "2021-12-31"),
    # named and relative periods
    ("this fiscal year", PUB, None, "DATE", "2021", None, "2021-01-01", "2021-12-31"),
    ("last fiscal year", PUB, None, "DATE", "2020", None, "2020-01-01", "2020-12-31"),
    ("the current year", PUB, None, "DATE", "2021", None, "2021-01-01", "2021-12-31"),
    ("the end of the current year", None, None, "DATE", "XXXX", "END", None, None),
    ("earlier in the day", PUB, None, "DATE", "2021-01-06", "START", "2021-01-06", "2021-01-06"),
    ("the last week of March", None, None, "DATE", "XXXX-03", "END", None, None),
    ("the last week of March", "2016-04-08", PAST, "DATE", "2016-03", "END", "2016-03-21", "2016-03-31"),
    ("the first days of 2020", None, None, "DATE", "2020", "START", "2020-01-01", "2020-04-30"),
    ("the first half of the 20th century", None, None, "DATE", "19", "START", "1900-01-01", "1932-12-31"),
    ("the second half of the 1990s", None, None, "DATE", "199X", "END", "1997-01-01", "1999-12-31"),
    ("half a year ago", "2011-01-13", None, "DATE", "2010-07", None, "2010-07-01", "2010-07-31"),
    # ranges: one row, value is the first date, the interval spans the range
    ("October 4-5", "2016-10-26", None, "DATE", "2016-10-04", None, "2016-10-04", "2016-10-05"),
    ("4-5 October 2016", None, None, "DATE", "2016-10-04", None, "2016-10-04", "2016-10-05"),
    ("2010-2014", None, None, "DATE", "2010", None, "2010-01-01", "2014-12-31"),
    ("2010-14", None, None, "DATE", "2010", None, "2010-01-01", "2014-12-31"),
    ("from 2019 to 2021", None, None, "DATE", "2019", None, "2019-01-01", "2021-12-31"),
    ("between 2019 and 2021", None, None, "DATE", "2019", None, "2019-01-01", "2021-12-31"),
    ("May 5 to June 7, 2020", None, None, "DATE", "2020-05-05", None, "2020-05-05", "2020-06-07"),
    ("March 2018 to May 2019", None, None, "DATE", "2018-03", None, "2018-03-01", "2019-05-31"),
    ("August 27th to 28th", None, None, "DATE", "XXXX-08-27", None, None, None),
    # deictic days resolve to the publication date (no time part)
    ("today", PUB, None, "DATE", "2021-01-06", None, "2021-01-06", "2021-01-06"),
    ("tonight", PUB, None, "DATE", "2021-01-06", None, "2021-01-06", "2021-01-06"),
    ("this morning", PUB, None, "DATE", "2021-01-06", None, "2021-01-06", "2021-01-06"),
    ("yesterday", PUB, None, "DATE", "2021-01-05", None, "2021-01-05", "2021-01-05"),
    ("yesterday", "2021-01-01", None, "DATE", "2020-12-31", None, "2020-12-31", "2020-12-31"),
    ("yesterday", "2020-03-01", None, "DATE", "2020-02-29", None, "2020-02-29", "2020-02-29"),
    ("tomorrow", "2020-02-28", None, "DATE", "2020-02-29", None, "2020-02-29", "2020-02-29"),
    ("tomorrow", "2021-12-31", None, "DATE", "2022-01-01", None, "2022-01-01", "2022-01-01"),
    ("last night", PUB, None, "DATE", "2021-01-05", None, "2021-01-05", "2021-01-05"),
    # relative calendar units, across year boundaries
    ("last month", PUB, None, "DATE", "2020-12", None, "2020-12-01", "2020-12-31"),
    ("next month", "2020-12-15", None, "DATE", "2021-01", None, "2021-01-01", "2021-01-31"),
    ("this month", PUB, None, "DATE", "2021-01", None, "2021-01-01", "2021-01-31"),
    ("last year", PUB, None, "DATE", "2020", None, "2020-01-01", "2020-12-31"),
    ("next year", "2014-03-04", None, "DATE", "2015", None, "2015-01-01", "2015-12-31"),
    ("this year", "2014-03-04", None, "DATE", "2014", None, "2014-01-01", "2014-12-31"),
    ("later this year", "2014-03-04", None, "DATE", "2014", None, "2014-01-01", "2014-12-31"),
    ("this week", "2016-04-08", None, "DATE", "2016-W14", None, "2016-04-04", "2016-04-10"),
    ("last week", PUB, None, "DATE", "2020-W53", None, "2020-12-28", "2021-01-03"),
    ("next week", "2020-12-30", None, "DATE", "2021-W01", None, "2021-01-04", "2021-01-10"),
    ("this week", "2021-01-02", None, "DATE", "2020-W53", None, "2020-12-28", "2021-01-03"),
    ("last quarter", "2021-02-10", None, "DATE", "2020-Q4", None, "2020-10-01", "2020-12-31"),
    ("last summer", PUB, None, "DATE", "2020-SU", None, "2020-06-01", "2020-08-31"),
    ("this winter", PUB, None, "DATE", "2020-WI", None, "2020-12-01", "2021-02-28"),
    # ago / from now
    ("two years ago", PUB, None, "DATE", "2019", None, "2019-01-01", "2019-12-31"),
    ("two weeks ago", "2016-05-17", None, "DATE", "2016-W18", None, "2016-05-02", "2016-05-08"),
    ("three months ago", "2021-02-15", None, "DATE", "2020-11", None, "2020-11-01", "2020-11-30"),
    ("ten days ago", "2020-03-05", None, "DATE", "2020-02-24", None, "2020-02-24", "2020-02-24"),
    ("two decades ago", "2010-07-04", None, "DATE", "199X", None, "1990-01-01", "1999-12-31"),
    ("234 years ago", "2010-07-04", None, "DATE", "1776", None, "1776-01-01", "1776-12-31"),
    ("nearly 20 years ago", "2023-04-13", None, "DATE", "2003", "APPROX", "2003-01-01", "2003-12-31"),
    ("more than 30 years ago", "2021-06-01", None, "DATE", "1991", "BEFORE", None, "1990-12-31"),
    ("five years from now", PUB, None, "DATE", "2026", None, "2026-01-01", "2026-12-31"),
    # weekdays, months and month-days: the tense picks the direction
    ("Tuesday", PUB, PAST, "DATE", "2021-01-05", None, "2021-01-05", "2021-01-05"),
    ("Tuesday", PUB, FUTURE, "DATE", "2021-01-12", None, "2021-01-12", "2021-01-12"),
    ("Friday", "2021-01-04", PAST, "DATE", "2021-01-01", None, "2021-01-01", "2021-01-01"),
    ("Thursday", "2022-09-19", None, "DATE", "2022-09-15", None, "2022-09-15", "2022-09-15"),
    ("last Tuesday", "2021-01-05", None, "DATE", "2020-12-29", None, "2020-12-29", "2020-12-29"),
    ("next Monday", PUB, None, "DATE", "2021-01-11", None, "2021-01-11", "2021-01-11"),
    ("August", "2011-04-12", PAST, "DATE", "2010-08", None, "2010-08-01", "2010-08-31"),
    ("August", "2011-04-12", FUTURE, "DATE", "2011-08", None, "2011-08-01", "2011-08-31"),
    ("November", PUB, None, "DATE", "2020-11", None, "2020-11-01", "2020-11-30"),
    ("March", "2009-12-03", PAST, "DATE", "2009-03", None, "2009-03-01", "2009-03-31"),
    ("December 20", PUB, PAST, "DATE", "2020-12-20", None, "2020-12-20", "2020-12-20"),
    ("January 20", PUB, FUTURE, "DATE", "2021-01-20", None, "2021-01-20", "2021-01-20"),
    ("February 29", "2021-03-10", PAST, "DATE", "2020-02-29", None, "2020-02-29", "2020-02-29"),
    ("the 24th of March", "2010-07-19", PAST, "DATE", "2010-03-24", None, "2010-03-24", "2010-03-24"),
    # holidays
    ("the Fourth of July", "2010-07-04", None, "DATE", "2010-07-04", None, "2010-07-04", "2010-07-04"),
    ("the eve of Victory Day", "2014-05-08", None, "DATE", "2014-05-08", None, "2014-05-08", "2014-05-08"),
    ("Christmas", "2020-12-20", FUTURE, "DATE", "2020-12-25", None, "2020-12-25", "2020-12-25"),
    # no publication date: relative values stay unresolved, never today's date
    ("today", None, None, "DATE", "XXXX-XX-XX", None, None, None),
    ("this week", None, None, "DATE", "XXXX-WXX", None, None, None),
    ("last month", None, None, "DATE", "XXXX-XX", None, None, None),
    ("this year", None, None, "DATE", "XXXX", None, None, None),
    ("May 8", None, None, "DATE", "XXXX-05-08", None, None, None),
    ("February 29", None, None, "DATE", "XXXX-02-29", None, None, None),
    ("May", None, None, "DATE", "XXXX-05", None, None, None),
    ("Tuesday", None, None, "DATE", "XXXX-WXX-2", None, None, None),
    ("over 2,000 years ago", None, None, "DATE", "XXXX", "BEFORE", None, None),
    # durations: no interval
    ("six weeks", PUB, None, "DURATION", "P6W", None, None, None),
    ("44-day", PUB, None, "DURATION", "P44D", None, None, None),
    ("five-year", None, None, "DURATION", "P5Y", None, None, None),
    ("the past 18 years", None, None, "DURATION", "P18Y", None, None, None),
    ("the last two days", None, None, "DURATION", "P2D", None, None, None),
    ("the next five years", None, None, "DURATION", "P5Y", None, None, None),
    ("the past year", None, None, "DURATION", "P1Y", None, None, None),
    ("the last decade", None, None, "DURATION", "P10Y", None, None, None),
    ("a day", None, None, "DURATION", "P1D", None, None, None),
    ("12 hours", None, None, "DURATION", "PT12H", None, None, None),
    ("90 minutes", None, None, "DURATION", "PT90M", None, None, None),
    ("two and a half years", None, None, "DURATION", "P2.5Y", None, None, None),
    ("half a century", None, None, "DURATION", "P50Y", None, None, None),
    ("twenty-five years", None, None, "DURATION", "P25Y", None, None, None),
    ("more than 50 years", None, None, "DURATION", "P50Y", "MORE_THAN", None, None),
    ("just over two weeks", None, None, "DURATION", "P2W", "MORE_THAN", None, None),
    ("less than a month", None, None, "DURATION", "P1M", "LESS_THAN", None, None),
    ("at least three months", None, None, "DURATION", "P3M", "EQUAL_OR_MORE", None, None),
    ("up to 10 days", None, None, "DURATION", "P10D", "EQUAL_OR_LESS", None, None),
    ("nearly a decade", None, None, "DURATION", "P10Y", "APPROX", None, None),
    # a vague quantity is X in the value (TIMEX3): "several days" is PXD, "a few hours" PTXH
    ("several years", None, None, "DURATION", "PXY", None, None, None),
    ("several days", PUB, None, "DURATION", "PXD", None, None, None),
    ("a few hours", None, None, "DURATION", "PTXH", None, None, None),
    ("the next few weeks", None, None, "DURATION", "PXW", None, None, None),
    ("the past several months", None, None, "DURATION", "PXM", None, None, None),
    ("a number of years", None, None, "DURATION", "PXY", None, None, None),
    ("many more years", None, None, "DURATION", "PXY", None, None, None),
    ("several decades", None, None, "DURATION", "PXDE", None, None, None),
    ("a few minutes", None, None, "DURATION", "PTXM", None, None, None),
    # one unit stated by "-long"
    ("hour-long", None, None, "DURATION", "PT1H", None, None, None),
    ("year-long", None, None, "DURATION", "P1Y", None, None, None),
    ("months-long", None, None, "DURATION", "PXM", None, None, None),
    # sets
    ("annual", None, None, "SET", "P1Y", None, None, None),
    ("every day", None, None, "SET", "P1D", None, None, None),
    ("twice a year", None, None, "SET", "P1Y", None, None, None),
    ("every two years", None, None, "SET", "P2Y", None, None, None),
    ("every Monday", None, None, "SET", "XXXX-WXX-1", None, None, None),
    ("the summer months", None, None, "SET", "XXXX-SU", None, None, None),
    # a SET's value is one occurrence (a part of the day, a season, a weekday) or the period
    ("every morning", None, None, "SET", "XXXX-XX-XXTMO", None, None, None),
    ("every night", None, None, "SET", "XXXX-XX-XXTNI", None, None, None),
    ("each summer", None, None, "SET", "XXXX-SU", None, None, None),
    ("each season", None, None, "SET", "P3M", None, None, None),
    ("every weekend", None, None, "SET", "XXXX-WXX-WE", None, None, None),
    ("Mondays", None, None, "SET", "XXXX-WXX-1", None, None, None),
    ("every other week", None, None, "SET", "P2W", None, None, None),
    ("every few years", None, None, "SET", "PXY", None, None, None),
    ("twice daily", None, None, "SET", "P1D", None, None, None),
    ("three times weekly", None, None, "SET", "P1W", None, None, None),
    ("per year", None, None, "SET", "P1Y", None, None, None),
]


CLOCK_TIMES = [
    # a stated clock time is kept in the value; alone, its day is not known yet
    ("8 a.m.", PUB, None, "XXXX-XX-XXT08:00"),
    ("8am", PUB, None, "XXXX-XX-XXT08:00"),
    ("4:00 pm", PUB, None, "XXXX-XX-XXT16:00"),
    ("9:30 p.m. local time", PUB, None, "XXXX-XX-XXT21:30"),
    ("15:00 GMT", PUB, None, "XXXX-XX-XXT15:00"),
    ("3:07:35", PUB, None, "XXXX-XX-XXT03:07:35"),
    ("noon", PUB, None, "XXXX-XX-XXT12:00"),
    ("midnight", PUB, None, "XXXX-XX-XXT00:00"),
    ("8 a.m. on Friday", PUB, None, "2021-01-01T08:00"),
    ("8 a.m. Friday", PUB, FUTURE, "2021-01-08T08:00"),
    ("12:00 on December 31, 1999", None, None, "1999-12-31T12:00"),
    ("8 a.m. today", PUB, None, "2021-01-06T08:00"),
    ("8 a.m. on Friday", None, None, "XXXX-WXX-5T08:00"),
]


@pytest.mark.parametrize("text,published,tense,value", CLOCK_TIMES)
def test_timex_clock_times_keep_the_time_of_day(text, published, tense, value):
    result = normalize(text, _day(published), tense)
    assert (result.type, result.value) == ("DATE", value)


@pytest.mark.parametrize("text", ["13 p.m.", "25:00", "10:75", "8", "at 8", "8 a.m. in May"])
def test_timex_rejects_impossible_clock_times(text):
    assert normalize(text, D(PUB)) is None


ANCHORED = [
    # relative to a date of the text: resolved against the publication date until one anchors them
    ("two days later", "2019-03-03", "day", "2019-03-05"),
    ("Thirty-seven years later", "1962-01-01", "year", "1999"),
    ("a month later", "1986-02-12", "month", "1986-03"),
    ("two years earlier", "2010-06-01", "year", "2008"),
    ("the following week", "2018-05-05", "week", "2018-W19"),
    ("the following year", "2018-05-05", "year", "2019"),
    ("the next day", "2018-05-05", "day", "2018-05-06"),
    ("the previous year", "2018-05-05", "year", "2017"),
    ("the day before", "2018-05-05", "day", "2018-05-04"),
    ("that day", "2015-06-10", "day", "2015-06-10"),
    ("later that day", "2015-06-10", "day", "2015-06-10"),
    ("the same year", "2015-06-10", "year", "2015"),
]


@pytest.mark.parametrize("text,anchor_date,granularity,value", ANCHORED)
def test_timex_anchored_expressions_count_from_their_anchor(text, anchor_date, granularity, value):
    result = normalize(text, D(anchor_date))
    assert (result.type, result.value, result.anchor) == ("DATE", value, granularity)


@pytest.mark.parametrize("text", ["that time"])
def test_timex_that_time_has_no_value_without_an_anchor(text):
    result = normalize(text, D(PUB))
    assert is_vague(result) and result.anchor


def _day(value: str | None) -> date | None:
    return D(value) if value else None


@pytest.mark.parametrize(
    "text,published,tense,type_,value,mod,earliest,latest",
    TABLE,
    ids=[f"{row[0]}@{row[1]}:{row[2]}" for row in TABLE],
)
def test_timex_normalizes_value_mod_and_interval(text, published, tense, type_, value, mod, earliest, latest):
    result = normalize(text, _day(published), tense)
    assert result == Timex(type_, value, mod, _day(earliest), _day(latest))


NOT_TIMES = [
    "first", "the first official visit", "132-km", "two countries", "2562",
    "recent years", "the coming months", "centuries", "several years old",
    "for years", "its fourth year", "the days", "day one", "afternoon", "Good afternoon",
    "a banner year", "50-year-old", "February 29, 2021", "April 31, 2020", "13/45/2020",
    "the year", "the second half",
]


@pytest.mark.parametrize("text", NOT_TIMES)
def test_timex_rejects_what_is_no_time(text):
    assert normalize(text, D(PUB)) is None


@pytest.mark.parametrize("text", ["now", "currently", "recently", "the future", "these days", "a few years ago",
                                  "several days ago", "a few weeks from now"])
def test_timex_marks_vague_references(text):
    result = normalize(text, D(PUB))
    assert result is not None and is_vague(result)


@pytest.mark.parametrize("text", ["today", "this week", "last year", "yesterday", "Tuesday", "August"])
def test_timex_never_guesses_from_the_current_date(text):
    result = normalize(text, None)
    assert result is not None and result.value.startswith("XXXX") and result.earliest is None


@pytest.mark.parametrize("text", ["an end to six weeks", "since the early 1990s", "P6W"])
def test_timex_rejects_words_around_the_expression(text):
    assert normalize(text, D(PUB)) is None
