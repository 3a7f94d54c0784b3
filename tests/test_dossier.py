"""Dossiers: the shared ones load; every kind of mistake an analyst makes names the file and the line."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.dossier import load_dossier
from parley.errors import ParleyError

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DOSSIERS = sorted((SHARED / "eval" / "dossiers").glob("*.yaml"))
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbour-talks.yaml"

VALID = """name: Harbour talks
actors:
  - id: NLD
    name: Norland
    aliases: [Nordhavn]
    people: [Ingrid Halvorsen]
  - id: SMK
    name: Sudmark
issues:
  - id: quotas
    label: Equal fishing quotas
    proposition: The two fleets share the catch in the northern waters equally
    keywords: [quota, catch, 50]
"""


def write(tmp_path: Path, text: str, name: str = "dossier.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def failure(path: Path) -> ParleyError:
    with pytest.raises(ParleyError) as caught:
        load_dossier(path)
    assert path.name in str(caught.value)
    return caught.value


def test_shared_dossiers_are_all_there() -> None:
    assert len(DOSSIERS) >= 9


@pytest.mark.parametrize("path", DOSSIERS, ids=lambda p: p.stem)
def test_shared_dossier_loads(path: Path) -> None:
    dossier = load_dossier(path)
    assert dossier.actors and dossier.issues
    assert len({a.id for a in dossier.actors}) == len(dossier.actors)
    assert all(i.label for i in dossier.issues)
    assert dossier.path == str(path)


def test_example_dossier_loads() -> None:
    dossier = load_dossier(EXAMPLE)
    assert 2 <= len(dossier.actors) <= 3 and 3 <= len(dossier.issues) <= 4
    assert all(len(a.id) == 3 and a.id.isupper() for a in dossier.actors)
    assert all(i.proposition and i.keywords for i in dossier.issues)


def test_valid_dossier_and_numbers_as_words(tmp_path: Path) -> None:
    dossier = load_dossier(write(tmp_path, VALID))
    assert dossier.actor("NLD").aliases == ["Nordhavn"]
    assert dossier.issues[0].keywords == ["quota", "catch", "50"]
    assert dossier.actor("XXX") is None


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("    aliases: [Nordhavn]", "    aliases: [Nordhavn"))
    error = failure(path)
    assert error.code == "E010" and ", line 6:" in str(error)


def test_tab_indentation_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("  - id: SMK", "\t- id: SMK"))
    error = failure(path)
    assert error.code == "E010" and ", line 7:" in str(error)


def test_missing_field_names_the_entry_and_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("    name: Sudmark\n", "    aliases: [South]\n"))
    error = failure(path)
    assert error.code == "E013" and ", line 7:" in str(error) and "actors.1.name" in str(error)


def test_wrong_type_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("    keywords: [quota, catch, 50]", "    keywords: {quota: 1}"))
    error = failure(path)
    assert error.code == "E013" and ", line 13:" in str(error) and "issues.0.keywords" in str(error)


def test_an_issue_written_as_a_bare_word(tmp_path: Path) -> None:
    error = failure(write(tmp_path, "name: x\nactors: []\nissues: [quotas, ports]\n"))
    assert error.code == "E013" and ", line 3:" in str(error)
    assert "issues.0: expected a mapping with `id`, `label`, got 'quotas'" in str(error)


def test_actors_as_mapping_is_a_clear_error(tmp_path: Path) -> None:
    error = failure(write(tmp_path, "name: x\nactors:\n  NLD: Norland\nissues: []\n"))
    assert error.code == "E013" and ", line 3:" in str(error) and "actors" in str(error) and "list" in str(error)


def test_bad_actor_id(tmp_path: Path) -> None:
    error = failure(write(tmp_path, VALID.replace("id: SMK", "id: South Mark!")))
    assert error.code == "E013" and ", line 7:" in str(error) and "South Mark!" in str(error)


@pytest.mark.parametrize("text", ["", "# only a comment\n", "- NLD\n- SMK\n", "just words\n"])
def test_top_level_must_be_a_mapping(tmp_path: Path, text: str) -> None:
    error = failure(write(tmp_path, text))
    assert error.code == "E011" and "mapping" in str(error)


def test_duplicate_actor_id(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace("issues:", "  - id: NLD\n    name: Norland again\nissues:"))
    error = failure(path)
    assert error.code == "E012" and "'NLD'" in str(error) and ", line 9:" in str(error) and "actor" in str(error)


def test_duplicate_issue_id(tmp_path: Path) -> None:
    path = write(tmp_path, VALID + "  - id: quotas\n    label: Quotas again\n")
    error = failure(path)
    assert error.code == "E012" and "'quotas'" in str(error) and ", line 14:" in str(error) and "issue" in str(error)


def test_missing_dossier(tmp_path: Path) -> None:
    assert failure(tmp_path / "nowhere.yaml").code == "E001"


def test_dossier_that_is_a_directory_or_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "folder.yaml").mkdir()
    assert failure(tmp_path / "folder.yaml").code == "E002"
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("name: Négociation\n".encode("latin-1"))
    assert failure(latin).code == "E002" and "line 1, byte 7" in str(failure(latin))


# Hostile dossiers: each is refused fast with its file and line (exit 2 from the CLI), none crashes or runs long.

NESTINGS = {  # the nesting written in `keywords`, and the line where it passes 20 levels
    "flow lists": ("[" * 5000 + "]" * 5000, 13),
    "flow mappings": ("{a: " * 5000 + "}" * 5000, 13),
    "block lists": ("\n" + "".join("      " + "  " * i + "-\n" for i in range(1000)), 31),
}


@pytest.mark.parametrize("nesting", NESTINGS, ids=list(NESTINGS))
def test_deep_nesting_is_refused_at_its_line(tmp_path: Path, nesting: str) -> None:
    """Before: 5,000 nested `[` in `keywords` raised RecursionError, exit 1, no file or line."""
    text, line = NESTINGS[nesting]
    error = failure(write(tmp_path, VALID.replace("[quota, catch, 50]", text)))
    assert error.code == "E014" and "nested deeper than 20" in str(error) and "dossier.max_depth" in str(error)
    assert f", line {line}:" in str(error)


def test_an_alias_bomb_is_refused_in_seconds(tmp_path: Path) -> None:
    """Before: 107 s and 638 MB before E013. Nine levels of nine aliases are 387 million keywords."""
    bomb = "lol: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 9))
    path = write(tmp_path, bomb + VALID.replace("[quota, catch, 50]", "*l8"))
    started = time.perf_counter()
    error = failure(path)
    assert time.perf_counter() - started < 10
    assert error.code == "E014" and "dossier.max_nodes" in str(error)


def test_too_many_aliases_and_too_big_a_file_are_refused(tmp_path: Path) -> None:
    many = "word: &w quota\n" + VALID.replace("[quota, catch, 50]", "[" + ", ".join(["*w"] * 1001) + "]")
    error = failure(write(tmp_path, many))
    assert error.code == "E014" and "dossier.max_aliases" in str(error) and ", line 14:" in str(error)
    big = write(tmp_path, VALID + "#" * 20_000_000 + "\n", "big.yaml")
    error = failure(big)
    assert error.code == "E014" and "dossier.max_bytes" in str(error) and ", line 1:" in str(error)


@pytest.mark.parametrize(("old", "new", "line"), [
    ("name: Harbour talks\n", "name: Harbour talks\nname: Other talks\n", 2),
    ("    name: Sudmark\n", "    name: Sudmark\n    name: South Mark\n", 9),
    ("    label: Equal fishing quotas\n", "    label: Equal fishing quotas\n    label: Unequal\n", 12),
])
def test_duplicate_keys_are_refused(tmp_path: Path, old: str, new: str, line: int) -> None:
    """Before: YAML kept the last value silently."""
    error = failure(write(tmp_path, VALID.replace(old, new)))
    assert error.code == "E015" and f", line {line}:" in str(error)


def test_a_nul_byte_is_reported_at_its_line(tmp_path: Path) -> None:
    """Before: "line ?"."""
    error = failure(write(tmp_path, VALID.replace("    name: Sudmark", "    name: Sud\x00mark")))
    assert error.code == "E010" and ", line 8:" in str(error)


@pytest.mark.parametrize("ident", ["water/quota", "quota?x", "quota#1", "50%", "a b", "..", ""])
def test_issue_ids_unsafe_in_urls_are_refused(tmp_path: Path, ident: str) -> None:
    """Before: `/` in an issue id was accepted and broke the issue page's URL."""
    error = failure(write(tmp_path, VALID.replace("  - id: quotas", f"  - id: {json.dumps(ident)}")))
    assert error.code == "E013" and ", line 10:" in str(error) and "issue id" in str(error)


