# Two commands do everything on a fresh machine with Python 3 and make:
#   make demo   create .venv, install, parse the samples and show the result
#   make test   install the test extras and run ruff, mypy and pytest
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test lint typecheck bench accuracy accuracy-inputs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(STAMP)
	$(BIN)/python scripts/demo.py samples

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests scripts benchmarks fuzz
	$(BIN)/ruff format --check src tests scripts benchmarks fuzz

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

# The tests run in parallel on up to 4 cores (pytest-xdist); plain `pytest` runs them in one.
test: lint typecheck
	$(BIN)/python -m pytest -n auto --maxprocesses=4

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench_text.py

# The accuracy matrix on the committed inputs: prints it, writes ACCURACY.md.
accuracy: $(TEST_STAMP)
	$(BIN)/python benchmarks/accuracy/run.py

# Remake the committed inputs (needs LibreOffice, Chromium, poppler: see
# benchmarks/accuracy/README.md).
accuracy-inputs: $(TEST_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/accuracy/generate.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
