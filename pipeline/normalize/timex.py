"""TIMEX3 normalization: an expression and a publication date become type, value, mod, interval.

Pure: no spaCy. The words (months, numbers, units, mods, holidays) are data in
`models/dates_lexicon.json`; this module holds the grammar and the calendar arithmetic.
Kept whole (over 500 lines): one rule table with its calendar helpers, being extended by the
dates work.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from ..resources import load_json
from .timex_lexicon import LEXICON
from .timex_anchor import SAME_AS_ANCHOR, Anchored, anchored_form
from .timex_clock import UNANCHORED_DAY, Clock, find_clock, with_time
from .timex_quantity import duration_value, parse_number, vague_duration
from .timex_sets import recurring

PAST, FUTURE = "past", "future"
# Four-digit numbers outside this range are not read as years ("loan no. 2562").
YEAR_RANGE = (1000, 2199)
# Values of vague references: normalized, but the guide leaves them out of the table.
REF_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
# Seasons by meteorological months (northern hemisphere): first month, last month.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

Interval = tuple[date | None, date | None]


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 normalization: `earliest`..`latest` is the calendar interval of a DATE."""

    type: str  # DATE, DURATION, SET
    value: str
    mod: str | None = None
    earliest: date | None = None
    latest: date | None = None
    # set when the expression counts from a date of the text ("two days later"): the coarsest
    # granularity that date may have; the value is then resolved against the publication date
    anchor: str | None = None


@dataclass(frozen=True)
class _Point:
    """A calendar value before mods: its granularity decides how START/MID/END cut it."""

    value: str
    gran: str  # day, week, month, season, quarter, year, decade, century
    interval: tuple[date, date] | None


# ---------------------------------------------------------------- lexicon and patterns


def _lex() -> dict:
    return load_json(LEXICON)


def _alt(words) -> str:
    """A regex alternation, longest first, with an optional dot after abbreviations."""
    return _alt_of(tuple(words))


