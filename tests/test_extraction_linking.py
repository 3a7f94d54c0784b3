"""The issue linker on sentences we write: stance composed along the parse from where an issue is named.

The dossier is our own fictional negotiation. Each case is a shape the event rules alone do not tie to its issue.
"""
from __future__ import annotations

import pytest

from parley import analyze
from parley.dossier import Dossier

DOSSIER = Dossier.model_validate({
    "name": "Lake talks",
    "actors": [{"id": "NOR", "name": "Norway", "aliases": ["Oslo"]},
               {"id": "ISL", "name": "Iceland", "aliases": ["Reykjavik"]},
               {"id": "DNK", "name": "Denmark"}],
    "issues": [{"id": "levy_cut", "label": "Fishing levy reduced", "proposition": "The fishing levy is reduced",
                "keywords": ["fishing levy", "levy"]},
               {"id": "catch_cap", "label": "Catch capped", "proposition": "The annual catch is capped at 1,000 tonnes",
                "keywords": ["cap", "1,000 tonnes"]}],
})


def linked(text: str) -> set[tuple[str, str, str]]:
    """(actor, issue, stance) of the statements the linker added."""
    return {(s.actor, s.issue, s.stance) for s in analyze(text, dossier=DOSSIER).statements if s.rule == "link"}


def positions(text: str) -> set[tuple[str, str, str]]:
    return {(p.actor, p.issue, p.stance) for p in analyze(text, dossier=DOSSIER).positions}


@pytest.mark.parametrize("text,expected", [
    # "against" under a predicate of stance; negated, it is no opposition
    ("Iceland spoke out against the cap on the annual catch.", ("ISL", "catch_cap", "against")),
    ("Norway is not against a cap on the annual catch.", ("NOR", "catch_cap", "for")),
    # the thing an issue takes away, judged: against the levy is for cutting it (the judgement counted once)
    ("Norway called the fishing levy unacceptable.", ("NOR", "levy_cut", "for")),
    # what its owner does with its own demand
    ("Norway withdrew its demand for a cap on the annual catch.", ("NOR", "catch_cap", "against")),
])
def test_stance_is_composed_along_the_path(text, expected):
    assert expected in linked(text)


def test_a_list_under_one_stance_word_gives_each_item_its_issue():
    found = {(actor, issue) for actor, issue, _ in positions(
        "Norway and Iceland want a cap on the annual catch and a cut in the fishing levy.")}
    assert {("NOR", "catch_cap"), ("NOR", "levy_cut"), ("ISL", "catch_cap"), ("ISL", "levy_cut")} <= found


def test_a_pointer_takes_the_issue_named_before_it_in_its_own_sentence():
    text = "Iceland wants a cap on the annual catch. Norway proposed a cut in the fishing levy, but Iceland rejected the plan."
    assert ("ISL", "levy_cut", "against") in linked(text)
    assert ("ISL", "catch_cap", "against") not in linked(text)


@pytest.mark.parametrize("text,wrong", [
    # a pointer after an issue that nobody proposed in the sentence means some other proposal
    ("Iceland rejected a cap on the annual catch, but Norway backed the plan instead.", ("NOR", "catch_cap")),
    # a goal noun's clause of what is, not of what should be
    ("Norway made clear its position that the fishing levy was a matter for later.", ("NOR", "levy_cut")),
])
def test_no_stance_is_read_into(text, wrong):
    assert not {p for p in positions(text) if p[:2] == wrong}


def test_a_hypothetical_act_is_no_stance():
    assert not linked("Fishermen could strike if Norway scraps the fishing levy.")


def test_a_claim_told_is_no_stance():
    assert not linked("Iceland dismissed reports that Norway had agreed to cut the fishing levy.")


def test_what_a_party_failed_to_do_is_no_stance():
    assert not linked("Norway failed to back a cap on the annual catch.")


def test_an_accuser_holds_no_stance_on_what_it_accuses_another_of():
    assert all(actor != "ISL" for actor, _, _ in linked(
        "Iceland accused Norway of opposing a cap on the annual catch."))


def test_a_belief_is_no_demand():
    assert not linked("Norway believes a cap on the annual catch is unlikely.")


