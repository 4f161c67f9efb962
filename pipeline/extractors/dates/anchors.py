"""Anchor time expressions to the dates of their text, as TimeML does, after they are found.

- "two days later", "the following week", "that day", "at that time" count from the date the
  text last spoke of (its reference time), not from the publication date;
- a clock time alone ("at 4:00 pm") takes the day of the nearest date in its sentence;
- a date the text gives for a relative expression wins: "today (July 17)" is July 17, and
  "15 years ago, in 2007" is 2007 (ANNOTATION.md); the stated date stays an expression too.

Pure: found expressions and the article text in, anchored expressions out (no spaCy).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...normalize.timex import Timex, is_vague, normalize
from ...normalize.timex_anchor import fine_enough, granularity
from ...normalize.timex_clock import UNANCHORED_DAY, is_unanchored


@dataclass(frozen=True)
class Found:
    """A time expression as found in the text, before anchoring."""

    text: str
    start_char: int
    end_char: int
    sentence: int  # the number of its sentence: clock times anchor within one
    timex: Timex
    tense: str | None = None


def _calendar_gran(timex: Timex) -> str | None:
    """The granularity of a DATE the text states with a calendar value, else None."""
    if timex.type != "DATE" or is_vague(timex) or timex.earliest is None:
        return None
    return granularity(timex.value)


def _reference(previous: list[Found], needed: str) -> Found | None:
    """The text's reference time: the last date before, when it is fine enough to count from."""
    for item in reversed(previous):
        gran = _calendar_gran(item.timex)
        if gran is not None:
            return item if fine_enough(gran, needed) else None
    return None


def _resolve(item: Found, reference: Found | None) -> Timex | None:
    timex = item.timex
    if reference is None:
        return None if is_vague(timex) else timex  # the publication date stays the anchor
    ref = reference.timex
    if is_vague(timex):  # "that time": the reference itself
        return Timex("DATE", ref.value.split("T")[0], None, ref.earliest, ref.latest)
    resolved = normalize(item.text, ref.earliest, item.tense) or timex
    return None if is_vague(resolved) else resolved  # "several days later": no calendar value


def _clock_day(found: list[Found], index: int) -> Found | None:
    """The nearest date of a day in the clock time's sentence, before it or after."""
    item = found[index]
    days = [f for f in found if f.sentence == item.sentence and f is not item
            and _calendar_gran(f.timex) == "day"]
    return min(days, key=lambda f: (abs(f.start_char - item.start_char), f.start_char > item.start_char), default=None)


def anchor_in_text(found: list[Found]) -> list[Found]:
    """Resolve anchored expressions against the text's own dates; drop those left without a value."""
    result: list[Found] = []
    for index, item in enumerate(found):
        timex = item.timex
        if timex.anchor:
            timex = _resolve(item, _reference(result, timex.anchor))
        elif is_unanchored(timex.value) and (day := _clock_day(found, index)) is not None:
            day_value = day.timex.value.split("T")[0]
            timex = replace(timex, value=timex.value.replace(UNANCHORED_DAY, day_value, 1),
                            earliest=day.timex.earliest, latest=day.timex.latest)
        if timex is not None:
            result.append(replace(item, timex=timex))
    return result


_BRACKETED = re.compile(r"\s*\(\s*")
_IN_APPOSITION = re.compile(r",?\s+in\s+|\s*,\s*")


_NO_OWN_VALUE = re.compile(r"X{4}(?:-XX(?:-XX)?|-WXX)?")


def _depends_on_publication(item: Found) -> bool:
    """ "today", "15 years ago": without the publication date, nothing of the value is known."""
    unanchored = normalize(item.text, None)
    return unanchored is not None and unanchored.type == "DATE" and bool(_NO_OWN_VALUE.fullmatch(unanchored.value))


def _stated(item: Found) -> bool:
    return _calendar_gran(item.timex) is not None or item.timex.value.startswith("XXXX-")


def take_stated_dates(found: list[Found], text: str) -> list[Found]:
    """A date the text gives for a relative expression wins: "today (July 17)", "15 years ago, in 2007"."""
    result: list[Found] = []
    for i, item in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and _depends_on_publication(item) and _stated(nxt) and item.timex.type == "DATE":
            between = text[item.end_char:nxt.start_char]
            closing = text[nxt.end_char:nxt.end_char + 1]
            bracketed = _BRACKETED.fullmatch(between) and closing == ")"  # "today (July 17)"
            apposition = (item.text.lower().endswith(" ago") and _IN_APPOSITION.fullmatch(between)
                          and granularity(nxt.timex.value) == granularity(item.timex.value))
            if bracketed or apposition:
                item = replace(item, timex=nxt.timex)  # both stay expressions, as TimeML marks them
        result.append(item)
    return result
