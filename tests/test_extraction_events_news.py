"""Threats held out and what they are for, better offers and other news shapes, on sentences we write about a
fictional fishing dispute; each runs with and without selective parsing, so the planner knows the words."""
from __future__ import annotations

import pytest

from parley import analyze
from parley.dossier import Dossier
from parley.settings import Settings

DOSSIER = Dossier.model_validate({
    "name": "Harbour talks",
    "actors": [{"id": "NOR", "name": "Norway", "aliases": ["Oslo"]},
               {"id": "ISL", "name": "Iceland", "aliases": ["Reykjavik"]},
               {"id": "FU", "name": "Fishermen's Union", "aliases": ["the union"]}],
    "issues": [{"id": "port_access", "label": "Port access", "keywords": ["port access"],
                "proposition": "Icelandic boats may land fish in Norwegian ports"},
               {"id": "quota", "label": "A bigger herring quota", "keywords": ["herring quota"],
                "proposition": "Iceland gets a bigger herring quota"}],
})


def analysis(text: str, selective: bool):
    settings = Settings().model_copy(update={"selective_parsing": selective})
    return analyze(text, dossier=DOSSIER, settings=settings)


def events(text: str, selective: bool) -> set[tuple[str, str]]:
    """(actor, action) of the statements that are events: affirmed, as `parley eval` counts them."""
    return {(s.actor, s.action) for s in analysis(text, selective).statements if not s.negated}


@pytest.mark.parametrize("selective", [True, False])
def test_readiness_for_a_list_of_acts_with_a_hostile_one_threatens_and_wants_what_it_is_for(selective: bool) -> None:
    text = ('The Fishermen\'s Union said: "We are prepared to fight as long as it takes, to stay out on strike for '
            'months, to get port access and a bigger herring quota."')
    result = analysis(text, selective)
    found = {(s.actor, s.action) for s in result.statements if not s.negated}
    assert ("FU", "threaten") in found and ("FU", "agree") not in found
    assert {(p.actor, p.issue, p.stance) for p in result.positions} >= {("FU", "port_access", "for"),
                                                                         ("FU", "quota", "for")}


@pytest.mark.parametrize("selective", [True, False])
def test_readiness_for_peaceful_acts_only_is_no_threat(selective: bool) -> None:
    found = events('Iceland said: "We are prepared to talk as long as it takes, to get port access."', selective)
    assert ("ISL", "threaten") not in found


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Iceland upped its offer on port access on Monday.",
    "Iceland sweetened its offer to the Norwegian fleet.",
])
def test_a_better_offer_proposes_and_gives_ground(text: str, selective: bool) -> None:
    assert {("ISL", "propose"), ("ISL", "yield")} <= events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
def test_a_plain_offer_gives_no_ground(selective: bool) -> None:
    assert ("ISL", "yield") not in events("Iceland offered port access to the Norwegian fleet.", selective)


@pytest.mark.parametrize("selective", [True, False])
def test_a_hostile_plan_another_party_tells_of_is_its_accusation(selective: bool) -> None:
    found = events("The Fishermen's Union said Norway was planning to cut the quota of Icelandic boats.", selective)
    assert ("FU", "accuse") in found and ("NOR", "threaten") not in found


@pytest.mark.parametrize("selective", [True, False])
def test_a_hostile_plan_a_party_tells_of_itself_is_its_threat(selective: bool) -> None:
    found = events("Norway said it would cut the quota of Icelandic boats unless Iceland returned to the talks.",
                   selective)
    assert ("NOR", "threaten") in found and ("NOR", "accuse") not in found


@pytest.mark.parametrize("selective", [True, False])
def test_what_another_party_wants_told_in_the_tellers_quoted_words_accuses_it(selective: bool) -> None:
    found = events('The Fishermen\'s Union says Norway wants to "starve the Icelandic fleet of fish."', selective)
    assert ("FU", "accuse") in found


@pytest.mark.parametrize("selective", [True, False])
def test_what_another_party_wants_told_plainly_is_no_accusation(selective: bool) -> None:
    assert ("FU", "accuse") not in events("The Fishermen's Union says Norway wants a bigger herring quota.", selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    'The Fishermen\'s Union said: "Isn\'t it ironic that they lecture us on fish stocks?"',
    '"For a government that lectures us on fish stocks, isn\'t it ironic that it takes the most," the Fishermen\'s '
    'Union said of Norway.',
])
def test_a_negative_question_asserts_its_judgement(text: str, selective: bool) -> None:
    found = events(text, selective)
    assert ("FU", "criticize") in found or ("FU", "reject") in found


@pytest.mark.parametrize("selective", [True, False])
def test_a_plain_negated_judgement_stays_negated(selective: bool) -> None:
    assert ("FU", "criticize") not in events('"It is not ironic at all," the Fishermen\'s Union said.', selective)


