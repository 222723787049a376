# Frontline Playbook. `make serve` to read and edit the course, `make test` to run every test.
# The first run creates .venv and installs the pinned dependencies from pyproject.toml.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: setup serve build zensical offline check test new schema clean bench

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed

serve: setup
	$(PY) -m mkdocs serve -a 127.0.0.1:8000

build: setup
	$(PY) -m macros build

# The same site built by Zensical (Material's successor) into site-zensical/: our pipeline writes
# the generated pages and config into build/zensical/ first, since Zensical runs no MkDocs plugins.
zensical: setup
	$(PY) -m macros zensical

offline: setup
	$(PY) -m mkdocs build --strict -f mkdocs.offline.yml -d site-offline
	@echo "site-offline/ works opened from disk: zip it and open index.html"

check: setup
	$(PY) -m macros check

test: setup
	$(PY) -m pytest

schema: setup
	$(PY) -m macros schema

# Build time of our pipeline against stock Material on the same pages, at 10, 100 and 1000 modules
# (20 to 60 minutes on 2 cores; run nothing else meanwhile). Options: .venv/bin/python tools/bench.py --help
bench: setup
	$(PY) tools/bench.py

clean:
	rm -rf site site-offline site-zensical build/zensical .site.new-* .site.old
