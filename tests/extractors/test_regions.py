"""Regions: every named place once, with its type, country, ISO code and exact mentions."""

from __future__ import annotations

import pytest


def _regions(annotate, text):
    return {r.name: r for r in annotate(text)._.regions}


@pytest.mark.parametrize(
    "text, name, code",
    [
        ("The minister flew to Azerbaijan on Monday.", "Azerbaijan", "AZ"),
        ("Trade between Kazakhstan and China grew last year.", "Kazakhstan", "KZ"),
        ("The envoy said Georgia would host the talks.", "Georgia", "GE"),
    ],
)
def test_regions_countries_get_their_iso_code(annotate, text, name, code):
    region = _regions(annotate, text)[name]
    assert (region.type, region.country, region.iso_code) == ("country", code, code)


@pytest.mark.parametrize(
    "text, name",
    [
        ("The U.S. delegation arrived in the morning.", "United States"),
        ("Officials from the USA signed the memorandum.", "United States"),
        ("Relations with the Islamic Republic of Iran were discussed.", "Iran"),
        ("The Kyrgyz Republic joined the program in 2015.", "Kyrgyzstan"),
        ("The Russian Federation sent an observer.", "Russia"),
    ],
)
def test_regions_aliases_take_the_common_english_name(annotate, text, name):
    assert name in _regions(annotate, text)


@pytest.mark.parametrize(
    "text, surface, code, iso",
    [
        ("The governor of Ardabil Province opened a school.", "Ardabil Province", "IR", "IR-24"),
        ("A new road was built in Mangystau Oblast last year.", "Mangystau Oblast", "KZ", "KZ-47"),
        ("Flooding hit West Azerbaijan Province in spring.", "West Azerbaijan Province", "IR", "IR-04"),
    ],
)
def test_regions_subdivisions_with_suffix_words(annotate, text, surface, code, iso):
    (region,) = [r for r in annotate(text)._.regions if r.type == "subdivision"]
    assert (region.country, region.iso_code) == (code, iso)
    assert [m.text for m in region.mentions] == [surface]


@pytest.mark.parametrize(
    "text, name, code",
    [
        ("The delegation met in Baku on Friday.", "Baku", "AZ"),
        ("He travelled from Tashkent to Almaty by train.", "Tashkent", "UZ"),
        ("Talks resumed in Yerevan after a pause.", "Yerevan", "AM"),
        ("The mayor of Moscow spoke at the opening.", "Moscow", "RU"),
    ],
)
def test_regions_cities_get_their_country(annotate, text, name, code):
    region = _regions(annotate, text)[name]
    assert (region.type, region.country, region.iso_code) == ("city", code, None)


@pytest.mark.parametrize(
    "text, name, code",
    [
        ("Energy links across the South Caucasus are growing.", "South Caucasus", None),
        ("Shipping on the Caspian Sea slowed in winter.", "Caspian Sea", None),
        ("The fighting in Nagorno-Karabakh ended in November.", "Nagorno-Karabakh", "AZ"),
        ("Investors are looking at the Western Balkans again.", "Western Balkans", None),
        ("Ports in Southeast Asia handle more cargo each year.", "Southeast Asia", None),
    ],
)
def test_regions_wider_regions_from_the_lexicon(annotate, text, name, code):
    region = _regions(annotate, text)[name]
    assert (region.type, region.country) == ("region", code)


@pytest.mark.parametrize(
    "text, names",
    [
        ("The office covers South and Central Asia.", {"South Asia", "Central Asia"}),
        ("Growth slowed in Central and Eastern Europe.", {"Central Europe", "Eastern Europe"}),
    ],
)
def test_regions_conjoined_compass_regions_are_two(annotate, text, names):
    assert names <= set(_regions(annotate, text))


