"""The parse planner's words are the extractor's own (one lexicon, one gazetteer), handed to it as plain data."""
from __future__ import annotations

import pytest

from parley.extraction.actors import ActorFinder
from parley.extraction.actors.context import FIRST_PERSON, GROUP_PRONOUNS, PERSON_PRONOUNS
from parley.dossier import Dossier
from parley.extraction.gazetteer import Gazetteer
from parley.extraction.issues import IssueMatcher, issue_specs
from parley.extraction.lexicon import load_lexicon
from parley.extraction.planning import planner_vocabulary
from parley.nlp.prefilter import Prefilter


@pytest.fixture(scope="module")
def finder(nlp) -> ActorFinder:
    return ActorFinder(nlp, Gazetteer.world(), load_lexicon())


def test_the_planner_reads_the_pronouns_the_actor_rules_read(finder):
    words = planner_vocabulary(finder, load_lexicon(), None)
    assert (words.person_pronouns, words.group_pronouns, words.first_person) == (
        PERSON_PRONOUNS, GROUP_PRONOUNS, FIRST_PERSON)
    assert {"he", "they", "we"} <= PERSON_PRONOUNS | GROUP_PRONOUNS | FIRST_PERSON


def test_mentions_tell_an_international_body_from_a_state(nlp, finder):
    doc = nlp.make_doc("The European Union and Norway met in Oslo.")
    assert finder.mentions(doc) == {1: True, 2: True, 4: False, 7: False}


def test_a_pronoun_brings_a_trigger_into_the_plan_only_after_a_party_was_named(nlp, finder):
    planner = Prefilter(nlp, planner_vocabulary(finder, load_lexicon(), None), None)
    named = "Norway named its terms on Monday. The weather was fine. They rejected the offer. It rained."
    plan = planner.plan(nlp.make_doc(named), named)
    assert plan.blocks == [(0, 7), (12, 17)]   # the naming sentence and "They rejected the offer."
    unnamed = "The weather was fine. It rained. They rejected the offer."
    assert planner.plan(nlp.make_doc(unnamed), unnamed).blocks == []


def test_both_sides_by_any_side_noun_bring_a_trigger_into_the_plan(nlp, finder):
    planner = Prefilter(nlp, planner_vocabulary(finder, load_lexicon(), None), None)
    text = "Peru lashed out at Chile on Monday. The weather was fine. Directors at both companies approved the deal."
    assert planner.plan(nlp.make_doc(text), text).blocks == [(0, 8), (13, 21)]
    rival = "Peru lashed out at Chile on Monday. The weather was fine. Both big rival retail firms approved the deal."
    assert planner.plan(nlp.make_doc(rival), rival).blocks == [(0, 8), (13, 22)]   # found in review
    alone = "Peru lashed out at Chile on Monday. The weather was fine. Directors at two plants approved the deal."
    assert planner.plan(nlp.make_doc(alone), alone).blocks == [(0, 8)]


def test_the_issues_own_verb_in_the_future_is_planned_with_the_dossier(nlp, finder):
    """"Norway said it would not cut the levy" holds a commitment only the dossier's issue verb shows."""
    dossier = Dossier.model_validate({
        "name": "Lake talks", "actors": [{"id": "NOR", "name": "Norway"}],
        "issues": [{"id": "levy_cut", "label": "Fishing levy reduced", "proposition": "The fishing levy is reduced",
                    "keywords": ["fishing levy"]}]})
    gazetteer = Gazetteer.world().with_dossier(dossier)
    issues = IssueMatcher(nlp, gazetteer, issue_specs(dossier))
    text = "Norway said it would not trim the fishing levy."
    doc = nlp.make_doc(text)
    with_issues = Prefilter(nlp, planner_vocabulary(finder, load_lexicon(), issues), dossier)
    assert with_issues.plan(doc, text).blocks == [(0, len(doc))]
    assert Prefilter(nlp, planner_vocabulary(finder, load_lexicon(), None), dossier).plan(doc, text).blocks == []
