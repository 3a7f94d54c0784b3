"""The drop-ins of parley/nlp/fast.py change nothing: with the setting `fast_components` the model's attribute ruler
and lemmatizer are built by parley's factories, and every token attribute equals the stock pipeline's, on prose
written for this test (tests/data/harbour-prose.txt) and on odd inputs. Nothing here reads ../shared."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from parley.nlp import load_nlp
from parley.nlp.fast import FastAttributeRuler, FastLemmatizer
from parley.pipeline import Analyzer
from parley.settings import Settings

CORPUS = Path(__file__).resolve().parent / "data" / "harbour-prose.txt"
ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, SENT_START]


def paragraphs() -> list[str]:
    text = CORPUS.read_text(encoding="utf-8")
    return [text, *(p for p in text.split("\n\n") if p.strip()), *text.splitlines()]


@pytest.fixture(scope="module")
def pipelines():
    """(with the drop-ins, the stock components): the same model, parley's sentence rule in both."""
    return load_nlp(Settings().model, True), load_nlp(Settings().model, False)


def same(mine, theirs) -> None:
    assert np.array_equal(mine.to_array(ATTRS), theirs.to_array(ATTRS)), mine.text[:80]
    assert [(t.lemma_, t.pos_, t.tag_, str(t.morph)) for t in mine] == \
        [(t.lemma_, t.pos_, t.tag_, str(t.morph)) for t in theirs]


def test_the_setting_picks_the_factories(pipelines):
    fast, stock = pipelines
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizer)
    assert fast.get_pipe_meta("attribute_ruler").factory == "parley_attribute_ruler"
    assert fast.get_pipe_meta("lemmatizer").factory == "parley_lemmatizer"
    assert type(stock.get_pipe("attribute_ruler")) is not FastAttributeRuler
    assert type(stock.get_pipe("lemmatizer")) is not FastLemmatizer
    assert fast.pipe_names == stock.pipe_names
    assert fast.get_pipe("attribute_ruler").patterns == stock.get_pipe("attribute_ruler").patterns
    assert Analyzer(None, Settings(fast_components=False)).nlp is stock
    assert Analyzer(None, Settings(fast_components=True)).nlp is fast


def test_drop_ins_annotate_as_the_stock_components(pipelines):
    fast, stock = pipelines
    sample = paragraphs()
    tokens = 0
    for mine, theirs in zip(fast.pipe(sample), stock.pipe(sample), strict=True):
        same(mine, theirs)
        tokens += len(mine)
    assert tokens > 500


def test_drop_ins_agree_on_odd_documents_and_batches(pipelines):
    fast, stock = pipelines
    odd = ["", "\n\n", "Hello", "UN", "Talks resumed with Norway", "  Ingrid Holm  met  Jon Arason in Oslo.  ",
           "\u201cNo,\u201d said the envoy.", "THEY'VE SAID NO AGAIN", "Re-negotiated, co-signed, half-done."]
    for text in odd:
        same(fast(text), stock(text))
    for size in (1, 3, 100):
        for mine, theirs in zip(fast.pipe(odd, batch_size=size), stock.pipe(odd, batch_size=size), strict=True):
            same(mine, theirs)


def test_multi_token_rules_still_apply(pipelines):
    """The attribute ruler's two-token patterns ("gon na", "there is") go through their own matcher."""
    fast, stock = pipelines
    text = "We are gon na sign it. There is a deal, and let's say it holds."
    mine, theirs = fast(text), stock(text)
    same(mine, theirs)
    assert (mine[2].lemma_, mine[3].lemma_) == ("go", "to")


def test_lemmatizer_answers_stay_the_same_when_its_cache_starts_afresh(pipelines, monkeypatch):
    from parley.nlp import fast as module

    fast, stock = pipelines
    monkeypatch.setattr(module, "CACHE_LIMIT", 5)
    sample = paragraphs()[1:4]
    for mine, theirs in zip(fast.pipe(sample), stock.pipe(sample), strict=True):
        same(mine, theirs)


def test_what_the_caches_learn_in_a_memory_zone_goes_with_it(pipelines):
    """As the vocabulary does on a long stream: the caches keep the words seen outside a zone, not a zone's."""
    fast, stock = pipelines
    ruler, lemmatizer = fast.get_pipe("attribute_ruler"), fast.get_pipe("lemmatizer")
    fast("Norway demanded a larger quota.")
    kept = dict(ruler._classes), dict(lemmatizer.cache)
    text = "The Quorvellan envoys rebuffed Brastimonde's overtures and walked out."
    with fast.memory_zone():
        same(fast(text), stock(text))
        assert len(ruler._classes) > len(kept[0]) and len(lemmatizer.cache) > len(kept[1])
    assert (ruler._classes, lemmatizer.cache) == kept
    same(fast(text), stock(text))   # and the next zone learns them again


def test_rules_the_drop_in_cannot_look_up_or_set_go_the_stock_way():
    """A pattern testing another attribute (ORTH) and a rule setting one without a Token setter here (NORM) fall
    back to spaCy's own matcher and setter, with the stock result."""
    import spacy

    found = []
    for factory in ("attribute_ruler", "parley_attribute_ruler"):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe(factory)
        ruler.add([[{"ORTH": "talks"}]], {"NORM": "negotiations", "LEMMA": "talk"})
        ruler.add([[{"LOWER": "envoy"}]], {"TAG": "NN"})
        doc = nlp("The envoy said talks resume.")
        found.append([(t.norm_, t.lemma_, t.tag_) for t in doc])
    assert found[0] == found[1]
    assert found[1][3] == ("negotiations", "talk", "")
