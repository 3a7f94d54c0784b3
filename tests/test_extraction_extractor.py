"""Extraction on sentences we write: actors, actions, targets, negation, conditions, stance, attribution.

Each case names what a reader would tell from the sentence; the dossier below is our own fictional negotiation.
"""
from __future__ import annotations

import pytest

from parley import analyze
from parley.dossier import Dossier
from parley.settings import Settings

DOSSIER = Dossier.model_validate({
    "name": "Harbour talks",
    "actors": [{"id": "NOR", "name": "Norway", "aliases": ["Oslo"], "people": ["Ingrid Dahl"]},
               {"id": "ISL", "name": "Iceland", "aliases": ["Reykjavik"]},
               {"id": "EU", "name": "European Union", "aliases": ["Brussels"]}],
    "issues": [{"id": "quota", "label": "Mackerel quota raised", "proposition": "Iceland's mackerel quota is raised",
                "keywords": ["mackerel quota", "quota"]},
               {"id": "port_access", "label": "Port access", "proposition": "Icelandic boats may land fish in Norwegian ports",
                "keywords": ["port access", "ports", "land their catch"]}],
})


def statements(text: str, dossier: Dossier | None = DOSSIER):
    return analyze(text, dossier=dossier).statements


def test_what_a_party_may_have_to_accept_is_no_stance_of_its_own() -> None:
    assert not [s for s in statements("If talks fail, Iceland may have to accept a lower mackerel quota.") if s.issue]
    assert [(s.actor, s.issue) for s in statements("Iceland agreed to accept a lower mackerel quota.")
            if s.issue] == [("ISL", "quota")]


@pytest.mark.parametrize("text", [
    "Iceland said port access is a prerequisite for a higher mackerel quota.",
    "Iceland said port access was a precondition for raising the mackerel quota.",   # a gerund after "for"
])
def test_a_prerequisite_for_something_wants_the_prerequisite_and_the_rest_only_on_that_condition(text: str) -> None:
    found = {(s.actor, s.issue, s.stance, s.condition) for s in statements(text)}
    assert ("ISL", "port_access", "for", None) in found
    assert ("ISL", "quota", "conditional", "port access") in found


def test_talks_a_quoted_party_speaks_of_are_its_talks() -> None:
    text = '"The harbour talks have not been paused," the Norwegian minister Ingrid Dahl told a radio station.'
    assert ("NOR", "consult") in {(s.actor, s.action) for s in statements(text)}


def test_a_demand_keeps_its_infinitive_when_the_parser_hangs_it_on_the_main_verb() -> None:
    # the parse puts "to open" under "came"; what is demanded is still Norway opening its ports
    found = {(s.actor, s.action, s.issue, s.stance)
             for s in statements("The deal came despite an EU demand for Norway to open its ports.")}
    assert ("EU", "demand", "port_access", "for") in found


def test_a_purpose_after_a_demand_is_not_what_is_demanded() -> None:
    found = {(s.actor, s.issue, s.stance) for s in statements(
        "Talks resumed after a Norwegian demand for port access to ease the mackerel quota dispute.")}
    assert found == {("NOR", "port_access", "for")}


def triples(text: str, dossier: Dossier | None = DOSSIER) -> set[tuple]:
    return {(s.actor, s.action, s.target) for s in statements(text, dossier)}


@pytest.mark.parametrize("text,expected", [
    ("Norway demanded that Iceland cut its mackerel quota.", ("NOR", "demand", "ISL")),
    ("Iceland rejected the Norwegian proposal on port access.", ("ISL", "reject", "NOR")),
    ("The proposal was rejected by Reykjavik.", ("ISL", "reject", None)),
    ("Oslo praised Brussels for its patience.", ("NOR", "praise", "EU")),
    ("Norwegian officials met Icelandic negotiators in Bergen.", ("NOR", "consult", "ISL")),
    ("Iceland has opened up to the idea of a lower quota.", ("ISL", "yield", None)),
    ("The European Union threatened to suspend the talks.", ("EU", "threaten", None)),
])
def test_actions_actors_and_targets(text, expected):
    assert expected in triples(text)


def test_coordinated_subjects_give_one_statement_each():
    found = triples("Norway and the European Union denied the report.")
    assert {("NOR", "deny"), ("EU", "deny")} <= {(a, b) for a, b, _ in found}


def test_a_person_is_tied_to_a_party_by_title_and_keeps_it():
    result = analyze("Icelandic Fisheries Minister Jon Arason met reporters. Arason rejected the quota plan.",
                     dossier=DOSSIER)
    assert result.people.get("Jon Arason") == "ISL"
    assert any(s.actor == "ISL" and s.speaker == "Jon Arason" and s.action == "reject" for s in result.statements)


def test_negation_turns_agreement_into_rejection():
    [statement] = [s for s in statements("Iceland will never accept a lower mackerel quota.") if s.actor == "ISL"]
    # the refusal itself is affirmed: it is an event, not a non-event
    assert statement.action == "reject" and not statement.negated and statement.stance == "against"


def test_conditions_are_kept_and_make_the_stance_conditional():
    found = statements("Norway backs more port access, but only if Iceland lowers its quota.")
    [backing] = [s for s in found if s.action == "support" and s.issue == "port_access"]
    assert backing.stance == "conditional"
    assert backing.condition.startswith("only if Iceland lowers")
    # the condition is Norway's stance too: it wants Iceland's quota lowered, not raised
    assert [(s.issue, s.stance) for s in found if s.issue != "port_access"] == [("quota", "against")]


def test_a_demand_for_a_negated_proposition_is_against_it():
    [demand] = [s for s in statements("Norway demands that Iceland never raise its mackerel quota.")
                if s.action == "demand"]
    assert demand.issue == "quota" and demand.stance == "against"


def test_reported_speech_gives_the_speaker_stance_and_the_outlet_reports_it():
    [cue] = statements("Ingrid Dahl said that more port access would be unacceptable to Oslo, NRK reported.")
    assert (cue.actor, cue.action, cue.issue, cue.stance, cue.speaker) == ("NOR", "reject", "port_access", "against",
                                                                          "Ingrid Dahl")


def test_quotes_get_their_speaker_even_when_unbalanced_marks_surround_them():
    result = analyze('“We will not give up our ports,” Ingrid Dahl said. Then a stray “ mark appears.', dossier=DOSSIER)
    assert [(q.speaker, q.actor) for q in result.quotes] == [("Ingrid Dahl", "NOR")]


def test_without_a_dossier_states_come_from_the_world_gazetteer():
    found = triples("Ghanaian troops withdrew from the border, and Togo welcomed the move.", dossier=None)
    assert ("GHA", "retreat", None) in found
    assert any(a == "TGO" and b == "support" for a, b, _ in found)


def test_an_uppercase_us_is_a_party_not_a_pronoun():
    assert ("USA", "reject", None) in triples("The US rejected the plan.", dossier=None)


def test_pronoun_references_do_not_loop():
    text = "Its talks with its allies resumed after it said its partners backed its plan for its talks."
    assert isinstance(statements(text, dossier=None), list)


