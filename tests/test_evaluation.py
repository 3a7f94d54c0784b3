"""Scoring, gold loading and `parley eval` (CONTRACT.md §5)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.errors import ParleyError
from parley.evaluation import Comparison, Counts, Evaluation, load_floors, load_gold, shortfalls
from parley.evaluation.gold import ArticleGold, SentenceGold, load_article_gold, load_sentence_gold
from parley.evaluation.runner import GroupScore, ItemScore
from parley.evaluation.scoring import event_accuracy, normalize, score_article, score_sentence
from parley.extraction.lexicon import load_lexicon
from parley.models import ArticleAnalysis, Position, Quote, Statement

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


# --- counts -------------------------------------------------------------------------------------------------------

def test_precision_recall_f1_on_sets() -> None:
    counts = Comparison.of({"a", "b", "c", "d"}, {"a", "b", "e"}).counts
    assert (counts.tp, counts.fp, counts.fn) == (2, 2, 1)
    assert counts.precision == pytest.approx(0.5)
    assert counts.recall == pytest.approx(2 / 3)
    assert counts.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_counts_are_micro_averaged() -> None:
    total = Comparison.of({1}, {1}).counts + Comparison.of({1, 2, 3}, {4}).counts
    assert total == Counts(tp=1, fp=3, fn=1)
    assert total.precision == pytest.approx(1 / 4)  # a macro average of the two items would give (1 + 0) / 2


def test_empty_prediction_scores_zero_recall() -> None:
    counts = Comparison.of(set(), {"x", "y"}).counts
    assert counts == Counts(0, 0, 2)
    assert (counts.precision, counts.recall, counts.f1) == (0.0, 0.0, 0.0)


def test_empty_gold_with_predictions_scores_zero_precision() -> None:
    counts = Comparison.of({"x"}, set()).counts
    assert counts == Counts(0, 1, 0)
    assert (counts.precision, counts.f1) == (0.0, 0.0)


def test_nothing_to_find_and_nothing_found_is_perfect() -> None:
    counts = Comparison.of(set(), set()).counts
    assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)


def test_false_positives_and_negatives_are_listed() -> None:
    comparison = Comparison.of({("RUS", "reject"), ("UKR", "demand")}, {("UKR", "demand"), ("NATO", "deny")})
    assert comparison.false_positives == [("RUS", "reject")]
    assert comparison.false_negatives == [("NATO", "deny")]


def test_normalize_ignores_quotes_spacing_and_case() -> None:
    assert normalize("“We  have\nconveyed”") == normalize('"we have conveyed"') == "we have conveyed"


# --- measures on one article and one sentence -------------------------------------------------------------------

def _statement(actor: str | None, action: str, plover: str, target: str | None = None, **extra) -> Statement:
    return Statement(sentence=0, start=0, end=1, text="x", actor=actor, action=action, plover=plover,
                     target=target, **extra)


def _analysis(**fields) -> ArticleAnalysis:
    return ArticleAnalysis(id="a", text="x", **fields)


def test_events_skip_negated_statements_and_unknown_actors() -> None:
    result = _analysis(statements=[
        _statement("RUS", "demand", "REQUEST", "UKR"),
        _statement("UKR", "agree", "AGREE", "RUS", negated=True),
        _statement(None, "reject", "REJECT"),
    ])
    gold = ArticleGold(article=Path("a.txt"), events=[("RUS", "demand", None), ("UKR", "agree", "RUS")])
    scores = score_article(result, gold)
    assert scores["events"].counts == Counts(tp=1, fp=0, fn=1)
    assert scores["events_strict"].counts == Counts(tp=0, fp=1, fn=2)  # the target differs: strict counts it wrong


def test_positions_need_actor_issue_and_stance_to_match() -> None:
    result = _analysis(positions=[Position(actor="RUS", issue="territory", stance="for"),
                                  Position(actor="UKR", issue="territory", stance="conditional")])
    gold = ArticleGold(article=Path("a.txt"), positions=[("RUS", "territory", "for"), ("UKR", "territory", "against")])
    assert score_article(result, gold)["positions"].counts == Counts(tp=1, fp=1, fn=1)


def test_measures_without_gold_fields_are_not_scored() -> None:
    gold = ArticleGold(article=Path("a.txt"), positions=[])
    assert set(score_article(_analysis(), gold)) == {"positions"}


def test_outlets_sources_and_reported_by_are_scored_apart() -> None:
    result = _analysis(sources_cited=["Reuters", "TASS"],
                       statements=[_statement("RUS", "demand", "REQUEST", reported_by=["Guardian"])])
    gold = ArticleGold(article=Path("a.txt"), reported_by=["The Guardian", "Reuters"], sources=["Reuters"])
    scores = score_article(result, gold)
    assert scores["reported_by"].counts == Counts(tp=1, fp=0, fn=1)
    assert scores["sources"].counts == Counts(tp=1, fp=1, fn=0)
    assert scores["outlets"].counts == Counts(tp=2, fp=1, fn=0)


def test_quotes_match_by_speaker_and_opening_words() -> None:
    result = _analysis(quotes=[
        Quote(speaker="Sergei Lavrov", actor="RUS", text="“We have conveyed to our colleagues that…”", start=0, end=1),
        Quote(speaker="Someone Else", actor=None, text="We have conveyed nothing", start=0, end=1),
    ])
    gold = ArticleGold(article=Path("a.txt"), quotes=[{"speaker": "Sergei Lavrov", "starts": "We have conveyed"}])
    assert score_article(result, gold)["quotes"].counts == Counts(tp=1, fp=1, fn=0)


def test_boilerplate_and_people_compare_normalised_text() -> None:
    result = _analysis(boilerplate=["Others are  reading now"], people={"Sergei Lavrov": "RUS", "Anon": "USA"})
    gold = ArticleGold(article=Path("a.txt"), boilerplate=["others are reading now"], people={"Sergei Lavrov": "RUS"})
    scores = score_article(result, gold)
    assert scores["boilerplate"].counts == Counts(tp=1)
    assert scores["people"].counts == Counts(tp=1, fp=1)


def test_sentence_pairs_map_actor_ids_to_plover_codes_on_both_sides() -> None:
    codes = {"NATO": "IGO", "UN": "IGO"}
    result = _analysis(statements=[_statement("NATO", "deny", "REJECT"), _statement("UKR", "deny", "REJECT")])
    gold = SentenceGold(text="x", source=["UN", "UKR"], event="REJECT", action="reject")
    scores = score_sentence(result, gold, lambda actor: codes.get(actor, actor))
    assert scores["source_event"].counts == Counts(tp=2)
    assert scores["source_action"].counts == Counts(tp=0, fp=2, fn=2)  # deny is not reject, though both are REJECT


def test_sentence_without_gold_event_punishes_any_prediction() -> None:
    gold = SentenceGold(text="x", source=[], event=None)
    scores = score_sentence(_analysis(statements=[_statement("SRB", "agree", "AGREE")]), gold, str)
    assert scores["source_event"].counts == Counts(fp=1)
    assert "source_action" not in scores


def test_event_accuracy_counts_only_sentences_with_a_prediction() -> None:
    comparisons = [
        Comparison.of({"REJECT", "ACCUSE"}, {"REJECT"}),  # right: the gold type is among those predicted
        Comparison.of({"AGREE"}, {"REJECT"}),              # wrong
        Comparison.of(set(), {"THREATEN"}),                # nothing predicted: outside the accuracy
        Comparison.of({"AGREE"}, set()),                   # no gold event (our negation cases): outside too
    ]
    accuracy = event_accuracy(comparisons)
    assert (accuracy.correct, accuracy.predicted, accuracy.sentences) == (1, 2, 3)
    assert accuracy.accuracy == pytest.approx(0.5)
    assert accuracy.coverage == pytest.approx(2 / 3)


# --- gold files ------------------------------------------------------------------------------------------------------

def _tree(tmp_path: Path) -> Path:
    """A shared-like folder: corpus/one.txt and eval/ beside it."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "one.txt").write_text("TITLE: A test\n---\nThe talks went on.\n", encoding="utf-8")
    (tmp_path / "eval" / "dev").mkdir(parents=True)
    return tmp_path / "eval"


