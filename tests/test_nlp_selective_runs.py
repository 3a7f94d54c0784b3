"""The speed-ups inside the spaCy pipeline change nothing: the faster attribute ruler and lemmatizer and the parser
and entity recognizer decoded without a lock per move give the stock components' annotations token for token, a
run built for the parser carries what Span.as_doc carried, a run's
parse does not depend on the batch it is parsed in, and a batch analysed in a memory zone leaves the vocabulary as
it found it."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.tokens import Span

from parley.nlp import load_nlp
from parley.nlp.decoding import GreedyDecoding
from parley.nlp.fast import FastAttributeRuler, FastLemmatizer
from parley.pipeline import Analyzer
from parley.nlp import selective
from parley.settings import Settings
from parley.sources import SourceDocument, read_paths

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, SENT_START]


def texts(limit: int) -> list[str]:
    paths = [SHARED / "corpus" / "dev", SHARED / "corpus" / "seed", SHARED / "corpus" / "bulk" / "bbc-2005.jsonl"]
    found = []
    for document in read_paths(paths):
        if not isinstance(document, Exception):
            found.append(document.text)
        if len(found) == limit:
            break
    return found


@pytest.fixture(scope="module")
def pipelines():
    """(parley's pipeline, the stock pipeline with parley's sentence rule): the same model, the same components
    but for the swapped ones (attribute ruler, lemmatizer) and the decoding of the parser and the entity
    recognizer."""
    fast = load_nlp(Settings().model)
    stock = spacy.load(Settings().model)
    stock.add_pipe("parley_line_breaks", before="parser")
    return fast, stock


def test_the_swapped_components_are_the_faster_ones(pipelines):
    fast, stock = pipelines
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizer)
    assert not isinstance(stock.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("parser"), GreedyDecoding) and isinstance(fast.get_pipe("ner"), GreedyDecoding)
    assert fast.pipe_names == stock.pipe_names


def test_fast_components_annotate_as_the_stock_ones(pipelines):
    fast, stock = pipelines
    sample = texts(120)
    assert len(sample) == 120
    tokens = 0
    for mine, theirs in zip(fast.pipe(sample), stock.pipe(sample), strict=True):
        assert np.array_equal(mine.to_array(ATTRS), theirs.to_array(ATTRS)), mine.text[:80]
        assert [(t.lemma_, t.pos_, str(t.morph)) for t in mine] == [(t.lemma_, t.pos_, str(t.morph)) for t in theirs]
        tokens += len(mine)
    assert tokens > 30_000


def test_decoding_agrees_on_odd_documents_one_at_a_time(pipelines):
    """Empty and blank texts, one word, a name at the very end, entities across a line break, and the one-Doc
    call path rather than `pipe`."""
    fast, stock = pipelines
    odd = ["", "\n\n", "Hello", "Talks resumed with Norway", "The envoy of Norway\nAnd Iceland met.",
           "  Ingrid Holm  met  Jon Arason in Oslo.  ", "UN", "\u201cNo,\u201d said Putin."]
    for text in odd:
        mine, theirs = fast(text), stock(text)
        assert np.array_equal(mine.to_array(ATTRS), theirs.to_array(ATTRS)), text
        assert [(e.start, e.end, e.label_) for e in mine.ents] == [(e.start, e.end, e.label_) for e in theirs.ents]


def test_entities_set_before_the_recognizer_are_honoured_as_spacy_does(pipelines):
    """A Doc that already has entities goes through spaCy's own moves (with the GIL held), which keep them."""
    fast, stock = pipelines
    text = "The Harbour Council and Norway signed the Cod Accord in Bergen on Monday."
    found = []
    for nlp in (fast, stock):
        doc = nlp.make_doc(text)
        doc.ents = [Span(doc, 1, 3, label="ORG"), Span(doc, 7, 9, label="LAW")]
        for _, component in nlp.pipeline:
            doc = component(doc)
        found.append([(e.start, e.end, e.label_) for e in doc.ents])
    assert found[0] == found[1]
    assert (1, 3, "ORG") in found[0] and (7, 9, "LAW") in found[0]


def test_decoding_agrees_on_a_batch_mixing_empty_blank_and_short_documents(pipelines):
    fast, stock = pipelines
    batch = ["", "Norway", "", "  ", "Ingrid Holm", "\n", "UN", "Talks with Iceland and the EU resumed in Oslo."]
    for size in (1, 3, 100):
        for mine, theirs in zip(fast.pipe(batch, batch_size=size), stock.pipe(batch, batch_size=size), strict=True):
            assert np.array_equal(mine.to_array(ATTRS), theirs.to_array(ATTRS)), (size, mine.text)


