"""Quantities of time: numbers ("twenty-five", "2,000"), durations ("P6W"), and vague ones.

A duration's value is its number and unit ("six weeks" `P6W`, "a decade" `P10Y`). TIMEX3
writes an unknown number as X: "several days" is `PXD`, "a few hours" `PTXH`, "many
years" `PXY`, "several decades" `PXDE`. A duration with no quantity word at all ("for years",
"centuries") is still no expression (ANNOTATION.md). "hour-long" and "year-long" state one unit.

Pure: no spaCy, no calendar; the words are data in `models/dates_lexicon.json`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load_json
from .timex_lexicon import LEXICON, alternation

# TIMEX3 duration of an unknown number of each unit (units as coded in the lexicon).
VAGUE_VALUES = {"TS": "PTXS", "TM": "PTXM", "TH": "PTXH", "D": "PXD", "W": "PXW", "2W": "PXW",
                "M": "PXM", "3M": "PXQ", "Y": "PXY", "10Y": "PXDE", "100Y": "PXCE", "1000Y": "PXML"}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    lex = load_json(LEXICON)
    plural = [u for u in lex["units"] if u.endswith("s") or u in ("millennia",)]
    vague = re.compile(rf"^(?:{alternation(lex['vague_quantities'])})\s+(?P<unit>{alternation(plural)})$")
    long = re.compile(rf"^(?P<unit>{alternation(lex['units'])})-long$")
    return vague, long


def vague_duration(t: str) -> str | None:
    """The TIMEX3 value of "several days", "a few hours", "many more years"; else None.

    `t` is the cleaned, lower-case expression without a lead ("the past", "the next").
    """
    vague, long = _patterns()
    units = load_json(LEXICON)["units"]
    if m := vague.match(t):
        return VAGUE_VALUES[units[m["unit"]]]
    if m := long.match(t):
        unit = units[m["unit"]]
        if m["unit"].endswith("s"):
            return VAGUE_VALUES[unit]  # "months-long": some months
        return _one(unit)
    return None


def _one(code: str) -> str:
    """P1D, PT1H, P10Y for one unit coded as in the lexicon (D, TH, 10Y)."""
    match = re.fullmatch(r"(\d*)(T?)([A-Z])", code)
    return f"P{match[2]}{int(match[1] or 1)}{match[3]}"


def parse_number(text: str) -> float | None:
    """A cardinal quantity: "44", "2,000", "1.5", "six", "twenty-five", "a", "a couple of"."""
    text = text.strip()
    numbers = load_json(LEXICON)["numbers"]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", text):
        return float(text.replace(",", ""))
    if text in numbers:
        return float(numbers[text])
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", text):
        if word == "and":
            continue
        if word not in numbers or word in ("a", "an"):
            return None
        value = numbers[word]
        if value in (100, 1000):
            current = max(current, 1) * value
            if value == 1000:
                total, current = total + current, 0
        else:
            current += value
    return total + current or None


def _fmt(number: float) -> str:
    return str(int(number)) if number == int(number) else f"{number:g}"


def duration_value(number: float, unit: str) -> str:
    """P6W, P44D, PT12H for `number` `unit`s; multiplied units (decade = 10Y) are expanded."""
    code = load_json(LEXICON)["units"][unit]
    match = re.fullmatch(r"(\d*)(T?)([A-Z])", code)
    factor = int(match[1] or 1)
    prefix = "PT" if match[2] else "P"
    return f"{prefix}{_fmt(number * factor)}{match[3]}"
