"""Reading: plain text with and without a header, HTML, directories, stdin, JSON Lines, and every way a file can be bad."""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.cleaning import clean
from parley.errors import ParleyError
from parley.sources import SourceDocument, read_path, read_paths, read_text
from parley.sources.header import split_header

BODY = "Norland rejects the quota plan.\nSudmark says the talks will go on."

HEADER = """URL: https://coastline.example/harbour-talks
TITLE: Harbour talks stall
OUTLET: Coastline Herald
DATE: 2026-03-14
Desk: World
---
"""

HTML = """<!DOCTYPE html>
<html><head>
<title>Harbour talks stall | Coastline Herald</title>
<meta property="og:site_name" content="Coastline Herald">
<meta property="og:title" content="Harbour talks stall over fishing quotas">
<meta property="article:published_time" content="2026-03-14T09:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Harbour talks stall over fishing quotas</h1>
<p>Negotiators from Norland and Sudmark ended a third day of talks in the port city without agreement on fishing
quotas, officials said on Friday.</p>
<p>Norland's fisheries minister said her government would not accept any deal that cut its catch in the northern
waters, while Sudmark insisted that the quotas be shared equally between the two fleets.</p>
<p>"We came here to find a fair solution, and we will stay until we find one," the head of the Sudmark delegation
told reporters outside the conference hall.</p>
</article>
<footer><p>Privacy policy</p><p>Contact the newsroom</p><a href="/careers">Careers at the Herald</a></footer>
</body></html>
"""


def only(path: str | Path) -> SourceDocument:
    """The single document read from a path; fails the test if it is an error."""
    items = list(read_path(path))
    assert len(items) == 1, items
    assert isinstance(items[0], SourceDocument), items[0]
    return items[0]


def error(path: str | Path) -> ParleyError:
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], ParleyError), items
    return items[0]


# plain text ----------------------------------------------------------------------------------------------------------

def test_header_is_metadata_not_text(tmp_path: Path) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text(HEADER + BODY, encoding="utf-8")
    document = only(path)
    assert document.text == BODY
    assert (document.title, document.outlet, document.published) == ("Harbour talks stall", "Coastline Herald",
                                                                      "2026-03-14")
    assert document.url == "https://coastline.example/harbour-talks"
    assert document.metadata == {"desk": "World"}
    assert document.id == "harbour" and document.path == str(path)


def test_unknown_header_values_become_none() -> None:
    raw = "TITLE: unknown (no headline in stored text)\nOUTLET: Coastline Herald\nDATE: N/A\nURL: none\n---\n" + BODY
    document = read_text(raw, "a.txt")
    assert document.title is None and document.published is None and document.url is None
    assert document.outlet == "Coastline Herald"


def test_a_value_that_only_starts_like_unknown_is_kept() -> None:
    document = read_text("OUTLET: NA Times\nTITLE: None of the above\n---\n" + BODY)
    assert document.outlet == "NA Times" and document.title == "None of the above"


def test_without_header_the_whole_file_is_text(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(BODY + "\n", encoding="utf-8")
    document = only(path)
    assert document.text == BODY + "\n"
    assert document.title is None and document.metadata == {}


def test_a_colon_line_without_closing_rule_is_text() -> None:
    raw = "Harbour: the talks stall\nNorland rejects the plan.\n"
    assert split_header(raw) == ({}, raw)


def test_a_rule_after_prose_is_not_a_header() -> None:
    raw = "Norland rejects the plan, officials say.\n---\nMore text."
    assert split_header(raw) == ({}, raw)


def test_header_tolerates_blank_lines_bom_and_crlf() -> None:
    raw = "\ufeff\r\nTITLE: Harbour talks\r\n\r\nOUTLET: Coastline Herald\r\n---\r\n" + BODY
    document = read_text(raw, "x.txt")
    assert document.title == "Harbour talks" and document.outlet == "Coastline Herald"
    assert "TITLE" not in document.text and clean(document.text).text == BODY


def test_header_with_old_mac_line_ends() -> None:
    document = read_text("TITLE: Harbour talks\rOUTLET: Coastline Herald\r---\r" + BODY.replace("\n", "\r"))
    assert document.title == "Harbour talks" and clean(document.text).text == BODY


def test_header_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "header-only.txt"
    path.write_text(HEADER, encoding="utf-8")
    assert error(path).code == "E003"


# HTML ----------------------------------------------------------------------------------------------------------------

def test_html_body_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "harbour.html"
    path.write_text(HTML, encoding="utf-8")
    document = only(path)
    assert "without agreement on fishing quotas" in document.text
    assert "We came here to find a fair solution" in document.text
    for clutter in ("World news", "Privacy policy", "Careers at the Herald", "<p>"):
        assert clutter not in document.text
    assert document.title == "Harbour talks stall over fishing quotas"
    assert document.outlet == "Coastline Herald"
    assert document.published == "2026-03-14"
    assert document.id == "harbour"


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "shell.html"
    path.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
                    "<li><a href='/w'>World</a></li></ul></nav><script>var a = 1;</script><footer>Privacy policy"
                    "</footer></body></html>", encoding="utf-8")
    failure = error(path)
    assert failure.code == "E005" and "shell.html" in str(failure)


def test_html_fragment_is_read_as_html_by_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "fragment.htm"
    paragraphs = "".join(f"<p>{line}</p>" for line in HTML.split("<article>")[1].split("</article>")[0].split("<p>")
                         if line.strip() and not line.startswith("<h1>"))
    path.write_text(f"<div>{paragraphs}</div>", encoding="utf-8")
    document = only(path)
    assert "without agreement on fishing quotas" in document.text and "<p>" not in document.text


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    page = HTML.replace("<head>", '<head><meta charset="windows-1252">').replace("third day", "troisième journée")
    path.write_bytes(page.encode("cp1252"))
    assert "troisième journée" in only(path).text


