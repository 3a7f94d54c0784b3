"""The spaCy pipeline: parley's line-break rule runs before the parser, so a line never shares a sentence."""
from __future__ import annotations

from importlib import resources

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.cleaning import clean
from parley.errors import ParleyError
from parley.nlp import load_nlp
from parley.settings import Settings


def test_line_breaks_runs_before_the_parser(nlp) -> None:
    names = nlp.pipe_names
    assert names.index("parley_line_breaks") < names.index("parser")


def _verb_form(nlp, form: str):
    """The form in a sentence that makes it a verb: "They were staging it.", "They staged it.", "He stages it."."""
    text = f"They were {form} it." if form.endswith("ing") else f"He {form} it." if form.endswith("s") else \
        f"They {form} it."
    return next(t for t in nlp(text) if t.lower_ == form)


def test_verb_forms_the_model_lemmatizes_wrongly_get_their_verb_and_each_correction_is_needed(nlp) -> None:
    corrections = yaml.safe_load(resources.files("parley").joinpath("data/lemmas.yaml").read_text("utf-8"))
    lemmatizer = nlp.get_pipe("lemmatizer")   # the model's own rules, asked directly: no second model loaded
    for verb, forms in corrections.items():
        for form in forms:
            token = _verb_form(nlp, form)
            assert token.lemma_ == verb, form
            assert lemmatizer.rule_lemmatize(token)[0] != verb, f"{form}: the model gets it right, drop the entry"


def test_loaded_once(nlp) -> None:
    assert load_nlp(Settings().model) is nlp


@pytest.mark.parametrize("gap", ["\n", "\n\n", " \n", "\n \n", "\r\n"])
def test_a_heading_is_its_own_sentence(nlp, gap: str) -> None:
    heading = "Fishing quotas back on the table"
    text = heading + gap + "Norland rejected the plan on Friday, and Sudmark said it would not sign it."
    sentences = [s.text.strip() for s in nlp(text).sents if s.text.strip()]
    assert sentences[0] == heading
    assert len(sentences) == 2


def test_a_quote_split_over_lines_stays_split(nlp) -> None:
    text = "The minister said:\n\u201cWe will never accept a smaller quota\nfor our fleet.\u201d"
    sentences = [s.text.strip() for s in nlp(text).sents if s.text.strip()]
    assert sentences == ["The minister said:", "\u201cWe will never accept a smaller quota", "for our fleet.\u201d"]


@pytest.mark.parametrize("dateline", ["OSLO (AP) \u2014 ", "REYKJAVIK, Iceland \u2014 ", "OSLO, March 3 (Reuters) - "])
def test_a_wire_dateline_ends_before_the_first_sentence(nlp, dateline: str) -> None:
    text = "Fishing talks\n" + dateline + "Norland and Sudmark reached a deal on quotas."
    subjects = {t.text for t in nlp(text) if t.dep_ == "nsubj"}
    assert "Norland" in subjects
    assert dateline.split()[0].strip(",") not in subjects


@pytest.mark.parametrize("text", ["The UK - France talks resumed.", "Norland \u2014 the smaller side \u2014 agreed.",
                                  "NORAL \u2014 the northern alliance \u2014 said it would send more boats."])
def test_a_dash_in_a_sentence_is_no_dateline(nlp, text: str) -> None:
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.parametrize("text", [
    "The Norland government and the Sudmark Fishing League [SFL] signed an accord on quotas in Oslo.",
    "Later (on Monday, after a long night) the two delegations met again in the harbour office.",
    "The Sudmark Fishing League (SFL) rejected the plan.",
])
def test_an_aside_in_brackets_stays_in_its_sentence(nlp, text: str) -> None:
    assert [s.text for s in nlp(text).sents] == [text]


@pytest.mark.parametrize(("text", "first"), [
    ("The talks ended. (Reuters) Norland said more.", "The talks ended. "),
    ("It ended.\n(Reuters) Norland said more.", "It ended.\n"),
    ("Norland spoke (briefly\n) and left.", "Norland spoke (briefly\n"),
])
def test_a_bracket_after_a_sentence_or_a_line_keeps_its_start(nlp, text: str, first: str) -> None:
    assert next(nlp(text).sents).text_with_ws == first


def test_empty_and_single_token_docs(nlp) -> None:
    assert len(nlp("")) == 0
    assert [s.text for s in nlp("Talks.").sents] == ["Talks."]


def test_a_model_that_is_not_installed_is_a_clear_error() -> None:
    with pytest.raises(ParleyError) as failure:
        load_nlp("no_such_pipeline_installed")
    assert failure.value.code == "E060" and "no_such_pipeline_installed" in str(failure.value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["Talks resume in the port", "Norland rejects the plan.", "“We will never sign",
                                 "it,” she said.", "Also read", "Sudmark: \"only if", "", "  ", "A.", "e\u0301 ?",
                                 "Sources: A and B"]), min_size=1, max_size=10).map("\n".join))
def test_every_sentence_lies_within_one_unit(nlp, raw: str) -> None:
    article = clean(raw)
    for sentence in nlp(article.text).sents:
        text = sentence.text
        start = sentence.start_char + len(text) - len(text.lstrip())
        end = sentence.start_char + len(text.rstrip())
        assert start == end or any(u.start <= start and end <= u.end for u in article.units), text
