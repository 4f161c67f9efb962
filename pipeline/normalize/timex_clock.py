"""Clock times: "3:07:35", "8 a.m.", "15:00 GMT", "noon", alone or in front of a date.

The guide keeps a stated clock time in the value: "8 a.m. on Friday" is the Friday's date with
`T08:00`, and a clock time on its own is `XXXX-XX-XXT08:00` until a date of the text anchors it
(`pipeline.timex_anchor`). A zone ("GMT", "local time") belongs to the expression but not to
the value. "this morning" and "tonight" are dates, not clock times (`pipeline.timex`).

Pure: no spaCy, no calendar; the words are data in `models/dates_lexicon.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_json
from .timex_lexicon import LEXICON, alternation

UNANCHORED_DAY = "XXXX-XX-XX"


@dataclass(frozen=True)
class Clock:
    """A time of day found in an expression, and the date words around it ("" when none)."""

    time: str  # "08:00", "03:07:35"
    date_text: str
    bare: bool  # only digits and a colon ("15:00"): a time only where the context says so


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    clock = load_json(LEXICON)["clock"]
    meridiem = alternation(clock["meridiem"])
    zone = rf"(?:\s+(?:{alternation(clock['zones'])}))?"
    time = (
        rf"(?:(?P<h>\d{{1,2}})(?::(?P<m>\d{{2}})(?::(?P<s>\d{{2}}))?)?"
        rf"(?:\s*(?P<mer>{meridiem})|\s+(?P<oclock>o'clock))?"
        rf"|(?P<named>{alternation(clock['named'])})){zone}"
    )
    alone = re.compile(rf"^{time}$")
    # "8 a.m. on Friday" is one expression; "midnight, on 15 June" two, the date anchoring the time
    before_date = re.compile(rf"^{time}\s+(?:on\s+|of\s+)?(?P<date>.+)$")
    return alone, before_date


def _time_of_day(m: re.Match) -> str | None:
    """ "08:00" from the groups of a match, or None when no clock time was stated or it cannot be."""
    clock = load_json(LEXICON)["clock"]
    if m["named"]:
        return clock["named"][m["named"]]
    if m["h"] is None or not (m["m"] or m["mer"] or m["oclock"]):
        return None  # a bare number ("at 8") is no clock time
    hour, minute = int(m["h"]), int(m["m"] or 0)
    if m["mer"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if clock["meridiem"][m["mer"]] == "pm" else 0)
    if hour > 24 or minute > 59 or (m["s"] and int(m["s"]) > 59):
        return None
    text = f"{hour:02d}:{minute:02d}"
    return f"{text}:{m['s']}" if m["s"] else text


def find_clock(t: str) -> Clock | None:
    """The clock time of `t` when `t` is one alone ("8 a.m.") or in front of a date ("8 a.m. on Friday").

    `t` is the cleaned, lower-case expression; the date words are returned for the caller to read.
    """
    alone, before_date = _patterns()
    if m := alone.match(t):
        time = _time_of_day(m)
        bare = not re.search(r"[a-z]", t)  # no meridiem, zone or name: "15:00", "3:07:35"
        return Clock(time, "", bare) if time else None
    if m := before_date.match(t):
        time = _time_of_day(m)
        return Clock(time, m["date"], False) if time else None
    return None


def with_time(day_value: str, time: str) -> str:
    """A date value with its time of day: "2021-01-01" and "08:00" give "2021-01-01T08:00"."""
    return f"{day_value}T{time}"


def is_unanchored(value: str) -> bool:
    """A clock time whose day is not known yet ("XXXX-XX-XXT15:00")."""
    return value.startswith(UNANCHORED_DAY + "T")
