# The project's verbs. `make help` lists them.
#   make serve   create the environment if needed, build both languages, serve them
#                with live reload at http://127.0.0.1:8000/ (Portuguese at /, English at /en/)
#   make build   build both languages, strictly, into site/
#   make test    create the environment if needed, run every test (pages included)
#   make pdf     print the site as one PDF per language into the built site (after
#                make build): site/pdf/funcoes-de-ativacao.pdf, site/en/pdf/activation-functions.pdf
#   make offline build a copy that works opened from disk: site-offline.zip
#   make bench   measure build, test and page-weight budgets (prints a report)
#   make lock    re-pin requirements.lock from the current environment

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help serve build test bench pdf offline lock clean

help:
	@sed -n '2,10p' Makefile | sed 's/^#//'

$(STAMP): pyproject.toml requirements.lock
	@sh scripts/check-prerequisites.sh "$(PYTHON)"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip \
	  || { echo "error: could not reach the Python package index (PyPI): check your network or proxy, then run make again." >&2; exit 1; }
	@$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]' \
	  || { echo "error: installing the dependencies failed (see pip's message above); check your network or proxy, then run make again." >&2; exit 1; }
	@touch $(STAMP)

serve: $(STAMP)
	$(PY) scripts/website.py serve

build: $(STAMP)
	$(PY) scripts/website.py build

# Two workers on two cores (xdist): the site build starts in the background as soon as
# the tests are collected; the tests that need it run last (tests/conftest.py). Some
# environments set PYTHONDONTWRITEBYTECODE: the tests start some thirty Python
# processes, and each would compile snippets/, scripts/ and the tests again.
test: $(STAMP)
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -n auto

# Needs Chromium (/usr/bin/chromium, or the CHROMIUM variable). make build empties
# site/, PDFs included: run make pdf after it.
pdf: $(STAMP)
	$(PY) scripts/pdf.py --site-dir site

offline: $(STAMP)
	rm -rf .cache/offline site-offline.zip
	$(PY) scripts/website.py build --offline --site-dir .cache/offline/funcoes-de-ativacao
	cd .cache/offline && $(CURDIR)/$(PY) -m zipfile -c ../../site-offline.zip funcoes-de-ativacao
	@echo "site-offline.zip: unzip it and open funcoes-de-ativacao/index.html"

bench: $(STAMP)
	$(PY) scripts/bench.py

lock: $(STAMP)
	$(PY) -m pip freeze --exclude-editable --disable-pip-version-check | grep -v '^-e' > requirements.lock

clean:
	rm -rf site site-offline.zip .cache .pytest_cache
