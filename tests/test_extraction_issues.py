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