@pytest.mark.parametrize(
    "text, surface, name",
    [
        ("The U.S. Ambassador visited the plant.", "U.S.", "United States"),
        ("A Moscow-brokered truce held for a week.", "Moscow", "Moscow"),
        ("The Nagorno-Karabakh conflict lasted decades.", "Nagorno-Karabakh", "Nagorno-Karabakh"),
        ("The U.S.-Armenia dialogue took place in spring.", "U.S.", "United States"),
    ],
)
def test_regions_modifiers_count_with_exact_spans(annotate, text, surface, name):
    doc = annotate(text)
    (region,) = [r for r in doc._.regions if r.name == name]
    (mention,) = region.mentions
    assert doc.text[mention.start_char : mention.end_char] == surface
    assert mention.label == "REGION"


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Work on the Rasht-Astara railway will resume.", {"Rasht", "Astara"}),
        ("Azerbaijan Railways ordered new wagons.", {"Azerbaijan"}),
        ("The Minsk Group co-chairs issued a statement.", {"Minsk"}),
        ("The Baku–Tbilisi–Kars (BTK) railway opened in 2017.", {"Baku", "Tbilisi", "Kars"}),
        ("She leads the Bureau for Europe and Eurasia.", {"Europe", "Eurasia"}),
        ("Sailors of the Black Sea Fleet joined the rescue.", {"Black Sea"}),
        ("She heads the bank's Central Asia Department.", {"Central Asia"}),
    ],
)
def test_regions_places_inside_project_or_org_names_are_left_out(annotate, text, absent):
    assert not absent & set(_regions(annotate, text))


def test_regions_country_before_a_department_still_counts(annotate):
    assert "Canada" in _regions(annotate, "Engineers of the Canada Department of Transport inspected it.")


@pytest.mark.parametrize(
    "text, present",
    [
        ("The Government of Armenia approved the plan.", "Armenia"),
        ("She thanked the Embassy in Tbilisi for its help.", "Tbilisi"),
        ("Staff of the U.S. Embassy Lilongwe attended.", "Lilongwe"),
    ],
)
def test_regions_government_and_embassy_name_the_place(annotate, text, present):
    assert present in _regions(annotate, text)


@pytest.mark.parametrize(
    "text",
    [
        "Iranian and Azerbaijani officials met the American delegation.",
        "Kazakh engineers trained Uzbek staff.",
    ],
)
def test_regions_demonyms_are_not_regions(annotate, text):
    assert annotate(text)._.regions == []


@pytest.mark.parametrize(
    "text, name, type_",
    [
        ("Baku and Yerevan signed the deal.", "Yerevan", "city"),
        ("Peace in Nagorno-Karabakh was the topic.", "Nagorno-Karabakh", "region"),
        ("Azerbaijan said it would reply.", "Azerbaijan", "country"),
    ],
)
def test_regions_ner_label_errors_are_corrected(annotate, text, name, type_):
    assert _regions(annotate, text)[name].type == type_


@pytest.mark.parametrize("text, absent", [("Georgia Smith chaired the session.", "Georgia")])
def test_regions_place_inside_a_person_name_is_not_a_place(annotate, text, absent):
    assert absent not in _regions(annotate, text)


@pytest.mark.parametrize(
    "name, type_, country, iso",
    [
        ("Azerbaijan", "country", "AZ", "AZ"),
        ("Iran", "country", "IR", "IR"),
        ("Armenia", "country", "AM", "AM"),
        ("Ardabil Province", "subdivision", "IR", "IR-24"),
        ("Nagorno-Karabakh", "region", "AZ", None),
        ("Baku", "city", "AZ", None),
        ("Yerevan", "city", "AM", None),
        ("Moscow", "city", "RU", None),
    ],
)
def test_regions_seed_article_rows(annotate, seed_text, name, type_, country, iso):
    region = _regions(annotate, seed_text)[name]
    assert (region.type, region.country, region.iso_code) == (type_, country, iso)


def test_regions_seed_article_has_nothing_extra(annotate, seed_text):
    names = {r.name for r in annotate(seed_text)._.regions}
    assert names == {"Azerbaijan", "Iran", "Armenia", "Ardabil Province", "Nagorno-Karabakh",
                     "Baku", "Yerevan", "Moscow"}


def test_regions_mentions_index_the_text(annotate, seed_text):
    doc = annotate(seed_text)
    for region in doc._.regions:
        for mention in region.mentions:
            assert doc.text[mention.start_char : mention.end_char] == mention.text


@pytest.mark.parametrize(
    "text, name, code",
    [
        ("A substation was built at Qarabulak in Kazakhstan last year.", "Qarabulak", "KZ"),
        ("Crews reached Zorabad, Tajikistan, before dawn.", "Zorabad", "TJ"),
    ],
)
def test_regions_unknown_towns_placed_by_their_context(annotate, text, name, code):
    region = _regions(annotate, text)[name]
    assert (region.type, region.country) == ("city", code)


