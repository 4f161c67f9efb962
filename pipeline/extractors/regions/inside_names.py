"""Places inside a larger name: of a project ("Rasht-Astara railway"), an organisation
("Azerbaijan Railways", "USAID/Central Asia") or a person; such matches are not regions."""

from __future__ import annotations

from spacy.tokens import Doc

from ...normalize.geo import fold_name
from ...normalize.gazetteer import lookup
from ..doc_views import entities, full_text
from .matches import _Match, _capitalised, _head_at, _words

_DASHES = {"-", "–", "—", "‐", "‑"}


def _joined(doc: Doc, left: _Match, right: _Match) -> bool:
    if left.start == right.start:  # pieces of one dashed token
        return True
    return left.end + 1 == right.start and doc[left.end].text in _DASHES


def _chain_end(doc: Doc, matches: list[_Match], index: int) -> tuple[int, int]:
    """The hits joined to hit `index` by dashes ("Baku-Tbilisi-Kars"): first and last index."""
    first = last = index
    while first > 0 and _joined(doc, matches[first - 1], matches[first]):
        first -= 1
    while last + 1 < len(matches) and _joined(doc, matches[last], matches[last + 1]):
        last += 1
    return first, last


def _skip_acronym(doc: Doc, k: int) -> int:
    """Index after a bracketed acronym ("Baku-Tbilisi-Kars (BTK) railway"), else `k`."""
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")" and doc[k + 1].is_upper:
        return k + 3
    return k


def _org_before(doc: Doc, start: int) -> bool:
    """ "Bureau for Europe", "USAID Clean Power Asia": the place ends an organisation's name."""
    words = _words()
    before = doc[start - 2].text if start >= 2 else ""
    if before in words["orgs_before"] and doc[start - 1].lower_ in ("for", "of", "on"):
        return True
    k = start - 1
    while k >= 0 and k >= start - 3 and _capitalised(doc[k].text) and not doc[k].is_punct:
        token = doc[k]
        if token.is_upper and token.is_alpha and len(token) >= 3 and not lookup(token.text):
            return True
        k -= 1
    return False


def _inside_project_or_org(doc: Doc, matches: list[_Match], index: int) -> bool:
    """True for a place that only modifies a project or organisation name."""
    words = _words()
    first, last = _chain_end(doc, matches, index)
    end = _skip_acronym(doc, matches[last].end)
    if end > matches[last].end and last > first:
        # "Baku-Tbilisi-Kars (BTK)": an acronym of the places names the thing they link
        chain = matches[first : last + 1]
        initials = "".join(fold_name(full_text(doc)[slice(*m.char_span(doc))])[0] for m in chain)
        if fold_name(doc[end - 2].text).startswith(initials):
            return True
    if _head_at(doc, end, chains=last > first):
        return True
    if _org_before(doc, matches[first].start):
        return True
    # "Azerbaijan Railways", "Minsk Group", "Asia Society": capitalised words up to an org word
    # "North-South International Transport Corridor": capitalised words up to a head
    k = end
    while k < min(len(doc), end + 4) and (_capitalised(doc[k].text) or doc[k].text in ("of", "&")):
        if doc[k].text in words["orgs"]:
            return True
        if doc[k].text in words["units"] and not any(p.type == "country" for m in matches[first : last + 1] for p in m.candidates):
            return True
        if _head_at(doc, k, chains=True):
            return True
        k += 1
    start = matches[first].start
    # "USAID/Central Asia": an office of an organisation
    return start >= 2 and doc[start - 1].text == "/" and doc[start - 2].text.isupper()


def _inside_person(doc: Doc, match: _Match, matches: list[_Match]) -> bool:
    """True for a place name that is part of a longer person name ("Georgia Smith")."""
    place_tokens = {i for m in matches for i in range(m.start, m.end)}
    for ent in entities(doc):
        if ent.label_ != "PERSON" or not (ent.start <= match.start and match.end <= ent.end):
            continue
        # a line break ends a name: "Robert E. Patterson\nAshgabat" is a signature and a dateline
        here = doc[match.start].idx
        line = [t for t in ent if "\n" not in full_text(doc)[min(t.idx, here) : max(t.idx, here)]]
        others = [t for t in line if t.i not in place_tokens and _capitalised(t.text)]
        if not others:
            return False
        entry = doc[ent.start - 1].text if ent.start > 0 else ""
        # "ambassador to Iran Bunyad Huseynov": NER swallowed the place into the name
        if match.start == ent.start and fold_name(entry) in _words()["person_entry"]:
            return False
        return True
    return False


_CREDIT_AFTER = frozenset({"-", "--", "—", "–", ":"})


def _wire_credit(doc: Doc, match: _Match) -> bool:
    """ "BEIJING, Jan. 3 (Xinhua) --": the bracketed name between a dateline and its dash is the
    news agency's credit, not a place (Xinhua is also a county of China)."""
    start, end = match.start, match.end
    if start == 0 or end + 1 >= len(doc) or doc[start - 1].text != "(" or doc[end].text != ")":
        return False
    text = full_text(doc)
    line = text[text.rfind("\n", 0, doc[start].idx) + 1 : doc[start].idx].split()
    # the line opens with a dateline in capitals ("BEIJING,", "ULAANBAATAR")
    return doc[end + 1].text in _CREDIT_AFTER and bool(line) and line[0].rstrip(",").isupper() and len(line[0]) > 2