def test_a_party_not_at_the_table_holds_no_linked_stance():
    # Sweden is no party of the dossier: named beside the parties, it is not at the table
    assert all(actor != "SWE" for actor, _, _ in linked("Norway, Iceland and Sweden spoke out against the cap."))
    assert ("NOR", "catch_cap", "against") in linked("Norway, Iceland and Sweden spoke out against the cap.")


def test_another_partys_offer_turned_down_is_that_partys_act():
    assert not linked("Iceland rejected Norway's offer of a cap on the annual catch.")


def test_a_relative_clause_speaks_for_the_party_it_hangs_from():
    assert ("ISL", "catch_cap", "against") in linked(
        "Iceland, which spoke out against the cap on the annual catch, met Norway.")


def test_the_plan_points_back_to_the_issue_named_last():
    text = "Norway wants the fishing levy reduced. Iceland dismissed the proposal."
    assert ("ISL", "levy_cut", "against") in linked(text)


def test_a_plan_with_no_issue_named_before_is_no_stance():
    assert not linked("Iceland dismissed the proposal.")


def test_a_run_on_sentence_is_read_without_error():
    clause = "Norway said that Iceland wants a cap on the annual catch, "
    result = analyze(clause * 60 + "and so on.", dossier=DOSSIER)
    assert isinstance(result.statements, list)


def test_a_decision_owned_by_parties_is_their_stance_even_when_a_third_welcomes_it():
    found = linked("Denmark welcomed the decision by Norway and Iceland to cap the annual catch at 1,000 tonnes.")
    assert {("NOR", "catch_cap", "for"), ("ISL", "catch_cap", "for")} <= found


def test_both_sides_are_parties_of_the_dossier_not_a_mediator_named_often():
    text = ("Swedish envoys met Norway. Sweden said talks were useful. Sweden then met Iceland. "
            "Both sides spoke out against the cap on the annual catch.")
    found = {actor for actor, issue, _ in positions(text) if issue == "catch_cap"}
    assert found == {"NOR", "ISL"}


def test_a_partys_terms_list_what_it_wants_item_by_item():
    found = linked("Norway's terms include a cap on the annual catch and a cut in the fishing levy.")
    assert {("NOR", "catch_cap", "for"), ("NOR", "levy_cut", "for")} <= found


@pytest.mark.parametrize("text", [
    "Iceland says its offer would guarantee a cap on the annual catch.",
    "Iceland says one of its two proposals would ensure a cap on the annual catch.",
])
def test_what_a_partys_offer_would_ensure_is_what_it_proposes(text: str) -> None:
    assert ("ISL", "catch_cap", "for") in linked(text)


def test_an_offer_that_would_not_ensure_an_issue_proposes_nothing_on_it() -> None:
    assert not {link for link in linked("Iceland says Norway's offer would not guarantee a cap on the annual catch.")
                if link[1] == "catch_cap"}


def test_a_partys_main_demand_is_what_it_wants():
    assert ("ISL", "catch_cap", "for") in linked("Iceland's main demand is a cap on the annual catch.")


def test_it_as_an_object_points_back_to_the_issue_just_named():
    assert ("ISL", "catch_cap", "against") in linked("Norway wants a cap on the annual catch. Iceland said it would "
                                                      "oppose it.")
    # a sentence on, "it" is too far from the issue to stand for it
    assert ("ISL", "catch_cap", "against") not in linked("Norway wants a cap on the annual catch. The talks went on. "
                                                          "Iceland said it would oppose it.")
    # "it" stands for the issue the way it was named: opposing the levy kept is for its cut
    assert ("ISL", "levy_cut", "for") in linked("Norway wants to keep the fishing levy. Iceland said it would "
                                                "oppose it.")


def test_a_party_united_against_an_issue_opposes_it():
    assert ("ISL", "catch_cap", "against") in linked(
        "Norway wants a cap on the annual catch. Iceland and its fleets are united against the plan.")


def test_an_issue_inside_a_motive_is_why_a_party_acts_not_what_it_acts_on():
    text = "Iceland has opposed the new quota rules over fears that a cap on the annual catch would ruin its fleet."
    assert not [p for p in positions(text) if p[1] == "catch_cap"]
    assert ("ISL", "catch_cap", "against") in positions("Iceland has opposed a cap on the annual catch.")
    # a place is no motive: "on the ground"
    assert ("ISL", "catch_cap", "against") in positions("On the ground, Iceland has opposed a cap on the annual catch.")
    # found reading bbc5-read: a motive noun whose own phrase names the issue ("on catch cap grounds") is the why
    assert not positions("Iceland is seeking a court review on catch cap grounds.")
    # found in review: a motive noun that is the issue's own keyword word names it
    grounds = [{"id": "grounds", "label": "Fishing grounds opened", "keywords": ["fishing grounds"],
                "proposition": "Iceland's boats fish in the northern fishing grounds"}]
    assert positions_on(grounds, "Iceland demanded access to the fishing grounds.") == {("ISL", "grounds", "for")}