@pytest.mark.parametrize("selective", [True, False])
def test_weighing_a_set_of_hostile_measures_threatens(selective: bool) -> None:
    assert ("NOR", "threaten") in events("Norway is studying a new set of countermeasures against Iceland.", selective)


@pytest.mark.parametrize("selective", [True, False])
def test_being_in_attendance_takes_part_in_talks(selective: bool) -> None:
    found = events("Fisheries officials met in Bergen on Monday. Norway and Iceland were in attendance.", selective)
    assert {("NOR", "consult"), ("ISL", "consult")} <= found


@pytest.mark.parametrize("selective", [True, False])
def test_who_called_a_strike_holds_it(selective: bool) -> None:
    found = events("The strikes called by the Fishermen's Union will continue into March.", selective)
    assert ("FU", "protest") in found


@pytest.mark.parametrize("selective", [True, False])
def test_who_answered_a_proposal_does_not_make_it(selective: bool) -> None:
    found = events("The quota proposal rejected by Iceland will be discussed again in March.", selective)
    assert ("ISL", "propose") not in found


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Norway said Iceland would never be able to reach agreement on port access.",
    "Iceland was unable to reach a deal with Norway on port access.",
])
def test_what_a_party_cannot_do_it_neither_does_nor_refuses(text: str, selective: bool) -> None:
    found = events(text, selective)
    assert ("ISL", "agree") not in found and ("ISL", "reject") not in found


@pytest.mark.parametrize("selective", [True, False])
def test_violence_to_a_partys_own_is_a_harm_it_warns_of_not_a_threat(selective: bool) -> None:
    found = events('"If we sign this deal, we will destroy our fishing industry," Norway\'s minister said.', selective)
    assert ("NOR", "threaten") not in found


@pytest.mark.parametrize("selective", [True, False])
def test_a_measure_taken_with_a_partys_own_means_stays_a_threat(selective: bool) -> None:
    found = events("Norway said it would tighten its blockade of the harbour if Iceland kept fishing.", selective)
    assert ("NOR", "threaten") in found


@pytest.mark.parametrize("selective", [True, False])
def test_what_another_party_pushes_a_party_into_is_not_its_act(selective: bool) -> None:
    found = events("Norway is spreading false figures to fool Iceland into dropping its claim on port access.",
                   selective)
    assert ("ISL", "yield") not in found


@pytest.mark.parametrize("selective", [True, False])
def test_support_a_party_needs_from_another_is_not_given_yet(selective: bool) -> None:
    found = events("If Norway makes a formal offer, it will need the support of Iceland.", selective)
    assert ("ISL", "support") not in found


@pytest.mark.parametrize("selective", [True, False])
def test_what_a_partys_offer_is_aimed_to_do_is_proposed(selective: bool) -> None:
    result = analysis("However, Norway says its latest offer is aimed to ease quota concerns and grant port access.",
                      selective)
    found = {(s.actor, s.action) for s in result.statements if not s.negated}
    assert ("NOR", "propose") in found and ("NOR", "agree") not in found and ("NOR", "yield") not in found


@pytest.mark.parametrize("selective", [True, False])
def test_a_goal_to_reach_a_deal_is_wanted_not_agreed(selective: bool) -> None:
    found = events("Norway said its objective in the talks is to reach a permanent agreement with Iceland.", selective)
    assert ("NOR", "demand") in found and ("NOR", "agree") not in found


@pytest.mark.parametrize("selective", [True, False])
def test_talks_a_party_will_continue_are_talks_not_a_pledge(selective: bool) -> None:
    found = events('"We will continue the dialogue with Iceland," Norway\'s minister said.', selective)
    assert ("NOR", "consult") in found and ("NOR", "agree") not in found


@pytest.mark.parametrize("selective", [True, False])
def test_talking_with_no_topic_is_talks(selective: bool) -> None:
    found = events('The Fishermen\'s Union said after Monday\'s round: "At least we are still talking."', selective)
    assert ("FU", "consult") in found


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Norway's minister talked about the herring quota at length on the radio.",
    "Norway talked up the new quota plan on Monday.",
])
def test_talking_about_something_is_no_talks(text: str, selective: bool) -> None:
    assert ("NOR", "consult") not in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
def test_a_strike_a_party_owns_is_its_protest(selective: bool) -> None:
    found = events("The Fishermen's Union told members to stand together on the tenth day of its work stoppage.",
                   selective)
    assert ("FU", "protest") in found


@pytest.mark.parametrize("selective", [True, False])
def test_a_promise_that_the_other_side_will_be_consulted_offers_talks(selective: bool) -> None:
    found = events("Norway says Iceland will be consulted before any changes to the quota are made.", selective)
    assert ("NOR", "propose") in found and ("NOR", "agree") not in found


@pytest.mark.parametrize("selective", [True, False])
def test_talks_named_in_passing_took_place(selective: bool) -> None:
    found = events("Norway's fisheries minister flew home on Tuesday after talks with Iceland in Bergen.", selective)
    assert ("NOR", "consult") in found