@pytest.mark.parametrize(
    "text",
    [
        "The Summit closed in August with a joint statement.",
        "Officer Patterson thanked the Central Bank staff.",
    ],
)
def test_regions_common_words_and_person_names_are_not_towns(annotate, text):
    assert annotate(text)._.regions == []


@pytest.mark.parametrize(
    "text, person",
    [("Chinese President Xi Jinping in Astana spoke of trade with Kazakhstan.", "Xi Jinping")],
)
def test_regions_person_before_in_place_is_no_town(annotate, text, person):
    names = {r.name for r in annotate(text)._.regions}
    assert person not in names and "Astana" in names


@pytest.mark.parametrize(
    "text, name, iso",
    [("The minister spoke in Victoria, British Columbia, on Monday.", "British Columbia", "CA-BC")],
)
def test_regions_multiword_subdivision_labelled_by_ner_stands_alone(annotate, text, name, iso):
    regions = {r.name: r for r in annotate(text)._.regions}
    assert regions[name].type == "subdivision" and regions[name].iso_code == iso


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("The Toktogul Dam stands on the Naryn River in Kyrgyzstan.", "Naryn River", "KG"),
        ("A new plant on the Zarafshan River will be built.", "Zarafshan River", None),
    ],
)
def test_regions_natural_feature_named_in_full(annotate, text, name, country):
    regions = {r.name: r for r in annotate(text)._.regions}
    assert regions[name].type == "region" and regions[name].country == country
    assert "Naryn" not in regions


@pytest.mark.parametrize(
    "text, name, gone",
    [
        ("Tourists on Lake Kariba watched boats from Zambia and Zimbabwe.", "Lake Kariba", "Kariba"),
        ("Rice farms cover the Mekong River Delta, south of Ho Chi Minh City.", "Mekong River Delta", "Delta"),
        ("Cyclones form over the Bay of Bengal every spring, officials in Dhaka said.", "Bay of Bengal", "Bay"),
        ("Tankers queue at the Straits of Malacca before sailing to Japan and Korea.", "Straits of Malacca", "Malacca"),
        ("The old ferry reached Tuzla Island at dawn.", "Tuzla Island", "Tuzla"),
        ("Cables were laid across the Pacific Ocean last year.", "Pacific Ocean", "Pacific"),
    ],
)
def test_regions_sea_lake_bay_strait_island_named_in_full(annotate, text, name, gone):
    regions = _regions(annotate, text)
    assert regions[name].type == "region"
    assert gone not in regions


def test_regions_feature_word_inside_an_organisation_name_gives_no_region(annotate):
    regions = _regions(annotate, "The Lake Victoria Basin Commission met in Kampala, Uganda.")
    assert not [name for name in regions if name.startswith("Lake Victoria")]


def test_regions_feature_of_a_one_country_article_lies_in_that_country(annotate):
    regions = _regions(annotate, "In Australia, farmers draw water from the Murrumbidgee River.")
    assert regions["Murrumbidgee River"].country == "AU"


@pytest.mark.parametrize(
    "text, town, state",
    [
        ("The turbines come from a plant in Erie, PA, the firm said.", "Erie", "Pennsylvania"),
        ("Engineers of Acme Grid, Houston, TX, will build the line.", "Houston", "Texas"),
        ("The lab opened an office in Pasadena, California, last spring.", "Pasadena", "California"),
    ],
)
def test_regions_state_after_a_town_and_comma(annotate, text, town, state):
    regions = _regions(annotate, text)
    assert regions[town].type == "city" and regions[town].country == "US"
    assert (regions[state].type, regions[state].country) == ("subdivision", "US")


@pytest.mark.parametrize(
    "text, town, state",
    [
        ("The plant near Paducah, Ky., employs twelve hundred workers.", "Paducah", "Kentucky"),
        ("She moved from Albany, N.Y., to a farm last spring.", "Albany", "New York"),
    ],
)
def test_regions_news_abbreviation_of_a_state_after_a_town(annotate, text, town, state):
    regions = _regions(annotate, text)
    assert regions[town].country == "US"
    assert (regions[state].type, regions[state].iso_code) == ("subdivision", "US-" + {
        "Kentucky": "KY", "New York": "NY"}[state])