@pytest.mark.parametrize("text,expected", [
    # refusing to step back from a demand keeps the demand; refusing to back down "on" a thing undoes nothing
    ("Iceland refused to move away from its demand for a cap on the annual catch.", ("ISL", "catch_cap", "for")),
    ("Iceland is reluctant to give up its demand for a cap on the annual catch.", ("ISL", "catch_cap", "for")),
    ("Norway refused to back down on the cap on the annual catch.", ("NOR", "catch_cap", "against")),
    # dispositions and judgements of what is open to negotiation
    ("Norway is reluctant to accept a cap on the annual catch.", ("NOR", "catch_cap", "against")),
    ("Norway said a cap on the annual catch was off the table.", ("NOR", "catch_cap", "against")),
    ("Norway said a cap on the annual catch was not up for negotiation.", ("NOR", "catch_cap", "against")),
    # casting an issue as a party's condition demands it
    ("Iceland called a cap on the annual catch a precondition for any deal.", ("ISL", "catch_cap", "for")),
    # a strike or protest over a cut opposes the cut
    ("Iceland held protests against the fishing levy cut.", ("ISL", "levy_cut", "against")),
    ("Iceland held a rally against the fishing levy cut.", ("ISL", "levy_cut", "against")),
    ("Fishermen in Iceland voted to strike over the fishing levy cut.", ("ISL", "levy_cut", "against")),
    ("Iceland staged a walkout over the fishing levy cut.", ("ISL", "levy_cut", "against")),
    ("Iceland walked out in protest at a cap on the annual catch.", ("ISL", "catch_cap", "against")),
    # a verb that contests its object
    ("Iceland vowed to fight a cap on the annual catch.", ("ISL", "catch_cap", "against")),
    ("Iceland will fight a cap on the annual catch.", ("ISL", "catch_cap", "against")),
    # the price or the cost judged
    ("Iceland said a cap on the annual catch was unaffordable.", ("ISL", "catch_cap", "against")),
    # a warning holds the judgement told in its clause, as speech does
    ("Iceland warned that a cut in the fishing levy would be unacceptable.", ("ISL", "levy_cut", "against")),
    # what a modal asks another party to drop is opposed; "not just X" adds X, it does not deny it
    ("Iceland said Oslo should drop the plans for a cap on the annual catch.", ("ISL", "catch_cap", "against")),
    ("Iceland wants a cut in the fishing levy, and not just a cap on the annual catch.", ("ISL", "catch_cap", "for")),
    # a condition the parser hangs from the object's phrase is still the condition
    ("Norway is ready to back a cap on the annual catch provided that Iceland cuts the fishing levy.",
     ("NOR", "catch_cap", "conditional")),
    ("Norway would accept a cap on the annual catch only as part of a wider deal.", ("NOR", "catch_cap", "conditional")),
    ("Norway would only accept a cap on the annual catch as part of a wider deal.",
     ("NOR", "catch_cap", "conditional")),
    ("Norway will only back the catch cap in the context of a wider settlement.",
     ("NOR", "catch_cap", "conditional")),
    # refused in its present shape: another shape may be accepted
    ("Norway said it could not support the cap in its current form.", ("NOR", "catch_cap", "conditional")),
    ("Iceland will vote against the cut in the fishing levy as it stands.", ("ISL", "levy_cut", "conditional")),
    # a goal noun's "that" clause says what its owner wants (planned too: the sentence has no other trigger)
    ("Iceland stuck to its position that the fishing levy should not be reduced.", ("ISL", "levy_cut", "against")),
    # what a refused act or "no deal" would lack is wanted; a deal signed without it tells no such thing
    ("Iceland said there could be no deal without a cut in the fishing levy.", ("ISL", "levy_cut", "for")),
    ("Iceland will not sign any deal without a cut in the fishing levy.", ("ISL", "levy_cut", "for")),
    ("Iceland will not quit the talks without a cut in the fishing levy.", ("ISL", "levy_cut", "for")),
    ("Iceland will not sign any deal without securing a cap on the annual catch.", ("ISL", "catch_cap", "for")),
    # a clause's own "for" is no particle of the verb before it
    ("Iceland said it was time for Norway to vote down the cap on the annual catch.", ("NOR", "catch_cap", "against")),
    # "against it" pointing back: the condition hangs on the verb "against" comes from
    ("Iceland wants a cap on the annual catch. Norway will vote against it unless its demands are met.",
     ("NOR", "catch_cap", "conditional")),
])
def test_stances_held_kept_and_refused(text, expected):
    assert expected in positions(text)
    assert not {p for p in positions(text) if p[:2] == expected[:2] and p != expected}


