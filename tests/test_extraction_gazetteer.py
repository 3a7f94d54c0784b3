"""The world gazetteer: every state and major body is known, tricky names resolve right, dossiers merge and win."""
from __future__ import annotations

from pathlib import Path

import pycountry
import pytest
import yaml

from parley.dossier import Dossier, DossierActor, load_dossier
from parley.errors import ParleyError
from parley.extraction.gazetteer import Actor, Gazetteer, is_case_sensitive

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# The 193 UN member states (ISO 3166-1 alpha-3), written out here so that the data file is checked against an
# independent list rather than against itself.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI CPV
KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ
ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR
KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR
MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA
LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON
TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()
OBSERVERS_AND_PARTLY_RECOGNISED = ["PSE", "VAT", "XKX", "TWN"]
DATA = Path(__file__).resolve().parents[1] / "parley/data/gazetteer"
STATES_FILE = DATA / "states.yaml"


@pytest.fixture(scope="module")
def world() -> Gazetteer:
    return Gazetteer.world()


def test_the_member_list_is_complete() -> None:
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193
    assert all(pycountry.countries.get(alpha_3=code) for code in UN_MEMBERS)


def test_every_state_has_a_short_name_a_demonym_and_a_capital(world: Gazetteer) -> None:
    states = yaml.safe_load(STATES_FILE.read_text(encoding="utf-8"))
    shared = {phrase: ids[0] for phrase, ids in states["shared"].items()}
    for code in UN_MEMBERS + OBSERVERS_AND_PARTLY_RECOGNISED:
        actor = world.actor(code)
        assert actor is not None, code
        assert (actor.kind, actor.plover) == ("state", code)
        assert "," not in actor.name, f"{code} shows a catalogue name: {actor.name}"
        assert world.resolve(actor.name) == (code, "name"), code
        words = states["states"][code]
        assert words.get("demonyms") and words.get("capitals"), code
        for word in words["demonyms"] + words["capitals"] + words.get("seats", []):
            # a capital named like its state ("Djibouti") resolves as the name; a shared demonym to its first owner
            assert world.resolve(word)[0] == shared.get(word, code), (code, word)


