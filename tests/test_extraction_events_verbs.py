"""Verb events (`parley/extraction/events/verbs.py`), by construction rather than by sentence; each runs with and
without selective parsing, so the planner knows the words. States come from the world gazetteer; the sentences are
ours."""
from __future__ import annotations

import pytest

from parley import analyze
from world_events import events


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Malawi insisted that its soldiers had made great progress.",
    "Ministers in Malawi insist the new rules are proportionate.",
    "Malawi insists it will keep talking to everyone.",
])
def test_insisting_on_a_fact_tells_it(text: str, selective: bool) -> None:
    assert ("MWI", "demand") not in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Malawi insisted that Zambia withdraw its soldiers.",
    "Malawi insisted that the border must be reopened.",
    "Malawi insisted that the work be done by the finance ministers.",
    "Malawi insists on the withdrawal of Zambian soldiers.",
])
def test_insisting_on_what_should_be_demands_it(text: str, selective: bool) -> None:
    assert ("MWI", "demand") in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Malawi called for the border to be reopened.",   # the parser reads "for" as the clause's mark
    "Malawi pressed for Zambian troops to be withdrawn from the border.",
])
def test_a_particle_read_as_the_next_clause_mark_is_the_verbs(text: str, selective: bool) -> None:
    assert ("MWI", "demand") in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
def test_insisting_on_a_refusal_is_the_refusal(selective: bool) -> None:
    found = events("Malawi insisted it would not bow to demands to recognise the new border.", selective)
    assert ("MWI", "reject") in found and ("MWI", "demand") not in found


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Malawi says it will vote against the treaty unless its demands are met.",
    "Malawi will vote against the bill if its amendments are not accepted.",
    "Malawi would reject any deal unless fishing rights were included.",
])
def test_opposition_held_out_until_a_demand_is_met_threatens(text: str, selective: bool) -> None:
    found = events(text, selective)
    assert ("MWI", "threaten") in found and found & {("MWI", "oppose"), ("MWI", "reject")}


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Malawi will vote against the bill if it comes to a vote.",
    "Malawi opposes the bill unless it is amended.",
])
def test_opposition_with_no_ultimatum_is_no_threat(text: str, selective: bool) -> None:
    assert ("MWI", "threaten") not in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Malawi will take Zambia to court if the dam is filled without a deal.",
    "Malawi will sue Zambia unless the fees are dropped.",
])
def test_legal_action_held_out_threatens(text: str, selective: bool) -> None:
    found = events(text, selective)
    assert ("MWI", "threaten") in found and ("MWI", "accuse") not in found


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "The Malawian government accused Malawian rebels of violating the ceasefire.",
    "Malawi blamed its own militias for shelling the plant.",
])
def test_a_deed_charged_is_the_charge_not_an_event(text: str, selective: bool) -> None:
    found = events(text, selective)
    assert ("MWI", "accuse") in found and ("MWI", "assault") not in found


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", ["Chile would blame Peru if the talks failed.",
                                  "Chile will open an investigation if Peru asks for one."])
def test_an_accusation_on_a_condition_is_no_legal_threat(text: str, selective: bool) -> None:
    assert ("CHL", "threaten") not in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
def test_a_joint_call_for_something_is_a_demand_not_a_phone_call(selective: bool) -> None:
    found = events("Chile issued a joint call with Peru for an end to the fighting.", selective)
    assert ("CHL", "demand") in found and ("CHL", "consult") not in found
    assert ("CHL", "consult") in events("Chile held a phone call with Peru on Monday.", selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Malawi put its plans for a new border treaty on hold.",
    "Malawi gave up its proposal for a new border treaty.",
])
def test_a_light_verb_that_sets_its_object_aside_does_no_act(text: str, selective: bool) -> None:
    assert ("MWI", "propose") not in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text,expected", [
    # the partner of talks takes part in them too; a visited host does not consult the visitor
    ("Malawi held talks with Zambia on Monday.", {("MWI", "consult"), ("ZMB", "consult")}),
    ("Malawi negotiated with Zambia and Tanzania.", {("MWI", "consult"), ("ZMB", "consult"), ("TZA", "consult")}),
    # a partner coordinated with another's apposition ("his counterpart, X, and the leader of Y")
    ("Malawi met the Zambian foreign minister, Mulambo Haimbe, and the Tanzanian foreign minister, January Makamba.",
     {("MWI", "consult"), ("ZMB", "consult"), ("TZA", "consult")}),
    ("Malawi visited Zambia on Monday.", {("MWI", "consult")}),
    # not a partner: a party named only as an owner, a second description of the same man, no meeting verb
    ("Malawi discussed Zambia's debt.", {("MWI", "consult")}),
    ("Malawi met Zambia's deadline.", {("MWI", "consult")}),
    ("Malawi met Hakainde Hichilema, the Zambian president and a former Tanzanian ambassador.",
     {("MWI", "consult"), ("ZMB", "consult")}),
    ("Malawi invited Zambia to talks.", {("MWI", "consult")}),
    ("Malawi's president travelled to Zambia on Monday.", {("MWI", "consult")}),
])
def test_both_sides_of_talks_consult(text: str, expected: set, selective: bool) -> None:
    assert events(text, selective) == expected