def test_regions_state_abbreviation_and_full_name_are_one_row(annotate):
    text = "SPRINGFIELD, Ill. — Lawmakers in the Illinois capital voted on the budget."
    states = [r for r in annotate(text)._.regions if r.iso_code == "US-IL"]
    assert len(states) == 1 and states[0].name == "Illinois" and len(states[0].mentions) == 2


@pytest.mark.parametrize(
    "text, states",
    [
        ("The storm moved across northern Texas and into Oklahoma overnight.", ["Texas", "Oklahoma"]),
        ("Farmers in Iowa and Nebraska said the drought was the worst in years.", ["Iowa", "Nebraska"]),
    ],
)
def test_regions_one_word_state_ner_calls_a_place_stands_without_its_country(
    annotate, text, states
):
    regions = _regions(annotate, text)
    for state in states:
        assert (regions[state].type, regions[state].country) == ("subdivision", "US")


def test_regions_state_before_its_office_names_the_state_and_its_country(annotate):
    doc = annotate("California Governor Gavin Newsom signed the order on Friday.")
    regions = {r.name: r for r in doc._.regions}
    assert regions["California"].iso_code == "US-CA"
    assert [(o.name, o.country) for o in doc._.officials] == [("Gavin Newsom", "US")]


@pytest.mark.parametrize(
    "text, name, code",
    [
        ("Protests spread from Minneapolis to St. Paul overnight.", "St. Paul", "US"),
        ("The ship sailed from St. Petersburg to Kaliningrad.", "St. Petersburg", "RU"),
    ],
)
def test_regions_saint_written_short_is_the_same_name(annotate, text, name, code):
    assert _regions(annotate, text)[name].country == code


def test_regions_island_named_after_its_cue(annotate):
    regions = _regions(annotate, "Refugees reached the Greek island of Lesbos at dawn.")
    assert regions["Lesbos"].country == "GR"


def test_regions_state_before_a_small_namesake_town_abroad(annotate):
    regions = _regions(annotate, "Snow closed the roads in Vermont and New Hampshire on Monday.")
    assert (regions["Vermont"].type, regions["Vermont"].country) == ("subdivision", "US")


@pytest.mark.parametrize(
    "text, name",
    [
        ("Heavy snow fell across New England and upstate New York.", "New England"),
        ("The festival drew visitors from all over the Alps to the lake.", "Alps"),
        ("He later moved to California before settling in the Bay Area.", "Bay Area"),
    ],
)
def test_regions_wider_region_only_ner_knows(annotate, text, name):
    regions = _regions(annotate, text)
    assert (regions[name].type, regions[name].country) == ("region", None)
    assert "United Kingdom" not in regions  # not "England" inside "New England"


@pytest.mark.parametrize(
    "text",
    [
        "Clinton will address the East Asia Summit on Friday.",
        "Officials from the South met in the capital.",
        "The rover landed on Mars and will send samples back to Earth.",
    ],
)
def test_regions_events_compass_words_and_planets_ner_calls_places_are_none(annotate, text):
    assert annotate(text)._.regions == []


@pytest.mark.parametrize(
    "text, name, iso",
    [
        ("The ferry sank off the coast of Sicily with forty people aboard.", "Sicily", "IT-82"),
        ("Farmers in Bavaria protested against the new rules.", "Bavaria", "DE-BY"),
        ("Talks between Madrid and Catalonia resumed on Monday.", "Catalonia", "ES-CT"),
    ],
)
def test_regions_subdivision_by_its_english_name(annotate, text, name, iso):
    regions = _regions(annotate, text)
    assert (regions[name].type, regions[name].iso_code) == ("subdivision", iso)


def test_regions_subdivision_with_its_designator_needs_no_country(annotate):
    regions = _regions(annotate, "The governor of the Amur Region opened the new bridge.")
    assert (regions["Amur Region"].type, regions["Amur Region"].country) == ("subdivision", "RU")


def test_regions_town_the_context_places_where_only_namesakes_abroad_exist(annotate):
    regions = _regions(annotate, "A depot opened in Ramgarh in Chittagong, Bangladesh, last year.")
    assert (regions["Ramgarh"].type, regions["Ramgarh"].country) == ("city", "BD")


