# The README's two commands: `make dev` runs the whole service locally, `make test` runs every test.
SHELL := /bin/bash
# The venv is built with the Lambda runtime's Python (serverless.yml's `runtime`) when this machine has it
# (on PATH or under pyenv), so tests run on the version that runs in production; else with python3 (3.11+).
RUNTIME := $(shell python3 -m scripts.runtime version)
ifndef PYTHON
PYTHON := $(shell python3 -m scripts.runtime python)
endif
PYTHON_VERSION := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(PYTHON_VERSION)

NPM_STAMP := node_modules/.taperline-npm-ci.stamp

.PHONY: dev test unit package bench docs-images lock catalogs clean

$(STAMP): requirements.lock requirements-dev.lock
	@if [ -x $(PY) ] && [ "$$($(PY) -c 'import sys; print("%d.%d" % sys.version_info[:2])')" != "$(PYTHON_VERSION)" ]; then \
	  echo "make: $(VENV) is not Python $(PYTHON_VERSION): building it again"; rm -rf $(VENV); fi
	@[ "$(PYTHON_VERSION)" = "$(RUNTIME)" ] || echo "make: no Python $(RUNTIME) here (the Lambda runtime's): using $(PYTHON_VERSION); packaging cannot precompile"
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $(STAMP)

$(NPM_STAMP): package.json package-lock.json  # scripts/package.sh keeps the same stamp
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NPM_STAMP)

dev: $(STAMP)
	$(PY) -m local

test: $(STAMP) $(NPM_STAMP)
	$(PY) -m mypy
	$(PY) -m pytest -n auto --dist loadfile -q --durations=12
	./scripts/package.sh

unit: $(STAMP)
	$(PY) -m pytest -q tests/unit

package: $(STAMP)
	./scripts/package.sh

bench: $(STAMP)
	$(PY) -m bench

docs-images: $(STAMP)
	DOCS_IMAGES=1 $(PY) -m pytest -q -p no:xdist tests/browser

# The locks: every package, pinned with its hashes, for Python 3.11 and later on any platform (markers say
# where), resolved from the direct pins in requirements.txt (run time) and requirements-dev.txt.
lock: $(STAMP)
	$(PY) -m uv pip compile --universal --generate-hashes --python-version 3.11 --no-header --quiet requirements.txt -o requirements.lock
	$(PY) -m uv pip compile --universal --generate-hashes --python-version 3.11 --no-header --quiet requirements-dev.txt -o requirements-dev.lock

# The texts' message catalogs: extract every marked text (with its TRANSLATORS: comment) into texts.pot, merge it
# into each language's .po (translators work there), compile the .mo files the service reads.
BABEL := $(VENV)/bin/pybabel
catalogs: $(STAMP)
	$(BABEL) extract -F babel.cfg -k N_ -k NC_:1c,2 -c TRANSLATORS: --no-location --sort-output \
		--project taperline --copyright-holder taperline -o shared/locales/texts.pot .
	$(BABEL) update -i shared/locales/texts.pot -d shared/locales -D texts --no-fuzzy-matching --ignore-obsolete
	$(BABEL) compile -d shared/locales -D texts --statistics

clean:
	rm -rf $(VENV) node_modules .serverless .cache .requirements-cache test-output