def test_article_gold_paths_resolve_from_the_folder_holding_eval(tmp_path: Path) -> None:
    evaldir = _tree(tmp_path)
    path = evaldir / "dev" / "one.gold.json"
    path.write_text(json.dumps({"article": "corpus/one.txt", "positions": [["A", "b", "for"]]}), encoding="utf-8")
    gold = load_article_gold(path)
    assert gold.article == (tmp_path / "corpus" / "one.txt").resolve()
    assert gold.id == "one" and gold.positions == [("A", "b", "for")] and gold.events is None


@pytest.mark.parametrize("content, problem", [
    ("{not json", "not JSON"),
    ("[1, 2]", "top level"),
    (json.dumps({"positions": []}), "article"),
    (json.dumps({"article": "corpus/missing.txt"}), "none of its parent folders"),
    (json.dumps({"article": "corpus/one.txt", "positions": [["A", "b"]]}), "positions"),
])
def test_bad_article_gold_names_the_file_and_problem(tmp_path: Path, content: str, problem: str) -> None:
    path = _tree(tmp_path) / "bad.gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ParleyError) as caught:
        load_article_gold(path)
    assert caught.value.code == "E030"
    assert str(path) in str(caught.value) and problem in str(caught.value)


@pytest.mark.parametrize("line, code", [
    ("{broken", "E020"),
    ('["a list"]', "E020"),
    (json.dumps({"source": ["USA"], "event": "AGREE"}), "E031"),
    (json.dumps({"text": "   ", "source": [], "event": None}), "E031"),
    (json.dumps({"text": "Peru agreed.", "source": "PER", "event": "AGREE"}), "E031"),
])
def test_bad_sentence_gold_names_file_and_line(tmp_path: Path, line: str, code: str) -> None:
    path = tmp_path / "s.jsonl"
    good = json.dumps({"text": "Peru agreed.", "source": ["PER"], "target": [], "event": "AGREE"})
    path.write_text(good + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ParleyError) as caught:
        load_sentence_gold(path)
    assert caught.value.code == code
    assert f"{path}, line 2" in str(caught.value)


