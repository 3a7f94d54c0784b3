"""Page clutter in pasted pages: line features, context rules, our pasted-page set (eval/clutter) and ../shared."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import yaml

from parley.cleaning import clean
from parley.cleaning.normalize import normalize_lines
from parley.cleaning.page_clutter import clutter_lines
from parley.evaluation.gold import load_article_gold
from parley.sources import SourceDocument, read_path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PAGES = sorted((ROOT / "eval" / "clutter").glob("*.gold.json"))
REAL_GOLD = [SHARED / "eval" / "seed.gold.json", *sorted((SHARED / "eval" / "dev").glob("*.gold.json")),
             *sorted(SHARED.glob("dev2-*/gold/*.gold.json"))]


def dropped(*lines: str) -> list[str]:
    return [line for line, clutter in zip(lines, clutter_lines(list(lines))) if clutter]


BODY = "The two delegations met in Tarsholm on Tuesday and agreed to meet again in April."


@pytest.mark.parametrize("line", [
    "Photograph: Lena Varga/Reuters", "Nils Andersen/AFP/Getty Images", "Getty Images", "(AP Photo/Jan Kovac)",
    "Trawlers in the harbour on Monday. Photograph: Lena Varga/Reuters",
    "A ship at the port, March 1, 2026. REUTERS/Marco Bell/File Photo Purchase Licensing Rights, opens new tab",
    "Soldiers at a checkpoint [File: Omar Haddad/Reuters]", "Image source, Getty Images",
    "Tue 3 Mar 2026 14.05 GMT", "Published On 3 Mar 2026", "3 hours ago", "Updated 10:32 AM EST, Tue March 3, 2026",
    "Published on 03/03/2026 - 14:05 GMT+1•Updated 15:20", "Updated - March 03, 2026 09:41 pm IST - NEW DELHI",
    "By Daniel Okoro and Sara Lindqvist", "By Liam Carter, sports reporter", "By Sofia Marin with AP",
    "Posted on 3 March 2026 by Education Worker staff", "Story by Anna Kowalski", "Edited by: Martin Braun", "Health correspondent", "Diplomatic Editor",
    "Newsletter sign-up", "Partner content", "Sign up to our newsletter", "Middle East", "Email *", "@ingridsato",
    "News|Conflict", "Privacy ∙ Terms ∙ Collection notice", "Home » News » Industrial relations", "Home / World / Asia", "Listen to this article · 5 min",
    "—", "2", "Also read: Hospital waiting lists at record high", "Nora Vik contributed reporting.", "Reporting by A. Reporter in Vesk; Editing by B. Editor",
])
def test_lines_of_furniture_are_clutter(line: str) -> None:
    assert dropped(BODY, line, BODY) == [line]


@pytest.mark.parametrize("line", [
    "Veloria walks out of herring talks as Kastmark refuses to cut its quota",  # a headline
    "The threat from the north", "Who pays", "Work requirements for the unemployed",  # crossheads
    "Saturday, 26 February", "1400 GMT", "78,000", ".", "May 2026 Elections Set the Stage",  # a schedule, a figure and a stray full stop of the body
    "A Reuters/Ipsos poll found most voters back the deal.", "By Friday the talks had collapsed.",
    "- Raised the income-tax threshold to 100,000 rupees",  # a bulleted point of the article
    "GOMA | Wire | Rebels said on Friday that they would release 700 prisoners.",
    "Sign of the times for the fishing fleet", "Also at stake: the quotas for the next decade",
])
def test_article_lines_are_kept(line: str) -> None:
    assert dropped(BODY, line, BODY) == []


def test_runs_of_short_lines_are_a_menu_but_one_crosshead_is_not() -> None:
    menu = ["World", "Europe", "Inequality", "Global development"]  # half of them known section names
    assert dropped(*menu, BODY) == menu
    assert dropped(BODY, "Inequality", BODY, "Global development", BODY) == []


def test_links_under_a_bare_label_until_the_article_resumes() -> None:
    links = ["More on this story", "Nurses vote for second strike", "Who are the nurses' leaders?", "1"]
    assert dropped(BODY, *links, BODY) == links
    # "Also read" over a sentence takes nothing with it; a label with its own link takes no neighbour either.
    assert dropped(BODY, "Also read", BODY, "Read more: Fleets return", "Who pays", BODY) == [
        "Also read", "Read more: Fleets return"]


def test_the_page_head_keeps_its_headline_under_a_more_menu() -> None:
    assert dropped("Sport", "More", "Talks stall over quotas in Tarsholm", BODY) == ["Sport", "More"]


def test_a_line_is_clutter_everywhere_or_nowhere() -> None:
    """A repeated headline stays (reporting one copy as clutter would report article words); an outlet's name
    beside the date goes, with its other copy."""
    headline = "Pilots vote to strike after pay talks collapse"
    assert dropped(headline, "Coastal Daily", "Coastal Daily", "Mon, March 2, 2026 at 9:15 PM GMT", headline,
                   BODY) == ["Coastal Daily", "Coastal Daily", "Mon, March 2, 2026 at 9:15 PM GMT"]


def test_pull_quote_of_a_sentence_printed_elsewhere() -> None:
    quote = "“We will not pay to fix it.”"
    assert dropped(f'"We did not cause it. We will not pay to fix it," he said.', quote, BODY) == [quote]
    assert dropped("“We will not pay to fix it.”", BODY) == []  # a quotation of its own is article


def test_byline_name_beside_its_role_or_date_and_caption_above_its_credit() -> None:
    assert dropped("Priya Naidoo", "Health correspondent", BODY) == ["Priya Naidoo", "Health correspondent"]
    assert dropped("Jonas Weber in Madrid", "Published March 3 2026", BODY) == [
        "Jonas Weber in Madrid", "Published March 3 2026"]
    caption = "Steel coils wait for export at a plant in the north"
    for credit in ("Nils Andersen/AFP/Getty Images", "Image: Karl Becker/dpa/picture alliance"):
        assert dropped(BODY, caption, credit, BODY) == [caption, credit]


def test_dropped_lines_are_reported_and_headings_still_marked() -> None:
    article = clean("\n".join(["World", "Europe", "Business", "Talks stall over quotas", "Share", BODY]))
    assert article.boilerplate == ["World", "Europe", "Business", "Share"]
    assert [(article.text[u.start:u.end], u.heading) for u in article.units] == [
        ("Talks stall over quotas", True), (BODY, False)]


def test_page_words_are_lower_case_strings() -> None:
    """YAML reads a bare `on` or `no` as a boolean: every entry must stay a string."""
    lists = yaml.safe_load(resources.files("parley").joinpath("data/patterns/page_words.yaml").read_text("utf-8"))
    assert [w for words in lists.values() for w in words if not isinstance(w, str) or w != w.lower()] == []


# eval/clutter: our pasted pages -------------------------------------------------------------------------------

def page_figures() -> tuple[int, int, list[str], list[str]]:
    """(clutter lines, clutter lines found, clutter lines missed, article lines dropped) over eval/clutter."""
    total = found = 0
    missed, lost = [], []
    for path in PAGES:
        gold = load_article_gold(path)
        raw = gold.article.read_text(encoding="utf-8")
        article = clean(raw)
        clutter, kept = set(gold.boilerplate), set(article.text.split("\n"))
        total += len(clutter)
        found += len(clutter & set(article.boilerplate))
        missed += [f"{path.name}: {line}" for line in clutter - set(article.boilerplate)]
        lost += [f"{path.name}: {line}" for line in normalize_lines(raw) if line not in clutter | kept]
    return total, found, missed, lost


def test_pasted_pages_lose_no_article_line_and_most_clutter() -> None:
    assert len(PAGES) >= 15
    total, found, missed, lost = page_figures()
    assert lost == []
    assert found / total >= 0.9, missed


# ../shared: real articles lose nothing but what their gold calls clutter ---------------------------------------

@pytest.mark.parametrize("gold_path", REAL_GOLD, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_real_articles_lose_only_their_gold_clutter(gold_path: Path) -> None:
    gold = load_article_gold(gold_path)
    document = next(read_path(gold.article))
    assert isinstance(document, SourceDocument)
    assert set(clean(document.text).boilerplate) <= set(gold.boilerplate or [])


def test_every_real_corpus_text_has_a_gold() -> None:
    """The test above covers the whole of corpus/dev, corpus/seed and dev2-*/corpus (tests/test_cleaning_clean.py checks
    that the bulk BBC bodies lose no line at all)."""
    texts = {p.resolve() for pattern in ("corpus/dev/*.txt", "corpus/seed/*.txt", "dev2-*/corpus/*.txt")
             for p in SHARED.glob(pattern)}
    assert texts and texts <= {load_article_gold(p).article.resolve() for p in REAL_GOLD}