@pytest.mark.parametrize("text,stance", [
    ("Iceland is not yet ready to accept the new quota.", "conditional"),       # held back, not refused
    ("Iceland threatened to walk out of the talks on the quota.", "conditional"),  # in only on its own terms
    ("Iceland rejected the new quota.", "against"),
    # "has yet to" is "has not yet": held back, as "has not yet accepted" is (found reading a fresh fold)
    ("Iceland has yet to accept the new quota.", "conditional"),
    ("Iceland has not yet accepted the new quota.", "conditional"),
    ("Iceland is yet to sign up to the new quota.", "conditional"),
])
def test_stances_that_hinge(text: str, stance: str) -> None:
    found = [(s.actor, s.issue, s.stance) for s in statements(text) if s.issue]
    assert found == [("ISL", "quota", stance)]


def test_a_protest_is_the_act_and_what_it_demands_its_goal() -> None:
    found = statements("Thousands of Icelandic fishermen rallied in Reykjavik to demand a higher quota.")
    assert {(s.actor, s.action, s.plover, s.issue, s.stance) for s in found} == {
        ("ISL", "protest", "PROTEST", None, None), ("ISL", "protest", "PROTEST", "quota", "for")}


@pytest.mark.parametrize("text,expected", [
    ("Norway failed to support the quota deal.", set()),                    # what did not happen is no event
    ("Norway may suspend port access if the talks collapse.", {("NOR", "threaten", None)}),
    ("Oslo said that raising the quota was out of the question.", {("NOR", "reject", None)}),
    ("Iceland said Norway must agree to a lower quota.", {("ISL", "demand", "NOR")}),
])
def test_what_was_not_done(text: str, expected: set) -> None:
    assert triples(text) == expected


def test_a_long_one_line_text_is_text_not_a_file_name() -> None:
    sentence = "Norway demanded that Iceland cut its mackerel quota, " + "and the talks went on, " * 20 + "said Oslo."
    assert len(sentence) > 255  # longer than a file name may be
    assert ("NOR", "demand", "ISL") in triples(sentence)


def test_what_a_party_put_forward_in_a_relative_clause() -> None:
    found = {(s.actor, s.action, s.issue, s.stance)
             for s in statements("Norway rejected the quota cuts that Iceland put forward on Monday.")}
    # the issue is a quota *raised*: rejecting cuts is for it, putting cuts forward against it
    assert found == {("NOR", "reject", "quota", "for"), ("ISL", "propose", "quota", "against")}


def test_a_sticking_point_is_what_a_party_will_not_accept() -> None:
    found = [(s.actor, s.action, s.issue, s.stance)
             for s in statements("The main sticking point for Iceland is access to Norwegian ports.")]
    assert found == [("ISL", "reject", "port_access", "against")]


TRADE = Dossier.model_validate({
    "name": "Fish trade talks",
    "actors": [{"id": "NOR", "name": "Norway", "aliases": ["Oslo"]}, {"id": "ISL", "name": "Iceland"}],
    "issues": [{"id": "fish_tariffs", "label": "Norway taxes Icelandic fish",
                "proposition": "Norway imposes tariffs on Icelandic fish", "keywords": ["tariffs", "countermeasures"]},
               {"id": "fish_deal", "label": "Fisheries deal", "proposition": "Norway and Iceland conclude a fisheries deal",
                "keywords": ["fisheries deal", "fisheries agreement"]}],
})


@pytest.mark.parametrize("text", [
    "Norway suspended its tariffs on Icelandic fish in hopes of reaching a fisheries deal.",
    "Oslo suspended its tariffs on Icelandic fish to salvage the fisheries deal.",
])
def test_a_concession_made_for_a_goal(text: str) -> None:
    """Undoing what an issue proposes is against it; doing so for a goal makes it conditional on the goal."""
    found = {(s.actor, s.issue, s.stance) for s in statements(text, TRADE)}
    assert found == {("NOR", "fish_tariffs", "conditional"), ("NOR", "fish_deal", "for")}


def test_what_that_spells_out_is_part_of_the_stance() -> None:
    found = statements("Norway remains ready to act, and that includes tariffs on Icelandic fish if required.", TRADE)
    assert [(s.actor, s.issue, s.stance, s.condition) for s in found] == [
        ("NOR", "fish_tariffs", "conditional", "if required")]


@pytest.mark.parametrize("text,action,negated", [
    ("Iceland will not accept the new quota.", "reject", False),     # a refusal took place
    ("Iceland has not agreed to the new quota.", "reject", True),    # nothing was done
    ("Iceland did not demand a new quota.", "demand", True),
])
def test_negation_refuses_or_tells_of_nothing_done(text: str, action: str, negated: bool) -> None:
    assert [(s.action, s.negated) for s in statements(text)] == [(action, negated)]


def test_any_deal_must_sets_the_terms_of_support() -> None:
    found = {(s.issue, s.stance, s.condition) for s in
             statements("Norway said any quota deal must give Icelandic boats access to Norwegian ports.")}
    assert ("quota", "conditional", "give Icelandic boats access to Norwegian ports") in found
    assert ("port_access", "for", None) in found


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text,stance", [
    # a thing that must reach the other side too is taken only on that condition
    ("Iceland said the mackerel quota must apply to Norwegian boats as well.", "conditional"),
    ("Iceland said the mackerel quota must extend to Norwegian boats too.", "conditional"),
    ("Iceland said the mackerel quota must apply to Norwegian boats.", "for"),   # no stretch to others: asked for
    ("Iceland said the mackerel quota must apply to boats that fish too close to the coast.", "for"),
])
def test_a_thing_that_must_reach_the_other_side_too(text: str, stance: str, selective: bool) -> None:
    settings = Settings().model_copy(update={"selective_parsing": selective})
    found = analyze(text, dossier=DOSSIER, settings=settings).positions
    assert {(p.actor, p.issue, p.stance) for p in found} == {("ISL", "quota", stance)}


@pytest.mark.parametrize("text,expected", [
    # accepting X on condition Y wants Y; rejecting X if Y opposes Y
    ("Iceland could consider a lower quota if Norway grants port access.",
     {("quota", "conditional"), ("port_access", "for")}),
    ("Iceland is open to a lower quota if it gets access to Norwegian ports.",
     {("quota", "conditional"), ("port_access", "for")}),
])
def test_the_condition_is_a_stance_of_its_own(text: str, expected: set) -> None:
    assert {(s.issue, s.stance) for s in statements(text) if s.actor == "ISL" and s.issue} == expected


@pytest.mark.parametrize("text", [
    "Norway is willing to reopen the ports as long as Iceland drops its quota demand.",   # on the verb the cue takes
    "Norway would back port access on condition that Iceland drops its quota demand.",    # on the object
    "Norway is prepared to discuss port access if Iceland drops its quota demand.",
])
def test_a_condition_where_the_model_hangs_it_lower(text: str) -> None:
    assert {(s.issue, s.stance) for s in statements(text) if s.actor == "NOR" and s.issue} == {
        ("port_access", "conditional"), ("quota", "against")}


@pytest.mark.parametrize("text", [
    "Norway is ready to support port access for boats until midnight.",
    "Norway is willing to discuss port access until late into the night.",
    "Norway agreed to a review of port access until next year.",
])
def test_until_a_time_is_no_condition(text: str) -> None:
    assert {(s.issue, s.stance) for s in statements(text) if s.actor == "NOR" and s.issue} == {("port_access", "for")}


def test_until_an_event_is_a_condition() -> None:
    found = statements("Norway will not support port access until the withdrawal of Icelandic boats.")
    assert [(s.issue, s.stance, s.condition) for s in found if s.actor == "NOR" and s.issue == "port_access"] == [
        ("port_access", "conditional", "until the withdrawal of Icelandic boats")]