def test_regions_building_before_a_city_in_a_dateline_is_no_town(annotate):
    regions = _regions(annotate, "March 3, 2024, The Kremlin, Moscow\n\nThe talks began at noon.")
    assert "Moscow" in regions and "Kremlin" not in regions


@pytest.mark.parametrize(
    "text, name, type_",
    [
        ("Rebels seized Goma, the capital of the province, before dawn.", "Goma", "city"),
        ("Dolakha, a district east of Kathmandu, was hit hardest.", "Dolakha", "subdivision"),
    ],
)
def test_regions_place_an_apposition_describes(annotate, text, name, type_):
    assert _regions(annotate, text)[name].type == type_


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Protesters gathered in Tahrir Square on Friday.", "Tahrir Square"),
        ("The Rockford School District said classes would resume.", "Rockford School District"),
        ("However, the district's roads are in poor shape.", "However"),
        ("He thanked Smith, the city manager, for the report.", "Smith"),
    ],
)
def test_regions_squares_school_districts_and_people_are_no_places(annotate, text, absent):
    assert absent not in _regions(annotate, text)


def test_regions_postal_code_words_elsewhere_are_no_state(annotate):
    regions = _regions(annotate, "Voters IN the capital said OR, and the MA degree was praised.")
    assert not {"Indiana", "Oregon", "Massachusetts"} & set(regions)


@pytest.mark.parametrize(
    "text, name, other",
    [
        ("The delegation flew from Kiev to Tbilisi on Monday.", "Kiev", "Kyiv"),
        ("Winter storms closed the ports of the Atlantic Ocean coast.", "Atlantic Ocean", "Atlantic"),
        ("He studied in Peking before the war.", "Peking", "Beijing"),
    ],
)
def test_regions_city_and_wider_region_keep_the_article_spelling(annotate, text, name, other):
    regions = _regions(annotate, text)
    assert name in regions and other not in regions


def test_regions_abbreviated_place_takes_the_lexicon_name(annotate):
    regions = _regions(annotate, "Troops moved into FATA, the army in Pakistan said.")
    assert "Federally Administered Tribal Areas" in regions and "FATA" not in regions


def test_regions_town_after_a_locative_word_in_a_named_country(annotate):
    regions = _regions(annotate, "The two presidents of Benin and Togo dined together in Cotonou.")
    assert regions["Cotonou"].type == "city" and regions["Cotonou"].country == "BJ"


def test_regions_places_listed_with_commas_do_not_place_each_other(annotate):
    text = "The U.S. envoy will stop in Alaska, Japan, Korea and the Philippines."
    regions = _regions(annotate, text)
    assert regions["Alaska"].type == "subdivision" and regions["Alaska"].country == "US"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Cotton from Xinjiang reaches markets across China.", "Xinjiang"),
        ("Floods hit farms in Sichuan, China, this week.", "Sichuan"),
    ],
)
def test_regions_chinese_provinces_found_without_their_iso_suffix(annotate, text, name):
    regions = _regions(annotate, text)
    assert regions[name].type == "subdivision" and regions[name].country == "CN"


def test_regions_dateline_in_capitals_with_an_older_english_city_name(annotate):
    regions = _regions(annotate, "BOMBAY, March 3, 2012 - The lenders signed the loan today.")
    assert regions["Bombay"].type == "city" and regions["Bombay"].country == "IN"


def test_regions_older_city_name_in_running_text(annotate):
    regions = _regions(annotate, "The ministers met in Rangoon last week to discuss trade.")
    assert regions["Rangoon"].country == "MM"


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("Power trade in South East Europe is growing fast.", "South East Europe", None),
        ("Roads in North East India were flooded.", "North East India", "IN"),
    ],
)
def test_regions_two_compass_words_before_a_place_make_one_region(annotate, text, name, country):
    regions = _regions(annotate, text)
    assert regions[name].type == "region" and regions[name].country == country
    assert "South East" not in regions and "North East" not in regions


def test_regions_compass_only_subdivision_needs_its_suffix_or_country(annotate):
    regions = _regions(annotate, "The mine lies in Zambia's North-Western Province, near Solwezi.")
    assert regions["North-Western Province"].type == "subdivision"
    assert regions["North-Western Province"].country == "ZM"