def test_a_hostile_dossier_exits_2_from_the_cli(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Norland demands equal quotas.", encoding="utf-8")
    path = write(tmp_path, VALID.replace("[quota, catch, 50]", NESTINGS["flow lists"][0]))
    result = CliRunner().invoke(app, ["analyze", str(article), "--dossier", str(path)])
    assert result.exit_code == 2 and "E014" in result.output and "line 13" in result.output


def test_20000_actors_load_and_build_the_gazetteer_in_seconds(tmp_path: Path) -> None:
    """Before: such a dossier had not loaded after 300 s (PyYAML's pure-Python parser, run twice)."""
    from parley.extraction.gazetteer import Gazetteer

    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]

    def word(n: int) -> str:
        return "".join(syllables[n // 70 ** k % 70] for k in range(3)).capitalize()

    actors = "".join(f"  - id: P{n}\n    name: {word(3 * n)} {word(3 * n + 1)}\n    aliases: [{word(3 * n + 2)}ville]\n"
                     f"    people: [Ana {word(3 * n)}son]\n" for n in range(20_000))
    path = write(tmp_path, VALID.replace("  - id: NLD", actors + "  - id: NLD"))
    started = time.perf_counter()
    dossier = load_dossier(path)
    gazetteer = Gazetteer.world().with_dossier(dossier)
    assert time.perf_counter() - started < 20  # 33 s before, 9 s now (2 busy cores)
    assert len(dossier.actors) == 20_002 and gazetteer.resolve(f"{word(3 * 19_999 + 2)}ville") == ("P19999", "alias")