@pytest.mark.parametrize("selective", [True, False])
def test_agreeing_to_begin_talks_agrees_and_talks(selective: bool) -> None:
    found = events("Norway and Iceland have agreed to begin talks on the herring quota.", selective)
    assert {("NOR", "agree"), ("NOR", "consult"), ("ISL", "agree"), ("ISL", "consult")} <= found


@pytest.mark.parametrize("selective", [True, False])
def test_readiness_read_as_a_passive_is_still_a_stated_disposition(selective: bool) -> None:
    # the parser reads "was" as the auxiliary of "prepared", and hangs the subject on "was"
    found = events("Earlier Norway's foreign minister Jon Berg said Norway was prepared to veto any bid to reduce "
                   "the quota secured in 1984.", selective)
    assert ("NOR", "threaten") in found


@pytest.mark.parametrize("selective", [True, False])
def test_anothers_plan_under_the_tellers_quoted_label_is_criticised(selective: bool) -> None:
    found = events('The Fishermen\'s Union says Norway has also proposed what the union calls a "forced relocation '
                   'scheme" for Icelandic crews.', selective)
    assert ("FU", "criticize") in found


@pytest.mark.parametrize("selective", [True, False])
def test_a_partys_own_label_for_its_own_plan_criticises_nothing(selective: bool) -> None:
    found = events('Norway has proposed what it calls a "shared harbour scheme" for Icelandic crews.', selective)
    assert ("NOR", "criticize") not in found


@pytest.mark.parametrize("selective", [True, False])
def test_a_quoted_good_word_for_a_person_criticises_nobody(selective: bool) -> None:
    found = events('Norway\'s minister said he had good relations with Jon Berg, who he described as "very talented".',
                   selective)
    assert ("NOR", "criticize") not in found


@pytest.mark.parametrize("selective", [True, False])
def test_what_another_party_would_do_is_no_plan_told_of(selective: bool) -> None:
    found = events("The Fishermen's Union said a Norwegian code of conduct would prevent more trawlers in the fjord.",
                   selective)
    assert ("FU", "accuse") not in found


@pytest.mark.parametrize("selective", [True, False])
def test_refusing_to_stop_a_hostile_act_until_a_demand_is_met_is_a_stop_only_on_that_condition(selective: bool) -> None:
    dossier = DOSSIER.model_copy(update={"issues": [*DOSSIER.issues, DOSSIER.issues[0].model_copy(update={
        "id": "blockade_end", "label": "Blockade ended", "keywords": ["stop the blockade", "lift the blockade"],
        "proposition": "The harbour blockade ends"})]})
    settings = Settings().model_copy(update={"selective_parsing": selective})
    text = "The Fishermen's Union said it will not stop blockading the harbour until Iceland grants port access."
    positions = {(p.actor, p.issue, p.stance) for p in analyze(text, dossier=dossier, settings=settings).positions}
    assert ("FU", "blockade_end", "conditional") in positions
    assert ("FU", "port_access", "for") in positions


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize(("text", "unwanted"), [
    ("Iceland said Norway was prepared to block port access.", ("ISL", "threaten")),          # Norway's readiness
    ("The offer received by Iceland on Monday was generous.", ("ISL", "propose")),            # got it, not made it
    ("The deal is expected to be signed by Norway and Iceland on Friday.", ("NOR", "propose")),  # not designed to
    ("Norway rejected what Iceland calls a \"fair herring quota\".", ("ISL", "criticize")),   # a label, not pejorative
    ('"Never was it fair to cut the herring quota," Iceland said.', ("ISL", "support")),      # asserts the negation
])
def test_the_review_s_over_reaches_read_nothing_of_the_kind(text: str, unwanted: tuple[str, str],
                                                           selective: bool) -> None:
    assert unwanted not in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
def test_a_party_unable_to_accept_takes_no_stance_and_one_not_in_attendance_meets_nobody(selective: bool) -> None:
    assert not [s for s in analysis("Iceland was unable to accept port access.", selective).statements if s.issue]
    assert ("ISL", "consult") not in events("Iceland's envoy will not be in attendance.", selective)
    assert not analysis("Norway will never stop blockading the harbour.", selective).positions


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize(("text", "wanted"), [
    ('"We will destroy our enemies," the Fishermen\'s Union said.', ("FU", "threaten")),   # no harm to its own
    ("Norway pressured Iceland into signing the herring quota deal.", ("ISL", "agree")),   # Iceland did sign
])
def test_threats_at_adversaries_and_acts_pushed_into_are_kept(text: str, wanted: tuple[str, str],
                                                              selective: bool) -> None:
    assert wanted in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
def test_what_another_party_wants_in_quoted_words_accuses_only_when_it_harms(selective: bool) -> None:
    assert ("FU", "accuse") not in events(
        'The Fishermen\'s Union says Norway wants to "reach a fair deal" on port access.', selective)
    assert ("FU", "accuse") in events('The Fishermen\'s Union says Norway wants to "gut the herring quota".', selective)
