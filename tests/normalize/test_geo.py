"""Country names, aliases and demonyms resolve to ISO codes; the gazetteer folds accents."""

from __future__ import annotations

import pytest

from pipeline.normalize.gazetteer import lookup
from pipeline.normalize.geo import country_code, country_name, fold_name, is_demonym


@pytest.mark.parametrize(
    "text, code",
    [
        ("Azerbaijan", "AZ"),
        ("Iran's", "IR"),
        ("Islamic Republic of Iran", "IR"),
        ("U.S.", "US"),
        ("USA", "US"),
        ("America", "US"),
        ("Kyrgyz Republic", "KG"),
        ("Russian Federation", "RU"),
        ("the Gambia", "GM"),
        ("Türkiye", "TR"),
        ("Azerbaijani", "AZ"),
        ("Iranians", "IR"),
        ("Soviet Union", "SU"),
    ],
)
def test_geo_country_code_resolves_names_aliases_and_demonyms(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["Ministry", "in", "to", "Minister", "railway"])
def test_geo_country_code_ignores_words_that_are_not_countries(text):
    assert country_code(text) is None


@pytest.mark.parametrize(
    "code, name",
    [("IR", "Iran"), ("US", "United States"), ("KG", "Kyrgyzstan"), ("RU", "Russia"),
     ("AZ", "Azerbaijan"), ("TR", "Turkey"), ("SU", "Soviet Union")],
)
def test_geo_country_name_is_the_common_english_name(code, name):
    assert country_name(code) == name


@pytest.mark.parametrize(
    "text, expected",
    [("Iranian", True), ("Azerbaijani", True), ("American", True), ("Nepali", True),
     ("Iran", False), ("Armenia", False), ("Myanmar", False)],
)
def test_geo_is_demonym_tells_nationality_words_from_places(text, expected):
    assert is_demonym(text) is expected


@pytest.mark.parametrize("a, b", [("Ardabil", "Ardabīl"), ("Nagorno–Karabakh", "nagorno-karabakh")])
def test_geo_fold_name_ignores_accents_case_and_dash_kind(a, b):
    assert fold_name(a) == fold_name(b)


@pytest.mark.parametrize(
    "name, type_, country, iso",
    [
        ("Ardabil", "subdivision", "IR", "IR-24"),
        ("Mangystau", "subdivision", "KZ", "KZ-47"),
        ("Nagorno-Karabakh", "region", "AZ", None),
        ("South Caucasus", "region", None, None),
        ("Caspian Sea", "region", None, None),
        ("Yerevan", "city", "AM", None),
    ],
)
def test_gazetteer_lookup_knows_subdivisions_regions_and_cities(name, type_, country, iso):
    assert any(
        (p.type, p.country, p.iso_code) == (type_, country, iso) for p in lookup(name)
    )