def test_a_stance_on_the_position_hangs_on_the_copula() -> None:
    found = statements("Oslo has remained firm on its position over the mackerel quota.")
    assert [(s.actor, s.issue, s.stance) for s in found] == [("NOR", "quota", "for")]


@pytest.mark.parametrize("text,stance", [
    ("Oslo said that Iceland remains adamant on raising the quota.", "for"),   # what a party insists on
    ("Oslo said it is clear that Iceland does not want a lower quota.", None),  # blame, not its position
])
def test_one_party_telling_another_s_stance(text: str, stance: str | None) -> None:
    assert [s.stance for s in statements(text) if s.actor == "ISL"] == [stance]


@pytest.mark.parametrize("text,outlet", [
    ("Iceland rejected the quota, according to the Icelandic newspaper Dagfrettir.", "Dagfrettir"),
    ("Iceland rejected the quota, the Icelandic broadcaster RUV reported.", "RUV"),
])
def test_a_medium_named_after_its_common_noun_is_an_outlet(text: str, outlet: str) -> None:
    assert [s.reported_by for s in statements(text)] == [[outlet]]


RELIEF = Dossier.model_validate({
    "name": "Sanctions talks",
    "actors": [{"id": "NOR", "name": "Norway"}, {"id": "ISL", "name": "Iceland"}],
    "issues": [{"id": "relief", "label": "Sanctions lifted", "proposition": "Sanctions on Iceland are lifted",
                "keywords": ["sanctions"]}],
})


@pytest.mark.parametrize("text,stance", [
    ("Iceland condemned the sanctions.", "for"),          # against the sanctions: for lifting them
    ("Norway backs the sanctions.", "against"),
    ("Norway agreed to lift the sanctions.", "for"),
    ("Norway rejected calls to lift the sanctions.", "against"),
    ("Iceland demanded sanctions relief.", "for"),        # "relief" is lifting here, though it is also aid
])
def test_an_issue_that_takes_something_away(text: str, stance: str) -> None:
    assert [s.stance for s in statements(text, RELIEF) if s.issue == "relief"] == [stance]


@pytest.mark.parametrize("text,stance", [
    ("Iceland said the sanctions were an obstacle to peace.", "for"),   # the thing itself, opposed
    ("Norway rejected any change to the sanctions.", "against"),         # a change to it, refused
])
def test_only_the_bare_thing_counts_as_what_is_taken_away(text: str, stance: str) -> None:
    assert [s.stance for s in statements(text, RELIEF) if s.issue == "relief"] == [stance]


AIRPORT = Dossier.model_validate({
    "name": "Airport talks",
    "actors": [{"id": "NOR", "name": "Norway"}, {"id": "ISL", "name": "Iceland"}],
    "issues": [{"id": "reopening", "label": "Airport reopened", "proposition": "The island airport reopens to flights",
                "keywords": ["island airport"]},
               {"id": "checks", "label": "Flights checked", "proposition": "Flights into the island airport are inspected",
                "keywords": ["inspection", "inspected"]}],
})


@pytest.mark.parametrize("text,issue", [
    # the words both propositions share (flights, the airport) tell nothing; the clause's predicate does
    ("Norway demanded that flights at the island airport be inspected.", "checks"),
    ("Iceland wants the island airport reopened.", "reopening"),
])
def test_the_predicate_of_a_clause_tells_issues_that_share_their_nouns_apart(text: str, issue: str) -> None:
    assert [s.issue for s in statements(text, AIRPORT) if s.issue] == [issue]



def test_a_condition_without_an_issue_of_its_own_still_says_what_is_wanted() -> None:
    found = statements("Norway said it could improve its offer if Iceland granted access to its ports.")
    assert ("NOR", "propose", "port_access", "for") in {(s.actor, s.action, s.issue, s.stance) for s in found}


def test_a_name_with_a_title_in_apposition_is_a_person_whatever_the_tagger_says() -> None:
    result = analyze('"We will sign the quota deal next week," Ana Brekke, head of Norway\'s fisheries agency, '
                     "told reporters in Bergen.", dossier=DOSSIER)
    assert result.people.get("Ana Brekke") == "NOR"
    assert [(q.speaker, q.actor) for q in result.quotes] == [("Ana Brekke", "NOR")]


def test_terms_set_for_an_issue_named_by_its_opposite_stay_conditional() -> None:
    found = {(s.issue, s.stance) for s in
             statements("Norway said any quota cut must give Icelandic boats access to Norwegian ports.")}
    assert ("quota", "conditional") in found


def test_both_sides_are_the_two_parties_named_most():
    text = "Norway met Iceland in Bergen. Oslo and Reykjavik traded offers. Both sides rejected the proposal."
    assert {("NOR", "reject"), ("ISL", "reject")} <= {(a, b) for a, b, _ in triples(text)}


def test_a_demand_in_trade_wants_what_it_asks_and_offers_the_rest_on_condition():
    found = {(s.actor, s.issue, s.stance) for s in statements(
        "Iceland demanded a higher mackerel quota in exchange for port access.") if s.issue}
    assert found == {("ISL", "quota", "for"), ("ISL", "port_access", "conditional")}


def test_refusing_until_another_party_acts_is_no_act_of_that_party():
    assert ("ISL", "agree") not in {(a, b) for a, b, _ in triples(
        "Norway will not sign until Iceland agrees to a lower mackerel quota.")}


