"""Relations: who met whom, which project is part of which, where each project lies.

The Doc comes from the real model; the officials, projects, regions and dates are built by
hand from the text (spans found with str.find), so these tests do not depend on the other
extractors.
"""

from __future__ import annotations

import pytest

from pipeline.extractors.relations.extract import find_relations
from pipeline.language.nlp import COMPONENTS
from pipeline.records import Mention, Official, Project, Region, TimeExpression


def parse(nlp, text: str):
    """The real model's parse, without the project's own components (built by hand here)."""
    with nlp.select_pipes(disable=list(COMPONENTS)):
        return nlp(text)


def _mentions(text: str, label: str, forms: tuple[str, ...]) -> list[Mention]:
    """Every occurrence of each form, longest forms first, without overlaps."""
    taken: list[tuple[int, int]] = []
    out = []
    for form in sorted(forms, key=len, reverse=True):
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            if not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                out.append(Mention(label, form, start, end))
            start = text.find(form, end)
    return out


def official(text: str, name: str, *forms: str) -> Official:
    return Official(name=name, role=None, mentions=_mentions(text, "OFFICIAL", (name, *forms)))


def project(text: str, name: str, *forms: str, part_of: str | None = None) -> Project:
    return Project(
        name=name, type="other", part_of=part_of, mentions=_mentions(text, "PROJECT", (name, *forms))
    )


def region(text: str, name: str, type: str = "country", country: str | None = None) -> Region:
    return Region(name=name, type=type, country=country, mentions=_mentions(text, "REGION", (name,)))


def met_pairs(relations) -> set[frozenset[str]]:
    return {frozenset((r.head, r.tail)) for r in relations if r.type == "MET_WITH"}


PETROV = ("Ivan Petrov", "Petrov")
RAHIMI = ("Ali Rahimi", "Rahimi")
LOPEZ = ("Maria Lopez", "Lopez")
CARTER = ("John Carter", "Carter")


def people(text: str) -> list[Official]:
    return [
        official(text, name, *aliases)
        for name, *aliases in (PETROV, RAHIMI, LOPEZ, CARTER)
        if name.split()[-1] in text
    ]


@pytest.mark.parametrize(
    "text,pair",
    [
        ("Foreign Minister Ivan Petrov met Governor Ali Rahimi in Tabriz on Monday.", (PETROV, RAHIMI)),
        ("Foreign Minister Ivan Petrov met with Governor Ali Rahimi in Tabriz.", (PETROV, RAHIMI)),
        ("President Maria Lopez received Ambassador John Carter at the palace.", (LOPEZ, CARTER)),
        ("President Maria Lopez hosted Ambassador John Carter for a working dinner.", (LOPEZ, CARTER)),
        ("Minister Ivan Petrov held talks with Governor Ali Rahimi in the capital.", (PETROV, RAHIMI)),
        ("Minister Ivan Petrov and Governor Ali Rahimi discussed regional trade.", (PETROV, RAHIMI)),
        ("Minister Ivan Petrov discussed the new border crossing with President Maria Lopez.", (PETROV, LOPEZ)),
        ("Minister Ivan Petrov exchanged views with Governor Ali Rahimi on energy.", (PETROV, RAHIMI)),
        ("Minister Ivan Petrov spoke by phone with President Maria Lopez on Friday.", (PETROV, LOPEZ)),
        ("Minister Ivan Petrov had a video call with President Maria Lopez.", (PETROV, LOPEZ)),
        ("Minister Ivan Petrov held a video conference with President Maria Lopez.", (PETROV, LOPEZ)),
        ("Minister Ivan Petrov and President Maria Lopez launched the corridor at the summit in Tabriz.", (PETROV, LOPEZ)),
        ("Minister Ivan Petrov and Ambassador John Carter signed the loan agreement.", (PETROV, CARTER)),
        ("The forum was co-chaired by Minister Ivan Petrov and Governor Ali Rahimi.", (PETROV, RAHIMI)),
        ("Governor Ali Rahimi and Ambassador John Carter inaugurated the new bridge.", (RAHIMI, CARTER)),
        ("Governor Ali Rahimi and President Maria Lopez jointly commissioned the power plant.", (RAHIMI, LOPEZ)),
        ("Minister Ivan Petrov and Ambassador John Carter unveiled the new terminal.", (PETROV, CARTER)),
        ("Governor Ali Rahimi will meet President Maria Lopez next week.", (RAHIMI, LOPEZ)),
        # joint acts: initialing a text, dedicating a work, being its signatories
        ("Minister Ivan Petrov and Ambassador John Carter initialed a draft agreement.", (PETROV, CARTER)),
        ("The dam was dedicated by Governor Ali Rahimi and President Maria Lopez in October.", (RAHIMI, LOPEZ)),
        ("The treaty is named after its two signatories, Minister Ivan Petrov and Governor Ali Rahimi.",
         (PETROV, RAHIMI)),
    ],
)
def test_relations_meeting_verb_families(nlp, text, pair):
    doc = parse(nlp, text)
    rows = find_relations(doc, people(text), [], [], [])
    assert met_pairs(rows) == {frozenset((pair[0][0], pair[1][0]))}
    (row,) = rows
    assert (row.start_char, row.end_char) == (0, len(text.rstrip()))
    assert 0.0 <= row.confidence <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Minister Ivan Petrov met with Governor Ali Rahimi, with President Maria Lopez, and "
        "Ambassador John Carter.",
        "Minister Ivan Petrov will meet with, among others, Ali Rahimi, Governor of the province, "
        "and Maria Lopez, President of the council.",
    ],
)
def test_relations_list_of_partners_the_parse_breaks_pairs_each_with_the_visitor(nlp, text):
    # the guide: a meeting verb with a list of partners pairs the subject with each of them
    rows = find_relations(parse(nlp, text), people(text), [], [], [])
    pairs = met_pairs(rows)
    assert frozenset(("Ivan Petrov", "Ali Rahimi")) in pairs
    assert frozenset(("Ivan Petrov", "Maria Lopez")) in pairs


