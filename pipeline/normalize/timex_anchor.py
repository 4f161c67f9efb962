"""Expressions relative to a date of the text, as TimeML anchors them: "two days later", "that day".

"Yesterday" and "last week" count from the publication date. "Two days later", "the following
week", "the day before", "that year", "earlier that day" count from the date the text is
talking about (TimeML's reference time). Each is read here as the deictic expression it
equals at its anchor ("two days later" is "two days from now" said on the anchor's date), so
`pipeline.timex` can resolve it against the publication date when the text gives no anchor,
and `pipeline.extractors.date_anchors` against the anchor when it does.

Pure: no spaCy, no calendar; the unit words are data in `models/dates_lexicon.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_json
from .timex_lexicon import LEXICON, alternation

# The anchor itself: "at that time" takes the anchor's own value.
SAME_AS_ANCHOR = "<anchor>"
# Granularities from fine to coarse; an anchor must be at least as fine as the expression needs.
GRANULARITIES = ("day", "week", "month", "quarter", "year", "decade", "century")
_UNIT_GRAN = {"TS": "day", "TM": "day", "TH": "day", "D": "day", "W": "week", "2W": "week",
              "M": "month", "3M": "quarter", "Y": "year", "10Y": "decade", "100Y": "century",
              "1000Y": "century"}
# deictic equivalents at the anchor: this/last/next unit
_THIS = {"day": "today", "morning": "this morning", "afternoon": "this afternoon",
         "evening": "this evening", "night": "tonight", "week": "this week", "month": "this month",
         "year": "this year"}
_NEXT = {"day": "tomorrow", "morning": "tomorrow morning", "week": "next week", "month": "next month",
         "year": "next year"}
_LAST = {"day": "yesterday", "morning": "yesterday morning", "week": "last week", "month": "last month",
         "year": "last year"}


@dataclass(frozen=True)
class Anchored:
    """An anchored expression read as its deictic equivalent, and the anchor it needs."""

    deictic: str  # "two days from now", "tomorrow", or SAME_AS_ANCHOR
    granularity: str  # the coarsest anchor that can resolve it: "day" for "two days later"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    units = alternation(load_json(LEXICON)["units"])
    named = r"day|morning|afternoon|evening|night|week|month|year"
    return {
        "later": re.compile(rf"^(?P<qty>.+?)[\s-]+(?P<unit>{units})\s+(?:later|afterwards?|after\s+that|on)$"),
        "before": re.compile(rf"^(?P<qty>.+?)[\s-]+(?P<unit>{units})\s+(?:earlier|before\s+that|previously)$"),
        "following": re.compile(rf"^the\s+(?:following|subsequent|next)\s+(?P<unit>{named})$"),
        "previous": re.compile(rf"^the\s+(?:previous|preceding|prior)\s+(?P<unit>{named})$"),
        "day_around": re.compile(r"^the\s+day\s+(?P<dir>before|after)$"),
        "same": re.compile(rf"^(?:(?:earlier|later)\s+)?(?:that|the\s+same)\s+(?P<unit>{named})$"),
        "that_time": re.compile(r"^that\s+time$"),
    }


def anchored_form(t: str) -> Anchored | None:
    """The deictic reading of an expression relative to a date of the text, else None.

    `t` is the cleaned, lower-case expression. "The next day" is anchored; "the next week"
    stays what `pipeline.timex` makes of it (a duration), as news uses it.
    """
    rx = _patterns()
    units = load_json(LEXICON)["units"]
    if m := rx["day_around"].match(t):
        return Anchored("yesterday" if m["dir"] == "before" else "tomorrow", "day")
    if m := rx["later"].match(t):
        return Anchored(f"{m['qty']} {m['unit']} from now", _UNIT_GRAN[units[m["unit"]]])
    if m := rx["before"].match(t):
        return Anchored(f"{m['qty']} {m['unit']} ago", _UNIT_GRAN[units[m["unit"]]])
    if (m := rx["following"].match(t)) and m["unit"] in _NEXT and not (t.startswith("the next ") and m["unit"] != "day"):
        return Anchored(_NEXT[m["unit"]], _granularity_of_unit(m["unit"]))
    if (m := rx["previous"].match(t)) and m["unit"] in _LAST:
        return Anchored(_LAST[m["unit"]], _granularity_of_unit(m["unit"]))
    if m := rx["same"].match(t):
        return Anchored(_THIS[m["unit"]], _granularity_of_unit(m["unit"]))
    if rx["that_time"].match(t):
        return Anchored(SAME_AS_ANCHOR, "century")
    return None


def _granularity_of_unit(unit: str) -> str:
    return unit if unit in GRANULARITIES else "day"  # a morning or a night needs its day


def granularity(value: str) -> str | None:
    """The granularity of a resolved TIMEX3 DATE value, None for one with X's or no calendar value."""
    if not value[:1].isdigit():
        return None
    patterns = (
        (r"\d{4}-\d{2}-\d{2}(?:T.*)?", "day"),
        (r"\d{4}-W\d{2}(?:-WE)?", "week"),
        (r"\d{4}-\d{2}", "month"),
        (r"\d{4}-(?:Q[1-4]|H[12]|SP|SU|FA|WI)", "quarter"),
        (r"\d{4}", "year"),
        (r"\d{3}X", "decade"),
        (r"\d{2}", "century"),
    )
    for pattern, gran in patterns:
        if re.fullmatch(pattern, value):
            return gran
    return None


def fine_enough(anchor: str, needed: str) -> bool:
    """An anchor of granularity `anchor` can resolve an expression that needs `needed`."""
    return GRANULARITIES.index(anchor) <= GRANULARITIES.index(needed)