def test_display_names_are_the_everyday_ones(world: Gazetteer) -> None:
    expected = {"RUS": "Russia", "GBR": "United Kingdom", "USA": "United States", "KOR": "South Korea",
                "PRK": "North Korea", "IRN": "Iran", "SYR": "Syria", "TUR": "Turkey", "COD": "DR Congo",
                "VNM": "Vietnam", "BOL": "Bolivia", "TWN": "Taiwan", "PSE": "Palestine", "XKX": "Kosovo"}
    assert {code: world.actor(code).name for code in expected} == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # states under their everyday names, abbreviations, capitals, seats and demonyms
        ("Russia", ("RUS", "name")), ("the Russian Federation", ("RUS", "name")), ("Moscow", ("RUS", "capital")),
        ("the Kremlin", ("RUS", "seat")), ("Kremlin", ("RUS", "seat")), ("Russians", ("RUS", "demonym")),
        ("Russia's", ("RUS", "name")), ("Russia\u2019s", ("RUS", "name")), ("Kremlin's", ("RUS", "seat")),
        ("Ukraine", ("UKR", "name")), ("Kyiv", ("UKR", "capital")), ("Kiev", ("UKR", "capital")),
        ("Ukrainians", ("UKR", "demonym")),
        ("the United States", ("USA", "name")), ("U.S.", ("USA", "name")), ("US", ("USA", "name")),
        ("America", ("USA", "name")), ("Washington", ("USA", "capital")), ("the White House", ("USA", "seat")),
        ("Pentagon", ("USA", "seat")), ("Foggy Bottom", ("USA", "seat")), ("Americans", ("USA", "demonym")),
        ("the United States'", ("USA", "name")),
        ("Britain", ("GBR", "name")), ("UK", ("GBR", "name")), ("U.K.", ("GBR", "name")),
        ("Downing Street", ("GBR", "seat")), ("Whitehall", ("GBR", "seat")), ("British", ("GBR", "demonym")),
        ("Briton", ("GBR", "demonym")), ("Britons", ("GBR", "demonym")),
        ("the Elysee", ("FRA", "seat")), ("the \u00c9lys\u00e9e", ("FRA", "seat")), ("Quai d'Orsay", ("FRA", "seat")),
        ("Zhongnanhai", ("CHN", "seat")), ("the Blue House", ("KOR", "seat")), ("South Korea", ("KOR", "name")),
        ("North Korea", ("PRK", "name")), ("DPRK", ("PRK", "name")), ("Pyongyang", ("PRK", "capital")),
        ("Iran", ("IRN", "name")), ("Tehran", ("IRN", "capital")), ("Syria", ("SYR", "name")),
        ("Turkey", ("TUR", "name")), ("T\u00fcrkiye", ("TUR", "name")), ("Turkiye", ("TUR", "name")),
        ("Ankara", ("TUR", "capital")), ("Turks", ("TUR", "demonym")),
        ("Ivory Coast", ("CIV", "name")), ("C\u00f4te d'Ivoire", ("CIV", "name")), ("Ivorian", ("CIV", "demonym")),
        ("Israelis", ("ISR", "demonym")), ("Palestinian", ("PSE", "demonym")), ("Palestinians", ("PSE", "demonym")),
        ("Ramallah", ("PSE", "seat")), ("Kosovar", ("XKX", "demonym")), ("Kosovan", ("XKX", "demonym")),
        ("Pristina", ("XKX", "capital")), ("Serbian", ("SRB", "demonym")), ("Serbs", ("SRB", "demonym")),
        ("Belgrade", ("SRB", "capital")), ("the Holy See", ("VAT", "name")), ("the Vatican", ("VAT", "name")),
        ("Taiwan", ("TWN", "name")), ("Taipei", ("TWN", "capital")), ("Frenchmen", ("FRA", "demonym")),
        ("Czechs", ("CZE", "demonym")), ("Chinese", ("CHN", "demonym")), ("The Hague", ("NLD", "seat")),
        ("Brussels", ("BEL", "capital")), ("Soviet", ("RUS", "demonym")), ("the Emirates", ("ARE", "name")),
        ("the West Bank", ("PSE", "name")),
        # names that are also people's or US states' names stay states (spaCy's entity label decides in context)
        ("Georgia", ("GEO", "name")), ("Jordan", ("JOR", "name")), ("Chad", ("TCD", "name")),
        # the Guineas, the Nigers and the Congos
        ("Guinea", ("GIN", "name")), ("Papua New Guinea", ("PNG", "name")), ("Equatorial Guinea", ("GNQ", "name")),
        ("Guinea-Bissau", ("GNB", "name")), ("Guinea Bissau", ("GNB", "name")),
        ("Guinean", ("GIN", "demonym")), ("Papua New Guinean", ("PNG", "demonym")),
        ("Niger", ("NER", "name")), ("Nigeria", ("NGA", "name")), ("Nigerien", ("NER", "demonym")),
        ("Nigerians", ("NGA", "demonym")),
        ("Congo", ("COD", "name")), ("DR Congo", ("COD", "name")), ("DRC", ("COD", "name")),
        ("Democratic Republic of Congo", ("COD", "name")), ("the Democratic Republic of the Congo", ("COD", "name")),
        ("Kinshasa", ("COD", "capital")), ("Republic of Congo", ("COG", "name")),
        ("Congo-Brazzaville", ("COG", "name")), ("Brazzaville", ("COG", "capital")),
        ("Sudan", ("SDN", "name")), ("South Sudan", ("SSD", "name")), ("South Sudanese", ("SSD", "demonym")),
        ("Dominica", ("DMA", "name")), ("Dominican Republic", ("DOM", "name")),
        # international bodies
        ("UN", ("UN", "name")), ("U.N.", ("UN", "name")), ("the United Nations", ("UN", "name")),
        ("Security Council", ("UN", "name")), ("UNHCR", ("UN", "name")), ("UNICEF", ("UN", "name")),
        ("World Food Programme", ("UN", "name")), ("NATO", ("NATO", "name")), ("Nato", ("NATO", "name")),
        ("EU", ("EU", "name")), ("the European Union", ("EU", "name")), ("European Commission", ("EC", "name")),
        ("European Council", ("EUCO", "name")), ("Eurogroup", ("EUROGROUP", "name")),
        ("AU", ("AU", "name")), ("African Union", ("AU", "name")), ("OSCE", ("OSCE", "name")),
        ("IAEA", ("IAEA", "name")), ("UN nuclear watchdog", ("IAEA", "name")), ("ASEAN", ("ASEAN", "name")),
        ("Arab League", ("ARABLEAGUE", "name")), ("GCC", ("GCC", "name")), ("OPEC", ("OPEC", "name")),
        ("WTO", ("WTO", "name")), ("IMF", ("IMF", "name")), ("World Bank", ("WB", "name")), ("ECB", ("ECB", "name")),
        ("ECOWAS", ("ECOWAS", "name")), ("SADC", ("SADC", "name")), ("OAS", ("OAS", "name")),
        ("ICC", ("ICC", "name")), ("International Court of Justice", ("ICJ", "name")), ("WHO", ("WHO", "name")),
        ("Red Cross", ("ICRC", "name")), ("ICRC", ("ICRC", "name")), ("Amnesty International", ("AMNESTY", "name")),
        ("Human Rights Watch", ("HRW", "name")), ("Doctors Without Borders", ("MSF", "name")),
        ("Council of Europe", ("COE", "name")), ("CSTO", ("CSTO", "name")), ("SCO", ("SCO", "name")),
        ("BRICS", ("BRICS", "name")), ("G7", ("G7", "name")), ("G20", ("G20", "name")),
        ("Commonwealth of Independent States", ("CIS", "name")),
    ],
)
def test_resolve(world: Gazetteer, phrase: str, expected: tuple[str, str]) -> None:
    assert world.resolve(phrase) == expected