def test_relations_list_after_the_verb_ends_with_its_clause(nlp):
    text = "Minister Ivan Petrov met with Governor Ali Rahimi to discuss the road that President Maria Lopez opened."
    rows = find_relations(parse(nlp, text), people(text), [], [], [])
    assert met_pairs(rows) == {frozenset(("Ivan Petrov", "Ali Rahimi"))}


@pytest.mark.parametrize(
    "text",
    ["Minister Ivan Petrov, Governor Ali Rahimi and Ambassador John Carter signed the accord."],
)
def test_relations_shared_meeting_gives_every_pair(nlp, text):
    rows = find_relations(parse(nlp, text), people(text), [], [], [])
    assert met_pairs(rows) == {
        frozenset(("Ivan Petrov", "Ali Rahimi")),
        frozenset(("Ivan Petrov", "John Carter")),
        frozenset(("Ali Rahimi", "John Carter")),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Minister Ivan Petrov thanked President Maria Lopez for her support of the project.",
        "Minister Ivan Petrov and Governor Ali Rahimi attended the opening ceremony of the port.",
        "Minister Ivan Petrov and Governor Ali Rahimi spoke at the same workshop in Baku.",
        "Minister Ivan Petrov accompanied President Maria Lopez on her trip to the border.",
        "Minister Ivan Petrov praised Governor Ali Rahimi for the new road.",
        "Minister Ivan Petrov dedicated the bridge to the memory of President Maria Lopez.",
    ],
)
def test_relations_officials_who_did_not_meet_give_no_row(nlp, text):
    assert met_pairs(find_relations(parse(nlp, text), people(text), [], [], [])) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Minister Ivan Petrov met senior officials of the province on Tuesday.",
        "Minister Ivan Petrov held talks with the governor of the province.",
    ],
)
def test_relations_unnamed_participants_give_no_row(nlp, text):
    assert find_relations(parse(nlp, text), people(text), [], [], []) == []


@pytest.mark.parametrize(
    "text",
    [
        "Minister Ivan Petrov met Governor Ali Rahimi in Tabriz. "
        "The two men also exchanged views on transit fees.",
    ],
)
def test_relations_two_men_refers_to_the_pair_once(nlp, text):
    rows = find_relations(parse(nlp, text), people(text), [], [], [])
    assert met_pairs(rows) == {frozenset(("Ivan Petrov", "Ali Rahimi"))}
    assert len(rows) == 1