@pytest.mark.parametrize("text,expected", [
    # the issue's own verb in the future binds its subject's party, or whoever tells it of a thing
    ("Norway said it would not reduce the fishing levy.", {("NOR", "levy_cut", "against")}),
    ("Norway will reduce the fishing levy only if Iceland accepts a cap on the annual catch.",
     {("NOR", "levy_cut", "conditional")}),
    ("Norway said the fishing levy would be reduced in stages.", {("NOR", "levy_cut", "for")}),
    ("Norway said the annual catch would be capped at 1,000 tonnes.", {("NOR", "catch_cap", "for")}),
    # its opposite
    ("Norway said it would raise the fishing levy.", {("NOR", "levy_cut", "against")}),
    # nobody's commitment: no party's subject, no party telling it
    ("Fishermen said they would cut the fishing levy.", set()),
    ("Analysts said the fishing levy would be cut next year.", set()),
    # found in review: what another verb frames, a question, an act on another thing, a condition put first
    ("Iceland fears Norway will raise the fishing levy.", set()),
    ("Iceland warned that the fishing levy would be cut.", set()),
    ("Norway said it would cut spending on the fishing levy inspectors.", set()),
    ("If Norway cuts the fishing levy, Iceland will cap the annual catch.", {("ISL", "catch_cap", "conditional")}),
    # found in the second review: what frames the clause, who tells it, and what is no condition
    ("Iceland warned it would not cap the annual catch.", {("ISL", "catch_cap", "against")}),
    ("Iceland said it would cut the fishing levy and would cap the annual catch.",
     {("ISL", "levy_cut", "for"), ("ISL", "catch_cap", "for")}),
    ("Iceland believes Norway will cap the annual catch.", set()),
    ("Iceland said Norway would cap the annual catch.", set()),
    ("Even if Norway objects, Iceland will cap the annual catch.", {("ISL", "catch_cap", "for")}),
    # a party denying its own act will not do it; another's denial tells nothing of it
    ("Norway denied that it would cut the fishing levy.", {("NOR", "levy_cut", "against")}),
    ("Iceland denied that Norway would cut the fishing levy.", set()),
    # found in review: a question tells no stance
    ("Would Norway cut the fishing levy?", set()),
    ("It is unclear whether Norway will back a cut in the fishing levy.", set()),
    ("Is Norway willing to cut the fishing levy?", set()),
])
def test_a_commitment_told_in_the_issues_own_verb(text, expected):
    assert positions(text) == expected


@pytest.mark.parametrize("text,expected", [
    # what falls short of the issue is turned down (or accepted) the other way round
    ("Iceland would reject anything short of a cut in the fishing levy.", ("ISL", "levy_cut", "for")),
    ("Iceland said anything short of a cut in the fishing levy would be rejected.", ("ISL", "levy_cut", "for")),
    ("Iceland said anything less than a cut in the fishing levy was unacceptable.", ("ISL", "levy_cut", "for")),
    ("Norway would not accept anything less than a cap on the annual catch.", ("NOR", "catch_cap", "for")),
    # "nothing" negates its own shortfall
    ("Iceland will accept nothing less than a cut in the fishing levy.", ("ISL", "levy_cut", "for")),
])
def test_falling_short_of_the_issue(text, expected):
    assert positions(text) == {expected}