# Vocabulary by PLOVER category: synonyms beyond the words the gold sets happen to use. Each sentence is our own.
@pytest.mark.parametrize("text,expected", [
    ("Iceland beseeched Norway to reopen its ports.", ("ISL", "demand")),            # REQUEST
    ("Norway lobbied for a higher quota.", ("NOR", "demand")),
    ("Oslo brushed aside the Icelandic offer.", ("NOR", "reject")),                  # REJECT
    ("Reykjavik defied the ban on landing fish.", ("ISL", "reject")),
    ("Norway terminated the fisheries agreement with Iceland.", ("NOR", "reject")),
    ("Oslo voted against the quota plan.", ("NOR", "oppose")),
    ("Norway walked away from the talks.", ("NOR", "reject")),                      # "away" read as an adverb
    ("Norway slammed the door on further talks.", ("NOR", "reject")),
    ("Iceland lashed out at Norway over the quota.", ("ISL", "criticize")),          # ACCUSE
    ("Norway reprimanded Iceland for its boats.", ("NOR", "criticize")),
    ("Iceland sued Norway over the port fees.", ("ISL", "accuse")),
    ("Norway filed a complaint against Iceland.", ("NOR", "accuse")),
    ("Iceland apologised to Norway for the delay.", ("ISL", "support")),             # SUPPORT
    ("Oslo threw its weight behind the Icelandic plan.", ("NOR", "support")),
    ("Norway paid tribute to Iceland's negotiators.", ("NOR", "praise")),
    ("Norwegian and Icelandic officials haggled over the quota.", ("NOR", "consult")),  # CONSULT
    ("Norwegian negotiators are hammering out a deal with Iceland.", ("NOR", "consult")),
    ("Iceland backtracked on its demand for port access.", ("ISL", "yield")),        # CONCEDE
    ("Norway bowed to pressure and cut the fees.", ("NOR", "yield")),
    ("Norway and Iceland joined forces against the pirates.", ("NOR", "cooperate")),   # COOPERATE
    ("Norway extended a loan to Iceland.", ("NOR", "aid")),                           # AID
    ("Iceland announced the withdrawal of its patrol boats.", ("ISL", "retreat")),   # RETREAT
    ("Norway paid compensation to Icelandic trawler owners for the seized nets.", ("NOR", "retreat")),  # CAMEO 0842
    ("Norway severed ties with Iceland.", ("NOR", "sanction")),                       # SANCTION
    ("Norway announced a suspension of flights to Iceland.", ("NOR", "sanction")),
    ("Iceland recalled its observers from the fishing grounds.", ("ISL", "sanction")),
    ("Norway beefed up its coast guard.", ("NOR", "mobilize")),                       # MOBILIZE
    ("Icelandic police rounded up the protesters.", ("ISL", "coerce")),              # COERCE
    ("Norway outlawed the fishermen's union.", ("NOR", "coerce")),
    ("Icelandic gunmen kidnapped two Norwegian sailors.", ("ISL", "assault")),       # ASSAULT (CAMEO 181)
    ("Norwegian dockers walked off the job.", ("NOR", "protest")),                    # PROTEST
    ("Norway vowed to retaliate against Iceland.", ("NOR", "threaten")),             # a vow of force
    ("Norwegian and Icelandic gunboats exchanged fire.", ("ISL", "assault")),
    ("Norway held naval drills off Iceland.", ("NOR", "mobilize")),                  # CAMEO 150
    ("Norway and Iceland held joint naval drills.", ("ISL", "cooperate")),
    ("Norway summoned the Icelandic ambassador over the seizure.", ("NOR", "accuse")),
    ("Norway granted Iceland a loan of 200 million crowns.", ("NOR", "aid")),       # a loan granted, not a demand met
    ("Norway closed its border with Iceland.", ("NOR", "coerce")),                  # CAMEO 191
    ("Norway fined the Icelandic trawler owners.", ("NOR", "coerce")),              # CAMEO 172
    ("A Norwegian court ruled against Iceland.", ("NOR", "accuse")),                # CAMEO 116
    ("Norway called the Icelandic proposal a trap.", ("NOR", "criticize")),
    ("Norway lodged a strong protest with Iceland.", ("NOR", "accuse")),           # an official complaint, CAMEO 114
    ("Norway carried out a wave of air strikes on Icelandic boats.", ("NOR", "assault")),
    ("Norway and Iceland swapped 20 detainees.", ("NOR", "retreat")),              # CAMEO 0841
    ("Norwegian dockers staged a series of walkouts.", ("NOR", "protest")),
    ("Thousands of Icelanders took to the streets of Reykjavik.", ("ISL", "protest")),
    # words against a policy are criticism, a blow of arms stays an assault
    ("Norway attacked Iceland's handling of the talks.", ("NOR", "criticize")),
    ("Norwegian troops attacked the Icelandic convoy.", ("NOR", "assault")),
    ("Norway hit back at Iceland over the quota.", ("NOR", "criticize")),
    ("Icelandic militants hit out at the Norwegian mediators.", ("ISL", "criticize")),   # armed, but words
    ("Norwegian troops hit back at Icelandic gunboats with artillery.", ("NOR", "assault")),
    ("The Norwegian minister took a swipe at Iceland.", ("NOR", "criticize")),
    ("Norway savaged the Icelandic plan as reckless.", ("NOR", "criticize")),
    ("Norway heaped praise on the Icelandic negotiators.", ("NOR", "praise")),
    ("Norwegian officials briefed Iceland on the plan.", ("NOR", "consult")),
    ("The Norwegian envoy shuttled between Oslo and Reykjavik.", ("NOR", "consult")),
    ("Norway said it would respect the truce from midnight.", ("NOR", "agree")),       # keeping to a deal
])
def test_vocabulary_covers_each_plover_category(text: str, expected: tuple) -> None:
    assert expected in {(s.actor, s.action) for s in statements(text)}


def test_withdrawing_monitors_with_intent_is_a_threat_and_troops_a_retreat() -> None:
    # CAMEO 166: withdrawing one's own inspectors or envoys reduces relations; held out for the future, a threat
    assert ("ISL", "threaten") in {(s.actor, s.action) for s in
                                   statements("Iceland said it will withdraw its inspectors from Norway.")}
    assert ("NOR", "retreat") in {(s.actor, s.action) for s in
                                  statements("Norway withdrew its troops from the border.")}


@pytest.mark.parametrize("text,expected", [
    ("A human rights group condemned the arrests of the fishermen.", ("NGO", "criticize")),
    ("Aid agencies suspended their deliveries to the port.", ("NGO", "sanction")),
])
def test_unnamed_rights_and_aid_groups_are_ngo_as_plover_codes_them(text: str, expected: tuple) -> None:
    assert expected in {(s.actor, s.action) for s in statements(text, None)}


@pytest.mark.parametrize("text,threat", [
    ("Aid agencies warned of famine in the north.", False),          # a peril: nobody's act
    ("Despite warnings of starvation from aid agencies, Norway kept the ban.", False),
    ("Norway warned of retaliation if Iceland raised its quota.", True),
])
def test_a_warning_of_a_peril_is_no_threat(text: str, threat: bool) -> None:
    assert any(s.action == "threaten" for s in statements(text, None)) == threat


@pytest.mark.parametrize("text,expected", [
    ("Norway is ready to impose sanctions on Iceland.", ("NOR", "threaten")),   # a hostile act held out
    ("Norway is ready to sign the quota deal.", ("NOR", "agree")),              # a deal held out
    ("Norway said it was prepared to veto any quota deal.", ("NOR", "threaten")),  # a veto held out
    ("Norway vowed to block the quota deal.", ("NOR", "threaten")),                # not a pledge to agree
    ("Norway vowed to derail the quota deal.", ("NOR", "threaten")),
    ("Norway vowed to fight the quota deal.", ("NOR", "oppose")),                 # a vow of opposing opposes
    ("Norway vowed to resist the quota deal.", ("NOR", "oppose")),
    ("Norway balloted its dockers on strikes.", ("NOR", "threaten")),          # a strike ballot, not a strike
    ("Norwegian dockers went on strike.", ("NOR", "protest")),
])
def test_readiness_and_ballots_for_hostile_acts_are_threats(text: str, expected: tuple) -> None:
    assert expected in {(s.actor, s.action) for s in statements(text)}


def test_a_party_wanted_in_the_passive_demands_nothing() -> None:
    text = "Norway gave asylum to two Icelandic sailors who fled the island and are wanted at home."
    assert "demand" not in {s.action for s in statements(text)}


@pytest.mark.parametrize("text,expected", [
    ("Iceland admitted Norwegian inspectors to its fish plants.", ("ISL", "retreat")),  # CAMEO 0862
    ("Norway will send an envoy to Reykjavik to mediate between the fishermen.", ("NOR", "agree")),  # planned
])
def test_letting_in_monitors_and_planned_mediation(text: str, expected: tuple) -> None:
    assert expected in {(s.actor, s.action) for s in statements(text)}


def test_the_purpose_of_a_planned_visit_is_planned_too() -> None:
    found = {(s.actor, s.action) for s in statements("Norway's minister will visit Iceland to mediate in the dispute.")}
    assert ("NOR", "consult") not in found and ("NOR", "agree") in found