@pytest.mark.parametrize(
    "text",
    [
        "President Maria Lopez arrived in Baku on Monday. During the meeting with Petrov, "
        "President Lopez stressed the need for a new railway.",
    ],
)
def test_relations_during_the_meeting_with(nlp, text):
    offs = [official(text, "Ivan Petrov", "Petrov"), official(text, "Maria Lopez", "Lopez")]
    rows = find_relations(parse(nlp, text), offs, [], [], [])
    assert met_pairs(rows) == {frozenset(("Ivan Petrov", "Maria Lopez"))}
    (row,) = rows
    assert text[row.start_char : row.end_char].startswith("During the meeting")


def seed_records(text: str):
    offs = [
        official(text, "Bunyad Huseynov", "The Azerbaijani ambassador"),
        official(text, "Bahram Behnamjoo", "Behnamjoo", "Behmanjoo"),
        official(text, "Seyyed Ali Khamenei"),
        official(text, "Jeyhun Bayramov", "Bayramov"),
        official(text, "Hassan Rouhani", "the Iranian president", "The president"),
    ]
    projs = [
        project(text, "Rasht-Astara railway"),
        project(text, "North-South International Transport Corridor"),
        project(text, "Khudafarin hydro junction and power plant"),
    ]
    regs = [region(text, n) for n in ("Iran", "Azerbaijan", "Armenia", "Baku", "Yerevan")]
    start = text.find("early December 2020")
    dates = [TimeExpression("early December 2020", start, start + 19, "DATE", "2020-12", "START")]
    return offs, projs, regs, dates


def test_relations_seed_article_exactly(nlp, seed_text):
    rows = find_relations(parse(nlp, seed_text), *seed_records(seed_text))
    got = {(r.type, frozenset((r.head, r.tail)) if r.type == "MET_WITH" else (r.head, r.tail)) for r in rows}
    assert got == {
        ("MET_WITH", frozenset(("Bunyad Huseynov", "Bahram Behnamjoo"))),
        ("MET_WITH", frozenset(("Jeyhun Bayramov", "Hassan Rouhani"))),
        ("PART_OF", ("Rasht-Astara railway", "North-South International Transport Corridor")),
    }
    by_pair = {frozenset((r.head, r.tail)): r for r in rows}
    bayramov = by_pair[frozenset(("Jeyhun Bayramov", "Hassan Rouhani"))]
    assert bayramov.date_value == "2020-12"
    assert seed_text[bayramov.start_char : bayramov.end_char].startswith("During the meeting")


@pytest.mark.parametrize(
    "text,date_text,value",
    [
        ("On March 3, 2019, Minister Ivan Petrov met Governor Ali Rahimi.", "March 3, 2019", "2019-03-03"),
        ("Minister Ivan Petrov met Governor Ali Rahimi.", None, None),
    ],
)
def test_relations_date_value_from_the_sentence(nlp, text, date_text, value):
    dates = []
    if date_text:
        s = text.find(date_text)
        dates = [TimeExpression(date_text, s, s + len(date_text), "DATE", value)]
    (row,) = find_relations(parse(nlp, text), people(text), [], [], dates)
    assert row.date_value == value


@pytest.mark.parametrize(
    "text,part,whole",
    [
        ("The Kelvar-Dosti railway, which is part of the Silver Transit Corridor, opened in May.",
         "Kelvar-Dosti railway", "Silver Transit Corridor"),
        ("The Ormat bridge is a key section of the Eastern Ring Road.", "Ormat bridge", "Eastern Ring Road"),
        ("Work began on the Salang link, part of the Great Northern Highway.", "Salang link", "Great Northern Highway"),
    ],
)
def test_relations_part_of_from_the_text(nlp, text, part, whole):
    projs = [project(text, part), project(text, whole)]
    rows = find_relations(parse(nlp, text), [], projs, [], [])
    assert [(r.type, r.head, r.tail) for r in rows] == [("PART_OF", part, whole)]


@pytest.mark.parametrize(
    "text,parts,whole",
    [
        # the part in apposition to the cue's phrase
        ("The central section of the Eastern Ring Road, the Ormat bridge, was built in 1920.",
         ["Ormat bridge"], "Eastern Ring Road"),
        # a plural cue whose verb lists the parts
        ("Famous sections of the Great Northern Highway include the Salang link and the Dosti tunnel.",
         ["Salang link", "Dosti tunnel"], "Great Northern Highway"),
    ],
)
def test_relations_part_of_named_after_the_whole(nlp, text, parts, whole):
    projs = [project(text, whole)] + [project(text, p) for p in parts]
    rows = find_relations(parse(nlp, text), [], projs, [], [])
    assert sorted((r.type, r.head, r.tail) for r in rows) == sorted(("PART_OF", p, whole) for p in parts)


