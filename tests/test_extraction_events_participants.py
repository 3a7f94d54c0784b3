"""Who acts (`parley/extraction/events/participants.py`), by construction; each runs with and without selective
parsing. States come from the world gazetteer; the sentences are ours."""
from __future__ import annotations

import pytest

from world_events import events


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize(("text", "event"), [
    ("Chilean foreign minister Ana Soto is reported to have held private talks with Peru's foreign minister.",
     ("CHL", "consult")),
    ("Chile is believed to have rejected the offer from Peru.", ("CHL", "reject")),
    ("The Chilean president is expected to meet the Peruvian president on Friday.", ("CHL", "consult")),
    ("Chile is said to be considering sanctions against Peru.", ("CHL", "threaten")),
])
def test_who_is_said_to_act_acts(text: str, event: tuple[str, str], selective: bool) -> None:
    assert event in events(text, selective)


@pytest.mark.parametrize("selective", [True, False])
def test_a_disposition_told_second_hand_is_left_unread(selective: bool) -> None:
    assert not events("Chile is thought to be keen to raise new funds.", selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", ["Chile is reported to have been attacked overnight.",
                                  "Chile is expected to be criticised at the summit."])
def test_who_is_said_to_be_acted_on_does_not_act(text: str, selective: bool) -> None:
    assert not {e for e in events(text, selective) if e[0] == "CHL"}


@pytest.mark.parametrize("selective", [True, False])
def test_who_joins_another_in_an_act_acts_with_it(selective: bool) -> None:
    found = events("Chile joined Peru in rejecting the new fishing limits.", selective)
    assert {("CHL", "reject"), ("PER", "reject")} <= found


@pytest.mark.parametrize("selective", [True, False])
def test_who_urges_another_to_act_does_not_act(selective: bool) -> None:
    assert ("CHL", "reject") not in events("Chile urged Peru to reject the new fishing limits.", selective)


@pytest.mark.parametrize("selective", [True, False])
@pytest.mark.parametrize("text", ["Chile did not join Peru in rejecting the new fishing limits.",
                                  "Chile may join Peru in rejecting the new fishing limits."])
def test_who_does_not_or_may_join_another_does_not_act(text: str, selective: bool) -> None:
    assert ("CHL", "reject") not in events(text, selective)