def test_regions_democratic_republic_of_congo_without_the(annotate):
    regions = _regions(annotate, "Copper from the Democratic Republic of Congo goes by rail.")
    assert [r.country for r in regions.values()] == ["CD"]


def test_regions_common_word_town_inside_a_longer_name_is_no_place(annotate):
    regions = _regions(annotate, "Leaders flew to Hanoi, Vietnam, for the East Asia Summit on Friday.")
    assert "Summit" not in regions and "Hanoi" in regions


def test_regions_government_of_a_state_names_the_state(annotate):
    text = "India signed the loan with the Government of Kerala and the lenders on Monday."
    regions = _regions(annotate, text)
    assert regions["Kerala"].type == "subdivision" and regions["Kerala"].country == "IN"


def test_regions_large_city_keeps_its_row_beside_its_province(annotate):
    text = "The governor of Novosibirsk Region opened a plant in Russia. Novosibirsk is a big city."
    regions = _regions(annotate, text)
    assert regions["Novosibirsk Region"].type == "subdivision"
    assert regions["Novosibirsk"].type == "city"


# names no gazetteer holds, placed by where they stand in the sentence
@pytest.mark.parametrize(
    "text, name, kind, code",
    [
        ("March 3, 2024, Velmorsk – Dravitsa\n\nThe minister opened the bridge.", "Dravitsa", "city", None),
        ("The new power line will run from Ostrelka to Bazhinovo.", "Bazhinovo", "city", None),
        ("Gas reaches the receiving terminal at Kalvoryk before it goes on.", "Kalvoryk", "city", None),
        ("The pipeline starts from Ust-Veloga in northwestern Russia.", "Ust-Veloga", "city", "RU"),
        ("The section runs through the Zorvani region.", "Zorvani", "subdivision", None),
        ("He met the governor of the Kovrinsk Territory on Friday.", "Kovrinsk Territory", "subdivision", None),
        ("A spur will run from Veltuna through Kasmara to the coast.", "Kasmara", "city", None),
        ("The line starts at the border town of Morvaszki and heads east.", "Morvaszki", "city", None),
        ("The road connects Tarvel province with the capital.", "Tarvel", "subdivision", None),
    ],
)
def test_regions_unknown_places_are_found_by_their_context(annotate, text, name, kind, code):
    region = _regions(annotate, text)[name]
    assert (region.type, region.country) == (kind, code)


@pytest.mark.parametrize(
    "text, word",
    [
        # a common noun the article also writes after "the"
        ("The Board approved the Compact. Funding in Compact projects grew.", "Compact"),
        # a person's full name after a route word
        ("The letter from Marta Kowalczyk to Jan Nowak was read aloud.", "Marta Kowalczyk"),
        ("The talks were held on Monday in Monday's session.", "Monday"),
    ],
)
def test_regions_context_alone_does_not_make_words_places(annotate, text, word):
    assert word not in _regions(annotate, text)


def test_regions_an_unknown_town_keeps_the_country_one_mention_gives(annotate):
    text = "A line reaches the Tajik city of Vorukhsar. A station is being built in Vorukhsar."
    assert _regions(annotate, text)["Vorukhsar"].country == "TJ"


def test_regions_a_small_town_named_like_a_common_noun_needs_more_than_its_country(annotate):
    text = (
        "Officials from the United States praised the new water strategy that was announced "
        "by His Majesty, the King.  The talks continue."
    )
    assert "King" not in _regions(annotate, text)


@pytest.mark.parametrize(
    "text, names",
    [
        ("Ships sail between the Arctic and Indian Oceans.", {"Arctic Ocean", "Indian Ocean"}),
        ("Kenya will pave roads in the Coastal and Lakeside provinces.", {"Coastal Province", "Lakeside Province"}),
        ("The ferry links Greenfield and Harlow Counties.", {"Greenfield County", "Harlow County"}),
    ],
)
def test_regions_two_names_sharing_a_plural_head_are_named_in_full(annotate, text, names):
    assert names <= set(_regions(annotate, text))


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the one country of the sentence, or the country the article is about
        ("The new line from Ukraine ends at Gutinovka.", "UA"),
        ("Kazakhstan wants more trade. Kazakhstan signed the deal. The plant will be built near Zhanakorgan.", "KZ"),
        # several countries around it: left unknown rather than guessed
        ("The new line from Moldova to Romania ends at Gutinovka.", None),
        ("The talks in Kazakhstan and Uzbekistan went well. The plant will be built near Zhanakorgan.", None),
    ],
)
def test_regions_unknown_town_takes_the_country_its_context_names(annotate, text, country):
    (town,) = [r for r in annotate(text)._.regions if r.name in ("Gutinovka", "Zhanakorgan")]
    assert town.country == country


