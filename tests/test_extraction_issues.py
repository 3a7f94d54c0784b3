"""The issue matcher's word look-ups: a spelling variant is found by look-up exactly as by comparing every pair."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from parley.extraction.issues import _same, _variant

WORDS = st.text(alphabet="abcdeh", min_size=1, max_size=9)


@given(word=WORDS, keywords=st.frozensets(WORDS, max_size=12))
def test_variant_lookup_equals_pairwise_comparison(word: str, keywords: frozenset[str]) -> None:
    assert _variant(word, keywords) == any(_same(word, other) for other in keywords)


def test_a_spelling_variant_counts_both_ways() -> None:
    assert _variant("philadelphia", frozenset({"philadelphi"}))
    assert _variant("philadelphi", frozenset({"philadelphia"}))
    assert not _variant("phil", frozenset({"philadelphia"}))


# Our own fictional takeover fight: two bidders whose issues differ only by who would buy.
BIDS = {
    "name": "Harbour Bank takeover (fictional)",
    "actors": [{"id": "HBK", "name": "Harbour Bank", "aliases": ["the bank"]},
               {"id": "KVL", "name": "Kvellmark"},
               {"id": "ORS", "name": "Orsund Capital", "aliases": ["Orsund"]}],
    "issues": [{"id": "kvl_takeover", "label": "Kvellmark buys Harbour Bank",
                "proposition": "Kvellmark acquires Harbour Bank", "keywords": ["Kvellmark bid", "takeover", "offer"]},
               {"id": "ors_takeover", "label": "Orsund buys Harbour Bank",
                "proposition": "Orsund Capital acquires Harbour Bank", "keywords": ["Orsund bid", "takeover"]}],
}


def bid_positions(text: str) -> set[tuple[str, str, str]]:
    from parley import analyze
    from parley.dossier import Dossier
    return {(p.actor, p.issue, p.stance) for p in analyze(text, dossier=Dossier.model_validate(BIDS)).positions}


def test_a_proposition_opening_with_a_name_the_model_does_not_know_keeps_its_party_acting() -> None:
    # "Kvellmark acquires ..." reads as a noun compound to the model: its party still acts, and who would buy
    # decides between the two issues
    assert ("KVL", "kvl_takeover", "for") in bid_positions("Kvellmark wants to acquire Harbour Bank.")
    assert ("ORS", "ors_takeover", "for") in bid_positions("Orsund Capital wants to acquire Harbour Bank.")


def test_a_bidder_named_after_a_preposition_is_no_stance_on_its_bid() -> None:
    assert not bid_positions("Harbour Bank opposed talks with Kvellmark.")


def test_an_owner_from_names_offers_only() -> None:
    lake = {"name": "Lake talks", "actors": [{"id": "NOR", "name": "Norway"}, {"id": "ISL", "name": "Iceland"}],
            "issues": [{"id": "nor_out", "label": "Norway withdraws", "keywords": ["withdrawal", "boats"],
                        "proposition": "Norway withdraws its boats from the lake"}]}
    from parley import analyze
    from parley.dossier import Dossier
    for text in ("Iceland renewed its withdrawal demand.",
                 "Iceland repeated its demand for a withdrawal from Icelandic waters."):
        assert ("ISL", "nor_out", "for") in {(p.actor, p.issue, p.stance) for p in analyze(
            text, dossier=Dossier.model_validate(lake)).positions}


def test_whose_bid_it_is_decides_between_issues_that_differ_by_who_acts() -> None:
    # "offer" is a keyword of Kvellmark's issue only: the bidder named decides all the same
    assert ("ORS", "ors_takeover", "for") in bid_positions("Orsund said it would make an offer for Harbour Bank.")
    assert ("HBK", "ors_takeover", "against") in bid_positions(
        "Harbour Bank opposes a takeover by Orsund Capital.")
    assert ("KVL", "kvl_takeover", "for") in bid_positions("Kvellmark made a takeover bid for Harbour Bank.")


def test_issues_that_differ_by_the_buyer_are_told_apart_by_whose_bid_it_is() -> None:
    sale = {**BIDS, "issues": [
        {"id": "sold_kvl", "label": "Sold to Kvellmark", "proposition": "Harbour Bank is sold to Kvellmark",
         "keywords": ["Kvellmark deal", "buyout"]},
        {"id": "sold_ors", "label": "Sold to Orsund", "proposition": "Harbour Bank is sold to Orsund Capital",
         "keywords": ["Orsund offer", "rival bid"]},
        # the same verb on other parties is no rival: releasing funds is not releasing prisoners
        {"id": "funds", "label": "Funds released", "proposition": "Kvellmark releases the frozen funds",
         "keywords": ["frozen funds"]}]}
    from parley import analyze
    from parley.dossier import Dossier
    def found(text: str) -> set[tuple[str, str, str]]:
        return {(p.actor, p.issue, p.stance) for p in analyze(text, dossier=Dossier.model_validate(sale)).positions}

    assert ("ORS", "sold_ors", "for") in found("Orsund said it would submit an improved bid.")
    assert ("KVL", "sold_kvl", "for") in found("Kvellmark's buyout offer was raised on Monday, Kvellmark said.")


def test_backing_a_bidder_backs_its_bid() -> None:
    assert ("HBK", "kvl_takeover", "for") in bid_positions("Harbour Bank's directors have backed Kvellmark.")


def test_what_a_proposition_rules_out_with_rather_than_is_its_opposite() -> None:
    from parley import analyze
    from parley.dossier import Dossier
    moves = Dossier.model_validate({
        "name": "Exchange merger (fictional)",
        "actors": [{"id": "NOR", "name": "Norway"}, {"id": "DNK", "name": "Denmark"}],
        "issues": [{"id": "base", "label": "Run from Oslo", "keywords": ["headquarters", "trading"],
                    "proposition": "The merged exchange's headquarters move to Oslo rather than stay in Copenhagen"}]})
    found = {(p.actor, p.issue, p.stance) for p in analyze(
        "Denmark said trading should remain in Copenhagen.", dossier=moves).positions}
    assert found == {("DNK", "base", "against")}


# Our own fictional trade quarrel: issues that take something away (a tariff lifted, subsidies ended, a unit sold).
TRADE = {
    "name": "Valdoria-Kestria trade quarrel (fictional)",
    "actors": [{"id": "VAL", "name": "Valdoria"}, {"id": "KES", "name": "Kestria"}],
    "issues": [{"id": "steel_tariff", "label": "Steel tariff lifted",
                "proposition": "Valdoria removes its tariff on steel from Kestria", "keywords": ["steel tariff"]},
               {"id": "subsidies", "label": "Car subsidies ended", "proposition": "Kestria ends its car subsidies",
                "keywords": ["car subsidies"]},
               {"id": "dairy_sale", "label": "Dairy arm sold", "proposition": "Kestria sells its state dairy arm",
                "keywords": ["dairy arm"]}],
}


def trade_positions(text: str) -> set[tuple[str, str, str]]:
    from parley import analyze
    from parley.dossier import Dossier
    return {(p.actor, p.issue, p.stance) for p in analyze(text, dossier=Dossier.model_validate(TRADE)).positions}


def test_an_act_that_asserts_the_opposite_turns_the_issue_round_though_it_is_a_stop_word() -> None:
    # "keep" is one of spaCy's stop words; it still asserts the opposite of lifting or ending
    assert trade_positions("Kestria vowed to keep its car subsidies.") == {("KES", "subsidies", "against")}
    assert trade_positions("Kestria rejected a plan to keep the steel tariff.") == {("KES", "steel_tariff", "for")}
    assert trade_positions("Kestria vowed to defend its car subsidies.") == {("KES", "subsidies", "against")}
    assert trade_positions("Kestria said it intended to keep its dairy arm.") == {("KES", "dairy_sale", "against")}


def test_a_vow_to_fight_the_thing_an_issue_takes_away_is_for_taking_it() -> None:
    # found in review: the vowed act's object is the bare thing, as with "opposed the steel tariff"
    assert trade_positions("Kestria vowed to fight the steel tariff.") == {("KES", "steel_tariff", "for")}
    assert trade_positions("Kestria vowed to oppose the steel tariff.") == {("KES", "steel_tariff", "for")}