# directories ---------------------------------------------------------------------------------------------------------

def test_directory_in_stable_order_and_only_articles(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("c.txt", "a.txt", "b/z.html", "b/a.txt"):
        (tmp_path / name).write_text(HTML if name.endswith(".html") else f"Article {name}. Norland objects.",
                                     encoding="utf-8")
    (tmp_path / "MANIFEST.tsv").write_text("file\toutlet\n", encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("name: x\n", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / ".hidden.txt").write_text("Editor swap file.", encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "old.txt").write_text("A cached copy.", encoding="utf-8")
    first = [d.path for d in read_path(tmp_path)]
    assert first == [str(tmp_path / n) for n in ("a.txt", "b/a.txt", "b/z.html", "c.txt")]
    assert [d.path for d in read_path(tmp_path)] == first


def test_directory_without_articles_is_reported(tmp_path: Path) -> None:
    (tmp_path / "MANIFEST.tsv").write_text("file\n", encoding="utf-8")
    failure = error(tmp_path)
    assert failure.code == "E006" and str(tmp_path) in str(failure)


# stdin ---------------------------------------------------------------------------------------------------------------

def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(HEADER + BODY))
    document = only("-")
    assert document.text == BODY and document.outlet == "Coastline Herald" and document.path == "-"


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": f"n{i}", "text": f"Norland rejects plan {i}."}) for i in range(3)]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    assert [d.id for d in read_path("-")] == ["n0", "n1", "n2"]


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("  \n"))
    assert error("-").code == "E003"


# JSON Lines ----------------------------------------------------------------------------------------------------------

def test_jsonl_bad_lines_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "ok1", "title": "Talks", "text": "Norland rejects the plan.", "desk": "World"}),
        '{"id": "broken", "text": ',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "notext", "title": "no body"}),
        "",
        json.dumps({"id": 7, "title": 2026, "outlet": None, "published": "unknown", "text": "Sudmark agrees.",
                    "tags": ["a", "b"]}),
    ]) + "\n", encoding="utf-8")
    items = list(read_path(path))
    assert [type(i).__name__ for i in items] == ["SourceDocument", "ParleyError", "ParleyError", "ParleyError",
                                                 "SourceDocument"]
    assert [(e.code, e.details["line"]) for e in items[1:4]] == [("E020", 2), ("E020", 3), ("E021", 4)]
    assert all(str(path) in str(e) and f"line {e.details['line']}" in str(e) for e in items[1:4])
    first, last = items[0], items[4]
    assert first.id == "ok1" and first.path == f"{path}:1" and first.metadata == {"desk": "World"}
    # numbers, nulls and "unknown" from a producer become text or None, never crash the models
    assert (last.id, last.title, last.outlet, last.published) == ("7", "2026", None, None)
    assert last.metadata == {"tags": '["a", "b"]'}


# bad files -----------------------------------------------------------------------------------------------------------

def test_missing_file(tmp_path: Path) -> None:
    failure = error(tmp_path / "nowhere.txt")
    assert failure.code == "E001" and "nowhere.txt" in str(failure)


def test_file_the_kernel_refuses_to_read(tmp_path: Path) -> None:
    """chmod 000 does not stop root (CI runs as root); reading /proc/self/mem at offset 0 fails for everyone."""
    link = tmp_path / "memory.txt"
    link.symlink_to("/proc/self/mem")
    failure = error(link)
    assert failure.code == "E002" and "memory.txt" in str(failure)


def test_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    failure = error(fifo)
    assert failure.code == "E002" and "pipe.txt" in str(failure) and "not a regular file" in str(failure)


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    text = "Le ministre a déclaré que la négociation continue."
    path.write_bytes(text.encode("latin-1"))
    failure = error(path)
    assert failure.code == "E004" and "latin1.txt" in str(failure) and f"byte {text.index('é')}" in str(failure)


@pytest.mark.parametrize("content", ["", "   \n\t\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    failure = error(path)
    assert failure.code == "E003" and "empty.txt" in str(failure)


def test_one_bad_path_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    items = list(read_paths([tmp_path / "missing.txt", tmp_path / "empty.txt", good]))
    assert [getattr(i, "code", "doc") for i in items] == ["E001", "E003", "doc"]


def test_unbalanced_quotes_read_and_clean(tmp_path: Path) -> None:
    path = tmp_path / "quotes.txt"
    path.write_text('The minister said: "we will never accept\nSudmark replied ”only if both sides agree.\n'
                    "«Ukraine’s ‘red lines\n", encoding="utf-8")
    article = clean(only(path).text)
    assert len(article.units) == 3 and article.text.count("\n") == 2


# property ------------------------------------------------------------------------------------------------------------

@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400)
       | st.lists(st.sampled_from(["TITLE: x", "---", "Also read", '"Quote', "Sources: A, B and C", "\u00a0",
                                   "e\u0301", "\r\n", "\t", "", "Read more: x", "Short heading"]),
                  max_size=12).map("\n".join))
def test_any_text_reads_and_cleans_with_consistent_offsets(raw: str) -> None:
    try:
        document = read_text(raw, "prop.txt")
    except ParleyError as exc:
        assert exc.code in {"E003", "E005", "E007", "E009"}   # empty, no HTML text, NULs, no words
        return
    article = clean(document.text)
    lines = article.text.split("\n") if article.text else []
    assert [article.text[u.start:u.end] for u in article.units] == lines
    assert all(line and line == line.strip() for line in lines)
    assert all(b not in lines for b in article.boilerplate)