def test_gold_paths_that_hold_no_gold_are_errors(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ParleyError, match="E032"):
        list(load_gold(tmp_path))
    with pytest.raises(ParleyError, match="E030"):
        list(load_gold(tmp_path / "notes.txt"))
    with pytest.raises(ParleyError, match="E001"):
        list(load_gold(tmp_path / "absent"))


def test_shared_gold_loads() -> None:
    items = list(load_gold(SHARED / "eval" / "dev")) + list(load_gold(SHARED / "eval" / "plover" / "gsr-dev.jsonl"))
    articles = [i for i in items if isinstance(i, ArticleGold)]
    assert len(articles) == len(list((SHARED / "eval" / "dev").glob("*.gold.json")))
    assert all(a.article.is_file() and a.dossier is not None and a.dossier.is_file() for a in articles)
    assert all(isinstance(i, SentenceGold) and i.event for i in items[len(articles):])


def test_our_cases_load_and_name_their_dossiers() -> None:
    items = list(load_gold(REPO / "eval" / "cases"))
    sentences = [i for i in items if isinstance(i, SentenceGold)]
    assert len(sentences) >= 60
    assert len({s.id for s in sentences}) == len(sentences)
    assert all(s.dossier is None or s.dossier.is_file() for s in sentences)
    assert any(isinstance(i, ArticleGold) for i in items)


