"""US states after a town and a comma ("Boston, MA", "Gaithersburg, MD")."""

from __future__ import annotations

from spacy.tokens import Doc

from ...normalize.gazetteer import postal_state
from ..doc_views import texts
from .matches import _Match


def _city_comma(doc: Doc, i: int, matches: list[_Match]) -> _Match | None:
    """The place hit ending right before ", " at token `i` ("Boston" in "Boston, MA"), if any."""
    if i < 2 or doc[i - 1].text != ",":
        return None
    return next((m for m in matches if m.end == i - 1 and m.chars is None), None)


def _postal_states(doc: Doc, matches: list[_Match]) -> list[_Match]:
    """ "Boston, MA", "Gaithersburg, MD": a US postal code right after a town and a comma is
    the state; the code alone ("IN", "OR") is no place."""
    taken = {i for m in matches for i in range(m.start, m.end)}
    found = []
    for i, text in enumerate(texts(doc)):  # a Token object only for the postal codes
        state = postal_state(text)
        if state is None:
            continue
        token = doc[i]
        if token.i in taken or token.i < 2 or doc[token.i - 1].text != ",":
            continue
        town = _city_comma(doc, token.i, matches)
        us_town = town is not None and any(p.country == "US" for p in town.candidates)
        before = doc[token.i - 2]
        unknown_town = town is None and before.pos_ == "PROPN" and before.is_title
        if us_town or unknown_town:
            found.append(_Match(token.i, token.i + 1, token.i + 1, (state,), place=state))
    return found


