"""The calendar days a TIMEX3 DATE value covers ("2020-12" -> Dec 1..31), for corpus tables (pure).

Only values that name calendar days are read: a day, a day with a clock time, a month, a
week, a year. Values with unknown parts ("XXXX-12-03"), decades, seasons and PRESENT_REF give
None: the corpus tables then fall back on the publication date instead of guessing.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T[\d:]+)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def value_span(value: str | None) -> tuple[date, date] | None:
    """The first and last day of a TIMEX3 DATE value, or None where it names no calendar days."""
    if not isinstance(value, str) or not value:  # None, or NaN from a pandas column
        return None
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:  # "2021-02-30", "2020-W60": not a calendar day
        return None
    return None


def days_apart(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two spans (0 when they overlap)."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0