@pytest.mark.parametrize("phrase", ["us", "Us", "who", "un", "eu", "European", "Europeans", "the", "", "alliance",
                                    "the bloc", "amnesty", "Hague", "Emirates", "Korean", "William Hague"])
def test_what_is_not_an_actor(world: Gazetteer, phrase: str) -> None:
    assert world.resolve(phrase) is None


def test_short_abbreviations_are_case_sensitive() -> None:
    assert is_case_sensitive("US") and is_case_sensitive("U.S.") and is_case_sensitive("WHO")
    assert not is_case_sensitive("NATO") and not is_case_sensitive("Chad") and not is_case_sensitive("us")


def test_bodies_carry_their_plover_code(world: Gazetteer) -> None:
    for body_id in ("UN", "NATO", "EU", "EC", "AU", "OSCE", "IAEA", "IMF", "WTO", "ECOWAS"):
        assert (world.actor(body_id).kind, world.actor(body_id).plover) == ("igo", "IGO"), body_id
    # PLOVER's gold codes the worldwide rights and relief organisations as IGO, as the shared sentences show.
    gold = [line for line in (SHARED / "eval/plover/gsr-dev.jsonl").read_text().splitlines()
            if "Amnesty International" in line or "Red Cross" in line]
    assert gold and all('"IGO"' in line for line in gold)
    assert world.actor("AMNESTY") == Actor("AMNESTY", "Amnesty International", "ngo", "IGO")
    assert world.actor("ICRC").plover == "IGO"


def test_phrases_feed_a_matcher(world: Gazetteer) -> None:
    phrases = {surface: (actor, kind) for surface, actor, kind in world.phrases()}
    assert phrases["Kremlin"] == ("RUS", "seat")  # a lower-case "the" is left to the text
    assert "the Kremlin" not in phrases
    assert phrases["The Hague"] == ("NLD", "seat") and "Hague" not in phrases
    assert phrases["U.S."] == phrases["US"] == ("USA", "name")
    assert phrases["Elysee"] == phrases["\u00c9lys\u00e9e"] == ("FRA", "seat")
    assert phrases["Congolese"] == ("COD", "demonym")
    assert {kind for _, _, kind in world.phrases()} == {"name", "demonym", "capital", "seat"}
    assert len(world.phrases()) > 1500


