"""Token tests shared by the name and office readers of the officials extractor, and the tests
that tell a lower-case office word next to a personal name for a title."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ...normalize import names
from ...normalize.geo import country_code, is_demonym
from ...normalize.roles import lexicon, role_words
from ...resources import load_json
from ..doc_views import entities

TAIL_JOINERS = frozenset({"of", "and", "the", "for", "&"})


def _is_capitalized(token: Token) -> bool:
    return token.text[:1].isupper()


def _is_initial(token: Token) -> bool:
    text = token.text
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def _is_place(span_text: str, region_names: frozenset[str]) -> bool:
    return country_code(span_text) is not None or names.fold(span_text) in region_names


@lru_cache(maxsize=1)
def organisation_words() -> frozenset[str]:
    """Words that end the names of organisations ("Bank", "Railways"), from models/."""
    return frozenset(load_json("place_context.json")["organisation_words"])


def _apposed_to_person(doc: Doc, start: int) -> bool:
    """ "Mark Green, administrator of USAID", "A B, USAID administrator": a lower-case office word
    in apposition to a personal name (the body's name may stand between comma and office)."""
    k = start
    while k > 0 and start - k < 4 and doc[k - 1].ent_type_ in ("ORG", "GPE", "NORP") and doc[k - 1].text != ",":
        k -= 1
    if k < 2 or doc[k - 1].text != ",":
        return False
    # NER may cut a name with particles ("Ursula von der" PERSON, "Leyen" GPE): a capitalized
    # run before the comma that holds a person's word is still a name
    i = k - 2
    while i >= 0 and k - 2 - i < 5 and (_is_capitalized(doc[i]) or doc[i].lower_ in names.PARTICLES):
        if doc[i].ent_type_ == "PERSON":
            return True
        i -= 1
    return False


def _title_before_person(doc: Doc, start: int, end: int) -> bool:
    """"US president Joe Biden", "In 2018, president Emmerson Mnangagwa": a lower-case office
    word is a title when a full personal name (NER's PERSON of two words or more) follows it."""
    if end >= len(doc) or doc[end].ent_type_ != "PERSON" or doc[end].ent_iob_ != "B":
        return False
    if start > 0 and doc[start - 1].text == "-":
        return False  # "vice-president" is read with its rank
    ent = next((e for e in entities(doc) if e.start == end), None)
    return ent is not None and len(ent) >= 2 and all(_is_capitalized(t) for t in ent)


def _could_be_name(token: Token, region_names: frozenset[str]) -> bool:
    """A capitalized word that is no place, office, organisation word or joiner."""
    return (
        _is_capitalized(token)
        and token.ent_type_ not in {"FAC", "NORP"}  # NER glues names to places too ("West Asia Yevgeniy Zhukov")
        and token.lower_ not in TAIL_JOINERS
        and token.lower_ not in lexicon()
        and token.lower_ not in role_words()["portfolios"]  # "for Foreign Economic Relations": a portfolio, no name
        and token.text not in organisation_words()
        and not _is_place(token.text, region_names)
    )


def _state_at_tail_end(doc: Doc, start: int, end: int) -> tuple[int, str] | None:
    """(where "of [the] STATE" begins, the state's code) when a tail ends with a state, else None."""
    for k in range(start + 1, end - 1):
        if doc[k].lower_ == "of":
            j = k + 1 + (doc[k + 1].lower_ == "the")
            code = country_code(doc[j:end].text) if j < end else None
            if code and not is_demonym(doc[j:end].text):
                return k, code
    return None


def _office_at(doc: Doc, i: int) -> int:
    """The end of an office word at token i, a rank ("Vice-") before it; 0 when none."""
    if i < len(doc) and doc[i].lower_ in role_words()["ranks"]:
        i += 2 if i + 1 < len(doc) and doc[i + 1].text == "-" else 1
    return i + 1 if i < len(doc) and doc[i].lower_ in lexicon() else 0


def _next_official(doc: Doc, j: int, x_start: int, region_names: frozenset[str]) -> bool:
    """ "for Energy Kadri Simson and Greek Minister X": after a name closing the tail, "and"
    opens the next official's office (a demonym or a country's possessive may come first)."""
    if j - x_start < 3 or not all(_could_be_name(t, region_names) for t in doc[j - 2 : j]):
        return False
    k = j + 1
    if k < len(doc) and is_demonym(doc[k].text):
        k += 1
    elif k + 1 < len(doc) and country_code(doc[k].text) and doc[k + 1].text in {"’s", "'s"}:
        k += 2
    return k < len(doc) and _is_capitalized(doc[k]) and doc[k].lower_ in lexicon()
