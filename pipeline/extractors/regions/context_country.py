"""The country of a town or province no gazetteer places, from the text around it.

A place the finders only know by where it stands ("the terminal at Kiyikoy", "a plant near
Szczecin") has no country of its own. The guide gives it the country it lies in; a careful
reader takes the one country its sentence names, or, where the sentence names none, the
country the article is about. Where the sentence names several, or no country stands out in
the article, the country stays unknown: a guess there is as often wrong as right.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ...records import Region

# the article's country: at least this share of its country mentions, and this many of them
ARTICLE_SHARE = 0.6
ARTICLE_MENTIONS = 2


def placed_mentions(regions: list[Region]) -> list[tuple[int, str]]:
    """(char offset, country code) of every mention of a country or of a place of known country."""
    return sorted(
        (m.start_char, r.iso_code if r.type == "country" else r.country)
        for r in regions
        if (r.iso_code if r.type == "country" else r.country)
        for m in r.mentions
    )


def with_context_countries(doc: Doc, regions: list[Region]) -> list[Region]:
    """`regions`, each town or province of unknown country given the one its context names."""
    placed = placed_mentions(regions)
    if not placed or not doc.has_annotation("SENT_START"):
        return regions
    counts = Counter(code for _, code in placed)
    (top, top_count), = counts.most_common(1)
    article = top if top_count >= ARTICLE_MENTIONS and top_count >= ARTICLE_SHARE * len(placed) else None
    for region in regions:
        if region.type not in ("city", "subdivision") or region.country or not region.mentions:
            continue
        first = min(region.mentions, key=lambda m: m.start_char)
        span = doc.char_span(first.start_char, first.end_char, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        local = {code for at, code in placed if sent.start_char <= at < sent.end_char}
        if len(local) == 1:
            region.country = local.pop()
        elif not local and article:
            region.country = article
    return regions