def test_the_world_loads_once(world: Gazetteer) -> None:
    assert Gazetteer.world() is world


def _dossier(*actors: DossierActor, path: str = "test-dossier.yaml") -> Dossier:
    return Dossier(name="test talks", actors=list(actors), path=path)


def test_dossier_actors_merge_with_the_world(world: Gazetteer) -> None:
    dossier = _dossier(
        DossierActor(id="EU", name="European Union", aliases=["Brussels", "the bloc"], people=["Ursula von der Leyen"]),
        DossierActor(id="UK", name="United Kingdom", people=["Keir Starmer"]),
        DossierActor(id="UN", name="United Nations", aliases=["UNIFIL"], people=["Antonio Guterres"]),
        DossierActor(id="HAMAS", name="Hamas", aliases=["Islamic Resistance Movement"], people=["Khalil al-Hayya"]),
        DossierActor(id="EGY", name="Egypt", people=["Abdel Fattah el-Sisi"]),
        DossierActor(id="QAT", name="Qatar", people=["Mohammed bin Abdulrahman Al Thani"]),
        DossierActor(id="DOCKERS", name="Dockworkers' Union"),
    )
    merged = world.with_dossier(dossier)
    assert merged is not world and world.resolve("Brussels") == ("BEL", "capital")  # the world is left alone
    # the dossier alias beats the world's capital of Belgium; world words of a merged actor keep working
    assert merged.resolve("Brussels") == ("EU", "alias")
    assert merged.resolve("the bloc") == ("EU", "alias")
    assert merged.resolve("E.U.") == ("EU", "name")
    # a dossier id that differs from the world's (UK vs GBR) wins, keeping the state's PLOVER code
    assert merged.actor("UK") == merged.actor("GBR")
    assert (merged.actor("UK").kind, merged.actor("UK").plover, merged.actor("UK").name) == ("state", "GBR",
                                                                                            "United Kingdom")
    assert merged.resolve("Downing Street") == ("UK", "seat") and merged.resolve("Britons") == ("UK", "demonym")
    assert merged.resolve("Security Council") == ("UN", "name") and merged.resolve("UNIFIL") == ("UN", "alias")
    # a group the world knows (groups.yaml) keeps its kind and PLOVER code; a party the world does not know
    assert merged.actor("HAMAS") == Actor("HAMAS", "Hamas", "group", "PSE")
    assert merged.actor("DOCKERS") == Actor("DOCKERS", "Dockworkers' Union", "party", "DOCKERS")
    assert merged.resolve("the Islamic Resistance Movement") == ("HAMAS", "alias")
    # people, by full name or family name, with or without accents and particles
    assert merged.person_party("Ursula von der Leyen") == "EU"
    assert merged.person_party("von der Leyen") == "EU"
    assert merged.person_party("Starmer") == "UK" and merged.person_party("Keir Starmer's") == "UK"
    assert merged.person_party("Sisi") == merged.person_party("el-Sisi") == "EGY"
    assert merged.person_party("Al Thani") == "QAT"
    assert merged.person_party("President Abdel Fattah el-Sisi") == "EGY"
    assert merged.person_party("Vladimir Putin") is None and world.person_party("Guterres") is None
    phrases = {surface: (actor, kind) for surface, actor, kind in merged.phrases()}
    assert phrases["Brussels"] == ("EU", "alias") and phrases["Kremlin"] == ("RUS", "seat")