def test_entity_labels_added_on_the_way_are_decoded_too():
    """An entity set before the recognizer with a label the model lacks adds moves to it; the batches after that
    are still decoded as spaCy decodes them (a fresh pipeline: the added label changes the model for good)."""
    load_nlp.cache_clear()
    try:
        fast = load_nlp(Settings().model)
        stock = spacy.load(Settings().model)
        stock.add_pipe("parley_line_breaks", before="parser")
        text = "The Cod Accord binds Norway and Iceland."
        sample = texts(10)
        found = []
        for nlp in (fast, stock):
            doc = nlp.make_doc(text)
            doc.ents = [Span(doc, 1, 3, label="FISHERY_TREATY")]
            for _, component in nlp.pipeline:
                doc = component(doc)
            found.append([(e.start, e.end, e.label_) for e in doc.ents])
        assert found[0] == found[1] and (1, 3, "FISHERY_TREATY") in found[0]
        for mine, theirs in zip(fast.pipe(sample), stock.pipe(sample), strict=True):
            assert np.array_equal(mine.to_array(ATTRS), theirs.to_array(ATTRS)), mine.text[:80]
    finally:
        load_nlp.cache_clear()   # the next caller gets the model as shipped


def test_multi_token_rules_still_apply(pipelines):
    """The attribute ruler's two-token patterns ("gon na", "there is") go through their own matcher."""
    fast, stock = pipelines
    text = "We are gon na sign it. There is a deal, and let's say it holds."
    mine, theirs = fast(text), stock(text)
    assert [t.lemma_ for t in mine] == [t.lemma_ for t in theirs]
    assert [t.pos_ for t in mine] == [t.pos_ for t in theirs]
    assert (mine[2].lemma_, mine[3].lemma_) == ("go", "to")


def test_a_runs_parse_does_not_depend_on_its_batch(pipelines, monkeypatch):
    """Runs parsed in batches of a few tokens and in one batch come out the same."""
    analyzer = Analyzer(None, Settings())
    sample = texts(40)

    def parsed(tokens_per_batch: int) -> list[np.ndarray]:
        monkeypatch.setattr(selective, "PARSE_TOKENS", tokens_per_batch)
        return [doc.to_array(ATTRS) for doc, _ in analyzer.extractor.selective.pipe((t, None) for t in sample)]

    one_batch, small_batches = parsed(10**9), parsed(60)
    assert len(one_batch) == 40
    assert all(np.array_equal(a, b) for a, b in zip(one_batch, small_batches, strict=True))


def test_a_batch_leaves_the_vocabulary_as_it_found_it_once_the_common_words_are_kept():
    load_nlp.cache_clear()   # a pipeline that has read no article yet: the kept articles are counted per pipeline
    analyzer = Analyzer(None, Settings(kept_vocabulary=8, batch_size=8))
    documents = [d for d in read_paths([SHARED / "corpus" / "bulk" / "bbc-2005.jsonl"]) if not isinstance(d, Exception)]
    coined = ["Quorvellan", "Brastimonde", "Tellurivan"]   # words for the kept articles, the later ones, a new caller
    first = [SourceDocument(text=f"{d.text}\n\nThe {coined[0]} delegation said so.") for d in documents[:8]]
    later = [SourceDocument(text=f"{d.text}\n\nThe {coined[1]} delegation said so.") for d in documents[8:40]]
    list(analyzer.analyze_many(first))
    assert coined[0] in analyzer.nlp.vocab.strings   # the first 8 articles' words stay
    strings = len(analyzer.nlp.vocab.strings)
    results = list(analyzer.analyze_many(later))
    assert len(analyzer.nlp.vocab.strings) == strings   # the new words of the next 32 news articles came and went
    assert coined[1] not in analyzer.nlp.vocab.strings
    assert sum(len(r.statements) for r in results) > 0
    assert all(s.trigger and s.text for r in results for s in r.statements)   # plain strings, still readable
    # a new Analyzer on the same pipeline (parley.analyze makes one per call) does not start keeping words again
    fresh = Analyzer(None, Settings(kept_vocabulary=8, batch_size=8))
    assert fresh.nlp is analyzer.nlp
    fresh.analyze(SourceDocument(text=f"The {coined[2]} delegation rejected the plan."))
    assert coined[2] not in analyzer.nlp.vocab.strings
    assert len(analyzer.nlp.vocab.strings) == strings


def test_runs_are_what_as_doc_would_give_the_pipeline():
    """A run is built from the article's words, spaces, norms and sentence starts; it equals the Span.as_doc copy
    it replaces in everything the pipeline reads, and parses the same."""
    from spacy.attrs import NORM, ORTH, SPACY

    analyzer = Analyzer(None, Settings())
    nlp, prefilter = analyzer.nlp, analyzer.extractor.selective.prefilter
    columns = [ORTH, SPACY, NORM, SENT_START]
    compared = 0
    for text in texts(30) + ["They didn't agree.\nNorway won't sign a deal it can't keep, it said."]:
        doc = nlp.make_doc(text)
        plan = prefilter.plan(doc, text)
        mine = selective.runs(doc, plan, text)
        copies = [doc[start:end].as_doc() for start, end in plan.blocks]
        for run, copy in zip(mine, copies, strict=True):
            assert run.text == copy.text
            assert np.array_equal(run.to_array(columns), copy.to_array(columns))
        for run, copy in zip(nlp.pipe(mine), nlp.pipe(copies), strict=True):
            assert np.array_equal(run.to_array(ATTRS), copy.to_array(ATTRS))
            compared += 1
    assert compared > 30
    assert any("n't" in run.text and any(t.norm_ == "not" for t in run) for run in mine)
