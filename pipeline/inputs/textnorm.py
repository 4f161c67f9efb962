"""Text repairs that know nothing of files: invisible characters, and telling text from binary.

Pure functions; ingest calls them on every body and header field and records what they did.
"""

from __future__ import annotations

import re

# Zero-width characters, the soft hyphen and the bidirectional controls are invisible on the
# page but split words for the tokenizer ("Erdo\u00adgan", "Jo\u200be Biden") and can reverse
# names where the text is shown (U+202E); they carry nothing an extractor needs.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u180e"
SOFT_HYPHEN = "\u00ad"
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = re.compile(f"[{ZERO_WIDTH}{SOFT_HYPHEN}{BIDI_CONTROLS}]")

# Characters no written text is made of: C0/C1 controls other than whitespace, NUL, DEL, the
# replacement character of a failed decode, and the code points cp1252 leaves undefined.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
# A text with more than this share of such characters is binary data, not a damaged article
# (random bytes give about 13%; a stray NUL or a few bad bytes in an article stay far below).
BINARY_SHARE = 0.05
MIN_BINARY_CHARS = 2
SAMPLE_CHARS = 65_536


def remove_invisible(text: str) -> tuple[str, int]:
    """The text without zero-width characters, soft hyphens and bidi controls, and how many went."""
    cleaned = _INVISIBLE.sub("", text)
    return cleaned, len(text) - len(cleaned)


def invisible_warning(count: int) -> str:
    return f"{count} invisible character(s) removed (zero-width, soft hyphen, bidirectional control)"


def looks_binary(text: str) -> bool:
    """Whether decoded text is really binary data (judged on its first SAMPLE_CHARS characters)."""
    sample = text[:SAMPLE_CHARS]
    if not sample:
        return False
    bad = len(_NOT_TEXT.findall(sample))
    # a couple of stray control characters in a one-line text are a repair, not binary data
    return bad > MIN_BINARY_CHARS and bad > BINARY_SHARE * len(sample)
