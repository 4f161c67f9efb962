"""The country of a town or province no gazetteer places, from the text around it.

A place the finders only know by where it stands ("the terminal at Kiyikoy", "a plant near
Szczecin") has no country of its own. The guide gives it the country it lies in; a careful
reader takes the one country its sentence names, or, where the sentence names none, the
country the article is about. Where the sentence names several, or no country stands out in
the article, the country stays unknown: a guess there is as often wrong as right. A bare
name two states share ("Congo") is likewise the state the rest of the article points to.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ...normalize.gazetteer import context_words, lookup
from ...normalize.geo import country_name, fold_name
from ...records import Mention, Region

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
        feature = region.type == "region" and _small_feature(region.name)
        if region.type not in ("city", "subdivision") and not feature or region.country or not region.mentions:
            continue
        first = min(region.mentions, key=lambda m: m.start_char)
        span = doc.char_span(first.start_char, first.end_char, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        local = {code for at, code in placed if sent.start_char <= at < sent.end_char}
        if len(local) == 1:
            region.country = local.pop()
        elif not local and article and not feature:
            region.country = article
    return regions


# waters that mostly lie between states: the country named beside them is one shore
_BETWEEN_STATES = frozenset({"Strait", "Straits", "Sea", "Ocean", "Gulf", "Bay"})


def _small_feature(name: str) -> bool:
    """A river, island or delta named by its form that no lexicon holds ("Hooghly River",
    "Russky Island"): the one country its sentence names is the one it lies in. The great ones
    of the lexicon ("Mekong", "Aras River") keep their own country, or none."""
    words = name.split()
    if len(words) < 2 or words[-1] not in context_words().get("feature_words", ()) or words[-1] in _BETWEEN_STATES:
        return False
    return not any(p.type == "region" for p in lookup(name))


# bare names two states share, each with the code a bare mention gets and the other state's
_SHARED_COUNTRY_NAMES = {"congo": "CD"}


def shared_country_names(regions: list[Region]) -> list[Region]:
    """ "Troops went to Goma in eastern Congo": a bare name two states share is the state the
    article otherwise places things in (a Congolese town, "the DRC"), when it places nothing
    in the state the name reads as alone."""
    out = list(regions)
    for region in regions:
        if region.type != "country" or not region.mentions:
            continue
        forms = {fold_name(m.text).removeprefix("the ") for m in region.mentions}
        other = _SHARED_COUNTRY_NAMES.get(next(iter(forms))) if len(forms) == 1 else None
        if other is None:
            continue
        elsewhere = [r for r in regions if r is not region and r.country == other]
        if not elsewhere or any(r is not region and r.country == region.country for r in regions):
            continue
        same = next((r for r in elsewhere if r.type == "country"), None)
        if same is not None:
            key = same.mentions[0].key if same.mentions else None
            same.mentions = sorted(same.mentions + [Mention(m.label, m.text, m.start_char, m.end_char, key=key) for m in region.mentions], key=lambda m: m.start_char)
            out.remove(region)
        else:
            region.name, region.country, region.iso_code = country_name(other) or region.name, other, other
            region.mentions = [Mention(m.label, m.text, m.start_char, m.end_char, key=f"region:{region.name}") for m in region.mentions]
    return out
