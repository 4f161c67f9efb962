"""What the TIMEX3 modules share: the dates lexicon's file name and regex alternations of its words."""

from __future__ import annotations

import re

LEXICON = "dates_lexicon.json"  # under models/


def alternation(words) -> str:
    """A regex alternation of `words`, longest first (so "weeks" wins over "week")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
