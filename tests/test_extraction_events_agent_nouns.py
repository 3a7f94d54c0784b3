"""Nouns that name a party by its stance (`parley/extraction/events/agent_nouns.py`), with and without selective
parsing. Events come from the world gazetteer, positions from a dossier of our own; the sentences are ours."""
from __future__ import annotations

import pytest

from parley import analyze
from parley.dossier import Dossier
from parley.settings import Settings
from world_events import events

DOSSIER = Dossier.model_validate({
    "name": "Harbour talks",
    "actors": [{"id": "NOR", "name": "Norway"}, {"id": "ISL", "name": "Iceland"}, {"id": "EU", "name": "European Union"}],
    "issues": [{"id": "quota", "label": "Mackerel quota raised", "proposition": "Iceland's mackerel quota is raised",
                "keywords": ["mackerel quota", "quota"]}],
})


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text,expected", [
    ("Malawi has been a fierce critic of the border plan.", {("MWI", "criticize")}),           # what it is
    ("Malawi is among the opponents of the border plan.", {("MWI", "oppose")}),                # among them
    ("Critics of the plan, including Malawi and Zambia, say it is unfair.",                    # those listed
     {("MWI", "criticize"), ("ZMB", "criticize")}),
    ("Supporters of the plan, including Malawi, say it will help both countries.", {("MWI", "support")}),
    ("Malawi is a leading advocate of the border plan.", {("MWI", "support")}),
])
def test_a_party_named_by_its_stance_takes_it(text: str, expected: set, selective: bool) -> None:
    assert events(text, selective) == expected


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", [
    "Critics say the border plan is unfair.",        # no party named
    "Malawi is not a critic of the border plan.",    # negated
    "Malawi's opponents met in Lilongwe.",           # neither an "of" phrase nor speech: whose opponents, not a stance
    "Malawi is not among the critics of the border plan.",
    "Malawi, a former critic of the border plan, met Zambia.",   # a stance left behind
    "Malawi was once the main opponent of the border plan.",
])
def test_no_stance_without_a_party_so_named(text: str, selective: bool) -> None:
    assert not {action for _, action in events(text, selective)} & {"criticize", "oppose", "support"}


@pytest.mark.parametrize("text,expected", [
    ("Iceland has been a fierce critic of the mackerel quota.", {("ISL", "quota", "against")}),
    ("Critics - including Iceland and the European Union - say the quota would hurt fishermen.",
     {("ISL", "quota", "against"), ("EU", "quota", "against")}),
    ("Norway is among the backers of a higher mackerel quota.", {("NOR", "quota", "for")}),
])
def test_the_stance_is_on_what_the_noun_is_of_or_what_is_said(text: str, expected: set) -> None:
    found = analyze(text, dossier=DOSSIER, settings=Settings()).positions
    assert {(p.actor, p.issue, p.stance) for p in found} == expected