def test_an_act_in_a_clause_of_time_sets_the_scene_and_is_not_the_news() -> None:
    found = {(s.actor, s.action) for s in statements(
        "Norway suspended its flights to Iceland, a day after Icelandic gunboats shelled a Norwegian trawler.")}
    assert ("NOR", "sanction") in found and ("ISL", "assault") not in found


@pytest.mark.parametrize("text,kept,dropped", [
    ("Norwegian dockers shunned work on Monday to protest the quota.", ("NOR", "protest"), ("NOR", "reject")),
    ("Norway opened the border to allow the delivery of Icelandic fish.", ("NOR", "retreat"), ("NOR", "yield")),
])
def test_an_act_and_the_purpose_it_serves_are_one_event(text: str, kept: tuple, dropped: tuple) -> None:
    found = {(s.actor, s.action) for s in statements(text)}
    assert kept in found and dropped not in found


@pytest.mark.parametrize("text,expected", [
    ("Norway called Iceland's quota plan reckless.", ("NOR", "criticize", "ISL")),
    ("Iceland described the Norwegian offer as insulting.", ("ISL", "criticize", "NOR")),
    ("Iceland expressed deep disappointment at Norway.", ("ISL", "criticize", "NOR")),
    ("Norway called the Icelandic offer generous.", None),   # praise of a kind: no criticism
])
def test_calling_a_party_or_its_doing_a_wrong_criticises_it(text: str, expected: tuple | None) -> None:
    # the issue linker's reading of the same words ("against the quota") is a stance, with no target
    found = {(s.actor, s.action, s.target) for s in statements(text) if s.action == "criticize" and s.rule != "link"}
    assert found == ({expected} if expected else set())


def test_a_verb_of_saying_after_its_clause_may_put_its_subject_last() -> None:
    # quotative inversion: "..., warn Icelandic officials" is the officials' warning
    found = {(s.actor, s.action) for s in statements(
        "Trawlers could be seized if Norway keeps the ban, warn Icelandic officials.")}
    assert ("ISL", "threaten") in found


@pytest.mark.parametrize("text,expected", [
    ("Iceland said the Norwegian figures were an exaggeration.", ("ISL", "deny")),
    ("Iceland dismissed Norway's accusations as baseless.", ("ISL", "deny")),      # an answer to a claim denies
    ("Icelandic dockers issued a strike notice to Norway.", ("ISL", "threaten")),
    ("Iceland issued a 72-hour notice to Norway.", ("ISL", "threaten")),
    ("Norway encouraged Iceland to return to the table.", ("NOR", "demand")),
])
def test_denials_notices_and_encouragement(text: str, expected: tuple) -> None:
    assert expected in {(s.actor, s.action) for s in statements(text)}


def test_putting_out_a_statement_is_no_release() -> None:
    assert "retreat" not in {s.action for s in statements("Norway released a statement on the quota talks.")}


@pytest.mark.parametrize("text,action", [
    ("Norway launched air strikes on Icelandic boats.", "assault"),
    ("Norway carried out strikes on Reykjavik.", "assault"),
    ("Norwegian dockers staged a strike.", "protest"),
    ("Norwegian dockers staged strikes against the port owners.", "protest"),
])
def test_a_strike_by_weapon_or_on_a_place_is_an_attack(text: str, action: str) -> None:
    assert {s.action for s in statements(text) if s.actor == "NOR"} == {action}


def test_what_a_party_is_warned_against_is_not_its_act() -> None:
    found = {(s.actor, s.action) for s in statements("Norway warned Iceland against sending troops to the border.")}
    assert ("NOR", "threaten") in found and not any(actor == "ISL" for actor, _ in found)


@pytest.mark.parametrize("text,rejects", [
    ("Norway's spokesman declined to say whether the minister backed the plan.", False),
    ("Norway declined to confirm the figures.", False),
    ("Norway refused to respond to Iceland's demand.", True),   # a demand left unanswered is turned down
    ("Norway refused to lift the ban.", True),
])
def test_declining_to_comment_turns_nothing_down(text: str, rejects: bool) -> None:
    assert ("reject" in {s.action for s in statements(text) if s.actor == "NOR"}) == rejects


@pytest.mark.parametrize("text,expected", [
    ("Norway said it would not release the Icelandic sailors until Iceland lifts its ban.", ("NOR", "reject", False)),
    ("Norway will not withdraw its gunboats from the fjord.", ("NOR", "reject", False)),
    ("Norway has not released the Icelandic sailors.", None),   # nothing done, nothing refused
])
def test_refusing_to_undo_a_measure_is_a_rejection(text: str, expected: tuple | None) -> None:
    found = {(s.actor, s.action, s.negated) for s in statements(text) if not s.negated and s.actor == "NOR"}
    assert found == ({expected} if expected else set())


@pytest.mark.parametrize("text,action", [
    ("Norway pulled out of the talks.", "reject"),             # leaving talks turns them down
    ("Norway withdrew from the quota agreement.", "reject"),
    ("Norwegian troops pulled out of the town.", "retreat"),   # leaving ground is a retreat
    ("Norway suspended the talks with Iceland.", "sanction"),  # halting talks, CAMEO 164
])
def test_leaving_talks_rejects_and_leaving_ground_retreats(text: str, action: str) -> None:
    assert {s.action for s in statements(text) if s.actor == "NOR"} == {action}


def test_what_must_happen_first_has_not_happened() -> None:
    found = {(s.actor, s.action) for s in statements(
        "Norway said it would not release the Icelandic sailors until Iceland lifts its ban.")}
    assert ("NOR", "reject") in found and not any(actor == "ISL" for actor, _ in found)


def test_what_a_party_is_urged_to_do_is_not_done_even_when_parsed_as_a_purpose() -> None:
    text = ('Norway\'s prime minister urged his Icelandic counterpart on Thursday to "finalise" a quota deal with the '
            "coastal states, which Reykjavik has so far rejected.")
    found = {(s.actor, s.action) for s in statements(text)}
    assert ("NOR", "demand") in found and ("NOR", "agree") not in found


def test_a_condition_that_undoes_an_issue_is_against_it():
    found = {(s.actor, s.issue, s.stance) for s in statements(
        "Norway would accept a higher mackerel quota if Iceland drops its demand for port access.") if s.issue}
    assert ("NOR", "port_access", "against") in found


def test_cutting_the_party_a_proposition_takes_from_is_for_it():
    dossier = Dossier.model_validate({
        "name": "Quota talks", "actors": [{"id": "NOR", "name": "Norway"}, {"id": "ISL", "name": "Iceland"}],
        "issues": [{"id": "share", "label": "Larger Icelandic share",
                    "proposition": "Iceland's share of the quota is raised at the expense of Norway's",
                    "keywords": ["quota", "share"]}]})
    found = {(s.actor, s.issue, s.stance) for s in statements(
        "Norway will not accept any cut to the Norwegian quota.", dossier) if s.issue}
    assert found == {("NOR", "share", "against")}


def test_what_was_done_until_something_happened_is_done():
    assert ("NOR", "agree") in {(a, b) for a, b, _ in triples(
        "Fishing continued until Norway agreed to a lower mackerel quota last year.")}


def test_refusing_until_another_party_acts_wants_that_act():
    found = {(s.actor, s.issue, s.stance) for s in statements(
        "Norway will not sign the deal until Iceland grants port access.") if s.issue}
    assert ("NOR", "port_access", "for") in found


