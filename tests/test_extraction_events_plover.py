"""PLOVER categories by their usual words, not by sentence: a strike of arms, releasing people held, ties
established, willingness expressed; each runs with and without selective parsing, so the planner knows the words.
States here come from the world gazetteer; the sentences are ours."""
from __future__ import annotations

import pytest

from parley import analyze
from parley.settings import Settings
from world_events import events


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Norway struck Icelandic military targets near the border on Sunday.",
    "Chilean missiles struck the Bolivian garrison overnight.",
    "Ghana struck a fuel depot in Togo with drones.",
])
def test_a_strike_of_arms_is_an_attack(text: str, selective: bool) -> None:
    found = events(text, selective)
    assert any(action == "assault" for _, action in found) and not any(a == "protest" for _, a in found)


@pytest.mark.parametrize("selective", [True, False])
def test_a_walkout_stays_a_protest(selective: bool) -> None:
    assert ("FIN", "protest") in events("Finnish dockers struck for a second day over pay.", selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Estonia handed over the bodies of two Latvian soldiers.",
    "Estonia handed over four hostages to the Red Cross.",
    "Estonia returned 30 Latvian prisoners at the crossing.",
])
def test_handing_over_people_held_releases_them(text: str, selective: bool) -> None:
    found = events(text, selective)
    assert ("EST", "retreat") in found and ("EST", "aid") not in found


@pytest.mark.parametrize("selective", [True, False])
def test_handing_over_supplies_is_aid_and_a_letter_nothing(selective: bool) -> None:
    assert ("CHE", "aid") in events("Switzerland handed over two tonnes of medicine to hospitals in Malawi.", selective)
    assert ("CHE", "aid") not in events("Switzerland handed over a letter to the Malawian envoy.", selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", ["Paraguay established diplomatic relations with Moldova.",
                                  "Paraguay and Moldova normalised relations in December."])
def test_ties_established_support(text: str, selective: bool) -> None:
    assert ("PRY", "support") in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
def test_willingness_expressed_is_intent(selective: bool) -> None:
    assert ("MYS", "agree") in events("Malaysia expressed willingness to host the next round of talks.", selective)


@pytest.mark.parametrize("selective", [True, False])
def test_a_speaker_after_the_quotation_with_a_hyphenated_title_speaks(selective: bool) -> None:
    text = '"They will regret this decision," warned Norway\'s secretary-general.'
    assert ("NOR", "threaten") in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", ["Ghana called for sanctions against Togo.",
                                  "Ghana urged the bloc to impose an embargo against Togo."])
def test_asking_others_to_act_against_a_party_disapproves_of_it(text: str, selective: bool) -> None:
    assert {("GHA", "demand"), ("GHA", "accuse")} <= events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
def test_asking_for_help_against_a_peril_accuses_nobody(selective: bool) -> None:
    assert ("GHA", "accuse") not in events("Ghana called for aid against the drought in Togo.", selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", ["Peruvian troops clashed with rebels near the border.",
                                  "Peru fought the rebels near the border for a second day.",
                                  "Peruvian soldiers battled guerrillas in the jungle."])
def test_a_fight_of_arms_is_an_attack(text: str, selective: bool) -> None:
    assert ("PER", "assault") in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", ["The Peruvian government clashed with the teachers over the budget.",
                                  "Peru fought the plan in the council."])
def test_a_fight_of_words_is_no_attack(text: str, selective: bool) -> None:
    assert ("PER", "assault") not in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
def test_a_blow_with_waves_of_levies_is_a_sanction(selective: bool) -> None:
    found = events("Norway has hit Iceland with multiple waves of levies.", selective)
    assert ("NOR", "sanction") in found and ("NOR", "assault") not in found


@pytest.mark.parametrize("selective", [True, False])
def test_a_participle_joined_to_a_describing_participle_describes_too(selective: bool) -> None:
    text = "Iceland said the deal was the best answer to the tariffs imposed or threatened by Norway."
    assert ("NOR", "threaten") not in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
def test_a_capital_in_a_bodys_name_is_the_body(selective: bool) -> None:
    settings = Settings().model_copy(update={"selective_parsing": selective})
    statements = analyze("The Warsaw Pact rejected the proposal.", settings=settings).statements
    assert [(s.actor, s.action) for s in statements] == [("WARSAWPACT", "reject")]


@pytest.mark.parametrize("selective", [True, False])
def test_an_order_to_another_party_demands(selective: bool) -> None:
    found = events("The International Court of Justice ordered Guyana to comply with the ruling.", selective)
    assert ("ICJ", "demand") in found and not any(actor == "GUY" for actor, _ in found)


@pytest.mark.parametrize("selective", [True, False])
def test_an_order_to_the_partys_own_forces_is_its_act(selective: bool) -> None:
    found = events("Venezuela ordered its troops to attack the border post.", selective)
    assert ("VEN", "assault") in found and ("VEN", "demand") not in found