def test_our_cases_cover_every_action_with_its_plover_type() -> None:
    plover = load_lexicon().plover  # the contract's action → PLOVER table (CONTRACT.md §2)
    sentences = [i for i in load_gold(REPO / "eval" / "cases") if isinstance(i, SentenceGold)]
    assert {s.action for s in sentences if s.action} == set(plover)
    assert all(s.event == plover[s.action] for s in sentences if s.action)


# --- floors --------------------------------------------------------------------------------------------------------

def test_shortfalls_report_low_and_missing_figures(tmp_path: Path) -> None:
    path = tmp_path / "eval" / "floors.yaml"
    path.parent.mkdir()
    path.write_text("groups:\n  seed:\n    gold: [x.gold.json]\n    floors: {positions: 0.5, events: 0.6, quotes: 0.1}\n",
                    encoding="utf-8")
    floors = load_floors(path)
    assert floors.gold_paths() == {"seed": [tmp_path / "x.gold.json"]}
    group = GroupScore("seed", [ItemScore("a", "article", {
        "positions": Comparison.of({1, 2}, {1, 2}), "events": Comparison.of({1, 2, 3}, {1})})])
    found = sorted((s.measure, s.score) for s in shortfalls(floors, [group]) if s.score is not None)
    assert found == [("events", pytest.approx(0.5))]  # positions (1.0) clears its floor
    assert [s.measure for s in shortfalls(floors, [group]) if s.score is None] == ["quotes"]


@pytest.mark.parametrize("body", ["groups:\n  seed:\n    floors: {positions: 0.5}\n",
                                  "groups:\n  seed:\n    gold: [a]\n    floors: {positions: 1.5}\n",
                                  "groups: [\n"])
def test_bad_floors_file_names_it(tmp_path: Path, body: str) -> None:
    path = tmp_path / "floors.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ParleyError, match="E033") as caught:
        load_floors(path)
    assert str(path) in str(caught.value)


# --- the command -----------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_gold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One article of our own with a dossier and gold, and two sentences, laid out like ../shared."""
    root = tmp_path_factory.mktemp("gold")
    (root / "corpus").mkdir()
    (root / "corpus" / "talks.txt").write_text(
        "Arvania rejected the water-sharing plan on Monday. Belmora urged Arvania to return to the talks.\n",
        encoding="utf-8")
    (root / "eval").mkdir()
    (root / "eval" / "talks.yaml").write_text(
        "name: River talks\nactors:\n  - {id: ARV, name: Arvania}\n  - {id: BLM, name: Belmora}\n"
        "issues:\n  - {id: water, label: Water sharing, proposition: The river's water is shared, keywords: [water]}\n",
        encoding="utf-8")
    (root / "eval" / "talks.gold.json").write_text(json.dumps({
        "article": "corpus/talks.txt", "dossier": "eval/talks.yaml",
        "positions": [["ARV", "water", "against"]], "events": [["ARV", "reject", None], ["BLM", "demand", "ARV"]]}),
        encoding="utf-8")
    (root / "eval" / "sentences.jsonl").write_text(
        json.dumps({"text": "Peru rejected the proposal.", "source": ["PER"], "target": [], "event": "REJECT"}) + "\n"
        + json.dumps({"text": "Chile has not agreed to the plan.", "source": [], "target": [], "event": None}) + "\n",
        encoding="utf-8")
    return root / "eval"


def test_eval_prints_a_table_per_group_and_exits_zero(small_gold: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(small_gold / "talks.gold.json"),
                                      "--cases", str(small_gold / "sentences.jsonl")])
    assert result.exit_code == 0, result.output
    assert "talks (1 article)" in result.output and "cases (2 sentences)" in result.output
    for measure in ("positions", "events_strict", "source_event", "event_accuracy"):
        assert measure in result.output


