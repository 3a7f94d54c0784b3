"""The event lexicon's breadth (parley/data/lexicon/actions.yaml and the small rules that read it), on sentences we
write about a fictional fishing dispute; each runs with and without selective parsing, so the planner knows the
words."""
from __future__ import annotations

import pytest

from parley import analyze
from parley.dossier import Dossier
from parley.settings import Settings

DOSSIER = Dossier.model_validate({
    "name": "Harbour talks",
    "actors": [{"id": "NOR", "name": "Norway", "aliases": ["Oslo"]},
               {"id": "ISL", "name": "Iceland", "aliases": ["Reykjavik"]}],
    "issues": [{"id": "port_access", "label": "Port access", "keywords": ["port access"],
                "proposition": "Icelandic boats may land fish in Norwegian ports"}],
})


def events(text: str, selective: bool) -> set[tuple[str, str]]:
    """(actor, action) of the statements that are events: affirmed, as `parley eval` counts them."""
    settings = Settings().model_copy(update={"selective_parsing": selective})
    statements = analyze(text, dossier=DOSSIER, settings=settings).statements
    return {(s.actor, s.action) for s in statements if not s.negated}


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Norway said the decision by Iceland was deeply disappointing.",
    "Norway said Iceland's move was surprising and deeply regrettable.",
])
def test_a_judgement_of_what_another_party_did_criticizes_it(text: str, selective: bool) -> None:
    assert ("NOR", "criticize") in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
def test_a_judgement_of_no_party_deed_that_is_no_criticism_is_not_one(selective: bool) -> None:
    assert ("NOR", "criticize") not in events("Norway said the weather in the harbour was surprising.", selective)


@pytest.mark.parametrize("selective", [True, False])
def test_a_negated_judgement_says_what_its_negative_form_says(selective: bool) -> None:
    found = events('"For us, this plan from Iceland is not acceptable," Norway said.', selective)
    assert ("NOR", "reject") in found and ("NOR", "oppose") not in found


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize(("text", "expected"), [
    ("Norway is holding out for a bigger quota.", ("NOR", "demand")),
    ("Iceland upped its offer on port access on Monday.", ("ISL", "propose")),
    ("Norway and Iceland inked a fisheries pact in Oslo.", ("NOR", "agree")),
    ("Norway would not budge on port access.", ("NOR", "reject")),
    ("Iceland backpedalled on its quota claim after the talks.", ("ISL", "yield")),
    ("Norway reached out to Iceland on Monday.", ("NOR", "consult")),
    ("Iceland torpedoed the quota plan on Friday.", ("ISL", "reject")),
    ("Norway rebutted the claims made by Iceland.", ("NOR", "deny")),
    ("Iceland thwarted the quota plan in the council.", ("ISL", "oppose")),
    ("Iceland hired advisers to fend off the quota plan.", ("ISL", "oppose")),
    ("Norway railed against the quota plan of Iceland.", ("NOR", "criticize")),
    ("Icelandic fishermen collected signatures against the quota plan.", ("ISL", "protest")),
])
def test_each_plover_category_takes_its_news_synonyms(text: str, expected: tuple[str, str], selective: bool) -> None:
    assert expected in events(text, selective)



@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Norway described the meeting with Iceland as important.",
    "Norway called the offer from Iceland a breakthrough.",
])
def test_casting_a_meeting_or_offer_in_a_good_light_supports_it(text: str, selective: bool) -> None:
    assert ("NOR", "support") in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize(("text", "support"), [
    ("Iceland described the Norwegian threat as significant.", False),
    ("Norway called the new quota rules significant.", False),
    ("Norway called Iceland a reliable partner.", True),
    ("Norway called the deal with Iceland a milestone.", True),
])
def test_a_good_word_supports_only_a_meeting_a_deal_an_offer_or_a_party(text: str, support: bool,
                                                                       selective: bool) -> None:
    assert any(action == "support" for _, action in events(text, selective)) == support


def test_a_good_word_for_the_talks_takes_no_stance_on_their_subject() -> None:
    statements = analyze("Norway described the talks on port access as important.", dossier=DOSSIER).statements
    assert any(s.action == "support" for s in statements)
    assert not any(s.action == "support" and s.issue for s in statements)


@pytest.mark.parametrize("selective", [True, False])
def test_who_reports_a_deed_with_no_doer_named_did_not_do_it(selective: bool) -> None:
    assert ("ISL", "coerce") not in events("Iceland said two of its trawlers were seized near the port.", selective)
    assert ("NOR", "coerce") in events("Two Icelandic trawlers were seized by Norway near the port.", selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("Norway hit Iceland with new tariffs on fish.", ("NOR", "sanction"), ("NOR", "assault")),
    ("Norway violated the truce on Sunday.", ("NOR", "assault"), None),
    ("Norway said it will not stop seizing Icelandic trawlers until Iceland leaves its waters.",
     ("NOR", "threaten"), ("NOR", "coerce")),
])
def test_hostile_acts_by_their_phrase(text: str, expected: tuple[str, str], absent: tuple[str, str] | None,
                                      selective: bool) -> None:
    found = events(text, selective)
    assert expected in found and absent not in found


