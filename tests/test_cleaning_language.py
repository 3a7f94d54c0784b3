"""Language: every article's language is detected; one parley has no pipeline for is reported with E120 (by
`analyze`, `ingest` and the Python API), never analysed into an empty result; a pipeline for another language is
a setting; and no English article or gold sentence of the shared data is ever taken for another language."""
from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

import parley
from parley.cleaning import clean
from parley.cleaning.language import PREFIX, detect, reading_language
from parley.cli import app
from parley.errors import ParleyError
from parley.settings import Settings
from parley.sources import read_paths, read_text
from parley.store import schema

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FRENCH = ROOT / "examples" / "languages" / "port-talks-fr.txt"
GERMAN = ROOT / "examples" / "languages" / "port-talks-de.txt"
ENGLISH = ROOT / "examples" / "harbour-talks.txt"
DOSSIER = ROOT / "examples" / "harbour-talks.yaml"

runner = CliRunner()


def test_our_french_and_german_articles_are_detected_as_such():
    for path, code, name in ((FRENCH, "fr", "French"), (GERMAN, "de", "German")):
        found = detect(next(read_paths([path])).text)
        assert (found.code, found.name) == (code, name)
        assert found.probability > 0.99


def test_every_shared_english_article_and_gold_sentence_is_read_as_english():
    """What keeps `make eval` and the bulk corpus as they were: nothing of theirs is turned away."""
    articles = [item for item in read_paths([SHARED / "corpus", SHARED / "dev2-conflict", SHARED / "dev2-economy",
                                             ROOT / "examples" / "timeline", ENGLISH])
                if not isinstance(item, ParleyError)]
    sentences = [json.loads(line)["text"] for line in
                 (SHARED / "eval" / "plover" / "gsr-dev.jsonl").read_text("utf-8").splitlines() if line.strip()]
    assert len(articles) > 2000 and len(sentences) > 100
    settings = Settings()
    read_as = {reading_language(clean(a.text, settings.heading_max_words).text, settings, a.path) for a in articles}
    assert read_as == {"en"}
    assert {reading_language(text, settings, "gold") for text in sentences} == {"en"}


def test_the_detector_reads_only_the_opening_of_a_long_article():
    """Its cost grows with the text; the opening decides (the shared articles read the same either way, above)."""
    english, french = (next(read_paths([path])).text for path in (ENGLISH, FRENCH))
    assert len(english) > PREFIX
    assert detect(english + french * 5).code == "en"


def test_an_english_article_that_opens_with_a_long_quotation_in_another_language_is_read_as_english():
    english, french = (next(read_paths([path])).text for path in (ENGLISH, FRENCH))
    opening = (french * 3)[:PREFIX + 100]
    assert detect(opening + english * 3).code == "fr"   # the opening alone
    assert reading_language(opening + english * 3, Settings(), "quoted") == "en"


def test_a_short_text_the_detector_is_unsure_of_is_read_in_the_main_language():
    text = "Putin, Zelensky, Erdogan"  # the detector's best guess is Czech, at about 10%
    found = detect(text)
    assert found.code != "en" and found.probability < Settings().language_min_probability
    assert reading_language(text, Settings(), "names") == "en"


def test_the_analyzer_reports_the_french_article_in_its_place_and_reads_the_others(store_analyzer):
    documents = [next(read_paths([path])) for path in (ENGLISH, FRENCH, ENGLISH)]
    results = list(store_analyzer.analyze_each(documents))
    assert [type(r).__name__ for r in results] == ["ArticleAnalysis", "ParleyError", "ArticleAnalysis"]
    error = results[1]
    assert error.code == "E120" and error.details["language"] == "French" and error.details["iso"] == "fr"
    assert str(FRENCH) in str(error) and "analysis.pipelines" in str(error)
    assert results[0].language == results[2].language == "en"
    assert results[0].statements


def test_a_batch_retried_one_by_one_still_reports_e120_itself(store_analyzer):
    """When a batch breaks, its articles are analysed again one at a time: the French one is still E120, not a
    failed analysis (E053)."""
    entered = []

    @contextmanager
    def breaks_the_batch():
        entered.append(True)
        if len(entered) == 1:
            raise RuntimeError("the batch broke")
        yield

    documents = [next(read_paths([path])) for path in (ENGLISH, FRENCH)]
    results = list(store_analyzer.analyze_each(documents, guard=breaks_the_batch))
    assert len(entered) == 3  # the batch, then each article
    assert results[0].language == "en" and isinstance(results[1], ParleyError) and results[1].code == "E120"


def test_the_python_api_raises_e120_for_a_french_article():
    with pytest.raises(ParleyError) as raised:
        parley.analyze(FRENCH)
    assert raised.value.code == "E120" and "French" in str(raised.value)


def test_a_second_language_is_a_setting(store_analyzer):
    """`pipelines` sends French articles to the pipeline it names (here the English one stands in for an installed
    French pipeline, which the project does not ship): the article is analysed and says it was read as French."""
    settings = Settings(pipelines={"fr": store_analyzer.settings.model})
    analyzer = parley.pipeline.Analyzer(None, settings)
    result = analyzer.analyze(next(read_paths([FRENCH])))
    assert result.language == "fr" and result.text
    assert analyzer._extractors["fr"].nlp is not analyzer.nlp  # its own pipeline, loaded on first use
    english = analyzer.analyze(read_text(ENGLISH.read_text("utf-8"), str(ENGLISH)))
    assert english.language == "en" and english.statements


def test_analyze_command_reports_each_non_english_article_and_prints_the_rest():
    result = runner.invoke(app, ["analyze", str(ENGLISH), str(FRENCH.parent), "--dossier", str(DOSSIER), "--json"])
    assert result.exit_code == 1
    printed = [json.loads(line) for line in result.stdout.splitlines()]
    assert [p["path"] for p in printed] == [str(ENGLISH)] and printed[0]["language"] == "en"
    assert "[E120]" in result.stderr and "French (fr" in result.stderr and "German (de" in result.stderr


def test_ingest_records_non_english_articles_with_their_language_once(tmp_path):
    db = tmp_path / "parley.db"
    args = ["ingest", str(ENGLISH), str(FRENCH.parent), "--dossier", str(DOSSIER), "--db", str(db)]
    for _ in range(2):  # a second run stores nothing twice and records nothing twice
        result = runner.invoke(app, args)
        assert result.exit_code == 1 and "[E120]" in result.stderr
    with parley.open(db) as store, Session(store.engine) as session:
        errors = session.execute(select(schema.IngestError.source, schema.IngestError.code,
                                        schema.IngestError.reason)).all()
        stored = session.scalars(select(schema.Article.source)).all()
    assert stored == [str(ENGLISH)]
    assert sorted((source, code) for source, code, _ in errors) == [(str(GERMAN), "E120"), (str(FRENCH), "E120")]
    assert {reason.split(" (")[0].rsplit(" ", 1)[1] for _, _, reason in errors} == {"French", "German"}