@pytest.mark.parametrize("text,expected", [
    # what the issue would do, harm or good, judges it
    ("Iceland warned that a cut in the fishing levy would cost thousands of jobs.", ("ISL", "levy_cut", "against")),
    ("Norway said a cap on the annual catch would help fish stocks recover.", ("NOR", "catch_cap", "for")),
    ("Norway said a cap on the annual catch would not harm its fishermen.", ("NOR", "catch_cap", "for")),
])
def test_a_harm_or_good_the_issue_would_do(text, expected):
    assert positions(text) == {expected}


@pytest.mark.parametrize("text,expected", [
    # what a party may do is no stance, unless it says so of itself
    ("Iceland may reject a cap on the annual catch.", set()),
    ("Analysts say Norway is likely to back a cut in the fishing levy.", set()),
    ("Norway signalled it could back a cut in the fishing levy.", {("NOR", "levy_cut", "for")}),
    ("Iceland warned it could reject the cap on the annual catch.", {("ISL", "catch_cap", "against")}),
])
def test_what_a_party_may_do(text, expected):
    assert positions(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Iceland said a cut in the fishing levy was non-negotiable.", {("ISL", "levy_cut", "for")}),
    ("Iceland said a cut in the fishing levy was non\u2011negotiable.", {("ISL", "levy_cut", "for")}),
    ("Norway said a cut in the fishing levy was a non-starter.", {("NOR", "levy_cut", "against")}),
    ("Norway said a cut in the fishing levy was a nonstarter.", {("NOR", "levy_cut", "against")}),
])
def test_a_hyphenated_stance_word_the_tokenizer_splits(text, expected):
    assert positions(text) == expected


def test_harm_or_good_done_to_a_party_is_no_judgement_of_the_issue():
    # found in review: hurting the other side can be the point of the thing
    assert positions("Norway said a cap on the annual catch would cripple Iceland's fleet.") == set()


def positions_on(issues: list[dict], text: str) -> set[tuple[str, str, str]]:
    """Positions read from `text` with a dossier of Norway and Iceland on the given issues."""
    dossier = Dossier.model_validate({"name": "Lake talks", "actors": DOSSIER.model_dump()["actors"][:2],
                                      "issues": issues})
    return {(p.actor, p.issue, p.stance) for p in analyze(text, dossier=dossier).positions}


ENVOY_OUT = {"id": "envoy_out", "label": "Envoy removed", "keywords": ["Lars Berg"],
             "proposition": "Lars Berg is removed from the lake commission"}
BANS = [{"id": "net_ban", "label": "Drift nets banned", "keywords": ["netting ban", "fishing with drift nets"],
         "proposition": "The ban on fishing with drift nets stays in force"},
        {"id": "hunt_ban", "label": "Hunting with dogs banned", "keywords": ["hunting ban", "hunting with dogs"],
         "proposition": "The ban on hunting with dogs stays in force"}]
CONVOYS = {"id": "convoys", "label": "Convoys cross freely", "keywords": ["aid convoys"],
           "proposition": "Norway lets aid convoys cross the border without restrictions"}


@pytest.mark.parametrize("issues,text,expected", [
    # found reading a fresh fold: "the removal of X" of an issue that X is removed is the issue, not its undoing
    ([ENVOY_OUT], "Iceland's demand for the removal of Lars Berg was not met.", ("ISL", "envoy_out", "for")),
    ([ENVOY_OUT], "Norway opposed the removal of Lars Berg.", ("NOR", "envoy_out", "against")),
    # a phrasal verb is read with its particle ("thrown out" removes; "throw" alone does not): found in bbc5-read
    ([ENVOY_OUT], "Iceland's demand that Lars Berg be thrown out, was not met.", ("ISL", "envoy_out", "for")),
    # the ban an issue keeps in force is no burden laid on it, and a gerund keyword ("netting ban", lemmatized
    # "net ban" alone) is found as the noun it is in running text
    (BANS, "Iceland welcomed the ban on hunting with dogs.", ("ISL", "hunt_ban", "for")),
    (BANS, "Norway welcomed the netting ban.", ("NOR", "net_ban", "for")),
    (BANS, "Norway opposes the netting ban.", ("NOR", "net_ban", "against")),
    # found in review: "without restrictions" in the proposition does not make restrictions the issue's own word
    ([CONVOYS], "Norway wants restrictions on aid convoys.", ("NOR", "convoys", "against")),
])
def test_issues_that_remove_or_ban(issues, text, expected):
    assert positions_on(issues, text) == {expected}