@pytest.mark.parametrize(
    ("text", "name", "iso"),
    [
        ("The cable lands in Guam before it reaches Palau.", "Guam", "US-GU"),
        ("The storm hit Puerto Rico and Cuba on Monday.", "Puerto Rico", "US-PR"),
    ],
)
def test_regions_territory_iso_lists_under_a_state_is_its_subdivision(annotate, text, name, iso):
    region = _regions(annotate, text)[name]
    assert (region.type, region.country, region.iso_code) == ("subdivision", "US", iso)


def test_regions_a_country_named_like_a_foreign_prefecture_stays_a_country(annotate):
    region = _regions(annotate, "The minister flew from Mali to Senegal.")["Mali"]
    assert (region.type, region.country) == ("country", "ML")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Kenya's police were busy. Police in Nakuru and Eldoret arrested 40 people.", "Eldoret", "KE"),
        ("Bangladesh was tense. Protests spread from Dhaka to Chittagong and Sylhet.", "Sylhet", "BD"),
    ],
)
def test_regions_a_weak_town_listed_with_a_found_place_of_its_country(annotate, text, name, country):
    # NER gives the second town no place label (or a person's); the list it stands in places it
    regions = _regions(annotate, text)
    assert name in regions and regions[name].country == country


def test_regions_a_listed_name_of_another_country_is_no_place(annotate):
    # "Police" is a Polish town, but it is listed with no Polish place
    assert "Police" not in _regions(annotate, "Kenya's police were busy. Nakuru and Police officers met.")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("India's farmers are angry. Farmers in the Punjab and Haryana protested.", "IN-PB"),
        ("Pakistan's army said floods in the Punjab killed 20 people.", "PK-PB"),
    ],
)
def test_regions_a_province_written_with_its_article_after_in(annotate, text, iso):
    # NER calls "Punjab" a nationality here; "in the" and the article's country place it
    regions = _regions(annotate, text)
    assert regions["Punjab"].iso_code == iso


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Democratic Republic of the Congo sent troops. They went to eastern Congo.", "CD"),
        ("Congo and Gabon signed a border deal in Brazzaville.", "CG"),
    ],
)
def test_regions_a_name_two_states_share_is_the_one_the_article_names(annotate, text, code):
    countries = {r.iso_code for r in annotate(text)._.regions if r.type == "country"}
    assert code in countries and not {"CD", "CG"} - {code} & countries


def test_regions_a_place_described_by_another_place_possessive(annotate):
    # "Kibera, Nairobi's largest settlement": the apposition says what kind of place it is
    regions = _regions(annotate, "Kenya's police said residents of Lumbwa, Nairobi's largest informal settlement, left.")
    assert "Lumbwa" in regions and regions["Lumbwa"].type == "city"
    assert "Mwangi" not in _regions(annotate, "We spoke to Mwangi, Nairobi's top city planner.")


def test_regions_a_parish_not_in_the_gazetteer_is_a_subdivision(annotate):
    regions = _regions(annotate, "The storm hit the United States. Residents of Tamworth Parish returned home.")
    assert regions["Tamworth Parish"].type == "subdivision"
    assert "St. Mark" not in " ".join(_regions(annotate, "The service was held at St. Mark's Parish Church."))


def test_regions_a_common_noun_opening_a_sentence_is_no_foreign_namesake(annotate):
    # "Police" is a Polish town; capitalized here only because it opens the sentence
    assert "Police" not in _regions(annotate, "Police in Nakuru and Eldoret arrested 40 people.")


def test_regions_a_place_inside_a_programme_name_is_no_mention(annotate):
    regions = _regions(annotate, "The Commission will fund the tunnel under the Connecting Europe Facility.")
    assert "Europe" not in regions


