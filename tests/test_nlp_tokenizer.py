"""The tokenizer in front of spaCy's: long runs of marks cut in linear time, the text kept character for character,
and every other text tokenized exactly as spaCy does."""
from __future__ import annotations

import time

import pytest

from parley.nlp import load_nlp
from parley.settings import Settings


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(Settings().model)


@pytest.mark.parametrize("text", ['»' * 4000, 'a "' + '"' * 200_000 + ' b', 'He said: ' + '!?' * 300 + ' now.\nThen',
                                  '"' * 150 + "\n" + "«" * 101 + " x"])
def test_long_runs_of_marks_keep_the_text_and_take_linear_time(nlp, text):
    started = time.perf_counter()
    doc = nlp.make_doc(text)
    assert time.perf_counter() - started < 2   # spaCy alone: 8,000 quote marks took 6 s, 200,000 would take hours
    assert doc.text == text
    assert max(len(token) for token in doc) <= 100
    for token in doc:   # offsets point into the input
        assert text[token.idx:token.idx + len(token)] == token.text


def test_ordinary_text_is_tokenized_as_spacy_does(nlp):
    text = 'Norway\'s minister said: "We won\'t sign -- not now!" (Reuters) ... e-mail: a@b.no ' + "-" * 100
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in nlp.tokenizer.tokenizer(text)]


def test_texts_over_spacys_max_length_are_read_not_refused():
    import parley

    # 1,050,000 characters: a statement at either end, and between them sentences that carry none (parsing all
    # 21,000 sentences of statements took 50 s and tests the parser's speed, not the length limit)
    statement = "Norway rejected the proposal, the minister said. "
    text = statement + "The weather stayed mild along the coast that week. " * 20_600 + statement
    result = parley.analyze(text)
    assert len(result.text) > 1_000_000
    assert result.statements and all(result.text[s.start:s.end] == s.text for s in result.statements)
    assert max(s.start for s in result.statements) > 1_000_000   # offsets past spaCy's limit are the article's