@pytest.mark.parametrize(
    "text",
    [
        "Sections of the Great Northern Highway were built near the Salang link.",
        "Parts of the country include the Salang link and the Dosti tunnel.",
    ],
)
def test_relations_part_of_needs_the_parts_listed_after_the_whole(nlp, text):
    names = [n for n in ("Great Northern Highway", "Salang link", "Dosti tunnel") if n in text]
    rows = find_relations(parse(nlp, text), [], [project(text, n) for n in names], [], [])
    assert not [r for r in rows if r.type == "PART_OF"]


@pytest.mark.parametrize("text", ["The Kelvar-Dosti railway will open next year."])
def test_relations_part_of_from_the_project_record(nlp, text):
    projs = [project(text, "Kelvar-Dosti railway", part_of="Silver Transit Corridor")]
    rows = find_relations(parse(nlp, text), [], projs, [], [])
    assert [(r.type, r.head, r.tail) for r in rows] == [
        ("PART_OF", "Kelvar-Dosti railway", "Silver Transit Corridor")
    ]


@pytest.mark.parametrize(
    "text,name,places",
    [
        ("The Blue Lake power plant is located in Armenia.", "Blue Lake power plant", {"Armenia"}),
        ("The Silver Transit Corridor runs through Georgia and Turkey.", "Silver Transit Corridor", {"Georgia", "Turkey"}),
        ("The Karavan highway links Osh and Batken.", "Karavan highway", {"Osh", "Batken"}),
        ("The Silver Transit Corridor is a railway connecting Azerbaijan, Georgia and Turkey.",
         "Silver Transit Corridor", {"Azerbaijan", "Georgia", "Turkey"}),
        ("A new converter station was built in Nowshera.", "converter station", {"Nowshera"}),
        # a place the name holds that the body also states apart from the name
        ("The Osh-Batken road links Osh and Batken.", "Osh-Batken road", {"Osh", "Batken"}),
        ("The Iran-Armenia Pipeline is under construction in Armenia.",
         "Iran-Armenia Pipeline", {"Armenia"}),
    ],
)
def test_relations_located_in(nlp, text, name, places):
    projs = [project(text, name)]
    regs = [region(text, p) for p in places]
    rows = find_relations(parse(nlp, text), [], projs, regs, [])
    assert {(r.type, r.head) for r in rows} == {("LOCATED_IN", name)}
    assert {r.tail for r in rows} == places


@pytest.mark.parametrize(
    "text,name,place",
    [
        ("The Rasht-Astara railway will be finished soon.", "Rasht-Astara railway", "Rasht"),
        ("Minister Ivan Petrov visited Armenia to promote the Blue Lake power plant.", "Blue Lake power plant", "Armenia"),
    ],
)
def test_relations_located_in_needs_a_stated_location(nlp, text, name, place):
    rows = find_relations(parse(nlp, text), [], [project(text, name)], [region(text, place)], [])
    assert rows == []


@pytest.mark.parametrize(
    "text,pair",
    [
        # a delegation stands for the official who leads it, stated on it or earlier
        ("A delegation from the ministry led by Minister Ivan Petrov arrived on Monday. "
         "The delegation met with President Maria Lopez.", (PETROV, LOPEZ)),
        ("The delegation headed by Governor Ali Rahimi held talks with Ambassador John Carter.", (RAHIMI, CARTER)),
        # the meeting verb inside "the pleasure/honour of ..."
        ("Governor Ali Rahimi had the pleasure of receiving Ambassador John Carter in Tabriz.", (RAHIMI, CARTER)),
        # a "for" that the parse hung on a later conjunct still gives the reason of the thanks
        ("Minister Ivan Petrov thanked President Maria Lopez, Governor Ali Rahimi, and their staff for their hospitality.",
         (PETROV, LOPEZ)),
    ],
)
def test_relations_meeting_through_delegations_and_nested_verbs(nlp, text, pair):
    rows = find_relations(parse(nlp, text), people(text), [], [], [])
    assert frozenset((pair[0][0], pair[1][0])) in met_pairs(rows)


