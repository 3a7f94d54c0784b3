"""Quotations: balanced ones, and the paragraphs a long quotation runs through without a closing mark."""
from __future__ import annotations

from parley import analyze
from parley.dossier import Dossier
from parley.extraction.attribution import find_quotes, running_quotes

TEXT = ('The union said: "We want a fair deal.\n\n'
        '"They made an offer that nobody could accept.\n\n'
        '"We will strike," it said.\n')


def test_a_paragraph_that_opens_a_quotation_and_never_closes_it_is_quoted_to_its_end() -> None:
    assert [q.text for q in running_quotes(TEXT)] == ["We want a fair deal.", "They made an offer that nobody could accept."]


def test_balanced_quotations_are_not_running_ones() -> None:
    assert [q.text for q in find_quotes(TEXT)] == ["We will strike"]
    assert running_quotes('"We will strike," it said.\n') == []


PAY = Dossier.model_validate({
    "name": "Pay talks",
    "actors": [{"id": "UNION", "name": "Nurses Union", "aliases": ["the union", "nurses"]},
               {"id": "GOV", "name": "Health Ministry", "aliases": ["the ministry", "the government"]}],
    "issues": [{"id": "offer", "label": "The 3% offer accepted", "proposition": "The 3% pay offer is accepted",
                "keywords": ["pay offer", "3%"]}],
})


def test_they_in_a_partys_own_running_quotation_is_the_other_party() -> None:
    text = ('The Nurses Union said its members were "tired of waiting for a serious answer from ministers".\n\n'
            'It added: "In the end, the government rejected the pay cuts nurses have faced.\n\n'
            '"This was clear when they finally made their pay offer of 3%.\n')
    found = {(s.actor, s.action, s.issue) for s in analyze(text, dossier=PAY).statements if s.issue == "offer"}
    assert ("GOV", "propose", "offer") in found
    assert ("UNION", "propose", "offer") not in found
