"""The terms of a deal (parley/extraction/events/terms.py), on sentences we write about a fictional negotiation."""
from __future__ import annotations

import pytest

from parley import analyze
from parley.dossier import Dossier
from parley.settings import Settings

DOSSIER = Dossier.model_validate({
    "name": "Harbour talks",
    "actors": [{"id": "NOR", "name": "Norway"}, {"id": "ISL", "name": "Iceland"}],
    "issues": [{"id": "port_access", "label": "Port access", "keywords": ["port access"],
                "proposition": "Icelandic boats may land fish in Norwegian ports"}],
})


@pytest.mark.parametrize("selective", [True, False])
def test_a_party_bound_by_a_deals_terms_agreed_to_them(selective: bool) -> None:
    settings = Settings().model_copy(update={"selective_parsing": selective})
    found = {(s.actor, s.action, s.issue, s.stance) for s in analyze(
        "Under the deal, Iceland will get port access.", dossier=DOSSIER, settings=settings).statements}
    assert found == {("ISL", "agree", "port_access", "for")}


def test_a_clause_with_an_act_of_its_own_is_read_by_that_act() -> None:
    found = {s.action for s in analyze("Under the deal, Norway will withdraw its boats.", dossier=DOSSIER).statements}
    assert "agree" not in found


def test_under_something_else_is_no_deal() -> None:
    assert not analyze("Under pressure, Iceland will get port access.", dossier=DOSSIER).statements


def test_an_agreement_nobody_is_named_for_is_the_two_sides() -> None:
    found = {(s.actor, s.issue, s.stance) for s in analyze(
        "Norway and Iceland met in Oslo. It was agreed that Norway would grant port access.",
        dossier=DOSSIER).statements if s.action == "agree"}
    assert found == {("NOR", "port_access", "for"), ("ISL", "port_access", "for")}


def test_an_agreement_by_a_named_party_is_its_own() -> None:
    found = {s.actor for s in analyze(
        "Norway and Iceland met in Oslo. It was agreed by Norway that port access would be granted.",
        dossier=DOSSIER).statements if s.action == "agree"}
    assert "NOR" in found and "ISL" not in found


@pytest.mark.parametrize("text", [
    "Under the deal proposed by Norway, Iceland would get port access.",
    "Under the draft agreement, Iceland would get port access.",
    "Iceland rejected the deal. Under the deal, Iceland would have got port access.",
    "Analysts say it is widely agreed that Norway will grant port access.",
    "Norway and Iceland met. It was not agreed that Norway would grant port access.",
])
def test_terms_of_no_deal_made_are_no_agreement(text: str) -> None:
    assert not {s for s in analyze(text, dossier=DOSSIER).statements if s.rule == "terms"}