HUNT_AND_COMPENSATION = [BANS[1], {"id": "compensation", "label": "Compensation for the ban", "keywords": ["compensation"],
                                    "proposition": "Hunt staff who lose from the ban are paid compensation"}]


@pytest.mark.parametrize("issues,text,expected", [
    # found reading a fresh fold: "the ban" names the one issue whose compound keyword ("hunting ban") it heads,
    # though "ban", a proposition word of two issues, is too weak a word to name it alone
    (HUNT_AND_COMPENSATION, "Iceland welcomed the ban.", {("ISL", "hunt_ban", "for")}),
    (HUNT_AND_COMPENSATION, "Norway says it will fight this ban.", {("NOR", "hunt_ban", "against")}),
    # not when two issues have a ban, nor when the phrase says which other ban it is, nor "a ban"
    (BANS, "Iceland welcomed the ban.", set()),
    (HUNT_AND_COMPENSATION, "Iceland welcomed the export ban.", set()),
    (HUNT_AND_COMPENSATION, "Iceland welcomed the ban on smoking.", set()),
    (HUNT_AND_COMPENSATION, "Iceland would welcome a ban.", set()),
    # found in review: a date after it says nothing of which ban; a proper adjective does ("the Scottish ban")
    (HUNT_AND_COMPENSATION, "Iceland welcomed the ban on Friday.", {("ISL", "hunt_ban", "for")}),
    (HUNT_AND_COMPENSATION, "Iceland welcomed the Scottish ban.", set()),
    # nor does a word that names no issue alone ("deal"), nor a head that is no word of the proposition
    ([{"id": "mackerel", "label": "Mackerel shared", "keywords": ["mackerel deal"],
       "proposition": "Norway and Iceland share the mackerel catch under a deal"}], "Iceland rejected the deal.", set()),
    ([BANS[1], {"id": "appeal", "label": "Appeal heard", "keywords": ["human rights"],
                "proposition": "The appeal against the ban is heard in Strasbourg"}],
     "Iceland vowed to defend its rights.", set()),
])
def test_a_definite_head_of_a_compound_keyword_names_its_issue(issues, text, expected):
    assert positions_on(issues, text) == expected


NET_CUTS = [{"id": "net_cuts", "label": "Net licences cut", "keywords": ["licence cuts"],
             "proposition": "Drift net licences are cut by half"},
            {"id": "cuts_talks", "label": "Cuts negotiated", "keywords": ["consultation"],
             "proposition": "The cuts are negotiated with the crews"}]


@pytest.mark.parametrize("text,expected", [
    # found reading bbc2-read: a bare plural that a strike or protest is over names the issue as "the cuts" would
    # (the head of its compound keyword, though a word of two propositions), whether the model reads "over" as a
    # preposition or as the verb's particle
    ("Icelandic crews voted to strike over cuts for one day.", {("ISL", "net_cuts", "against")}),
    ("Iceland staged protests over cuts on Friday.", {("ISL", "net_cuts", "against")}),
    # the topic of talks is no stance; found in review: nor is a bare plural under anything but a protest, nor a
    # strike not held
    ("Iceland held talks over cuts.", set()),
    ("Iceland opposed a moratorium on cuts.", set()),
    ("Iceland agreed to hold a vote on cuts.", set()),
    ("Icelandic crews voted not to strike over cuts.", set()),
    ("Iceland will not strike over the licence cuts.", set()),
])
def test_a_bare_plural_a_quarrel_is_over_names_its_issue(text, expected):
    assert positions_on(NET_CUTS, text) == expected


def test_a_strike_over_an_issue_is_a_protest_event_against_it():
    found = {(s.actor, s.action, s.issue, s.stance) for s in analyze(
        "Icelandic crews voted to strike over the licence cuts.", dossier=Dossier.model_validate(
            {"name": "Nets", "actors": DOSSIER.model_dump()["actors"], "issues": NET_CUTS})).statements}
    assert ("ISL", "protest", "net_cuts", "against") in found and not any(a == "oppose" for _, a, _, _ in found)


def test_two_issues_under_one_noun_of_undoing_stay_two():
    # found in review: both issues named under "the removal of" keep their own mentions
    found = positions("Iceland demanded the removal of the fishing levy and of the cap.")
    assert {(a, i) for a, i, _ in found} == {("ISL", "levy_cut"), ("ISL", "catch_cap")}
