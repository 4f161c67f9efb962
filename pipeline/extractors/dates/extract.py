"""Find time expressions in a Doc and normalize them to TIMEX3.

Candidates come from NER (DATE, TIME) and from the Matcher patterns in
`models/dates_patterns.jsonl` (what NER misses). Each candidate region is then cut into the
longest stretches that `pipeline.timex` can normalize, which trims the words around an
expression ("an end to six weeks" -> "six weeks") and splits lists ("May and June").
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from spacy.lang.en import English
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from ..doc_views import entities, full_text, lowers, puncts, spaces, starts, texts
from ...records import TimeExpression
from ...resources import load_json, load_jsonl
from ...normalize.timex import FUTURE, LEXICON, PAST, YEAR_RANGE, Timex, is_vague, normalize
from ...normalize.timex_clock import find_clock
from .anchors import Found, anchor_in_text, take_stated_dates

PATTERNS = "dates_patterns.jsonl"
CANDIDATE_LABELS = ("DATE", "TIME")
# An expression does not start with these: the guide keeps "the early 1990s" but not "since".
# "later"/"earlier" may start one ("later this week", "earlier today"), as TimeML marks them.
NO_START = frozenset({"from", "between", "since", "on", "in", "by", "at",
                      "until", "till", "during", "for", "of", "to", "and", "or", "before", "after",
                      ",", "-", "–"})
# Words that make a verb's time lie ahead ("is expected to be completed by 2026").
FUTURE_CUES = frozenset({"will", "shall", "'ll", "wo", "expected", "expect", "expects", "plan",
                         "plans", "planned", "scheduled", "due", "intend", "intends", "aim",
                         "aims", "upcoming", "forthcoming", "slated", "poised", "would"})
# "Talks are set for Thursday": these participles look ahead only after a present "be".
SCHEDULE_CUES = frozenset({"set", "timed", "pencilled", "penciled"})
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
AGE_CUES = frozenset({"old", "aged", "age"})
# Words before a bare "15:00" that make it a clock time, not a score or a ratio.
CLOCK_CUES = frozenset({"at", "from", "until", "till", "by", "around", "about", "before", "after",
                        "to", "and", "between", "since"})
# Tokens in front of "a year"/"a day" that make it a rate ("$5 million a year" is a SET).
RATE_CUES = frozenset({"million", "billion", "thousand", "trillion", "times", "once", "twice"})
# words the normalizer knows outside the lexicon file (its relative and deictic forms)
DEICTIC_END_WORDS = frozenset({"ago", "later", "earlier", "hence", "before", "after", "today",
                               "tonight", "yesterday", "tomorrow", "night", "now", "present",
                               "weekend", "eve", "time", "period", "term", "long", "season",
                               "afterwards", "afterward", "previously", "prior"})
# the last words of a vague past or future with a quantity ("a few years ago", "some days hence")
VAGUE_ENDS = frozenset({"ago", "now", "hence", "earlier", "later"})
MAX_TOKENS = 12
CONTEXT = (3, 3)  # tokens added before and after each candidate range

_MATCHERS: dict[int, tuple[Matcher, PhraseMatcher]] = {}


def _words_in(value) -> set[str]:
    if isinstance(value, str):
        return set(value.lower().replace("-", " ").split())
    if isinstance(value, dict):
        return set().union(*(_words_in(k) | _words_in(v) for k, v in value.items())) if value else set()
    if isinstance(value, (list, tuple)):
        return set().union(*(_words_in(v) for v in value)) if value else set()
    return set()


@lru_cache(maxsize=1)
def _end_words() -> frozenset[str]:
    """Every word of the dates lexicon: an expression ends with one of them or with a digit.

    Lets the span search skip the many stretches that cannot be an expression before
    handing them to `normalize`.
    """
    return frozenset(_words_in(load_json(LEXICON)) | DEICTIC_END_WORDS)


@lru_cache(maxsize=65536)
def _can_end(text: str) -> bool:
    """Whether a token (its lower-case text) can end an expression."""
    words = _end_words()
    return (any(ch.isdigit() for ch in text) or text in words or text.split("-")[-1] in words
            or (text.endswith("s") and text[:-1] in words))  # "Mondays", "weekends"


def _matchers(doc: Doc) -> tuple[Matcher, PhraseMatcher]:
    """The Matcher and the holiday PhraseMatcher for this vocab, built once."""
    key = id(doc.vocab)
    if key not in _MATCHERS:
        matcher = Matcher(doc.vocab)
        for number, entry in enumerate(load_jsonl(PATTERNS)):
            matcher.add(f"DATE_{number}", [entry["pattern"]])
        holidays = PhraseMatcher(doc.vocab, attr="LOWER")
        tokenize = English(vocab=doc.vocab).make_doc  # the same rules as the model's tokenizer
        names = list(load_json(LEXICON)["holidays"])
        holidays.add("HOLIDAY", [tokenize(name) for name in names])
        holidays.add("HOLIDAY", [tokenize(f"the eve of {name}") for name in names])
        _MATCHERS[key] = (matcher, holidays)
    return _MATCHERS[key]


@lru_cache(maxsize=1)
def _anchor_words() -> frozenset[str]:
    """Words one of which every pattern of dates_patterns.jsonl holds (besides digits)."""
    lex = load_json(LEXICON)
    words = set()
    for key in ("months", "weekdays", "units", "seasons", "parts_of_day", "sets"):
        words |= {w for w in lex[key] if " " not in w}
    plurals = {f"{w}s" for w in lex["weekdays"]} | {"weekends"}  # "on Mondays"
    named_times = set(lex["clock"]["named"])  # "noon", "midnight"
    return frozenset(words | plurals | named_times
                     | {"today", "tonight", "yesterday", "tomorrow", "quarter", "half", "season", "time"})


@lru_cache(maxsize=65536)
def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _anchored_sentences(doc: Doc):
    """The sentences that hold a digit or a time word: the only ones a pattern can match in."""
    words = lowers(doc)
    anchors = _anchor_words()
    sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sents:
        if any(w in anchors or _has_digit(w) for w in words[sent.start : sent.end]):
            yield sent


# the words of the patterns that hold no anchor word ("per annum", "this weekend", "every weekend")
UNANCHORED_SEEDS = frozenset({"annum", "weekend"})


@lru_cache(maxsize=1)
def _pattern_reach() -> int:
    """The most tokens a pattern can match (its patterns have no repeated tokens)."""
    return max(len(entry["pattern"]) for entry in load_jsonl(PATTERNS))


def _pattern_windows(doc: Doc):
    """Token ranges of the anchored sentences in which a pattern can match.

    Every pattern holds a required token that is a seed (an anchor word, one of
    UNANCHORED_SEEDS, or a token with a digit), so each match lies within a pattern's length
    of a seed: the Matcher runs on these windows only, not on whole sentences (same matches).
    """
    words = lowers(doc)
    seeds = _anchor_words() | UNANCHORED_SEEDS
    reach = _pattern_reach() - 1
    for sent in _anchored_sentences(doc):
        window = None
        for i in range(sent.start, sent.end):
            word = words[i]
            if word in seeds or _has_digit(word):
                low, high = max(sent.start, i - reach), min(sent.end, i + reach + 1)
                if window is not None and low <= window[1]:
                    window[1] = high
                    continue
                if window is not None:
                    yield window
                window = [low, high]
        if window is not None:
            yield window


def _candidate_regions(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges that may hold time expressions: NER and pattern matches, overlaps merged."""
    matcher, holidays = _matchers(doc)
    ranges = [(ent.start, ent.end) for ent in entities(doc) if ent.label_ in CANDIDATE_LABELS]
    for low, high in _pattern_windows(doc):
        ranges += [(low + start, low + end) for _, start, end in matcher(doc[low:high])]
    ranges += [(start, end) for _, start, end in holidays(doc)]
    # Widen each range a little: a mod in front ("over 2,000 years ago") or a tail
    # ("two years and a half") is kept only when the whole still normalizes.
    ranges = [(max(0, start - CONTEXT[0]), min(len(doc), end + CONTEXT[1])) for start, end in ranges]
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def _tense(span: Span, published: date | None = None) -> str | None:
    """PAST or FUTURE from the verb that governs the expression, else from its sentence."""
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    chain = [token, *token.ancestors]
    for verb in chain[:4]:
        words = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
        words.add(verb.lower_)
        if words & FUTURE_CUES:
            return FUTURE
        if verb.tag_ == "VBN" and verb.lower_ in SCHEDULE_CUES and words & PRESENT_BE:
            return FUTURE
        if verb.tag_ == "VB" and "to" in words and verb.head.lower_ in PRESENT_BE:
            return FUTURE  # "the parliament is to vote in June"
        if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and words & {"has", "have", "had", "'ve"}):
            return PAST
        if verb.tag_ == "VBN" and verb.dep_ not in ("xcomp", "ccomp", "acl", "amod"):
            return PAST
        if verb.tag_ in ("VBZ", "VBP", "VB") and verb.dep_ == "ROOT":
            break
    sentence = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    if any(t.lower_ in ("will", "shall", "'ll") for t in sentence):
        return FUTURE
    if any(t.tag_ == "VBD" for t in sentence):
        return PAST
    return _direction_of_stated_year(span, sentence, published)


