"""The language of every article, whatever its format: declared where the input says, else detected.

Only English articles go through the English model; an article found to be in another language
keeps its text and `language` in `documents` and gets the warning `not English (xx): not
extracted`. Detection is py3langid's bundled model with normalized probabilities: a short or
mixed English text can come out as some other language with a low probability, and calling it
non-English would silently drop its extraction, so another language counts only when the model
is confident (`CONFIDENT`); otherwise the language stays unknown and the article is extracted.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..records import Article

CONFIDENT = 0.9  # below this, a non-English guess is not trusted (English texts scored 0.2-0.7)
SAMPLE_CHARS = 2_000  # the start of a text tells its language; more only costs time
# Fast path: in English news 27-60% of the words are spaCy's English stop words, in German,
# French, Spanish, Dutch, Swedish or Turkish text at most 11%. Above this share the text is
# English without asking the model, which would cost about 5% of a run's time.
ENGLISH_STOP_SHARE = 0.2
STOP_SAMPLE_CHARS = 1_000
_WORD = re.compile(r"[^\W\d_]+")
NOT_ENGLISH = "not English ({}): not extracted"
# ISO 639-1 only ("en", "en-GB", "de_AT"): "und", "mul" and other tags say nothing usable
_LANG_CODE = re.compile(r"^\s*([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*\s*$")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def declared_code(raw: object) -> str | None:
    """A declared language (`language: de` in a header or column) as an ISO 639-1 code."""
    match = _LANG_CODE.match(str(raw)) if raw is not None else None
    return match[1].lower() if match else None


def english_stop_share(text: str) -> float:
    """The share of the words at the start of `text` that are English stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [word.lower() for word in _WORD.findall(text[:STOP_SAMPLE_CHARS])]
    return sum(word in STOP_WORDS for word in words) / len(words) if words else 0.0


def detect(text: str) -> str | None:
    """The language of a text as an ISO 639-1 code; None when it is not clearly one language."""
    if english_stop_share(text) >= ENGLISH_STOP_SHARE:
        return "en"
    code, probability = _identifier().classify(text[:SAMPLE_CHARS])
    if code == "en" or probability >= CONFIDENT:
        return code
    return None


def with_language(article: Article) -> Article:
    """The article with its language filled in (declared, else detected) and the warning added."""
    if article.status != "ok":
        return article
    language = article.language or detect(article.text)
    warnings = article.warnings
    if language not in (None, "en") and not any(w.startswith("not English") for w in warnings):
        warnings = (*warnings, NOT_ENGLISH.format(language))
    return replace(article, language=language, warnings=warnings)
