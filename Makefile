# The README's two commands: `make dev` runs the whole service locally, `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: dev test unit package bench docs-images clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

dev: $(STAMP)
	$(PY) -m local

test: $(STAMP)
	$(PY) -m mypy
	$(PY) -m pytest -n auto --dist loadfile -q
	./scripts/package.sh

unit: $(STAMP)
	$(PY) -m pytest -q tests/unit

package: $(STAMP)
	./scripts/package.sh

bench: $(STAMP)
	$(PY) -m bench

docs-images: $(STAMP)
	DOCS_IMAGES=1 $(PY) -m pytest -q -p no:xdist tests/browser

clean:
	rm -rf $(VENV) node_modules .serverless .cache .requirements-cache test-output