def _direction_of_stated_year(span: Span, sentence: Span, published: date | None) -> str | None:
    """With no tense to go by, the year nearest in the sentence says which way the text looks."""
    if published is None:
        return None
    years = [t for t in sentence if t.shape_ == "dddd" and not (span.start <= t.i < span.end)
             and YEAR_RANGE[0] <= int(t.text) <= YEAR_RANGE[1]]
    if not years:
        return None
    nearest = int(min(years, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end))).text)
    if nearest == published.year:
        return None
    return FUTURE if nearest > published.year else PAST


def _means_nowadays(span: Span) -> bool:
    """ "Today the situation is different", "today's most pressing challenges": not a date."""
    if span.text.lower() != "today":
        return False
    cues = load_json(LEXICON)["nowadays_cues"]
    doc = span.doc
    following = [t for t in doc[span.end:span.end + 3] if not t.is_punct or t.tag_ == "POS"]
    if following and following[0].tag_ == "POS" and len(following) > 1:
        nxt = following[1]
        return nxt.pos_ in ("ADJ", "ADV") or nxt.lower_ in cues["generic_nouns"]
    sentence = span.sent if doc.has_annotation("SENT_START") else doc[:]
    if span.start != sentence.start:
        return False
    verb = sentence.root
    present = verb.tag_ in ("VBZ", "VBP") or any(
        c.tag_ in ("VBZ", "VBP") and c.dep_ in ("aux", "cop") for c in verb.children
    )
    return present and any(t.lower_ in cues["contrast"] for t in sentence)


