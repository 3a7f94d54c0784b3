"""Cleaning: normalisation, page clutter, headings and the trailing sources line; on our own lines and on ../shared."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from parley.cleaning import clean
from parley.cleaning.boilerplate import is_boilerplate
from parley.cleaning.sources_line import parse_sources_line
from parley.sources import SourceDocument, read_path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "corpus" / "seed" / "lavrov-security-guarantees.txt"
DEV = sorted((SHARED / "corpus" / "dev").glob("*.txt"))
BULK = SHARED / "corpus" / "bulk" / "bbc-2005.jsonl"

# Page widgets as news sites print them (our own examples, none taken from an article).
CLUTTER = [
    "Also read", "ALSO READ:", "Read more: Fishing fleets return to the northern banks", "Read more about the dispute",
    "READ MORE", "Read next", "Others are reading now", "People are also reading", "Most read",
    "Recommended for you", "Related articles", "Related:", "You may also like", "Share this article",
    "Share on Facebook", "Share", "Tweet | Email | Print", "Facebook · Twitter · WhatsApp · Copy link",
    "Follow us on Telegram", "Join our WhatsApp channel for the latest updates", "Subscribe to our newsletter",
    "Sign up for our free daily briefing", "Sign up here to get the latest news in your inbox", "Subscribe now",
    "Already a subscriber? Log in", "Photo: Jane Doe/Reuters", "Photograph: Alex Smith", "Image credit: Getty Images",
    "(AP Photo/John Smith)", "Photo by Maria Lopez", "File photo", "© 2026 Coastline Herald",
    "Copyright 2026 Coastline Herald. All rights reserved.", "Updated: 14 March 2026, 09:30 GMT",
    "Published 14.03.2026 09:30", "Last updated 3 hours ago", "Updated on March 14, 2026 at 9:30 a.m. ET",
    "5 min read", "Listen to this article (4 min)", "Advertisement", "ADVERTISEMENT - SCROLL TO CONTINUE",
    "Story continues below advertisement", "Continue reading", "Click here to read more",
    "Tags: fishing, Norland, Sudmark", "Comments", "12 comments", "Trending now", "Editor's picks",
    "Powered by automated translation",
]

# Sentences of an article that open with the same words as a widget: they must stay.
BODY = [
    "Ad hoc talks resumed.", "Published in 2019, the report found three flaws in the treaty.",
    "Posted at the border since March, the 2,000 troops will withdraw by June.",
    "Updated estimates put the cost of the blockade at 3 billion euros.",
    "Register of voters shows 2 million new names, the commission said.",
    "Sign up to the accord has been slow, with only 12 countries on board.",
    "Subscribe to the view that the deal is dead and you miss the point, the envoy said.",
    "Copyright law was at the centre of the trade talks.", "Copyright protection for software remains open.",
    "Join our coalition, the minister urged neighbouring states.",
    "Share this burden equally, the foreign minister told the summit.",
    "Click here, click there: the negotiators joked about the voting software.",
    "Continue reading the text, the mediator told the delegates, and you will find the clause.",
    "Comments by the president angered the opposition.", "Photo opportunities were kept to a minimum.",
    "Read more broadly, the clause gives both sides a veto.", "Trending downwards, the currency lost 4 percent.",
    "Tags on the containers were checked by inspectors.", "Related talks in Geneva collapsed last week.",
    "Most read the statement as a climbdown by the government.", "Reuters reported that the talks had stalled.",
    "Image is everything in these talks, one diplomat said.", "Listen to the people, the protesters chanted.",
    "Follow us on the road to peace, the president told the crowd, and we will deliver.",
    "Get the deal done by Friday or face sanctions, the minister warned.",
    "Download speeds were also on the agenda.", "Picture this: a harbour shared by two fleets.",
]


def read_one(path: Path) -> SourceDocument:
    document = next(read_path(path))
    assert isinstance(document, SourceDocument), document
    return document


@pytest.mark.parametrize("line", CLUTTER)
def test_widget_lines_are_clutter(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", BODY)
def test_sentences_opening_like_widgets_are_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_pathological_lines_do_not_hang() -> None:
    """Patterns with repeated groups must not backtrack for ever on long near-misses (checked by finishing at all)."""
    for line in ("Updated " + "a.m. " * 35 + "x", "Updated " + " - " * 60 + "x", "Share" + ", a" * 60 + " x.",
                 "Updated " + "1" * 180 + " x", "Related" + " - " * 60 + "x"):
        assert not is_boilerplate(line)


def test_nfc_and_whitespace() -> None:
    decomposed = "Le ministre de\u0301clare\u00a0:\t\u201cnon\u201d \u2013 fin.\u200b"
    article = clean("  " + decomposed + "  \r\n\r\n\n  Second\u2003 line.  ")
    first = article.text.split("\n")[0]
    assert first == unicodedata.normalize("NFC", "Le ministre déclare : \u201cnon\u201d \u2013 fin.")
    assert unicodedata.is_normalized("NFC", article.text)
    assert article.text.split("\n")[1] == "Second line."
    assert len(article.units) == 2


def test_hyphens_become_ascii_and_dashes_stay() -> None:
    article = clean("A non\u2011negotiable, long\u2010standing demand \u2013 and a dash.")
    assert article.text == "A non-negotiable, long-standing demand \u2013 and a dash."


def test_every_unicode_line_break_ends_a_line_and_controls_go() -> None:
    article = clean("One.\u2028Two.\u2029Three.\x85Four.\rFive.\x0cSix.\x00\x07\x1b Seven.")
    assert article.text.split("\n") == ["One.", "Two.", "Three.", "Four.", "Five.", "Six. Seven."]


def test_hard_wrapped_lines_are_joined_but_paragraphs_are_not() -> None:
    article = clean("The minister said the talks,\nwhich began on Monday, would go on until\nthe quotas are agreed.\n"
                    "Norland said no.\nde Vries, the mediator, said \u201cnot yet.\u201d\nsudmark's fleet waits.")
    assert article.text.split("\n") == [
        "The minister said the talks, which began on Monday, would go on until the quotas are agreed.",
        "Norland said no.", "de Vries, the mediator, said \u201cnot yet.\u201d", "sudmark's fleet waits."]


def test_clutter_dropped_reported_once_and_in_no_unit() -> None:
    raw = "\n".join([
        "Harbour talks stall",
        "Norland rejected the quota plan on Friday.",
        "Read more: Fishing fleets return to the northern banks",
        "Share this article",
        "Sudmark said it would return to the table.",
        "Share this article",
        "Photo: Jane Doe/Reuters",
    ])
    article = clean(raw)
    assert article.boilerplate == ["Read more: Fishing fleets return to the northern banks", "Share this article",
                                   "Photo: Jane Doe/Reuters"]
    units = [article.text[u.start:u.end] for u in article.units]
    assert units == ["Harbour talks stall", "Norland rejected the quota plan on Friday.",
                     "Sudmark said it would return to the table."]
    assert [u.heading for u in article.units] == [True, False, False]


def test_headings_are_short_lines_without_final_punctuation() -> None:
    article = clean("Fishing rights on the table\nWhy it matters?\nNorland says no.\n" + " ".join(["word"] * 14))
    assert [u.heading for u in article.units] == [True, False, False, False]


def test_trailing_sources_line() -> None:
    article = clean("Norland rejected the plan.\nSudmark agreed.\nSources: Coastline Herald, Nordic Wire and the "
                    "Sudmark Broadcasting Corporation.")
    assert article.sources_cited == ["Coastline Herald", "Nordic Wire", "Sudmark Broadcasting Corporation"]
    assert "Sources" not in article.text


def test_sources_line_before_trailing_clutter() -> None:
    article = clean("Norland rejected the plan.\nSources: Nordic Wire and Coastline Herald\nShare this article\n"
                    "Follow us on Telegram\nSubscribe to our newsletter\n© 2026 Coastline Herald")
    assert article.sources_cited == ["Nordic Wire", "Coastline Herald"]
    assert article.text == "Norland rejected the plan."


def test_sources_line_only_near_the_end() -> None:
    lines = ["Sources: Coastline Herald and Nordic Wire"] + [f"Paragraph {i} says something." for i in range(6)]
    article = clean("\n".join(lines))
    assert article.sources_cited == [] and article.text.startswith("Sources:")


def test_a_sentence_after_sources_colon_is_not_a_list() -> None:
    assert parse_sources_line("Sources: officials said on Friday that the talks would resume next week.") is None
    assert parse_sources_line("Source: AFP") == ["AFP"]


# ../shared ----------------------------------------------------------------------------------------------------------

def test_seed_clutter_and_sources() -> None:
    article = clean(read_one(SEED).text)
    assert article.boilerplate == ["Others are reading now", "Also read"]
    assert sorted(article.sources_cited) == sorted(["Deutsche Welle", "Sky News", "RIA Novosti", "Reuters"])
    assert not any(b in article.text for b in article.boilerplate)
    assert "Sources" not in article.text


def test_seed_sentences_stay_within_one_unit(nlp) -> None:
    article = clean(read_one(SEED).text)
    doc = nlp(article.text)
    sentences = [s for s in doc.sents if s.text.strip()]
    headings = [article.text[u.start:u.end] for u in article.units if u.heading]
    assert headings, "the seed has crossheads"
    for sentence in sentences:
        start = sentence.start_char + (len(sentence.text) - len(sentence.text.lstrip()))
        end = sentence.start_char + len(sentence.text.rstrip())
        assert any(u.start <= start and end <= u.end for u in article.units), sentence.text
    stripped = [s.text.strip() for s in sentences]
    assert all(heading in stripped for heading in headings)


@pytest.mark.parametrize("path", DEV, ids=lambda p: p.name[:3])
def test_dev_articles_lose_no_body_line(path: Path) -> None:
    """The dev articles were stored without page clutter: every line of theirs is body and must be kept."""
    document = read_one(path)
    article = clean(document.text)
    assert article.boilerplate == []
    assert len(article.units) == len([line for line in document.text.split("\n") if line.strip()])


def test_bulk_news_bodies_lose_no_line() -> None:
    dropped = [(d.id, line) for d in read_path(BULK) if isinstance(d, SourceDocument)
               for line in clean(d.text).boilerplate]
    assert dropped == []