@pytest.mark.parametrize(
    "text",
    [
        # nobody is said to lead the delegation
        "Minister Ivan Petrov spoke on Monday. The delegation met with President Maria Lopez.",
        # an indefinite delegation is not the one led earlier
        "A delegation led by Minister Ivan Petrov left on Monday. Later a delegation met with President Maria Lopez.",
        # thanks for something other than a meeting
        "Minister Ivan Petrov thanked President Maria Lopez, Governor Ali Rahimi, and their staff for the new road.",
    ],
)
def test_relations_no_meeting_without_a_stated_leader_or_reason(nlp, text):
    rows = find_relations(parse(nlp, text), people(text), [], [], [])
    assert frozenset(("Ivan Petrov", "Maria Lopez")) not in met_pairs(rows)


@pytest.mark.parametrize(
    "text,name,place",
    [
        # a name that ends with a locating phrase states the place, even where the place's own
        # mention is not found again
        ("Engineers finished the converter station in Sangtuda last year.", "converter station in Sangtuda", "Sangtuda"),
        ("A new converter station is being constructed in Vorukh and it will open in May.",
         "converter station in Vorukh", "Vorukh"),
    ],
)
def test_relations_located_in_from_a_locating_name(nlp, text, name, place):
    projs = [Project(name=name, type="other", mentions=[Mention("PROJECT", "converter station", text.find("converter station"),
                                                               text.find("converter station") + len("converter station"))])]
    rows = find_relations(parse(nlp, text), [], projs, [region(text, place)], [])
    assert [(r.type, r.head, r.tail) for r in rows] == [("LOCATED_IN", name, place)]


@pytest.mark.parametrize(
    "text,name,place",
    [
        # the country owns the grid, the plant is not said to lie there
        ("The Blue Lake power plant will be connected to Armenia's grid.", "Blue Lake power plant", "Armenia"),
        ("The Blue Lake power plant is being built and it will be connected to Armenia's grid.",
         "Blue Lake power plant", "Armenia"),
    ],
)
def test_relations_located_in_not_through_a_possessor(nlp, text, name, place):
    rows = find_relations(parse(nlp, text), [], [project(text, name)], [region(text, place)], [])
    assert rows == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FOREIGN MINISTER LEVAN ORBELI: Good afternoon. We had productive talks with Secretary Dana Kerr today.\n",
         {frozenset(("Levan Orbeli", "Dana Kerr"))}),
        # a spokesperson's "we" is the government, not the spokesperson
        ("SPOKESPERSON NED PRIOR: We welcomed Foreign Minister Ali Reza to Washington.\n", set()),
    ],
)
def test_relations_speaker_we_in_a_transcript(annotate, text, expected):
    doc = annotate(text)
    pairs = {frozenset((r.head, r.tail)) for r in doc._.relations if r.type == "MET_WITH"}
    assert pairs == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a statement that opens with its speaker's name on a line: "I" is the speaker
        ("Foreign Minister Levan Orbeli\n\nTbilisi, 3 May 2022\n\n"
         "Today I had a long meeting with President Dana Kerr about the new corridor.\n",
         {frozenset(("Levan Orbeli", "Dana Kerr"))}),
        # a reporter's article that merely names an official first has no speaker
        ("Minister Levan Orbeli announced a new corridor.\n\n"
         "I had a long meeting with President Dana Kerr, the reporter wrote.\n", set()),
    ],
)
def test_relations_speaker_of_a_statement_from_its_byline(annotate, text, expected):
    doc = annotate(text)
    pairs = {frozenset((r.head, r.tail)) for r in doc._.relations if r.type == "MET_WITH"}
    assert pairs == expected


@pytest.mark.parametrize(
    ("text", "name", "places", "absent"),
    [
        # "the line" and "it" as the subject of a locative verb refer back to the project
        ("Work on the Kura Valley railway began in 2010. The line will connect Tbilisi and Gori.",
         "Kura Valley railway", {"Tbilisi", "Gori"}, set()),
        ("The Kura Valley pipeline was finished in 2015. It runs through Georgia and Armenia.",
         "Kura Valley pipeline", {"Georgia", "Armenia"}, set()),
        # a noun of another kind is no reference to the project
        ("The Kura Valley pipeline was finished in 2015. The country borders Armenia.",
         "Kura Valley pipeline", set(), {"Armenia"}),
    ],
)
def test_relations_located_in_through_a_back_reference(nlp, text, name, places, absent):
    regions = [region(text, p) for p in ("Tbilisi", "Gori", "Georgia", "Armenia") if p in text]
    rows = find_relations(parse(nlp, text), [], [project(text, name)], regions, [])
    located = {r.tail for r in rows if r.type == "LOCATED_IN" and r.head == name}
    assert places <= located
    assert not (absent & located)