def test_dropping_an_opposition_to_an_issue_is_no_undoing_of_it():
    found = {(s.actor, s.issue, s.stance) for s in statements(
        "Norway would accept a higher mackerel quota if Iceland drops its opposition to port access.") if s.issue}
    assert ("NOR", "port_access", "for") in found


@pytest.mark.parametrize("text", [
    "Iceland agreed to suspend its requests for port access while the talks go on.",
    "Iceland wants Norway to withdraw the rules that would grant port access to Icelandic boats.",
])
def test_a_wish_to_undo_what_holds_the_issue_is_against_it(text: str) -> None:
    found = {(s.actor, s.issue, s.stance) for s in statements(text) if s.issue}
    assert ("ISL", "port_access", "against") in found and ("ISL", "port_access", "for") not in found


def test_unfreezing_funds_is_releasing_them_though_they_are_held() -> None:
    dossier = Dossier.model_validate({
        "name": "Funds talks", "actors": [{"id": "NOR", "name": "Norway"}, {"id": "ISL", "name": "Iceland"}],
        "issues": [{"id": "funds", "label": "Frozen funds released", "keywords": ["frozen funds", "funds"],
                    "proposition": "Icelandic funds frozen abroad are released"}]})
    found = {(s.actor, s.issue, s.stance) for s in statements(
        "Iceland has demanded that Norway unfreeze Icelandic funds held in Oslo banks.", dossier) if s.issue}
    assert found == {("ISL", "funds", "for")}


@pytest.mark.parametrize("text,action", [
    ("Iceland said it was willing to resume talks with Norway.", "propose"),   # intent to negotiate
    ("Norway is ready to discuss the mackerel quota.", "propose"),
    ("Iceland is ready to offer port access.", "propose"),
    ("Iceland is ready to sign the deal.", "agree"),                         # a commitment
])
def test_readiness_to_negotiate_is_a_proposal(text: str, action: str) -> None:
    assert {s.action for s in statements(text) if s.rule == "cue"} == {action}


@pytest.mark.parametrize("selective", [True, False])
def test_a_pejorative_of_two_words_casts_a_criticism(selective: bool) -> None:
    settings = Settings().model_copy(update={"selective_parsing": selective})
    found = {(s.actor, s.action, s.target) for s in analyze(
        'Iceland described the Norwegian comments as a "smoke screen".', dossier=DOSSIER, settings=settings).statements}
    assert ("ISL", "criticize", "NOR") in found


@pytest.mark.parametrize("text", [
    "Iceland demanded that Norway lift its ban on port access.",
    "Iceland wants Norway to remove restrictions on port access.",
    "Iceland urged Norway to scrap the fee for port access.",
])
def test_undoing_a_burden_on_the_issue_is_for_it(text: str) -> None:
    found = {(s.actor, s.issue, s.stance) for s in statements(text) if s.issue}
    assert ("ISL", "port_access", "for") in found and ("ISL", "port_access", "against") not in found


def test_readiness_to_meet_demands_is_a_concession_not_a_proposal() -> None:
    assert {s.action for s in statements("Iceland is ready to meet Norway's demands on port access.")
            if s.actor == "ISL"} == {"agree"}


def test_a_party_quoting_another_s_refusal_blames_it_and_wants_what_was_refused() -> None:
    text = ('Ingrid Dahl, Norway\'s fisheries minister, spoke after the talks. "Iceland refuses to open its ports to '
            'our boats," she said.')
    found = {(s.actor, s.action, s.issue, s.stance, s.target) for s in statements(text)}
    assert ("ISL", "reject", "port_access", "against", None) in found
    assert ("NOR", "criticize", "port_access", "for", "ISL") in found


@pytest.mark.parametrize("text", [
    '"Iceland would never accept wider port access, and neither would we," Ingrid Dahl said.',  # her own stance
    '"Like us, Iceland opposes wider port access," Ingrid Dahl said.',                           # no refusal
    '"Iceland may well reject wider port access," Ingrid Dahl said.',                           # foreseen
    'Ingrid Dahl said: "We want a fair deal." The talks broke up. "Iceland refuses to open its ports to '
    'Norwegian boats. It wants more time," a spokesman said.',                                  # no party speaks
])
def test_no_blame_without_a_party_telling_of_a_refusal_in_its_own_words(text: str) -> None:
    assert not [s for s in statements(text) if s.rule == "blame"]


def test_the_blame_goes_to_the_speaker_named_where_the_quotation_ends() -> None:
    text = ('The EU commissioner said: "We want a fair deal for everyone." The talks broke up on Monday. "Iceland '
            'refuses to give our boats port access, and it wants more time," Ingrid Dahl said.')
    assert {(s.actor, s.issue) for s in statements(text) if s.rule == "blame"} == {("NOR", "port_access")}


def test_a_refusal_told_in_reported_speech_is_no_blame() -> None:
    found = {(s.actor, s.action, s.issue) for s in statements("Norway said Iceland refused to open its ports.")}
    assert ("ISL", "reject", "port_access") in found
    assert not [a for a, action, _ in found if a == "NOR" and action == "criticize"]


def test_an_act_shared_with_parties_off_the_table_is_held_by_those_at_it() -> None:
    text = "Norway, Iceland and Sweden want port access - Brussels has urged a delay to the talks."
    found = {(s.actor, s.issue) for s in statements(text) if s.issue}
    assert ("NOR", "port_access") in found and ("ISL", "port_access") in found
    assert not [actor for actor, _ in found if actor == "SWE"]
    assert ("EU", "port_access") not in found    # the clause before the dash is not what Brussels urged


def test_an_act_without_an_issue_shared_with_a_party_off_the_table_stays_its_event_too() -> None:
    assert {s.actor for s in statements("Norway and Sweden met in Bergen.") if s.action == "consult"} == {"NOR", "SWE"}