def test_regions_a_town_after_a_motion_preposition(annotate):
    # "deployed to Goma": "to", "from" and "via" place a town as "in" does
    regions = _regions(annotate, "The Democratic Republic of the Congo said troops were deployed to Goma and Bukavu.")
    assert regions["Goma"].country == "CD"
    assert "Ruto" not in _regions(annotate, "Kenya's opposition leader wrote to Ruto on Monday.")


@pytest.mark.parametrize(
    ("text", "name", "iso"),
    [
        # English names: ISO 3166-2 spells them "Jawa Barat" and "Nord-Kivu"
        ("Heavy rain flooded rice fields across West Java on Sunday.", "West Java", "ID-JB"),
        ("Aid convoys reached Butembo in North Kivu after the clashes.", "North Kivu", "CD-NK"),
        # no country is named: the office says it is a province, Lahore says whose
        ("Ontario Premier Anne Leduc opened the new subway line.", "Ontario", "CA-ON"),
        ("Punjab Chief Minister Ayesha Malik toured Lahore's new metro.", "Punjab", "PK-PB"),
    ],
)
def test_regions_a_province_news_names_its_own_way(annotate, text, name, iso):
    assert _regions(annotate, text)[name].iso_code == iso


def test_regions_the_canton_of_a_name_is_the_subdivision(annotate):
    regions = _regions(annotate, "The trading house moved to the Canton of Zug in Switzerland.")
    assert regions["Zug"].iso_code == "CH-ZG"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hikers climbed Mount Meru above Arusha in Tanzania.", "Mount Meru"),
        ("The new road crosses the Zeravshan Range in Tajikistan.", "Zeravshan Range"),
    ],
)
def test_regions_a_mountain_is_a_natural_feature(annotate, text, name):
    region = _regions(annotate, text)[name]
    assert region.type == "region"


def test_regions_a_mountain_that_names_a_work_is_no_place(annotate):
    # "Mount Kasi Hydropower Plant", then "Mount Kasi" alone: the plant, named short
    text = ("Liberia opened the Mount Kasi Hydropower Plant near Monrovia. "
            "The rehabilitation of Mount Kasi cost $90 million.")
    assert "Mount Kasi" not in _regions(annotate, text)


def test_regions_a_one_word_province_after_in_whatever_ners_label(annotate):
    # NER reads "Dhubri and Phulbari in Assam" as a work of art; "in Assam" still names the state
    regions = _regions(annotate, "Crews repaired the line linking Dhubri and Phulbari in Assam.")
    assert regions["Assam"].iso_code == "IN-AS"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Engineers finished a bridge over the Zambezi near Livingstone.", "Zambezi"),
        ("Barges carry coal along the Yangtze to Nanjing.", "Yangtze"),
    ],
)
def test_regions_a_great_river_by_its_bare_name(annotate, text, name):
    # "the Zambezi" is the river, not Namibia's Zambezi Region nor the Zambian town
    region = _regions(annotate, text)[name]
    assert region.type == "region"


def test_regions_a_division_is_a_subdivision(annotate):
    regions = _regions(annotate, "Floods hit Rajshahi Division in Bangladesh on Sunday.")
    assert regions["Rajshahi Division"].type == "subdivision"


def test_regions_a_small_river_takes_the_one_country_its_sentence_names(annotate):
    text = "Bangladesh and India signed the deal. A new bridge will cross the Dhaleshwari River in Bangladesh."
    assert _regions(annotate, text)["Dhaleshwari River"].country == "BD"
    # a strait lies between states; the lexicon's great rivers keep theirs
    regions = _regions(annotate, "Bangladesh and India signed the deal. Ships crossed the Palk Strait near India.")
    assert regions["Palk Strait"].country is None


def test_regions_a_wire_credit_after_the_dateline_is_no_place(annotate):
    # "Xinhua" is also a county of China; between the dateline and its dash it is the agency
    regions = _regions(annotate, "SHANGHAI, May 2 (Xinhua) -- Chinese officials said the port handled more containers.")
    assert "Xinhua" not in regions and "Shanghai" in regions


def test_regions_a_town_named_like_a_feature_is_the_town(annotate):
    # "Walvis Bay" is a port town of Namibia, though its name ends like a bay's
    region = _regions(annotate, "The corridor links Walvis Bay with the mines.")["Walvis Bay"]
    assert (region.type, region.country) == ("city", "NA")
