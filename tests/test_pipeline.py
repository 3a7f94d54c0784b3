"""Analyzer.analyze_each: one bad article never costs its neighbours, under a guard the caller chooses."""
from __future__ import annotations

import pickle
from contextlib import contextmanager

from parley.errors import E, ParleyError
from parley.sources import read_text


def test_a_parley_error_survives_pickling_between_processes():
    error = pickle.loads(pickle.dumps(ParleyError(E.E053, source="a.txt", reason="ValueError: bad")))
    assert (error.code, error.details, str(error)) == ("E053", {"source": "a.txt", "reason": "ValueError: bad"},
                                                       "[E053] a.txt: the article could not be analysed (ValueError: bad)")


def test_a_failing_batch_is_retried_article_by_article_under_the_guard(world_analyzer):
    calls = []

    @contextmanager
    def guard():
        calls.append(len(calls))
        if len(calls) in (1, 3):  # the batch fails, and so does the second article alone
            raise TimeoutError("too slow")
        yield

    documents = [read_text(text, name) for name, text in
                 [("one", "Norway rejected the plan."), ("two", "Iceland praised Norway."), ("three", "Oslo met Reykjavik.")]]
    results = list(world_analyzer.analyze_each(documents, guard=guard))
    assert len(calls) == 4
    assert [type(r).__name__ for r in results] == ["ArticleAnalysis", "ParleyError", "ArticleAnalysis"]
    assert results[0].id == "one" and results[2].id == "three"
    assert results[1].code == "E053" and "TimeoutError: too slow" in str(results[1]) and "two" in str(results[1])
