# One venv in .venv, built from pyproject.toml; `make demo` and `make test` set it up.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: demo test bench lint clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,bench]"
	touch $@

demo: $(VENV)/.installed
	$(VENV)/bin/govcrawl demo

test: $(VENV)/.installed
	$(PY) -m pytest -q -n 4 --dist worksteal

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check govcrawl tests bench scripts

bench: $(VENV)/.installed
	$(PY) bench/extraction.py

clean:
	rm -rf $(VENV) data/exports build *.egg-info
