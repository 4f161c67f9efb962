"""Role normalization: offices as written -> the guide's canonical roles."""

from __future__ import annotations

import pytest

from pipeline.normalize.roles import kind_of, lexicon, normalize_role


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Minister of Foreign Affairs", "foreign minister"),
        ("Foreign Affairs Minister", "foreign minister"),
        ("Foreign Minister", "foreign minister"),
        ("Minister for Europe", "minister for europe"),
        ("Minister of State for Development", "minister of state for development"),
        ("Vice President for Compact Operations", "vice president"),
        ("Deputy Minister of Foreign Affairs", "deputy foreign minister"),
        ("First Deputy Minister of Energy", "first deputy energy minister"),
        ("Minister of Roads and Urban Development", "minister of roads and urban development"),
        ("Minister of Water and Electricity", "minister of water and electricity"),
        ("Chairman", "chair"),
        ("Chairwoman", "chair"),
        ("Deputy Chairperson", "deputy chair"),
        ("Acting Administrator", "administrator"),
        ("Interim President", "president"),
        ("Vice President for Compact Operations", "vice president"),
        ("Under Secretary of State for Political Affairs", "under secretary of state"),
        ("Chief Executive", "chief executive officer"),
        ("CEO", "chief executive officer"),
        ("Governor General", "governor-general"),
        ("Ambassador-at-Large", "ambassador-at-large"),
        ("Chargé d’Affaires a.i.", "chargé d'affaires"),
        ("Consul-General", "consul general"),
        ("Spokesman", "spokesperson"),
        ("Director-General", "director general"),
        ("Major General", "major general"),
        ("Supreme Leader", "supreme leader"),
        ("Deputy Assistant Administrator", "deputy assistant administrator"),
        ("Secretary of Public Works and Highways", "secretary of public works and highways"),
        ("Foreign Affairs Vice Minister", "vice foreign minister"),  # the guide: "vice" stays "vice"
        ("Secretary of the National Security Council", "secretary"),
    ],
)
def test_roles_normalize_to_canonical_form(written, canonical):
    assert normalize_role(written) == canonical


@pytest.mark.parametrize(("role", "kind"), [("ambassador", "diplomat"), ("consul general", "diplomat"),
                                            ("governor-general", "subnational"), ("colonel", "military"),
                                            ("foreign minister", "minister")])
def test_roles_kind_of_office(role, kind):
    assert kind_of(role) == kind


@pytest.mark.parametrize("minimum", [300])
def test_roles_lexicon_has_hundreds_of_offices(minimum):
    assert len(lexicon()) >= minimum
    assert all(entry["role"] == entry["role"].lower() for entry in lexicon().values())