def test_relations_located_in_from_a_participle_after_the_place_phrase(nlp):
    text = "Gas will flow through the Kura Valley pipeline in Azerbaijan, extending through Georgia to Turkey."
    regions = [region(text, p) for p in ("Azerbaijan", "Georgia", "Turkey")]
    rows = find_relations(parse(nlp, text), [], [project(text, "Kura Valley pipeline")], regions, [])
    assert {"Georgia", "Turkey"} <= {r.tail for r in rows if r.type == "LOCATED_IN"}


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("The Kura Valley railway will connect Tbilisi with Batumi.", {"Tbilisi", "Batumi"}),
        ("The Kura Valley railway was discussed with Batumi.", set()),  # only after a linking verb
    ],
)
def test_relations_located_in_linking_a_with_b(nlp, text, places):
    regions = [region(text, p) for p in ("Tbilisi", "Batumi") if p in text]
    rows = find_relations(parse(nlp, text), [], [project(text, "Kura Valley railway")], regions, [])
    assert {r.tail for r in rows if r.type == "LOCATED_IN"} == places


def test_relations_located_in_a_town_and_its_country_after_the_comma(nlp):
    text = "The Iron Gate Bridge is a road bridge between the cities of Vidin, Bulgaria, and Calafat, Romania."
    places = (("Vidin", "city", "BG"), ("Bulgaria", "country", "BG"),
              ("Calafat", "city", "RO"), ("Romania", "country", "RO"))
    regions = [region(text, n, t, c) for n, t, c in places]
    rows = find_relations(parse(nlp, text), [], [project(text, "Iron Gate Bridge")], regions, [])
    assert {r.tail for r in rows if r.type == "LOCATED_IN"} == {"Vidin", "Bulgaria", "Calafat", "Romania"}


def test_relations_a_country_after_a_town_the_project_is_not_in_gives_no_row(nlp):
    text = "The Iron Gate Bridge was designed by engineers from Vidin, Bulgaria."
    regions = [region(text, n, t, c) for n, t, c in (("Vidin", "city", "BG"), ("Bulgaria", "country", "BG"))]
    rows = find_relations(parse(nlp, text), [], [project(text, "Iron Gate Bridge")], regions, [])
    assert not {r.tail for r in rows if r.type == "LOCATED_IN"}


def test_relations_town_comma_country_possessive_is_an_aside(nlp):
    text = "The water network for Poti, Georgia's largest port, was rebuilt."
    regions = [region(text, n, t, c) for n, t, c in (("Poti", "city", "GE"), ("Georgia", "country", "GE"))]
    rows = find_relations(parse(nlp, text), [], [project(text, "water network for Poti")], regions, [])
    assert "Georgia" not in {r.tail for r in rows if r.type == "LOCATED_IN"}


