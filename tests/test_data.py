"""The packaged data files (parley/data): YAML keeps the last of two equal keys in a mapping without a word, so a
second entry for one word silently drops the first (the antonyms of "impose" were lost that way)."""
from importlib import resources

import pytest
import yaml


class _StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses a mapping with a key twice."""


def _mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"key {key!r} twice", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
DATA = resources.files("parley").joinpath("data")
FILES = sorted(str(path.relative_to(DATA)) for path in DATA.rglob("*.yaml"))


def test_the_strict_loader_refuses_a_key_given_twice():
    with pytest.raises(yaml.constructor.ConstructorError, match="'impose' twice"):
        yaml.load("antonyms:\n  impose: [lift]\n  raise: [lower]\n  impose: [freeze]\n", Loader=_StrictLoader)


@pytest.mark.parametrize("name", FILES)
def test_no_data_file_gives_a_key_twice(name):
    yaml.load(DATA.joinpath(name).read_text("utf-8"), Loader=_StrictLoader)


def test_every_data_file_is_checked():
    assert len(FILES) >= 10 and "lexicon/synonyms.yaml" in FILES
