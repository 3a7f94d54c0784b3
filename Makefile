# Two commands do everything on a fresh machine: `make demo` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test eval install clean

$(BIN)/parley: pyproject.toml requirements.lock requirements-model.txt requirements-embeddings.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-embeddings.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $(BIN)/parley

install: $(BIN)/parley

demo: install
	$(BIN)/parley analyze examples/harbour-talks.txt --dossier examples/harbour-talks.yaml

test: install
	$(BIN)/python -m pytest

eval: install
	$(BIN)/parley eval ../shared/eval/seed.gold.json ../shared/eval/dev ../shared/eval/plover/gsr-dev.jsonl --cases eval/cases

clean:
	rm -rf $(VENV) parley.db test-output
