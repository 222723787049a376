# Frontline Playbook. `make serve` to read and edit the course, `make test` to run every test.
# The first run creates .venv and installs the pinned dependencies from pyproject.toml.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: setup serve build zensical offline scorm check test new schema clean bench

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# Test-only JavaScript (scorm-again plays the LMS in tests/lms/), pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: apt-get install npm (the SCORM tests need it)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Ralph, the learning record store the xAPI tests start, in a venv of its own (its pins clash with ours).
LRS_REQUIREMENTS := tests/browser/lms/lrs-requirements.txt
# ralph_fs_append.py works around Ralph 5.1.0's fs backend storing only the first statement.
.venv-lrs/.installed: $(LRS_REQUIREMENTS) tests/browser/lms/ralph_fs_append.py
	$(PYTHON) -m venv .venv-lrs
	.venv-lrs/bin/python -m pip install --quiet -r $(LRS_REQUIREMENTS)
	site=$$(.venv-lrs/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') && \
	  cp tests/browser/lms/ralph_fs_append.py "$$site/" && echo "import ralph_fs_append" > "$$site/ralph_fs_append.pth"
	touch $@

setup: $(VENV)/.installed node_modules/.installed .venv-lrs/.installed

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

# SCORM 1.2 and 2004 packages for an LMS into dist/scorm/: one zip per module, one for the course
# (README: "Loading the course into an LMS"). FAIL_STATUS=failed reports a quiz not passed as failed.
scorm: setup
	$(PY) -m macros scorm $(if $(FAIL_STATUS),--fail-status $(FAIL_STATUS))

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
	rm -rf site site-offline site-zensical build/zensical .site.new-* .site.old dist/scorm
