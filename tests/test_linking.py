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
    # wanting something done, stated by a list of parties: one stance each
    ("Norway and Iceland want the annual catch to be capped at 1,000 tonnes.",
     {("NOR", "catch_cap", "for"), ("ISL", "catch_cap", "for")}),
    # a thing the issue takes away, vetoed: against taking it away
    ("Oslo said Norway was prepared to veto any bid to reduce the fishing levy.", {("NOR", "levy_cut", "against")}),
    # "against" under a predicate of stance
    ("Iceland spoke out against the cap on the annual catch.", {("ISL", "catch_cap", "against")}),
])
def test_stance_is_composed_along_the_path(text, expected):
    assert expected <= positions(text)


def test_a_hypothetical_act_is_no_stance():
    assert not linked("Fishermen could strike if Norway scraps the fishing levy.")


def test_a_claim_told_is_no_stance():
    assert not linked("Iceland dismissed reports that Norway had agreed to cut the fishing levy.")


def test_what_a_party_failed_to_do_is_no_stance():
    assert not linked("Norway failed to back a cap on the annual catch.")


def test_a_party_not_at_the_table_holds_no_linked_stance():
    # Sweden is no party of the dossier: named in a list, it is not at the table
    assert all(actor != "SWE" for actor, _, _ in linked(
        "Norway, Iceland and Sweden want the annual catch to be capped at 1,000 tonnes."))


def test_another_partys_offer_turned_down_is_that_partys_act():
    found = linked("Iceland rejected Norway's offer of a cap on the annual catch.")
    assert ("NOR", "catch_cap", "for") not in found


def test_the_plan_points_back_to_the_issue_named_last():
    text = ("Norway wants the fishing levy reduced. Iceland dismissed the proposal.")
    assert ("ISL", "levy_cut", "against") in positions(text)


def test_a_plan_with_no_issue_named_before_is_no_stance():
    assert not linked("Iceland dismissed the proposal.")