def test_a_dossier_id_beats_a_world_meaning_of_its_name(world: Gazetteer) -> None:
    """Greece 2015: the Commission and the Council are their own parties or the EU's, as the analyst says."""
    merged = world.with_dossier(_dossier(
        DossierActor(id="EC", name="European Commission", aliases=["the Commission"]),
        DossierActor(id="EU", name="European Union", aliases=["European Council"]),
    ))
    assert merged.resolve("European Commission") == ("EC", "name")
    assert merged.resolve("European Council") == ("EU", "alias")
    assert merged.resolve("Commission") == ("EC", "alias")
    trade = world.with_dossier(_dossier(DossierActor(id="EU", name="European Union", aliases=["European Commission"])))
    assert trade.resolve("European Commission") == ("EU", "alias")


def test_surnames_shared_by_two_parties_are_not_guessed(world: Gazetteer) -> None:
    merged = world.with_dossier(_dossier(
        DossierActor(id="AAA", name="Party A", people=["Ana Novak"]),
        DossierActor(id="BBB", name="Party B", people=["Boris Novak"]),
    ))
    assert merged.person_party("Novak") is None
    assert merged.person_party("Ana Novak") == "AAA" and merged.person_party("Boris Novak") == "BBB"


def test_a_dossier_giving_one_alias_to_two_parties_is_refused(world: Gazetteer) -> None:
    dossier = _dossier(
        DossierActor(id="AAA", name="Party A", aliases=["the union"]),
        DossierActor(id="BBB", name="Party B", aliases=["the Union"]),
        path="clash.yaml",
    )
    with pytest.raises(ParleyError) as error:
        world.with_dossier(dossier)
    assert error.value.code == "E011" and "clash.yaml" in str(error.value) and "AAA" in str(error.value)


def test_without_a_dossier_the_world_is_returned(world: Gazetteer) -> None:
    assert world.with_dossier(None) is world


@pytest.mark.parametrize("path", sorted((SHARED / "eval/dossiers").glob("*.yaml")), ids=lambda p: p.name)
def test_every_shared_dossier_merges(world: Gazetteer, path: Path) -> None:
    dossier = load_dossier(path)
    merged = world.with_dossier(dossier)
    for entry in dossier.actors:
        actor = merged.actor(entry.id)
        assert actor is not None and actor.id == entry.id
        assert merged.resolve(entry.name) == (entry.id, "name")
        for alias in entry.aliases:
            assert merged.resolve(alias) in {(entry.id, "alias"), (entry.id, "name")}, alias
        for person in entry.people:
            assert merged.person_party(person) == entry.id, person
        if world.actor(entry.id) is not None:  # a world state or body keeps its kind and PLOVER code
            assert (actor.kind, actor.plover) == (world.actor(entry.id).kind, world.actor(entry.id).plover)