@pytest.mark.parametrize("text,stance", [
    # giving up a demand turns it around; refusing to give it up, or not moving from it, keeps it
    ("Iceland dropped its demand for a higher mackerel quota.", "against"),
    ("Iceland gave up its demand for a higher mackerel quota.", "against"),
    ("Iceland moved away from its demand for a higher mackerel quota.", "against"),
    ("Iceland will not drop its demand for a higher mackerel quota.", "for"),
    ("Iceland did not move away from its demand for a higher mackerel quota.", "for"),
    ("Iceland refused to give up its demand for a higher mackerel quota.", "for"),
    # giving up an objection is for what it objected to; a refusal of its own plan stays a refusal
    ("Norway dropped its objection to a higher mackerel quota.", "for"),
    ("Norway will not drop its objection to a higher mackerel quota.", "against"),
    ("Norway scrapped its plan for a higher mackerel quota.", "against"),
    ("Norway ditched its plan for a higher mackerel quota.", "against"),
    ("Norway has put its demand for a higher mackerel quota on ice.", "against"),
    ("Norway set its demand for a higher mackerel quota aside.", "against"),
    ("Norway agreed to drop its opposition to a higher mackerel quota.", "for"),
    ("Norway refused to drop its opposition to a higher mackerel quota.", "against"),
    ("Norway softened its demand for a higher mackerel quota.", "for"),   # softened, the demand stands
    # pressing "against" a thing opposes it; a refusal asked for or refused turns the issue around once more
    ("Norway is lobbying against a higher mackerel quota.", "against"),
    ("Norway is lobbying for a higher mackerel quota.", "for"),
    ("Iceland wants Norway to reject a higher mackerel quota.", "against"),
    ("Norway refused to rule out a higher mackerel quota.", "for"),
    ("Norway agreed to oppose a higher mackerel quota.", "against"),
    ("Norway refused to accept a higher mackerel quota.", "against"),
    # a party that denies it would accept a thing is against it
    ("Norway denied that it would accept a higher mackerel quota.", "against"),
    ("Norway did not deny that it would accept a higher mackerel quota.", "for"),
    # the noun a light verb carries is the act, not a refusal inside it
    ("Norway voiced opposition to a higher mackerel quota.", "against"),
    ("Norway lodged an objection to a higher mackerel quota.", "against"),
    # stance nouns under "in", a limit named as the least a party takes
    ("Norway is in favour of a higher mackerel quota.", "for"),
    ("Norway voted in favour of a higher mackerel quota.", "for"),
    ("Norway came out in support of a higher mackerel quota.", "for"),
    ("Norway is not in favour of a higher mackerel quota.", "against"),
    ("Norway said a higher mackerel quota was its bottom line.", "for"),
    # one thing made to hang on another: held only on that condition
    ("Norway made port access conditional on a higher mackerel quota.", "for"),
    ("Norway made a higher mackerel quota conditional on port access.", "conditional"),
    ("Norway conditioned a higher mackerel quota on a wider deal on fishing rights.", "conditional"),
    # a judgement in a noun; "it" that stands for the clause judged, whose refusal turns the issue around
    ("Norway said a higher mackerel quota would be a mistake.", "against"),
    ("Norway said a higher mackerel quota was a waste of fish.", "against"),
    ("Norway said it would be a mistake to reject a higher mackerel quota.", "for"),
    ("Norway said it would be unacceptable to oppose a higher mackerel quota.", "for"),
    # a refusal a cue takes or asks for: "ready to reject X", "Norway should reject X" (said by Iceland)
    ("Norway is ready to reject a higher mackerel quota.", "against"),
    ("Iceland said Norway should reject a higher mackerel quota.", "against"),
    ("Iceland said Norway must drop its opposition to a higher mackerel quota.", "for"),
    # what a role verb casts a thing as, an evaluative word, discontent with a thing
    ("Norway described a higher mackerel quota as draconian.", "against"),
    ("Norway branded the mackerel quota plan unworkable.", "against"),
    ("Norway called a higher mackerel quota a trap.", "against"),
    ("Norway called Iceland's mackerel quota plan reckless.", "against"),
    ("Norway said a higher mackerel quota was flawed.", "against"),
    ("Norway is unhappy with a higher mackerel quota.", "against"),
    ("Norway said a higher mackerel quota was not in the interests of its fishermen.", "against"),
    ("Norway said a higher mackerel quota would be beneficial.", "for"),
    # found wrong in this session's review: fighting for a thing wants it, a shortfall judged is not the thing
    # judged, a negated clause judged turns once more, "wasted" is no judgement, a stance dropped with "ditched"
    ("Norway vowed to fight for a higher mackerel quota.", "for"),
    ("Norway vowed to fight a higher mackerel quota.", "against"),
    ("Norway vowed to resist a higher mackerel quota.", "against"),
    ("Norway said the failure to agree a higher mackerel quota was a mistake.", "for"),
    ("Norway said it was a mistake not to accept a higher mackerel quota.", "for"),
    ("Norway said Iceland had wasted its chance to back a higher mackerel quota.", "for"),
    ("Norway ditched its opposition to a higher mackerel quota.", "for"),
    # judgements the parse planner must see
    ("Norway said a higher mackerel quota was draconian.", "against"),
    ("Norway will combat a higher mackerel quota.", "against"),
    # found wrong in review: a participle is no condition,
    # "not just yet" negates, a negated refusal inside an agreement is no refusal
    ("Norway backed the mackerel quota provided by Iceland.", "for"),
    ("Iceland will not just yet accept a higher mackerel quota.", "conditional"),
    ("Norway agreed not to oppose a higher mackerel quota.", "for"),
    ("Iceland urged Norway not to reject a higher mackerel quota.", "for"),
])
def test_stance_is_composed_from_the_words_that_hold_it(text: str, stance: str) -> None:
    assert {p.stance for p in analyze(text, dossier=DOSSIER).positions if p.issue == "quota"} == {stance}


DOCKS = Dossier.model_validate({
    "name": "Dock dispute",
    "actors": [{"id": "PA", "name": "Port Authority", "aliases": ["the port authority"]},
               {"id": "UNI", "name": "Dockers' Union"}, {"id": "GOV", "name": "the government", "aliases": ["ministers"]}],
    "issues": [{"id": "pay", "label": "Pay rise", "proposition": "Dockers get a pay rise of 5%",
                "keywords": ["pay rise", "pay"]},
               {"id": "job_cuts", "label": "Job cuts", "proposition": "The port cuts 300 jobs",
                "keywords": ["job cuts", "cut jobs", "cuts", "redundancies"]}],
})


def test_a_condition_on_the_object_of_the_verbs_preposition() -> None:
    """"agree to X on condition that Y": the model hangs the condition from X; it is not part of what is agreed."""
    found = analyze("The port authority would agree to a pay rise on condition that 300 jobs are cut.", dossier=DOCKS)
    assert {(p.actor, p.issue, p.stance) for p in found.positions} == {("PA", "pay", "conditional"),
                                                                        ("PA", "job_cuts", "for")}


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text,expected", [
    # a party telling that one thing hangs on another: it holds the first only on that condition, wants the second
    ("Norway said port access depends on a higher mackerel quota.",
     {("NOR", "port_access", "conditional"), ("NOR", "quota", "for")}),
    ("Norway said reopening the ports would depend on a higher mackerel quota.",
     {("NOR", "port_access", "conditional"), ("NOR", "quota", "for")}),
    ("Norway said port access is conditional on a higher mackerel quota.",
     {("NOR", "port_access", "conditional"), ("NOR", "quota", "for")}),
    # nobody's stance: no party tells it, what hangs or what it hangs on is no issue, or it is denied or asked
    ("Port access depends on a higher mackerel quota, analysts say.", set()),
    ("Norway said port access depends on the weather.", set()),
    ("Norway said its fishing fleet depends on a higher mackerel quota.", set()),
    ("Norway said port access does not depend on a higher mackerel quota.", set()),
    ("Norway said port access is not conditional on a higher mackerel quota.", set()),
])
def test_a_thing_said_to_hang_on_another(text: str, expected: set, selective: bool) -> None:
    settings = Settings().model_copy(update={"selective_parsing": selective})
    found = analyze(text, dossier=DOSSIER, settings=settings).positions
    assert {(p.actor, p.issue, p.stance) for p in found} == expected


def test_a_participle_of_linking_makes_nothing_hang() -> None:
    assert not analyze("Norway listed the changes linked to the mackerel quota.", dossier=DOSSIER).positions


def test_what_is_given_up_is_the_noun_under_the_undoing_verb() -> None:
    found = {(p.actor, p.stance) for p in analyze("Iceland dropped its objection after Norway's demand for a higher "
                                                  "mackerel quota.", dossier=DOSSIER).positions}
    assert ("NOR", "for") in found and ("NOR", "against") not in found


def test_another_partys_denial_tells_nothing_of_its_stance() -> None:
    assert not analyze("Norway denied that Iceland would accept a higher mackerel quota.", dossier=DOSSIER).positions