def test_the_partner_of_talks_is_as_hedged_as_the_talks() -> None:
    text = "Malawi could hold talks with Zambia if the border is reopened."   # talks offered on a condition
    found = {s.actor: s.confidence for s in analyze(text).statements}
    assert found.keys() == {"MWI", "ZMB"} and found["ZMB"] == found["MWI"]


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text,expected", [
    # an act said only to be possible or likely is no act
    ("Malawi may hold talks with Zambia next week.", set()),
    ("Malawi is likely to reject the Zambian proposal.", set()),
    ("Analysts say Malawi could reject the Zambian proposal.", set()),
    # refused, held out as a threat, or offered on a condition, it is one
    ("Malawi said it could not accept the Zambian proposal.", {("MWI", "reject")}),
    ("Malawi may expel Zambian diplomats if the border stays closed.", {("MWI", "threaten")}),
    ("Malawi could accept the Zambian proposal if the border is reopened.", {("MWI", "agree")}),
    # a party telling what it could do holds it out; told by another, it is that one's guess
    ("Malawi signalled it could accept the Zambian proposal.", {("MWI", "agree")}),
    ("Zambia said Malawi could reject the proposal.", set()),
])
def test_what_may_happen_is_no_event(text: str, expected: set, selective: bool) -> None:
    assert events(text, selective) == expected


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text,expected", [
    # a clause that asks what a party will do tells no act
    ("It is unclear whether Malawi will accept the Zambian proposal.", set()),
    ("Malawi is weighing whether to reject the Zambian proposal.", set()),
    ("Would Malawi sign the deal?", set()),
    ("It is unclear if Malawi will accept the Zambian proposal.", set()),
    ("But would Malawi sign the deal?", set()),
    ("If Zambia reopens the border, would Malawi sign the deal?", set()),
    ("Is Malawi ready to accept the Zambian proposal?", set()),
    ("When will Malawi sign the deal?", set()),
    # the one who asks still acts, and a told act stays one
    ("Zambia asked whether Malawi would reopen the border.", {("ZMB", "demand")}),
    ("Zambia asked if Malawi would accept the proposal.", {("ZMB", "demand")}),
    ("Malawi accepted the Zambian proposal, officials said.", {("MWI", "agree")}),
    # found in review: the question stays in its own clause, and a question of why takes the act as given
    ("It is not clear whether Zambia will accept the plan but Malawi has already rejected it.", {("MWI", "reject")}),
    ("It remains unclear whether Zambia knew that Malawi had rejected the offer.", {("MWI", "reject")}),
    ("What happens now that Malawi has rejected the ceasefire?", {("MWI", "reject")}),
    ("Why did Malawi reject the offer?", {("MWI", "reject")}),
])
def test_what_is_asked_is_no_event(text: str, expected: set, selective: bool) -> None:
    assert events(text, selective) == expected


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text,expected", [
    # talks that are asked for are not held
    ("Malawi is asking for a ceasefire and to resume the dialogue with Zambia.", {("MWI", "demand")}),
    ("Malawi asked to resume talks with Zambia.", {("MWI", "demand")}),
    # talks held while another act takes place are
    ("Malawi demanded a ceasefire as its delegates met Zambian officials on Monday.",
     {("MWI", "demand"), ("MWI", "consult"), ("ZMB", "consult")}),
    ("Malawi met Zambia on Monday, demanding a ceasefire.", {("MWI", "demand"), ("MWI", "consult"), ("ZMB", "consult")}),
])
def test_talks_asked_for_are_not_held(text: str, expected: set, selective: bool) -> None:
    assert events(text, selective) == expected