def test_eval_json_counts_add_up_to_the_gold(small_gold: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(small_gold), "--json", "--details"])
    assert result.exit_code == 0, result.output
    group = json.loads(result.stdout)["groups"]["eval"]
    assert group["items"] == 3
    measures = group["measures"]
    assert measures["positions"]["tp"] + measures["positions"]["fn"] == 1
    assert measures["events_strict"]["tp"] + measures["events_strict"]["fn"] == 2
    assert measures["source_event"]["tp"] + measures["source_event"]["fn"] == 1
    assert group["event_accuracy"]["sentences"] == 1
    listed = sum(len(m["fp"]) for item in group["details"] for m in item["measures"].values())
    assert listed == sum(m["fp"] for m in measures.values())


def test_eval_reports_a_bad_gold_file_and_scores_the_rest(small_gold: Path, tmp_path: Path) -> None:
    bad = tmp_path / "broken.gold.json"
    bad.write_text("{", encoding="utf-8")
    wide = CliRunner(env={"COLUMNS": "200"})  # wide enough that Rich does not wrap the path, however long
    result = wide.invoke(app, ["eval", str(bad), str(small_gold / "talks.gold.json")])
    assert result.exit_code == 1
    assert str(bad) in result.stderr and "E030" in result.stderr
    assert "talks (1 article)" in result.stdout


def test_one_analyzer_per_dossier(small_gold: Path) -> None:
    evaluation = Evaluation()
    evaluation.run({"a": [small_gold / "talks.gold.json"], "b": [small_gold / "talks.gold.json"]})
    assert len(evaluation._analyzers) == 1


def test_each_trigger_names_one_action() -> None:
    """A verb or noun listed under two actions would silently take the first (or last): the lists must not clash."""
    import yaml
    from importlib import resources
    raw = yaml.safe_load(resources.files("parley").joinpath("data/lexicon/actions.yaml").read_text("utf-8"))
    for section in ("verbs", "nouns"):
        seen: dict[str, str] = {}
        for action, triggers in raw[section].items():
            for trigger in triggers:
                assert seen.setdefault(trigger, action) == action, (section, trigger, seen[trigger], action)


def test_a_folder_named_gold_is_labelled_by_the_folder_it_sits_in(tmp_path):
    from parley.evaluation.gold import group_name

    folder = tmp_path / "dev2-conflict" / "gold"
    folder.mkdir(parents=True)
    assert group_name(folder) == "dev2-conflict"
    assert group_name(tmp_path / "dev") == "dev"


def test_an_article_of_a_json_lines_corpus_is_named_by_its_id(small_gold: Path, tmp_path: Path) -> None:
    shutil.copytree(small_gold.parent, tmp_path / "root")
    root = tmp_path / "root"
    (root / "corpus" / "bulk.jsonl").write_text(
        json.dumps({"id": "b-1", "text": "Belmora met its neighbours."}) + "\n"
        + json.dumps({"id": "b-2", "text": (root / "corpus" / "talks.txt").read_text(encoding="utf-8")}) + "\n",
        encoding="utf-8")
    gold = json.loads((root / "eval" / "talks.gold.json").read_text(encoding="utf-8"))
    bulk = root / "eval" / "bulk.gold.json"
    bulk.write_text(json.dumps({**gold, "article": "corpus/bulk.jsonl#b-2"}), "utf-8")
    loaded = load_article_gold(bulk)
    assert loaded.article == (root / "corpus" / "bulk.jsonl").resolve() and loaded.article_id == "b-2"
    same = Evaluation().run({"one": [root / "eval" / "talks.gold.json"], "bulk": [bulk]})
    assert same[0].measures()["positions"] == same[1].measures()["positions"]
    bulk.write_text(json.dumps({**gold, "article": "corpus/bulk.jsonl#b-9"}), "utf-8")
    result = CliRunner().invoke(app, ["eval", str(bulk)])
    assert result.exit_code == 1 and "E030" in result.stderr and "'b-9'" in result.stderr
