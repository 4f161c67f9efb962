"""Recurring times beyond the plain rates: "every morning", "each season", "every other week".

TIMEX3 gives a SET the value of one occurrence: a part of the day is `XXXX-XX-XXTMO`, a season
`XXXX-SU`, a weekday `XXXX-WXX-1`, the weekend `XXXX-WXX-WE`; a rate is the period between
occurrences ("every other week" `P2W`, "every few years" `PXY`, "twice daily" `P1D`). The plain
forms ("annual", "every year", "twice a year") stay in `pipeline.timex`; this module adds these.

Pure: no spaCy; the words are data in `models/dates_lexicon.json`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load_json
from .timex_lexicon import LEXICON, alternation
from .timex_quantity import VAGUE_VALUES

# A season lasts three months (meteorological seasons, as `pipeline.timex` counts them).
SEASON_PERIOD = "P3M"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    lex = load_json(LEXICON)
    every = r"(?:every|each)"
    units = alternation(lex["units"])
    weekdays = alternation(w for w in lex["weekdays"] if len(w) > 4)  # full names: "Mondays", not "Mons"
    rates = alternation(r for r in lex["sets"] if " " not in r)
    return {
        "part_of_day": re.compile(rf"^{every}\s+(?P<part>{alternation(lex['part_of_day_codes'])})$"),
        "season": re.compile(rf"^{every}\s+(?P<season>{alternation(lex['seasons'])})$"),
        "any_season": re.compile(rf"^{every}\s+season$"),
        "weekend": re.compile(rf"^(?:{every}\s+weekend|weekends)$"),
        "weekdays": re.compile(rf"^(?P<wday>{weekdays})s$"),
        "other": re.compile(rf"^{every}\s+(?:other|second)\s+(?P<unit>{units})$"),
        "vague": re.compile(rf"^{every}\s+(?:{alternation(lex['vague_quantities'])})\s+(?P<unit>{units})$"),
        "times_rate": re.compile(rf"^(?:once|twice|thrice|\S+\s+times)[\s-]+(?P<rate>{rates})$"),
    }


def recurring(t: str) -> str | None:
    """The TIMEX3 SET value of a recurring expression this module knows, else None.

    `t` is the cleaned, lower-case expression.
    """
    lex, rx = load_json(LEXICON), _patterns()
    if m := rx["part_of_day"].match(t):
        return f"XXXX-XX-XXT{lex['part_of_day_codes'][m['part']]}"
    if m := rx["season"].match(t):
        return f"XXXX-{lex['seasons'][m['season']]}"
    if rx["any_season"].match(t):
        return SEASON_PERIOD
    if rx["weekend"].match(t):
        return "XXXX-WXX-WE"
    if m := rx["weekdays"].match(t):
        return f"XXXX-WXX-{lex['weekdays'][m['wday']]}"
    if m := rx["other"].match(t):
        return _times(2, lex["units"][m["unit"]])
    if m := rx["vague"].match(t):
        return VAGUE_VALUES[lex["units"][m["unit"]]]
    if m := rx["times_rate"].match(t):
        return lex["sets"][m["rate"]]
    return None


def _times(n: int, code: str) -> str:
    """P2W, PT2H, P20Y: `n` units coded as in the lexicon (W, TH, 10Y)."""
    match = re.fullmatch(r"(\d*)(T?)([A-Z])", code)
    return f"P{match[2]}{n * int(match[1] or 1)}{match[3]}"
