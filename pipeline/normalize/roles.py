"""Role normalization: an office as written -> the guide's canonical role (pure, no spaCy).

"Minister of Foreign Affairs" -> "foreign minister", "Chairman" -> "chair", "Acting Administrator"
-> "administrator", "Vice President for Compact Operations" -> "vice president". The lexicon of
offices is data (`models/roles.jsonl`); the qualifier words are in `models/role_words.json`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load_json, load_jsonl

ROLES_FILE = "roles.jsonl"
WORDS_FILE = "role_words.json"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-"})
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, dict]:
    """Office text (lower case) -> its lexicon entry ({"text", "role", "kind"})."""
    return {entry["text"]: entry for entry in load_jsonl(ROLES_FILE)}


@lru_cache(maxsize=1)
def role_words() -> dict[str, frozenset[str]]:
    """The word lists of `models/role_words.json`, as sets."""
    return {k: frozenset(v) for k, v in load_json(WORDS_FILE).items() if not k.startswith("_")}


def clean(text: str) -> str:
    """Lower case, straight apostrophes and hyphens, single spaces, no edge punctuation."""
    text = _SPACES.sub(" ", text.translate(_APOSTROPHES).casefold()).strip(" ,:;")
    return text


def _drop_qualifiers(words: list[str]) -> list[str]:
    dropped = role_words()["dropped"]
    # "a.i." may be split by the tokenizer or written "ad interim": drop both forms
    text = " ".join(w for w in words if w not in dropped)
    text = re.sub(r"\bad interim\b|\ba\.i\.?$", "", text)
    return text.split()


def _tail_cut(text: str, word: str) -> str:
    """Cut the text before ' word ' unless the whole text is a lexicon office."""
    if text in lexicon() or f" {word} " not in text:
        return text
    head = text.split(f" {word} ", 1)[0]
    return head


def kind_of(role: str | None) -> str | None:
    """The kind of office ("diplomat", "minister", "head", ...) of a canonical role or office text."""
    if not role:
        return None
    entry = lexicon().get(clean(role))
    if entry:
        return entry["kind"]
    words = clean(role).split()
    for i in range(1, len(words)):
        entry = lexicon().get(" ".join(words[i:]))
        if entry:
            return entry["kind"]
    for i in range(len(words) - 1, 0, -1):
        entry = lexicon().get(" ".join(words[:i]))
        if entry:
            return entry["kind"]
    return None


def normalize_role(text: str) -> str:
    """The canonical role of an office as written (country and organization already removed)."""
    written = " ".join(w for w in clean(text).split() if w == "the" or w not in role_words()["dropped"])
    words = _drop_qualifiers(clean(text).split())
    # "Vice-Minister for Foreign Affairs" is the "vice foreign minister" of the guide
    text = re.sub(r"^(vice|deputy)-(minister (?:of|for) )", r"\1 \2", " ".join(words))
    portfolio = _portfolio_with_articles(text, written)
    if portfolio:
        return portfolio
    if not text:
        return ""
    lex = lexicon()
    if text in lex:
        return lex[text]["role"]
    # "Vice President for Compact Operations": the "for" tail names a portfolio, not the office
    if not _minister_portfolio(text):
        text = _tail_cut(text, "for")
    if text in lex:
        return lex[text]["role"]
    # "X of Y": a lexicon office with an "of" tail keeps the tail only for ministers' portfolios
    if " of " in text:
        head, tail = text.split(" of ", 1)
        if head.split()[-1] == "minister":
            return _minister_of(head, tail)
        if head == "secretary" and portfolio_words(re.split(r"[\s,]+", tail)):
            return text  # "Secretary of Public Works and Highways": a secretary's department keeps its words
        if head in lex or _ranked(head):
            return _ranked(head) or lex[head]["role"]
    ranked = _ranked(text)
    if ranked:
        return ranked
    return text


def portfolio_words(words: list[str]) -> bool:
    """Whether the words, "and" aside, are all of `portfolios` ("infrastructure", "communications")."""
    words = [w.lower() for w in words if w and w.lower() not in {"and", "&"}]
    return bool(words) and all(w in role_words()["portfolios"] for w in words)


def _minister_portfolio(text: str) -> bool:
    """'minister for europe', 'minister of state for development': a minister keeps its "for" tail."""
    head = text.split(" for ", 1)[0].split()
    return " for " in text and bool(head) and (head[-1] == "minister" or head[-3:] == ["minister", "of", "state"])


def _portfolio_with_articles(text: str, written: str) -> str | None:
    """'Minister for Asia and the Pacific' keeps the article inside its portfolio, which names
    a place ("the Pacific"); None where the office is a lexicon one or has no "for" portfolio."""
    if text in lexicon() or not _minister_portfolio(text):
        return None
    head, tail = text.split(" for ", 1)
    written_tail = written.split(" for ", 1)[-1]
    if written_tail.startswith("the "):
        written_tail = written_tail[4:]
    if " the " not in f" {written_tail} " or written_tail.replace(" the ", " ") != tail:
        return None
    return f"{head} for {written_tail}"


def _minister_of(head: str, portfolio: str) -> str:
    """'deputy minister' + 'foreign affairs' -> 'deputy foreign minister'; longer ones keep words."""
    lex = lexicon()
    rank = head[: -len("minister")].strip()
    for candidate in (f"{head} of {portfolio}", f"minister of {portfolio}"):
        lex_entry = lex.get(candidate)
        if lex_entry:
            role = lex_entry["role"]
            if candidate.startswith("minister") and rank:
                return f"{rank} {role}"
            return role
    return f"{head} of {portfolio}"


def _ranked(text: str) -> str | None:
    """'regional deputy administrator' -> rank words kept before the longest lexicon suffix."""
    words = text.split()
    ranks = role_words()["ranks"]
    lex = lexicon()
    for i in range(len(words)):
        suffix = " ".join(words[i:])
        if suffix in lex and all(w in ranks for w in words[:i]):
            return " ".join([*words[:i], lex[suffix]["role"]]) if i else lex[suffix]["role"]
    return None