@pytest.mark.parametrize(
    ("text", "name", "places"),
    [
        # a bridge over a river, a tunnel beneath mountains, pipelines under a sea lie there
        ("The Harlow Bridge is a steel arch bridge over the Danube.", "Harlow Bridge", {"Danube"}),
        ("The Velmar Tunnel runs beneath the Alps.", "Velmar Tunnel", {"Alps"}),
        ("The Tarbela Pipeline runs under the Caspian Sea.", "Tarbela Pipeline", {"Caspian Sea"}),
        # a participle that hangs from the copula or the verb of the project's clause
        ("The Harlow Bridge is a road bridge, connecting the town of Esztergom with the town of Sturovo.",
         "Harlow Bridge", {"Esztergom", "Sturovo"}),
        ("The Kessel Bridge was opened in 1998. Starting in Almaty, it runs along the Ili River.",
         "Kessel Bridge", {"Almaty", "Ili River"}),
        # the copula equates a described subject with the project named after it
        ("Kazakhstan's main export route is the Aktau Pipeline.", "Aktau Pipeline", {"Kazakhstan"}),
        # an aside between the name and the copula (names in other scripts) breaks the parse
        ("The Kolvan Bridge (Thai: สะพานมิตรภาพ ไทย-ลาว, pronounced [sàpʰaːn míttràpʰâːp]; Lao: ຂົວມິດຕະພາບ, "
         "[kʰǔə mittapʰâːp]) is a bridge over the Mekong, connecting Nong Khai in Thailand with Vientiane in Laos.",
         "Kolvan Bridge", {"Mekong", "Nong Khai", "Thailand", "Vientiane", "Laos"}),
        # a group noun stands for its members
        ("The Tarsk Pipeline is a set of offshore pipelines which run under the Baltic Sea.",
         "Tarsk Pipeline", {"Baltic Sea"}),
        ("The Vakhsh Cascade is a series of dams on the Vakhsh River.", "Vakhsh Cascade", {"Vakhsh River"}),
        # a copula whose subject refers back to the project
        ("The Tarsk Railway was completed in 2017. It is a standard-gauge railway in Kenya that "
         "connects the city of Mombasa with Nairobi.", "Tarsk Railway", {"Kenya", "Mombasa", "Nairobi"}),
    ],
)
def test_relations_located_in_over_under_and_through_the_clause(nlp, text, name, places):
    regions = [region(text, p) for p in sorted(places)]
    rows = find_relations(parse(nlp, text), [], [project(text, name)], regions, [])
    assert {r.tail for r in rows if r.type == "LOCATED_IN" and r.head == name} == places


def test_relations_located_in_a_plural_noun_stands_for_the_listed_projects(nlp):
    text = ("The minister will visit two flagship projects in Peru supported by the bank, "
            "the Callao Port Expansion Project and the Andean Highway Project.")
    names = ("Callao Port Expansion Project", "Andean Highway Project")
    rows = find_relations(parse(nlp, text), [], [project(text, n) for n in names], [region(text, "Peru")], [])
    assert {(r.head, r.tail) for r in rows if r.type == "LOCATED_IN"} == {(n, "Peru") for n in names}


def test_relations_located_in_not_from_a_group_of_other_things(nlp):
    text = "A series of meetings in Kenya preceded work on the Tarsk Highway."
    rows = find_relations(parse(nlp, text), [], [project(text, "Tarsk Highway")], [region(text, "Kenya")], [])
    assert not [r for r in rows if r.type == "LOCATED_IN"]


def test_relations_located_in_not_from_a_possessor_of_another_copula_subject(nlp):
    text = "Kazakhstan's president is a supporter of the Aktau Pipeline."
    rows = find_relations(parse(nlp, text), [], [project(text, "Aktau Pipeline")], [region(text, "Kazakhstan")], [])
    assert not [r for r in rows if r.type == "LOCATED_IN"]


def test_relations_located_in_with_b_hung_from_a_phrase_of_the_linking_verb(nlp):
    text = "The Vardar Bridge is a bridge over the river, connecting Gevgelija in Macedonia with Polykastro in Greece."
    regions = [region(text, p) for p in ("Gevgelija", "Macedonia", "Polykastro", "Greece")]
    rows = find_relations(parse(nlp, text), [], [project(text, "Vardar Bridge")], regions, [])
    assert {r.tail for r in rows if r.type == "LOCATED_IN"} == {"Gevgelija", "Macedonia", "Polykastro", "Greece"}


def test_relations_a_call_with_his_counterpart_is_a_meeting_of_the_two(annotate):
    # "his" on the partner side is the holder of the call, not a partner
    doc = annotate("Defense Minister Avi Cohen held a phone call with his U.S. counterpart Mark Hale.")
    pairs = {frozenset((r.head, r.tail)) for r in doc._.relations if r.type == "MET_WITH"}
    assert frozenset(("Avi Cohen", "Mark Hale")) in pairs


@pytest.mark.parametrize(
    "text",
    ["Deputy Secretary Tom Reed called on President Ali Karimov in Baku.",
     "Ambassador Jane Hart paid a courtesy call on Foreign Minister Ali Reza."],
)
def test_relations_calling_on_an_official_is_a_meeting(annotate, text):
    doc = annotate(text)
    assert [r for r in doc._.relations if r.type == "MET_WITH"]


def test_relations_calling_on_a_government_to_act_is_no_meeting(annotate):
    doc = annotate("President Ali Karimov called on the government to act. Deputy Secretary Tom Reed agreed.")
    assert not [r for r in doc._.relations if r.type == "MET_WITH"]