def _is_age(doc: Doc, start: int, end: int) -> bool:
    """ "50-year-old", "50 years old", "aged 50 years": ages are not time expressions."""
    after = [t.lower_ for t in doc[end:end + 2] if t.lower_ != "-"]
    before = doc[start - 1].lower_ if start > 0 else ""
    return bool(after and after[0] in AGE_CUES) or before in ("aged", "age")


def _inside_name(doc: Doc, start: int, end: int, timex: Timex) -> bool:
    """A time word inside a proper name ("Annual Bilateral Consultations")."""
    span = doc[start:end]
    if any(t.like_num for t in span) or not span[0].is_title and not span[-1].is_title:
        return False
    following = doc[end] if end < len(doc) else None
    if following is not None and following.is_title and following.pos_ in ("PROPN", "NOUN"):
        return True
    preceding = doc[start - 1] if start > 0 else None
    return bool(
        timex.type == "SET"
        and preceding is not None
        and preceding.is_title
        and not preceding.is_sent_start
        and preceding.pos_ == "PROPN"
    )


def _adjectival(doc: Doc, end: int) -> bool:
    """The expression ends in a singular unit that modifies a noun ("44-day war")."""
    unit = doc[end - 1].lower_
    return unit in load_json(LEXICON)["units"] and not unit.endswith("s") and end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN", "ADJ", "PUNCT", "SYM")


def _is_ordinal(doc: Doc, start: int, end: int) -> bool:
    """ "a second agreement": an ordinal in front of a noun, not "for a second"."""
    following = doc[end] if end < len(doc) else None
    return (
        end - start == 2
        and doc[start].lower_ in ("a", "an")
        and following is not None
        and following.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
    )


def _as_rate(doc: Doc, start: int, timex: Timex) -> Timex:
    """ "a year" after an amount or "twice" is a rate: a SET, not a one-year duration."""
    if timex.type != "DURATION" or doc[start].lower_ not in ("a", "an", "per") or start == 0:
        return timex
    before = doc[start - 1]
    if before.lower_ in RATE_CUES or before.like_num or before.ent_type_ in ("MONEY", "QUANTITY"):
        return Timex("SET", timex.value)
    return timex