@pytest.mark.parametrize("selective", [True, False])
def test_an_act_a_party_stopped_is_not_done(selective: bool) -> None:
    assert ("NOR", "coerce") not in events("Norway stopped seizing Icelandic trawlers on Monday.", selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize(("text", "expected"), [
    ("Norway ended up attacking Icelandic boats.", ("NOR", "assault")),
    ("Iceland ended up accepting port access after the talks.", ("ISL", "agree")),
])
def test_what_a_party_ended_up_doing_it_did(text: str, expected: tuple[str, str], selective: bool) -> None:
    assert expected in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
def test_a_judgement_alone_in_a_quotation_is_the_speakers(selective: bool) -> None:
    text = ('"We came to Oslo in good faith," the Icelandic minister said. "After all these years, it is simply '
            'unacceptable."')
    assert ("ISL", "reject") in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
def test_not_ruling_out_leaves_a_door_open(selective: bool) -> None:
    found = events("Norway did not rule out port access for Icelandic boats.", selective)
    assert ("NOR", "yield") in found and ("NOR", "reject") not in found


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "The US did not rule out military strikes on Iceland.",
    "Norway did not rule out a blockade of Icelandic ports.",
])
def test_not_ruling_out_a_hostile_act_threatens_it(text: str, selective: bool) -> None:
    settings = Settings().model_copy(update={"selective_parsing": selective})
    statements = [s for s in analyze(text, dossier=DOSSIER, settings=settings).statements if not s.negated]
    assert any(s.action == "threaten" for s in statements)
    assert not any(s.action == "yield" or s.stance for s in statements)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize(("text", "aid"), [
    ("Norway delivered two new trawlers to an Icelandic buyer.", False),
    ("Norway delivered tonnes of food to Iceland after the storm.", True),
    ("Norway supplied fuel to Iceland during the storm.", True),
])
def test_delivering_is_aid_only_when_what_is_delivered_is(text: str, aid: bool, selective: bool) -> None:
    assert (("NOR", "aid") in events(text, selective)) == aid


@pytest.mark.parametrize("selective", [True, False])
def test_providing_remarks_takes_part_in_talks(selective: bool) -> None:
    assert ("NOR", "consult") in events("Norway provided written remarks on the draft to Iceland.", selective)


@pytest.mark.parametrize("selective", [True, False])
def test_an_accusation_named_by_its_owner_is_one(selective: bool) -> None:
    found = events("Iceland changed its quota, prompting a formal Norwegian complaint over the catch limits.", selective)
    assert ("NOR", "accuse") in found


@pytest.mark.parametrize("selective", [True, False])
def test_what_an_act_is_for_is_not_done_by_it(selective: bool) -> None:
    found = events("Norway proposed a smaller quota to allow the talks with Iceland to continue.", selective)
    assert ("NOR", "yield") not in found


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize(("text", "expected"), [
    ("Norway met Icelandic negotiators to propose port access.", ("NOR", "propose")),
    ("Iceland met Norwegian officials on Monday to reject the offer on port access.", ("ISL", "reject")),
])
def test_what_a_party_met_to_say_it_said(text: str, expected: tuple[str, str], selective: bool) -> None:
    found = events(text, selective)
    assert expected in found and (expected[0], "consult") in found


@pytest.mark.parametrize("selective", [True, False])
def test_a_meeting_on_the_calendar_is_the_meeting(selective: bool) -> None:
    found = events("Norway said it expected to meet the Icelandic minister on Wednesday for talks.", selective)
    assert ("NOR", "consult") in found and ("NOR", "agree") not in found


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize(("text", "expected"), [
    ("Norway is committed to port access for Icelandic boats, its minister said.", ("NOR", "agree")),
    ("Iceland is receptive to a compromise on port access.", ("ISL", "yield")),
    ("Norway remains resistant to port access for Icelandic boats.", ("NOR", "oppose")),
])
def test_a_stated_disposition_is_a_stance(text: str, expected: tuple[str, str], selective: bool) -> None:
    assert expected in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize(("text", "action"), [
    ("The fishermen's union of Norway said there should be a one-day strike unless Iceland opens its ports.",
     "threaten"),
    ("Norway said there should be sanctions unless Iceland opens its ports.", "threaten"),
    ("Norway said there should be more inspections unless Iceland opens its ports.", "demand"),
])
def test_calling_for_a_hostile_act_unless_a_demand_is_met_is_a_threat(text: str, action: str,
                                                                     selective: bool) -> None:
    assert ("NOR", action) in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Norway expressed serious misgivings about the Icelandic plans.",
    "Oslo voiced qualms about Reykjavik's proposal for port access.",
])
def test_misgivings_voiced_criticise(text: str, selective: bool) -> None:
    assert ("NOR", "criticize") in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Norway questioned the legality of the Icelandic quota.",
    "Oslo questioned whether Reykjavik was serious about port access.",
    "Norway called into question the Icelandic commitment to the deal.",
    "Norway cast doubt on Reykjavik's proposal.",
])
def test_questioning_anothers_deed_criticises(text: str, selective: bool) -> None:
    assert ("NOR", "criticize") in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
def test_being_questioned_criticises_nothing(selective: bool) -> None:
    assert not any(a == "criticize" for _, a in events("The Norwegian minister was questioned by reporters.",
                                                         selective))


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize(("text", "event"), [
    ("Norwegian dockers walked out over pay on Monday.", ("NOR", "protest")),
    ("Norway walked out of the talks with Iceland.", ("NOR", "reject")),
    ("Norway held a phone call with Iceland.", ("NOR", "consult")),
    ("The Norwegian and Icelandic ministers spoke by phone on Friday.", ("ISL", "consult")),
    ("Norway took Iceland to court over port access.", ("NOR", "accuse")),
    ("Norway slapped a ban on Icelandic trawlers.", ("NOR", "sanction")),
])
def test_words_by_plover_category(text: str, event: tuple[str, str], selective: bool) -> None:
    assert event in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
def test_a_phone_call_is_no_call_for_something(selective: bool) -> None:
    assert ("NOR", "demand") not in events("Norway held a phone call with Iceland.", selective)
    assert ("NOR", "demand") in events("Norway renewed its call for port access.", selective)
