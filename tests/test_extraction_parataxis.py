"""The parse repair for a clause cut off by a dash (parley/extraction/parataxis.py), on sentences we write."""
from __future__ import annotations

import pytest

from parley.extraction.lexicon import load_lexicon
from parley.extraction.parataxis import mark_parataxis


def labels(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    mark_parataxis(doc, load_lexicon().speech)
    return {t.lemma_: t.dep_ for t in doc if t.pos_ == "VERB"}


@pytest.mark.parametrize("mark", [" -", ";"])
def test_a_clause_cut_off_by_a_dash_is_beside_the_verb_after_it(nlp, mark: str) -> None:
    found = labels(nlp, f"Norway and Denmark want the quota to be capped at 5%{mark} the Commission has urged an "
                        "increase to 8%.")
    assert found["want"] == "parataxis"


@pytest.mark.parametrize("text", [
    "Norway wants the quota to be capped - the minister told reporters.",        # a verb of saying reports it
    "Norway wants the quota to be capped, the minister said.",
])
def test_what_a_verb_of_saying_reports_stays_its_complement(nlp, text: str) -> None:
    assert labels(nlp, text)["want"] == "ccomp"
