"""Every string that enters is valid Unicode or a coded error, per article: lone surrogates, NULs, no words."""
from __future__ import annotations

import json

import pytest

import parley
from parley.errors import ParleyError
from parley.sources import read_paths, read_text


@pytest.mark.parametrize(("text", "code"), [("abc \udcfd", "E008"), ("\x00" * 100, "E007"),
                                            ("Talks \x00 resumed.", "E007"), ('"' * 1000, "E009"), ("— … —", "E009")])
def test_bad_text_is_a_coded_error_not_a_crash(text, code):
    with pytest.raises(ParleyError) as caught:
        read_text(text)
    assert caught.value.code == code and "<text>" in str(caught.value)


def test_the_python_api_raises_the_coded_error():
    with pytest.raises(ParleyError, match=r"\[E008\].*U\+DCFD at character 4"):
        parley.analyze("abc \udcfd")


def test_a_record_without_id_holding_a_surrogate_is_named_by_file_and_line_and_the_rest_go_on(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [{"id": "one", "text": "Norway rejected the proposal."}, {"text": "Iceland \ud800 agreed."},
             {"id": "three", "text": "Iceland agreed.", "title": "bad \udc00"}, {"id": "four", "text": "Oslo said no."}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    items = list(read_paths([path]))
    errors = [str(item) for item in items if isinstance(item, ParleyError)]
    assert [item.id for item in items if not isinstance(item, ParleyError)] == ["one", "four"]
    assert errors == [f"[E008] {path}:2: the text is not valid Unicode (a lone surrogate U+D800 at character 8)",
                      f"[E008] {path}:3: field 'title' is not valid Unicode (a lone surrogate U+DC00 at character 4)"]


def test_nul_bytes_are_no_article_for_the_cli(tmp_path):
    from typer.testing import CliRunner

    from parley.cli import app

    (tmp_path / "nul.txt").write_bytes(b"\x00" * 100)
    result = CliRunner().invoke(app, ["analyze", str(tmp_path / "nul.txt"), "--json"])
    assert result.exit_code == 1 and result.stdout == ""
    assert "E007" in result.stderr


def test_ingest_analysed_names_a_line_that_is_not_utf8(tmp_path):
    from typer.testing import CliRunner

    from parley.cli import app

    good = parley.analyze("Norway rejected the proposal, the minister said.").to_json()
    path = tmp_path / "analyses.jsonl"
    path.write_bytes(good.encode() + b"\n" + b"{\"text\": \"caf\xe9\"}\n")
    wide = CliRunner(env={"COLUMNS": "200"})  # wide enough that Rich does not wrap the path, however long
    result = wide.invoke(app, ["ingest", "--analysed", str(path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1, result.output
    assert f"[E004] {path}, line 2: not valid UTF-8 text (byte" in " ".join(result.stderr.split())
    with parley.open(tmp_path / "s.db") as store:
        assert store.counts()["articles"] == 1
