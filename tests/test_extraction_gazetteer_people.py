"""World knowledge of people and of armed groups: people.yaml and groups.yaml load, are consistent, and rank below
what a dossier and the text itself say."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from parley.dossier import Dossier, DossierActor
from parley.errors import ParleyError
from parley.evaluation.runner import plover_code_of
from parley.extraction.gazetteer import Gazetteer, _key, _tidy, person_entries
from parley.models import ArticleAnalysis
from parley.pipeline import Analyzer
from parley.sources import read_text

DATA = Path(__file__).resolve().parents[1] / "parley/data/gazetteer"
PEOPLE = DATA / "people.yaml"
GROUPS = DATA / "groups.yaml"


@pytest.fixture(scope="module")
def world() -> Gazetteer:
    return Gazetteer.world()


def _run(analyzer: Analyzer, text: str) -> ArticleAnalysis:
    return analyzer.analyze(read_text(text, "case"))


def _statements(analyzer: Analyzer, text: str) -> list[tuple[str | None, str | None, str]]:
    return [(s.actor, s.speaker, s.action) for s in _run(analyzer, text).statements]


# --- the data -------------------------------------------------------------------------------------------------------


def test_people_file_is_broad_and_every_name_is_listed_once(world: Gazetteer) -> None:
    data = yaml.safe_load(PEOPLE.read_text(encoding="utf-8"))
    entries = person_entries(data, str(PEOPLE))
    assert len(entries) > 1000
    seen: dict[str, str] = {}
    again = []
    for name, variants, _, party in entries:
        assert world.actor(party) is not None, (name, party)
        first = f"{name} ({party})"
        for form in (name, *variants):  # spellings of one entry may share a key ("JD Vance", "J.D. Vance")
            key = _key(_tidy(form))
            if seen.setdefault(key, first) != first:
                again.append(f"{form} ({party}), first as {seen[key]}")
    assert again == []
    # every state has someone, but San Marino (two captains regent, a new pair every six months)
    states = {a.id for a in world.actors() if a.kind == "state"}
    assert states - {party for *_, party in entries} == {"SMR"}


def test_people_file_has_no_title_glued_to_a_name() -> None:
    """Titles are read from the text, never stored in a name ("President X" would never match a cleaned name)."""
    data = yaml.safe_load(PEOPLE.read_text(encoding="utf-8"))
    for name, *_ in person_entries(data, str(PEOPLE)):
        assert not re.match(r"(President|Prime Minister|Minister|Mr\.?|Dr\.?) ", name), name


def test_groups_are_coded_by_state_or_as_international(world: Gazetteer) -> None:
    groups = yaml.safe_load(GROUPS.read_text(encoding="utf-8"))["groups"]
    assert len(groups) >= 40
    for group in groups:
        actor = world.actor(group["id"])
        assert actor is not None and actor.kind == "group"
        assert actor.plover == "IMG" or actor.plover == "ESH" or world.actor(actor.plover).kind == "state", group
    expected = {"Hamas": "PSE", "Hezbollah": "LBN", "the Taliban": "AFG", "FARC": "COL", "ELN": "COL",
                "PKK": "TUR", "Tamil Tigers": "LKA", "LTTE": "LKA", "SPLA": "SDN", "SPLM-IO": "SSD", "UNITA": "AGO",
                "Renamo": "MOZ", "Polisario": "ESH", "Houthis": "YEM", "Ansar Allah": "YEM", "al-Shabaab": "SOM",
                "Boko Haram": "NGA", "al-Qaeda": "IMG", "al Qaeda": "IMG", "Islamic State": "IMG", "ISIS": "IMG"}
    code = plover_code_of()
    assert {phrase: code(world.resolve(phrase)[0]) for phrase in expected} == expected
    assert world.resolve("Houthi") == ("HOUTHIS", "demonym")


def test_world_people_by_full_name_variant_and_titled_family_name(world: Gazetteer) -> None:
    assert world.world_person_party("Kofi Annan") == "UN"
    assert world.world_person_party("Muammar Qaddafi") == world.world_person_party("Moammar Gadhafi") == "LBY"
    assert world.world_person_party("Volodymyr Zelenskyy") == world.world_person_party("Volodymyr Zelensky") == "UKR"
    assert world.world_person_party("Putin's") is None  # a family name alone needs a title
    assert world.world_person_party("Putin", titled=True) == "RUS"
    assert world.world_person_party("Bush", titled=True) == "USA"  # two Bushes, one party
    assert world.world_person_party("Xi", titled=True) == "CHN"  # family name first
    assert world.world_person_party("López Obrador", titled=True) == "MEX"
    for shared in ("Kim", "Johnson", "Herzog", "Castro", "Lee", "Abdullah"):
        assert world.world_person_party(shared, titled=True) is None, shared
    # a leading word that is no title, and a family name spelled with another particle after a title
    assert world.world_person_party("Comrade Robert Mugabe") == "ZWE"
    assert world.world_person_party("Hafez el Assad") is None
    assert world.world_person_party("Hafez el Assad", titled=True) == "SYR"
    assert world.world_person_party("Abdullah II") == "JOR"  # a regnal name has no family name
    assert world.world_person_party("II", titled=True) is None
    # the dossier tier stays separate
    assert world.person_party("Kofi Annan") is None


def test_a_person_of_two_parties_or_an_unknown_party_is_refused() -> None:
    from parley.extraction.gazetteer import _add_world_people

    def load(data: dict) -> None:
        gazetteer = Gazetteer.world()
        fresh = Gazetteer(dict(gazetteer._actors), {}, {}, {}, {}, {}, {}, frozenset(), frozenset())
        _add_world_people(fresh, data, "people.yaml")

    load({"people": {"NOR": ["Ola Nordmann"], "SWE": ["Sven Svensson"]}})
    with pytest.raises(ParleyError, match="two parties"):
        load({"people": {"NOR": ["Ola Nordmann"], "SWE": [["Sven Svensson", "Ola Nordmann"]]}})
    with pytest.raises(ParleyError, match="XYZ"):
        load({"people": {"XYZ": ["Ola Nordmann"]}})


# --- in articles ----------------------------------------------------------------------------------------------------


def test_a_titled_world_leader_is_the_source_without_a_dossier(world_analyzer: Analyzer) -> None:
    assert ("USA", "Bush", "threaten") in _statements(world_analyzer, "President Bush threatened new sanctions on the regime.")
    found = _statements(world_analyzer, "President Yoweri Museveni has threatened to ban the opposition newspaper.")
    assert ("UGA", "Yoweri Museveni", "threaten") in found
    assert _run(world_analyzer, "Ousted President Askar Akayev has agreed to resign.").people == {"Askar Akayev": "KGZ"}


def test_a_bare_family_name_needs_a_title_or_the_full_name_earlier(world_analyzer: Analyzer) -> None:
    assert all(actor is None for actor, *_ in _statements(world_analyzer, "Museveni threatened to ban the newspaper."))
    found = _statements(world_analyzer, "Yoweri Museveni spoke in Kampala on Monday. Museveni threatened to ban the newspaper.")
    assert ("UGA", "Yoweri Museveni", "threaten") in found


def test_an_ambiguous_family_name_stays_unresolved(world_analyzer: Analyzer) -> None:
    result = _run(world_analyzer, "President Kim rejected the proposal on Tuesday.")
    assert result.people == {} and all(s.actor is None for s in result.statements)
    result = _run(world_analyzer, "Prime Minister Johnson rejected the proposal on Tuesday.")
    assert result.people == {} and all(s.actor is None for s in result.statements)


def test_the_text_beats_the_world_list(world_analyzer: Analyzer) -> None:
    # the world list has Mark Rutte as NATO's; the text makes him the Dutch prime minister
    result = _run(world_analyzer, "Mark Rutte, the Dutch prime minister, urged Russia to withdraw its troops.")
    assert result.people == {"Mark Rutte": "NLD"}
    assert [s.actor for s in result.statements] == ["NLD"]


def test_a_dossier_beats_the_world_list(world_analyzer: Analyzer) -> None:
    dossier = Dossier(name="trade", actors=[
        DossierActor(id="EU", name="European Union", people=["Lars Løkke Rasmussen"]),
        DossierActor(id="USA", name="United States"),
    ])
    result = _run(Analyzer(dossier), "Lars Løkke Rasmussen rejected the tariff proposal from Washington.")
    assert result.people == {"Lars Løkke Rasmussen": "EU"}
    assert "EU" in [s.actor for s in result.statements]
    assert _run(world_analyzer, "Lars Løkke Rasmussen rejected the tariff proposal.").people == {
        "Lars Løkke Rasmussen": "DNK"}


def test_hamas_is_its_own_party_coded_pse_and_a_dossier_takes_it_over(world_analyzer: Analyzer, world: Gazetteer) -> None:
    text = "Hamas rejected the latest Israeli offer of a truce. Ismail Haniyeh said the group wanted a full withdrawal."
    result = _run(world_analyzer, text)
    assert [s.actor for s in result.statements][:1] == ["HAMAS"]
    assert plover_code_of()("HAMAS") == "PSE"
    assert result.people == {"Ismail Haniyeh": "HAMAS"}
    dossier = Dossier(name="gaza", actors=[
        DossierActor(id="HMS", name="Hamas", aliases=["the movement"]),
        DossierActor(id="ISR", name="Israel"),
    ])
    merged = world.with_dossier(dossier)
    assert merged.resolve("Hamas") == ("HMS", "name") and merged.resolve("Qassam Brigades") == ("HMS", "name")
    assert merged.world_person_party("Ismail Haniyeh") == "HMS"
    assert world.world_person_party("Ismail Haniyeh") == "HAMAS"
    result = _run(Analyzer(dossier), text)
    assert [s.actor for s in result.statements][:1] == ["HMS"]
    assert result.people == {"Ismail Haniyeh": "HMS"}
