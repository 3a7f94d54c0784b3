"""The reliability table behind `parley eval --calibration`."""
from __future__ import annotations

from parley.evaluation.calibration import judge, reliability
from parley.evaluation.gold import SentenceGold
from parley.models import ArticleAnalysis, Statement


def test_bands_count_right_and_total_and_put_band_edges_in_the_upper_band():
    buckets = reliability([(0.3, True), (0.35, False), (0.81, True), (0.89, True), (1.0, True)])
    assert [(b.low, b.high, b.right, b.total) for b in buckets] == [(0.3, 0.4, 1, 2), (0.8, 0.9, 2, 2),
                                                                   (0.9, 1.0, 1, 1)]
    assert buckets[0].precision == 0.5


def test_a_sentence_statement_is_right_when_its_actor_code_and_plover_type_are_gold():
    gold = SentenceGold.model_validate({"id": "x", "text": "Norway rejected it.", "source": ["NOR"], "target": [],
                                        "event": "REJECT"})
    statements = [Statement(sentence=0, start=0, end=1, text="x", actor="NOR", action="reject", plover="REJECT",
                            confidence=0.9),
                  Statement(sentence=0, start=0, end=1, text="x", actor="NOR", action="praise", plover="SUPPORT",
                            confidence=0.4)]
    result = ArticleAnalysis(id="x", text="Norway rejected it.", statements=statements)
    assert judge(result, gold, lambda actor: actor) == [(0.9, True), (0.4, False)]