@lru_cache(maxsize=64)
def _alt_of(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _rx() -> dict[str, re.Pattern]:
    lex = _lex()
    month = rf"(?P<month>{_alt(lex['months'])})\.?"
    wday = rf"(?:(?P<wday>{_alt(lex['weekdays'])})\.?,?\s+)?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>\d{4})"
    season = rf"(?P<season>{_alt(lex['seasons'])})"
    unit = rf"(?P<unit>{_alt(lex['units'])})"
    part = rf"(?:\s+(?:{_alt(lex['parts_of_day'])}))?"
    ordinal = rf"(?P<ord>\d{{1,2}}(?:st|nd|rd|th)?|{_alt(lex['ordinals'])})"
    return {
        "iso": re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"),
        "numeric": re.compile(r"^\d{1,2}[/.]\d{1,2}[/.]\d{4}$"),
        "mdy": re.compile(rf"^{wday}{month}\s+{day},?\s+{year}$"),
        "dmy": re.compile(rf"^{wday}(?:the\s+)?{day}(?:\s+of)?\s+{month},?\s+{year}$"),
        "my": re.compile(rf"^{month},?\s+(?:of\s+)?{year}$"),
        "md": re.compile(rf"^{wday}{month}\s+{day}{part}$"),
        "dm": re.compile(rf"^{wday}(?:the\s+)?{day}(?:\s+of)?\s+{month}$"),
        "year": re.compile(rf"^(?:(?:the\s+)?(?:fiscal\s+)?year\s+|fy\s*)?{year}$"),
        "decade": re.compile(r"^(?:the\s+)?(?P<dec>\d{3})0'?s$"),
        "decade2": re.compile(r"^(?:the\s+)?'(?P<dec>\d)0'?s$"),
        "century": re.compile(rf"^(?:the\s+)?{ordinal}\s+century$"),
        "season_year": re.compile(rf"^(?:the\s+)?{season}(?:\s+of)?\s+{year}$"),
        "quarter": re.compile(
            rf"^(?:the\s+)?{ordinal}[\s-]+(?P<kind>quarter|half)"
            rf"(?:\s+of)?(?:\s+{year}|\s+(?P<rel>this|last|next)\s+year|\s+the\s+year)?$"
        ),
        "q": re.compile(rf"^(?P<kind>q|h)(?P<ord>[1-4]),?\s+{year}$"),
        "month": re.compile(rf"^{month}$"),
        "weekday": re.compile(rf"^(?P<wday>{_alt(lex['weekdays'])}){part}$"),
        "season": re.compile(rf"^(?:the\s+)?{season}$"),
        "relative": re.compile(
            rf"^(?P<rel>this|last|next|the\s+coming|(?:the\s+)?current)\s+(?:(?:fiscal|financial)\s+(?=year))?"
            rf"(?P<what>week|weekend|month|year|quarter"
            rf"|decade|century|{_alt(lex['seasons'])}|{_alt(lex['months'])}"
            rf"|{_alt(lex['weekdays'])}){part}$"
        ),
        "ago": re.compile(rf"^(?P<qty>.+?)[\s-]+{unit}\s+(?P<dir>ago|earlier|from\s+now|hence)$"),
        "duration": re.compile(rf"^(?P<qty>.+?)[\s-]+{unit}(?:'s|')?$"),
        "duration_half": re.compile(
            rf"^(?P<qty>.+?)(?:[\s-]+{unit}\s+and\s+a\s+half|\s+and\s+a\s+half[\s-]+(?P<unit2>{_alt(lex['units'])}))$"
        ),
        "half_unit": re.compile(rf"^half\s+an?\s+{unit}$"),
        "times_per": re.compile(
            rf"^(?:once|twice|thrice|\S+\s+times)\s+(?:a|an|per|each|every)\s+{unit}$"
        ),
        "every": re.compile(rf"^(?:every|each)\s+(?:(?P<qty>\S+)\s+)?{unit}$"),
        "every_wday": re.compile(rf"^(?:every|each)\s+(?P<wday>{_alt(lex['weekdays'])})$"),
        "season_set": re.compile(rf"^(?:the\s+|every\s+|each\s+)?{season}(?:\s+months|s)$"),
    }


# ---------------------------------------------------------------- calendar arithmetic


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _day(d: date) -> _Point:
    return _Point(d.isoformat(), "day", (d, d))


def _month(year: int, month: int) -> _Point:
    return _Point(
        f"{year:04d}-{month:02d}", "month",
        (date(year, month, 1), date(year, month, _last_day(year, month))),
    )


def _year(year: int) -> _Point:
    return _Point(f"{year:04d}", "year", (date(year, 1, 1), date(year, 12, 31)))


def _decade(first_three: int) -> _Point:
    start = first_three * 10
    return _Point(f"{first_three:03d}X", "decade", (date(start, 1, 1), date(start + 9, 12, 31)))


def _century(number: int) -> _Point:
    """The `number`th century: the 20th is 1900-1999, value "19" (TIMEX3 convention)."""
    start = (number - 1) * 100
    return _Point(f"{number - 1:02d}", "century", (date(max(start, 1), 1, 1), date(start + 99, 12, 31)))


def _week(d: date) -> _Point:
    iso_year, week, weekday = d.isocalendar()
    monday = d - timedelta(days=weekday - 1)
    return _Point(f"{iso_year:04d}-W{week:02d}", "week", (monday, monday + timedelta(days=6)))


def _quarter(year: int, kind: str, n: int) -> _Point:
    months = 3 if kind == "Q" else 6
    first = (n - 1) * months + 1
    last = first + months - 1
    return _Point(
        f"{year:04d}-{kind}{n}", "quarter",
        (date(year, first, 1), date(year, last, _last_day(year, last))),
    )


def _season(year: int, code: str) -> _Point:
    first, last = SEASON_MONTHS[code]
    end_year = year + 1 if last < first else year
    return _Point(
        f"{year:04d}-{code}", "season",
        (date(year, first, 1), date(end_year, last, _last_day(end_year, last))),
    )


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int, step: int = -1) -> date | None:
    """The date, or for Feb 29 in a common year the nearest leap year in `step` direction."""
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    for offset in range(0, 9):
        try:
            return date(year + offset * step, month, day)
        except ValueError:
            if not (month == 2 and day == 29):
                return None
    return None