def _accept(doc: Doc, start: int, end: int, published: date | None) -> Timex | None:
    """The normalization of doc[start:end] when it is a time expression the guide counts."""
    # the shared word lists first: most stretches fail here, before any Token is made
    words, punct, space = lowers(doc), puncts(doc), spaces(doc)
    if words[start] in NO_START or space[start] or punct[start] or space[end - 1] or punct[end - 1]:
        return None
    first, last = doc[start], doc[end - 1]
    if last.tag_ == "POS" or (end - start > 1 and last.lower_ in ("’s", "'s")):
        return None  # "Today's trip": the expression is "Today"
    tokens = texts(doc)
    if words[start] == "the" and "-" in tokens[start:end] and doc[start + 1].like_num and _adjectival(doc, end):
        return None  # "the five-year compact": the duration is "five-year"
    if end + 1 < len(doc) and tokens[end] == "-" and words[end + 1] == "long":
        return None  # "an hour-long speech": the expression is "hour-long"
    span = doc[start:end]
    # "May" the modal verb is no month.
    if len(span) == 1 and first.lower_ == "may" and first.tag_ == "MD":
        return None
    if first.lower_ in ("last", "next", "past") and first.pos_ == "VERB":
        return None  # "and last 18 months": the verb is no part of the duration
    # "between 1955 and 1959": the range is "1955 and 1959", read with its "between"
    offsets = starts(doc)
    text = full_text(doc)[offsets[start] : offsets[end - 1] + len(tokens[end - 1])]  # span.text
    text = f"between {text}" if start > 0 and words[start - 1] == "between" else text
    # tense only picks a direction; it never makes a non-time a time: find out first, cheaply
    if normalize(text, published, None) is None:
        return None
    timex = normalize(text, published, _tense(span, published))
    # a vague value with an anchor ("at that time") waits for the text's dates to give it one
    if timex is None or (is_vague(timex) and not timex.anchor) or _means_nowadays(span):
        return None
    if _is_age(doc, start, end) or _is_ordinal(doc, start, end) or _inside_name(doc, start, end, timex):
        return None
    if "T" in timex.value and not _clock_in_context(doc, start, end):
        return None
    return _as_rate(doc, start, timex)


def _clock_in_context(doc: Doc, start: int, end: int) -> bool:
    """A bare "15:00" is a clock time after "at", "from", "until" or where NER sees a time."""
    clock = find_clock(doc[start:end].text.lower())
    if clock is None or not clock.bare:
        return True
    before = doc[start - 1].lower_ if start > 0 else ""
    return before in CLOCK_CUES or all(t.ent_type_ == "TIME" for t in doc[start:end])


def _expressions_in(doc: Doc, start: int, end: int, published: date | None):
    """The longest normalizable stretches of a region, left to right."""
    words = lowers(doc)
    i = start
    while i < end:
        for j in range(min(end, i + MAX_TOKENS), i, -1):
            if not _can_end(words[j - 1]):
                continue
            if _is_vague_reference(doc, i, j, published):
                i = j  # "a few years ago" is left out whole, not cut down to "a few years"
                break
            timex = _accept(doc, i, j, published)
            if timex is not None:
                yield doc[i:j], timex
                i = j
                break
        else:
            i += 1


def _is_vague_reference(doc: Doc, start: int, end: int, published: date | None) -> bool:
    """The stretch is a whole vague reference with no calendar value ("several years ago")."""
    words = lowers(doc)
    if end - start < 2 or words[end - 1] not in VAGUE_ENDS or words[start] in NO_START:
        return False
    timex = normalize(doc[start:end].text, published, None)
    return timex is not None and is_vague(timex) and not timex.anchor


def _coordinated(doc: Doc, expressions, published: date | None):
    """ "12 and 18 months": the first number is a duration of the second's unit, as TimeML marks it."""
    for span, timex in expressions:
        first = _first_of_pair(doc, span, timex, published)
        if first is not None:
            yield first
        yield span, timex


def _first_of_pair(doc: Doc, span: Span, timex: Timex, published: date | None):
    start = span.start
    if timex.type != "DURATION" or timex.mod or start < 2 or doc[start - 1].lower_ not in ("and", "or"):
        return None
    number = doc[start - 2]
    quantity = number.text[:-1] if number.text.endswith("-") else number.text  # "12- and 18-month"
    if not doc[start].like_num or not (quantity.isdigit() or number.like_num):
        return None
    value = normalize(f"{quantity} {span[-1].lower_}", published)
    if value is None or value.type != "DURATION":
        return None
    return doc[start - 2:start - 1], value


def find_dates(doc: Doc, published: date | None) -> list[TimeExpression]:
    """Return every time expression of the article with its TIMEX3 value."""
    found: list[Found] = []
    has_sentences = doc.has_annotation("SENT_START")
    for start, end in _candidate_regions(doc):
        for span, timex in _coordinated(doc, _expressions_in(doc, start, end, published), published):
            found.append(Found(
                text=span.text, start_char=span.start_char, end_char=span.end_char,
                sentence=span.sent.start if has_sentences else 0, timex=timex,
                tense=_tense(span, published) if timex.anchor else None,
            ))
    # the text's own dates anchor what counts from them ("two days later", "at 4:00 pm")
    found = anchor_in_text(take_stated_dates(found, full_text(doc)))
    return [
        TimeExpression(
            text=f.text, start_char=f.start_char, end_char=f.end_char, type=f.timex.type,
            value=f.timex.value, mod=f.timex.mod, earliest=f.timex.earliest, latest=f.timex.latest,
        )
        for f in found
    ]
