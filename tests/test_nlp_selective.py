"""Selective parsing's runs change nothing: a run built for the parser carries what Span.as_doc carried, a run's
parse does not depend on the batch it is parsed in, and a batch analysed in a memory zone leaves the vocabulary as
it found it. (The drop-in components are tested in test_nlp_fast.py.)"""
from __future__ import annotations

from pathlib import Path

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from parley.nlp import load_nlp, selective
from parley.pipeline import Analyzer
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


def test_a_runs_parse_does_not_depend_on_its_batch(monkeypatch, world_analyzer):
    """Runs parsed in batches of a few tokens and in one batch come out the same."""
    analyzer = world_analyzer
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
    # a new Analyzer on the same pipeline (another dossier's, say) does not start keeping words again
    fresh = Analyzer(None, Settings(kept_vocabulary=8, batch_size=8))
    assert fresh.nlp is analyzer.nlp
    fresh.analyze(SourceDocument(text=f"The {coined[2]} delegation rejected the plan."))
    assert coined[2] not in analyzer.nlp.vocab.strings
    assert len(analyzer.nlp.vocab.strings) == strings


def test_runs_are_what_as_doc_would_give_the_pipeline(world_analyzer):
    """A run is built from the article's words, spaces, norms and sentence starts; it equals the Span.as_doc copy
    it replaces in everything the pipeline reads, and parses the same."""
    from spacy.attrs import NORM, ORTH, SPACY

    nlp, prefilter = world_analyzer.nlp, world_analyzer.extractor.selective.prefilter
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