def test_outlets(world: Gazetteer) -> None:
    names = [line for line in (DATA / "outlets.txt").read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    assert len(names) >= 400
    for name in ("Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "Sky News", "BBC", "BBC News",
                 "Deutsche Welle", "DW", "RIA Novosti", "TASS", "Interfax", "Xinhua", "Al Jazeera", "CNN",
                 "The New York Times", "Financial Times", "NBC", "The Guardian", "Al-Akhbar"):
        assert world.canonical_outlet(name) == name
    assert world.canonical_outlet("New York Times") == "The New York Times"  # a leading "the" is optional
    assert world.canonical_outlet("the BBC") == "BBC"
    assert world.canonical_outlet("reuters") == "Reuters"
    assert world.canonical_outlet("al-masirah") == "Al-Masirah" == world.canonical_outlet("Al Masirah")
    assert world.canonical_outlet("the Times") == "The Times" == world.canonical_outlet("Times")
    assert world.canonical_outlet("Guardian") == "The Guardian" == world.canonical_outlet("the Guardian's")
    assert not world.is_outlet("observer") and world.is_outlet("Observer")  # a bare single word needs its capital
    assert not world.is_outlet("Australian") and world.is_outlet("The Australian")  # a demonym stays a demonym
    assert not world.is_outlet("ap") and not world.is_outlet("Vladimir Putin") and not world.is_outlet("Russia")
    assert world.is_outlet("Sky News") and world.is_outlet("the Associated Press")


def test_title_words(world: Gazetteer) -> None:
    for title in ("president", "prime minister", "foreign minister", "deputy foreign minister", "spokesperson",
                  "spokeswoman", "ambassador", "envoy", "chancellor", "secretary of state", "secretary-general",
                  "emir", "crown prince", "chief negotiator", "adviser", "advisor", "commander", "senator"):
        assert title in world.person_titles, title
    for noun in ("officials", "forces", "troops", "delegation", "negotiators", "government", "foreign ministry",
                 "army", "military", "authorities", "diplomats", "side", "administration", "cabinet", "parliament"):
        assert noun in world.group_nouns, noun
    assert all(word == word.lower() for word in world.person_titles | world.group_nouns)


@pytest.mark.parametrize(
    ("states", "message"),
    [
        ({"states": {"FRA": {"capitals": ["Paris"]}}}, "FRA: every state needs demonyms and capitals"),
        ({"states": {"ZZZ": {"demonyms": ["Zed"], "capitals": ["Zed City"]}}}, "ZZZ: not an ISO 3166 code"),
        ({"states": {"FRA": {"demonyms": "French", "capitals": ["Paris"]}}}, "FRA.demonyms must be a list"),
        ({"states": ["FRA"]}, "`states` must map alpha-3 codes"),
    ],
)
def test_a_broken_states_file_is_named(states: dict, message: str) -> None:
    from parley.extraction.gazetteer import _state_entries

    with pytest.raises(ParleyError) as error:
        _state_entries(states, "states.yaml")
    assert error.value.code == "E040" and "states.yaml" in str(error.value) and message in str(error.value)


def test_a_broken_bodies_file_is_named() -> None:
    from parley.extraction.gazetteer import _body_entries

    with pytest.raises(ParleyError, match=r"bodies\.yaml.*XYZ: `kind` must be igo or ngo"):
        _body_entries({"bodies": [{"id": "XYZ", "name": "Some Body", "kind": "club"}]}, "bodies.yaml")


def test_a_name_head_finds_the_parties_named_with_it() -> None:
    from parley.dossier import Dossier

    world = Gazetteer.world()
    assert {"guild", "fund", "union"} <= world.name_heads and "army" not in world.name_heads
    assert "IMF" in world.named_with("fund") and "EU" in world.named_with("Union")
    assert not world.named_with("guild")
    dossier = Dossier.model_validate({"name": "Dock talks", "actors": [
        {"id": "HWG", "name": "Harbour Workers Guild", "aliases": ["dockers' union"]},
        {"id": "PA", "name": "Port Authority"}], "issues": []})
    local = world.with_dossier(dossier)
    assert local.named_with("guild") == {"HWG"} and "HWG" in local.named_with("union")
    assert local.name_heads == world.name_heads


@pytest.mark.parametrize(
    ("loader", "data", "message"),
    [
        ("_body_entries", {"bodies": {"UN": {}}}, "`bodies` must be a list"),
        ("_body_entries", {"bodies": [{"id": "UN"}]}, "bodies entry 1 needs `id`, `name`"),
        ("_body_entries", {"bodies": [{"id": "UN", "name": "United Nations", "kind": "club"}]},
         "UN: `kind` must be igo or ngo"),
        ("_group_entries", {"groups": [{"id": "FARC", "name": "FARC"}]}, "groups entry 1 needs `id`, `name`, `plover`"),
        ("_group_entries", {"groups": [{"id": "FARC", "name": "FARC", "plover": "COL", "names": "FARC-EP"}]},
         "FARC.names must be a list"),
    ],
)
def test_a_broken_bodies_or_groups_file_is_named(loader: str, data: dict, message: str) -> None:
    from parley.extraction import gazetteer

    with pytest.raises(ParleyError) as error:
        getattr(gazetteer, loader)(data, "bodies.yaml")
    assert error.value.code == "E040" and "bodies.yaml" in str(error.value) and message in str(error.value)
