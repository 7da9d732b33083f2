# Two commands: `make run` opens the reader on the demo story, `make test` runs the suite.
# `make check` adds lint, types and complexity (ruff and mypy, pinned in the `check` extra).
# Both create .venv with the system python3 if it is missing and install the project into it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

CHECKED := $(VENV)/.checked

.PHONY: run test check lint types bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/parallax seeds

# pytest exits 5 when it collected no tests: not a failure of the code
test: $(STAMP)
	$(BIN)/python -m pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; exit 0; fi; exit $$rc

$(CHECKED): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,check]"
	@touch $(CHECKED)

# lint (with a McCabe complexity limit of 25) and types, then the whole suite
check: lint types test

lint: $(CHECKED)
	$(BIN)/ruff check tui tests bench

types: $(CHECKED)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