def test_a_blow_of_arms_near_an_issue_contests_nothing() -> None:
    found = analyze("Norway's troops fought rebels near the ports.", dossier=DOSSIER)
    assert not found.positions and ("NOR", "assault") in {(s.actor, s.action) for s in found.statements}


@pytest.mark.parametrize("text,expected", [
    ("Norway wants a ban on port access.", ("NOR", "against")),
    ("Norway demanded new restrictions on port access.", ("NOR", "against")),
    ("Norway lifted its ban on port access.", ("NOR", "for")),
    ("Norway refused to lift its ban on port access.", ("NOR", "against")),
    ("Iceland welcomed Norway's decision to lift the ban on port access.", ("NOR", "for")),
])
def test_a_burden_laid_on_an_issue_holds_it_back(text: str, expected: tuple) -> None:
    found = {(p.actor, p.stance) for p in analyze(text, dossier=DOSSIER).positions if p.issue == "port_access"}
    assert expected in found and not {f for f in found if f[0] == expected[0] and f != expected}


def test_disappointment_at_a_refusal_wants_what_was_refused() -> None:
    found = {(p.actor, p.stance) for p in analyze("Norway said it was disappointed that Iceland had rejected a higher "
                                                  "mackerel quota.", dossier=DOSSIER).positions}
    assert found == {("NOR", "for"), ("ISL", "against")}


@pytest.mark.parametrize("text,expected", [
    ("Iceland pressed for port access, but Norway refused.", ("NOR", "against")),
    ("Iceland wants port access but Norway is opposed.", ("NOR", "against")),
    ("Iceland asked for port access and Norway agreed.", ("NOR", "for")),
    ("Iceland pressed for port access and refused to compromise.", None),   # its own refusal, of something else
])
def test_an_answer_with_no_object_is_on_the_issue_it_answers(text: str, expected: tuple | None) -> None:
    found = {(p.actor, p.stance) for p in analyze(text, dossier=DOSSIER).positions if p.issue == "port_access"}
    assert found == {("ISL", "for"), *([expected] if expected else [])}


@pytest.mark.parametrize("text", [
    "Norway said it was unhappy with the slow progress towards a higher mackerel quota.",
    "Norway said fishermen were unhappy with a higher mackerel quota.",
    "Norway walked out in protest at the delay to a higher mackerel quota.",
    "Villages close to Norway rejected a higher mackerel quota.",
    "Norway wants a higher mackerel quota. Iceland declined to comment on it.",
    "Norway tied the collapse of fish stocks to Iceland's higher mackerel quota.",
])
def test_a_stance_word_near_an_issue_that_is_not_on_it_takes_none(text: str) -> None:
    """Found in review: each of these read a stance the words do not hold (all but Norway's own demand)."""
    found = {(p.actor, p.stance) for p in analyze(text, dossier=DOSSIER).positions if p.issue == "quota"}
    assert found <= {("NOR", "for")} and ("ISL", "against") not in found and ("NOR", "against") not in found


@pytest.mark.parametrize("text,expected", [
    ("Iceland, which rejected a higher mackerel quota, met Norway.", {("ISL", "against")}),
    ("Norway hired an adviser who recommended a higher mackerel quota.", set()),   # the adviser's, no party's
    # found reading bbc2-read: a clause that says what a time is names nothing anyone acts on; found in review: an
    # act told in it is still an act, and a clause the model hangs on a date is no such clause
    ("Norway wants the treaty signed by 1 May, when the mackerel quota is raised.", set()),
    ("Talks collapsed on Monday, when Iceland refused to accept a higher mackerel quota.", {("ISL", "against")}),
    ("Talks collapsed on Monday, when Iceland urged Norway to raise the mackerel quota.", {("ISL", "for")}),
])
def test_a_relative_clause_is_held_by_what_it_hangs_from(text: str, expected: set) -> None:
    assert {(p.actor, p.stance) for p in analyze(text, dossier=DOSSIER).positions if p.issue == "quota"} == expected


BORDER = Dossier.model_validate({
    "name": "Border talks",
    "actors": [{"id": "KES", "name": "Kestria"}, {"id": "DOR", "name": "Dorvania"}, {"id": "VEL", "name": "Velmar"}],
    "issues": [{"id": "withdrawal", "label": "Dorvanian withdrawal",
                "proposition": "Dorvania withdraws its troops from the border region", "keywords": ["withdrawal"]}],
})


@pytest.mark.parametrize("text,expected", [
    # an act with no object of its own that is the issue's own predicate names the issue
    ("Dorvania says it wants talks but will not withdraw.", {("DOR", "withdrawal", "against")}),
    ("Kestria demanded that Dorvania withdraw.", {("KES", "withdrawal", "for")}),
    # the issue's own predicate named by its noun is no undoing of it
    ("Kestria demanded the withdrawal of Dorvanian troops from the border region.", {("KES", "withdrawal", "for")}),
    # with an object of its own it is about that object; another party's own withdrawal is not the issue's
    ("Velmar will withdraw its mediators.", set()),
    ("Kestria said it would not withdraw.", set()),
])
def test_an_act_that_is_the_issues_own_predicate(text, expected):
    assert {(p.actor, p.issue, p.stance) for p in analyze(text, dossier=BORDER).positions} == expected


@pytest.mark.parametrize("text,expected", [
    # undoing the taking itself, for an issue that takes something away
    ("The Port Authority has agreed to scrap the job cuts.", {("PA", "job_cuts", "against")}),
    ("The Dockers' Union welcomed the decision to shelve the job cuts.", {("UNI", "job_cuts", "against")}),
    # ... in a passive, and named by its noun
    ("The Dockers' Union called for the job cuts to be scrapped.", {("UNI", "job_cuts", "against")}),
    ("The Dockers' Union demanded that the job cuts be scrapped.", {("UNI", "job_cuts", "against")}),
    ("The Dockers' Union wants the job cuts scrapped.", {("UNI", "job_cuts", "against")}),
    ("The Dockers' Union called for the scrapping of the job cuts.", {("UNI", "job_cuts", "against")}),
    ("The Dockers' Union demanded the withdrawal of the job cuts.", {("UNI", "job_cuts", "against")}),
    ("The Dockers' Union called for the job cuts to be reversed.", {("UNI", "job_cuts", "against")}),
    ("The Dockers' Union called for the pay rise to be scrapped.", {("UNI", "pay", "against")}),
    ("The Dockers' Union backed a plan for the job cuts to be scrapped.", {("UNI", "job_cuts", "against")}),
    # a keyword that names the taking by another word ("redundancies" are cuts)
    ("The Dockers' Union urged the port authority to withdraw the redundancies.", {("UNI", "job_cuts", "against")}),
    # what a quarrel is about is no stance of an act on the quarrel
    ("Ministers have refused to intervene in the pay dispute.", set()),
    ("Ministers refused to get involved in the row over job cuts.", set()),
    ("Ministers refused to settle the row over job cuts.", set()),
    # the linker as the event rules: who has not (or may) join another in an act does not act
    ("The Dockers' Union has not joined the port authority in backing the job cuts.", {("PA", "job_cuts", "for")}),
    ("The Dockers' Union may join the port authority in backing the job cuts.", {("PA", "job_cuts", "for")}),
])
def test_undoing_a_taking_and_acts_on_a_quarrel(text, expected):
    assert {(p.actor, p.issue, p.stance) for p in analyze(text, dossier=DOCKS).positions} == expected
