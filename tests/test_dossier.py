"""Dossiers: the shared ones load; every kind of mistake an analyst makes names the file and the line."""
from __future__ import annotations

from pathlib import Path

import pytest

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
    assert failure(latin).code == "E002"
