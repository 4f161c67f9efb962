"""A minister's portfolio: the words after "Minister of/for" or before "Minister" that name it.

"Minister of Energy, Water and Mines", "Minister for Europe", "Infrastructure Minister": the
portfolio words come from `portfolios` in models/role_words.json; they end where a name begins.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...normalize.roles import portfolio_words, role_words
from .tokens import _is_capitalized


def portfolio_list_end(doc: Doc, i: int, limit: int | None) -> int:
    """"Minister of Energy, Water and Mines", "Minister of Economy and Sustainable Development":
    portfolios listed after commas or "and" continue the minister's portfolio; the token after
    the last one (i when none follow)."""
    limit = len(doc) if limit is None else limit
    portfolios = role_words()["portfolios"]
    end = i
    while end + 1 < limit and doc[end].lower_ in {",", "and", "&"}:
        j = end + 1
        while j < limit and (_is_capitalized(doc[j]) and doc[j].lower_ in portfolios or j > end + 1 and doc[j].lower_ in {"and", "&"}):
            j += 1
        while j > end + 1 and doc[j - 1].lower_ in {"and", "&"}:
            j -= 1
        # the list ends at a name, a comma, or the words after the office ("..., Energy and Mines for their")
        ends = j >= limit or doc[j].text in {",", ")"} or _is_capitalized(doc[j]) or doc[j].pos_ in {"ADP", "VERB", "AUX", "PUNCT"}
        if j == end + 1 or not ends:
            break
        end = j
    return end


def portfolio_end(doc: Doc, start: int, end: int) -> int:
    """Where the portfolio words of doc[start:end] end (`end` when they do not start it)."""
    portfolios = set(role_words()["portfolios"])
    k = start
    while k < end and (doc[k].lower_ in portfolios or doc[k].lower_ in {"and", "&", ","}):
        k += 1
    while k > start and doc[k - 1].lower_ in {"and", "&", ","}:
        k -= 1
    return k if start < k < end and _is_capitalized(doc[k]) else end


def is_minister(role_text: str) -> bool:
    """A minister's office ("Minister", "Minister of State"): its "for" tail names the portfolio."""
    words = role_text.lower().split()
    return bool(words) and (words[-1] == "minister" or words[-3:] == ["minister", "of", "state"])


PORTFOLIO_ROLES = frozenset({"minister", "deputy minister", "first deputy minister", "vice minister", "cabinet secretary"})


def is_portfolio(organization: str) -> bool:
    """Whether the words before a minister name a portfolio ("Infrastructure", "Digital
    Development"): words of `portfolios` in models/role_words.json, joined by "and"."""
    words = organization.split()
    return len([w for w in words if w.lower() not in {"and", "&"}]) <= 4 and portfolio_words(words)