def _cut(point: _Point, mod: str | None) -> Interval | None:
    """The interval of `point` narrowed by a START/MID/END mod, or opened by BEFORE/AFTER."""
    if point.interval is None:
        return None
    start, end = point.interval
    if mod in (None, "APPROX"):
        return start, end
    if mod == "BEFORE":
        return None, start - timedelta(days=1)
    if mod == "AFTER":
        return end + timedelta(days=1), None
    third = {"START": 0, "MID": 1, "END": 2}.get(mod)
    if third is None:
        return start, end
    if point.gran == "month":
        bounds = [(1, 10), (11, 20), (21, _last_day(start.year, start.month))][third]
        return start.replace(day=bounds[0]), start.replace(day=bounds[1])
    if point.gran == "year":
        first, last = [(1, 4), (5, 8), (9, 12)][third]
        return date(start.year, first, 1), date(start.year, last, _last_day(start.year, last))
    if point.gran in ("decade", "century"):
        span = end.year - start.year + 1
        cuts = [0, round(span * 0.4), round(span * 0.7), span] if span == 10 else [0, 33, 67, span]
        return (
            date(start.year + cuts[third], 1, 1),
            date(start.year + cuts[third + 1] - 1, 12, 31),
        )
    days = (end - start).days + 1
    if days < 3:
        return start, end  # "earlier in the day": a day is not cut into thirds
    lo = start + timedelta(days=days * third // 3)
    hi = start + timedelta(days=days * (third + 1) // 3 - 1)
    return lo, hi


def _timex(point: _Point, mod: str | None = None) -> Timex:
    interval = _cut(point, mod)
    earliest, latest = interval if interval else (None, None)
    return Timex("DATE", point.value, mod, earliest, latest)


# ---------------------------------------------------------------- resolution


def _resolve_month_day(month: int, day: int, published: date | None, tense: str | None) -> _Point | None:
    if published is None:
        if _safe_date(2000, month, day) is None:  # 2000 is a leap year: Feb 29 is valid
            return None
        return _Point(f"XXXX-{month:02d}-{day:02d}", "day", None)
    same = _safe_date(published.year, month, day)
    if same is None:
        return None
    before = same if same <= published else _safe_date(published.year - 1, month, day)
    after = same if same >= published else _safe_date(published.year + 1, month, day, step=1)
    if tense == PAST or after is None:
        return _day(before)
    if tense == FUTURE or before is None:
        return _day(after)
    return _day(before if published - before <= after - published else after)


def _resolve_month(month: int, published: date | None, tense: str | None) -> _Point:
    if published is None:
        return _Point(f"XXXX-{month:02d}", "month", None)
    if tense == FUTURE:
        return _month(published.year + (month < published.month), month)
    return _month(published.year - (month > published.month), month)


def _resolve_weekday(wday: int, published: date | None, tense: str | None, rel: str | None = None) -> _Point:
    if published is None:
        return _Point(f"XXXX-WXX-{wday}", "day", None)
    today = published.isoweekday()
    if rel == "this":
        return _day(published + timedelta(days=wday - today))
    if rel == "last":
        return _day(published - timedelta(days=(today - wday) % 7 or 7))
    if rel in ("next", "the coming"):
        return _day(published + timedelta(days=(wday - today) % 7 or 7))
    if tense == FUTURE:
        return _day(published + timedelta(days=(wday - today) % 7))
    return _day(published - timedelta(days=(today - wday) % 7))


def _resolve_season(code: str, published: date | None, tense: str | None, shift: int = 0) -> _Point:
    if published is None:
        return _Point(f"XXXX-{code}", "season", None)
    year = published.year
    first = SEASON_MONTHS[code][0]
    if code == "WI" and published.month <= 2:
        year -= 1  # January's winter began the December before
    elif tense == FUTURE and shift == 0 and published.month > SEASON_MONTHS[code][1] and code != "WI":
        year += 1
    elif tense != FUTURE and shift == 0 and published.month < first and code != "WI":
        year -= 1
    return _season(year + shift, code)


_FULL_MONTHS = frozenset(name.lower() for name in calendar.month_name if name)

_UNRESOLVED = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX",
               "quarter": "XXXX-QX", "decade": "XXXX", "century": "XXXX", "weekend": "XXXX-WXX-WE"}


def _relative(what: str, shift: int, published: date | None) -> _Point | None:
    """This/last/next `what` (shift 0/-1/+1) of the publication date."""
    lex = _lex()
    if published is None:
        if what in lex["seasons"]:
            return _Point(f"XXXX-{lex['seasons'][what]}", "season", None)
        return _Point(_UNRESOLVED.get(what, "XXXX"), "day", None)
    if what == "day":
        return _day(published + timedelta(days=shift))
    if what == "week":
        return _week(published + timedelta(weeks=shift))
    if what == "weekend":
        saturday = published + timedelta(days=6 - published.isoweekday() + 7 * shift)
        week = _week(saturday)
        return _Point(f"{week.value}-WE", "week", (saturday, saturday + timedelta(days=1)))
    if what == "month":
        return _month(*_add_months(published.year, published.month, shift))
    if what == "quarter":
        year, month = _add_months(published.year, published.month, 3 * shift)
        return _quarter(year, "Q", (month - 1) // 3 + 1)
    if what == "year":
        return _year(published.year + shift)
    if what == "decade":
        return _decade(published.year // 10 + shift)
    if what == "century":
        return _century(published.year // 100 + 1 + shift)
    return None


def _ago(number: float, unit: str, direction: int, published: date | None) -> _Point | None:
    """`number` `unit`s before (direction -1) or after (+1) the publication date."""
    code = _lex()["units"][unit]
    gran = {"TS": "day", "TM": "day", "TH": "day", "D": "day", "W": "week", "2W": "week",
            "M": "month", "3M": "month", "Y": "year", "10Y": "decade", "100Y": "century",
            "1000Y": "year"}[code]
    if published is None:
        return _Point(_UNRESOLVED[gran], gran, None)
    if number != int(number):
        if code != "Y" or number * 12 != int(number * 12):
            return None
        number, code = number * 12, "M"  # "half a year ago" is six months ago
    n = int(number) * direction
    if code in ("TS", "TM", "TH"):
        return _day(published)
    if code == "D":
        return _day(published + timedelta(days=n))
    if code in ("W", "2W"):
        return _week(published + timedelta(weeks=n * (2 if code == "2W" else 1)))
    if code in ("M", "3M"):
        return _month(*_add_months(published.year, published.month, n * (3 if code == "3M" else 1)))
    years = n * {"Y": 1, "10Y": 10, "100Y": 100, "1000Y": 1000}[code]
    year = published.year + years
    if year < 1:
        return None
    if code == "10Y":
        return _decade(year // 10)
    if code == "100Y":
        return _century(year // 100 + 1)
    return _year(year)


# ---------------------------------------------------------------- the grammar


def _ordinal(text: str) -> int | None:
    digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", text)
    if digits:
        return int(digits[1])
    return _lex()["ordinals"].get(text)


def _valid_year(text: str) -> int | None:
    year = int(text)
    return year if YEAR_RANGE[0] <= year <= YEAR_RANGE[1] else None


def _point(t: str, published: date | None, tense: str | None, anchored: bool = False) -> _Point | None:
    """A calendar point for a core expression (no mod), or None."""
    lex, rx = _lex(), _rx()
    months, wdays, seasons = lex["months"], lex["weekdays"], lex["seasons"]

    if m := rx["iso"].match(t):
        d = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
        return _day(d) if d and _valid_year(m["year"]) else None
    if rx["numeric"].match(t):
        d = _parse_numeric(t)
        return _day(d) if d else None
    for key in ("mdy", "dmy"):
        if m := rx[key].match(t):
            year = _valid_year(m["year"])
            d = year and _safe_date(year, months[m["month"]], int(m["day"]))
            return _day(d) if d and d.year == year else None
    if m := rx["my"].match(t):
        year = _valid_year(m["year"])
        return _month(year, months[m["month"]]) if year else None
    for key in ("md", "dm"):
        if m := rx[key].match(t):
            return _resolve_month_day(months[m["month"]], int(m["day"]), published, tense)
    if m := rx["year"].match(t):
        year = _valid_year(m["year"])
        return _year(year) if year else None
    if m := rx["decade"].match(t):
        return _decade(int(m["dec"])) if int(m["dec"]) >= 100 else None
    if m := rx["decade2"].match(t):
        digit = int(m["dec"])
        return _decade(190 + digit if digit >= 3 else 200 + digit)
    if m := rx["century"].match(t):
        number = _ordinal(m["ord"])
        return _century(number) if number and 1 <= number <= 22 else None
    if m := rx["season_year"].match(t):
        year = _valid_year(m["year"])
        return _season(year, seasons[m["season"]]) if year else None
    if (m := rx["quarter"].match(t)) and (point := _quarter_point(m, published, anchored)):
        return point
    if m := rx["q"].match(t):
        year = _valid_year(m["year"])
        return _quarter(year, m["kind"].upper(), int(m["ord"])) if year else None
    if m := rx["month"].match(t):
        if m["month"] not in _FULL_MONTHS:
            return None  # a bare abbreviation ("Mar", "Jan") is too ambiguous alone
        return _resolve_month(months[m["month"]], published, tense)
    if m := rx["weekday"].match(t):
        return _resolve_weekday(wdays[m["wday"]], published, tense)
    if m := rx["season"].match(t):
        return _resolve_season(seasons[m["season"]], published, tense)
    if m := rx["relative"].match(t):
        return _relative_point(m, published, tense)
    if point := _deictic(t, published):
        return point
    if point := _holiday(t, published, tense):
        return point
    if anchored and (m := re.fullmatch(r"the\s+(day|week|month|year|decade|century)", t)):
        return _relative(m[1], 0, published)
    if m := re.fullmatch(r"(?:earlier|later)\s+(.+)", t):
        inner = _point(m[1], published, tense)
        return inner if inner and inner.gran in ("day", "week", "month", "year") and not re.match(r"\d", m[1]) else None
    if m := rx["ago"].match(t):
        number = parse_number(m["qty"])
        if number is None:
            if not vague_duration(f"{m['qty']} {m['unit']}"):
                return None
            # "a few years ago": a past with no calendar value, which the guide leaves out
            return _Point("PAST_REF" if m["dir"] in ("ago", "earlier") else "FUTURE_REF", "day", None)
        direction = -1 if m["dir"] in ("ago", "earlier") else 1
        return _ago(number, m["unit"], direction, published)
    return None


def _quarter_point(m: re.Match, published: date | None, anchored: bool) -> _Point | None:
    kind = "Q" if m["kind"] == "quarter" else "H"
    n = _ordinal(m["ord"])
    if n is None or not 1 <= n <= (4 if kind == "Q" else 2):
        return None
    if m["year"]:
        year = _valid_year(m["year"])
        return _quarter(year, kind, n) if year else None
    shift = {"this": 0, "last": -1, "next": 1}.get(m["rel"] or "this")
    if kind == "H" and m["rel"] is None and "the year" not in m[0] and not anchored:
        return None  # "the second half" alone is not a date
    if published is None:
        return _Point(f"XXXX-{kind}{n}", "quarter", None)
    point = _quarter(published.year + shift, kind, n)
    if m["rel"] is None and "the year" not in m[0] and point.interval[0] > published:
        return _quarter(published.year - 1, kind, n)  # "third-quarter results" already reported
    return point


def _relative_point(m: re.Match, published: date | None, tense: str | None) -> _Point | None:
    lex = _lex()
    rel, what = re.sub(r"\s+", " ", m["rel"]), m["what"]
    rel = "this" if rel in ("current", "the current") else rel
    shift = {"this": 0, "last": -1, "next": 1, "the coming": 1}[rel]
    if what in lex["weekdays"]:
        return _resolve_weekday(lex["weekdays"][what], published, tense, rel)
    if what in lex["months"]:
        month = lex["months"][what]
        if published is None:
            return _Point(f"XXXX-{month:02d}", "month", None)
        if rel == "this":
            return _month(published.year, month)
        if rel == "last":
            return _month(published.year - (month >= published.month), month)
        return _month(published.year + (month <= published.month), month)
    if what in lex["seasons"]:
        code = lex["seasons"][what]
        if published is None:
            return _Point(f"XXXX-{code}", "season", None)
        if rel == "this":
            return _season(published.year - (code == "WI" and published.month <= 2), code)
        past = _resolve_season(code, published, PAST)
        if rel == "last":
            if past.interval[1] >= published:  # we are in it: "last summer" is the one before
                return _season(int(past.value[:4]) - 1, code)
            return past
        return _season(int(past.value[:4]) + 1, code)
    if rel == "the coming" and what not in ("week", "weekend", "month", "year"):
        return None
    return _relative(what, shift, published)


@lru_cache(maxsize=1)
def _deictic_rx() -> re.Pattern:
    """Compiled once: `_deictic` runs on every candidate stretch."""
    parts = _alt(_lex()["parts_of_day"])
    return re.compile(
        rf"(?:(?:earlier|later)\s+)?(?:(?P<word>today|tonight|yesterday|tomorrow|the day before yesterday"
        rf"|the day after tomorrow)(?:\s+(?:{parts}))?|this\s+(?:{parts})|(?:last|tomorrow)\s+night)"
    )


def _deictic(t: str, published: date | None) -> _Point | None:
    """Today, tonight, this morning, yesterday, tomorrow (a time of day is its date)."""
    table = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
             "the day before yesterday": -2, "the day after tomorrow": 2}
    m = _deictic_rx().fullmatch(t)
    if not m:
        return None
    shift = table.get(m["word"] or "", 0)
    if t.endswith("last night"):
        shift = -1
    if t.startswith("tomorrow"):
        shift = 1
    return _relative("day", shift, published)


def _holiday(t: str, published: date | None, tense: str | None) -> _Point | None:
    """A named holiday, optionally with a year; "the eve of" a holiday is the day before."""
    holidays = _lex()["holidays"]
    eve = 0
    if m := re.fullmatch(r"(?:the\s+)?eve\s+of\s+(.+)", t):
        t, eve = m[1], 1
    year = None
    if m := re.fullmatch(r"(.+?),?\s+(\d{4})", t):
        t, year = m[1], _valid_year(m[2])
        if year is None:
            return None
    if t not in holidays:
        return None
    month, day = (int(x) for x in holidays[t].split("-"))
    if year is not None:
        point = _day(date(year, month, day))
    elif eve and published is not None:
        # The eve names the coming holiday: resolve the day itself, then step back.
        point = _resolve_month_day(month, day, published + timedelta(days=1), None)
    else:
        point = _resolve_month_day(month, day, published, tense)
    if point is None or not eve:
        return point
    if point.interval is None:
        return None
    return _day(point.interval[0] - timedelta(days=1))


@lru_cache(maxsize=256)
def _parse_numeric(t: str) -> date | None:
    """Numeric dates (11/10/2020, 10.11.2020) through dateparser, which knows the orders."""
    import dateparser  # slow to import: only for these rare forms

    order = "DMY" if "." in t else "MDY"
    parsed = dateparser.parse(t, languages=["en"], settings={"DATE_ORDER": order, "STRICT_PARSING": True})
    return parsed.date() if parsed else None


_OF_AGE = re.compile(r"\bof age$")


def _duration(t: str) -> Timex | None:
    """A duration with a quantity: "six weeks", "44-day", "the past 18 years", "a decade"."""
    rx, lex = _rx(), _lex()
    if t.endswith("old") or _OF_AGE.search(t):
        return None  # ages
    implicit_one = False
    for lead in _longest_first(tuple(lex["duration_lead"])):
        if t.startswith(lead + " "):
            t = t[len(lead) + 1:]
            implicit_one = lead not in ("the", "the first", "the final")
            break
    if implicit_one and t in lex["units"] and not t.endswith("s"):
        return Timex("DURATION", duration_value(1, t))
    if value := vague_duration(t):
        return Timex("DURATION", value)
    if m := rx["half_unit"].match(t):
        return Timex("DURATION", duration_value(0.5, m["unit"]))
    if m := rx["duration_half"].match(t):
        number = parse_number(m["qty"])
        unit = m["unit"] or m["unit2"]
        return Timex("DURATION", duration_value(number + 0.5, unit)) if number else None
    if m := rx["duration"].match(t):
        number = parse_number(m["qty"])
        if number is None or number <= 0:
            return None
        return Timex("DURATION", duration_value(number, m["unit"]))
    return None


def _set(t: str) -> Timex | None:
    """Recurring times: "annual", "every day", "twice a year", "every Monday"."""
    rx, lex = _rx(), _lex()
    if t in lex["sets"]:
        return Timex("SET", lex["sets"][t])
    if value := recurring(t):
        return Timex("SET", value)
    if m := rx["times_per"].match(t):
        return Timex("SET", duration_value(1, m["unit"]))
    if m := rx["every_wday"].match(t):
        return Timex("SET", f"XXXX-WXX-{lex['weekdays'][m['wday']]}")
    if m := rx["every"].match(t):
        number = parse_number(m["qty"]) if m["qty"] else 1.0
        return Timex("SET", duration_value(number, m["unit"])) if number else None
    if m := rx["season_set"].match(t):
        return Timex("SET", f"XXXX-{lex['seasons'][m['season']]}")
    return None


_RANGE_SEP = re.compile(r"\s*(?:-|–|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b|\band\b)\s*")


_RANGE_LEAD = re.compile(r"^(?:from|between)\s+")


@lru_cache(maxsize=1)
def _range_rx() -> dict[str, re.Pattern]:
    """The range patterns with the month names, compiled once."""
    month = _alt(_lex()["months"])
    sep = _RANGE_SEP.pattern
    return {
        "month_days": re.compile(rf"({month})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?{sep}(\d{{1,2}})(?:st|nd|rd|th)?(,?\s+\d{{4}})?"),
        "days_month": re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?{sep}(\d{{1,2}})(?:st|nd|rd|th)?\s+({month})(\s+\d{{4}})?"),
        "month_day": re.compile(rf"(?:{month})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?|\d{{1,2}}\s+(?:{month})"),
    }


def _range(t: str, published: date | None, tense: str | None) -> Timex | None:
    """One expression for a span of dates: "October 4-5", "2010-2014", "from 2019 to 2021"."""
    rx = _range_rx()
    between = t.startswith("between ")
    t = _RANGE_LEAD.sub("", t)
    # "October 4-5, 2016" and "4-5 October 2016": the second day borrows the month.
    if m := rx["month_days"].fullmatch(t):
        left, right = f"{m[1]} {m[2]}{m[4] or ''}", f"{m[1]} {m[3]}{m[4] or ''}"
        return _join(left, right, published, tense)
    if m := rx["days_month"].fullmatch(t):
        left, right = f"{m[1]} {m[3]}{m[4] or ''}", f"{m[2]} {m[3]}{m[4] or ''}"
        return _join(left, right, published, tense)
    # "2010-14", "1990-91"
    if m := re.fullmatch(r"(\d{2})(\d{2})\s*[-/]\s*(\d{2})", t):
        return _join(m[1] + m[2], m[1] + m[3], published, tense)
    for sep in _RANGE_SEP.finditer(t):
        if sep.group().strip() == "and" and not between:
            continue
        left, right = t[: sep.start()], t[sep.end():]
        if not left or not right:
            continue
        # "3 October 2023 - Today": a dash before a deictic word ends a dateline, no range
        if sep.group().strip() == "-" and re.match(r"(?:today|tonight|yesterday|tomorrow|now)\b", right):
            continue
        # "May 5 to June 7, 2020": the first date borrows the second's year.
        year = re.search(r",?\s+(\d{4})$", right)
        if year and not re.search(r"\d{4}$", left) and rx["month_day"].fullmatch(left):
            left = f"{left} {year[1]}"
        if result := _join(left, right, published, tense):
            return result
    return None


def _join(left: str, right: str, published: date | None, tense: str | None) -> Timex | None:
    a, b = _point(left, published, tense), _point(right, published, tense)
    if a is None or b is None:
        return None
    if a.interval is None or b.interval is None:
        return Timex("DATE", a.value)
    if b.interval[1] < a.interval[0]:
        return None
    return Timex("DATE", a.value, None, a.interval[0], b.interval[1])


_SPACES = re.compile(r"\s+")
_MID = re.compile(r"^mid-")
_THE_MID = re.compile(r"^the mid-")
_POSSESSIVE_END = re.compile(r"'s$")


def _clean(text: str) -> str:
    t = text.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    t = _SPACES.sub(" ", t).strip()
    t = _MID.sub("mid ", t)
    t = _THE_MID.sub("the mid ", t)
    t = _POSSESSIVE_END.sub("", t)
    return t.strip(" .,;:!?\"()[]")


def is_vague(timex: Timex) -> bool:
    """A reference with no calendar value ("now", "the future"), which the guide leaves out."""
    return timex.value in REF_VALUES


def normalize(text: str, published: date | None = None, tense: str | None = None) -> Timex | None:
    """The TIMEX3 normalization of `text`, or None when it is not a time expression.

    `published` anchors relative expressions (None keeps them unresolved, XXXX...);
    `tense` ("past", "future" or None) picks the direction of a bare weekday or month.
    """
    t = _clean(text)
    if not t or t != t.strip():
        return None
    return _normalize(t, published, tense)


@lru_cache(maxsize=8192)
def _normalize(t: str, published: date | None, tense: str | None) -> Timex | None:
    lex = _lex()
    if t in lex["vague"]:
        value = {"the future": "FUTURE_REF", "the past": "PAST_REF", "recently": "PAST_REF",
                 "lately": "PAST_REF"}.get(t, "PRESENT_REF")
        return Timex("DATE", value)
    if result := _set(t):
        return result
    if clock := find_clock(t):
        return _clocked(clock, published, tense)
    if anchored := anchored_form(t):
        return _anchored(anchored, published, tense)
    if point := _point(t, published, tense):
        return _timex(point)
    if result := _range(t, published, tense):
        return result
    if result := _duration(t):
        return result
    return _modified(t, published, tense)


def _anchored(anchored: Anchored, published: date | None, tense: str | None) -> Timex | None:
    """An expression relative to a date of the text, resolved as if that date were `published`."""
    if anchored.deictic == SAME_AS_ANCHOR:  # "that time" means nothing without its anchor
        return Timex("DATE", "PAST_REF", anchor=anchored.granularity)
    result = _normalize(anchored.deictic, published, tense)
    return replace(result, anchor=anchored.granularity) if result else None


def _clocked(clock: Clock, published: date | None, tense: str | None) -> Timex | None:
    """A clock time, on the day its date words name ("8 a.m. on Friday"), else on a day not known yet."""
    if not clock.date_text:
        return Timex("DATE", with_time(UNANCHORED_DAY, clock.time))
    point = _point(clock.date_text, published, tense)
    if point is None or point.gran != "day":
        return None
    earliest, latest = point.interval or (None, None)
    return Timex("DATE", with_time(point.value, clock.time), None, earliest, latest)


@lru_cache(maxsize=8)
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _mod_prefixes() -> tuple[tuple[tuple[str, tuple[tuple[str, str], ...]], ...], tuple[str, ...]]:
    """The date and duration mods as (kind, ((prefix, mod), ...) longest first), and every
    prefix with its space (one `startswith` tells whether any can match)."""
    lex = _lex()
    tables = tuple(
        (kind, tuple((prefix, table[prefix]) for prefix in _longest_first(tuple(table))))
        for table, kind in ((lex["date_mods"], "DATE"), (lex["duration_mods"], "DURATION"))
    )
    return tables, tuple(prefix + " " for _, prefixes in tables for prefix, _ in prefixes)


def _modified(t: str, published: date | None, tense: str | None) -> Timex | None:
    """An expression with a TimeML mod in front: "early December 2020", "more than 50 years"."""
    tables, any_prefix = _mod_prefixes()
    if not t.startswith(any_prefix):  # most stretches start with no mod at all
        return None
    for kind, prefixes in tables:
        for prefix, mod in prefixes:
            if not t.startswith(prefix + " "):
                continue
            core = t[len(prefix) + 1:]
            if kind == "DATE":
                point = _point(core, published, tense, anchored=True)
                if point is None:
                    continue
                is_ago = bool(_rx()["ago"].match(core))
                if mod in ("BEFORE", "AFTER") and not is_ago:
                    continue  # "over 2020" is no date; "over 20 years ago" is before it
                return _timex(point, mod)
            duration = None if core.startswith("the ") else _duration(core)
            if duration is not None:
                return replace(duration, mod=mod)
    return None
