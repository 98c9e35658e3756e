# Lecture 24, Autoencoders: `make book` builds the website, `make test` checks everything.
# Both create .venv on first use and reuse it afterwards; it is rebuilt only
# when pyproject.toml or constraints.txt change.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JB     := $(BIN)/jupyter-book build . -W -n --keep-going

.PHONY: install book test lab bench constraints clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): on Debian, run 'apt-get install python3-venv' first."; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test,book]"
	@touch $@

book: $(STAMP)
	$(JB)
	@echo "Website: $(CURDIR)/_build/html/index.html"

# The website's tests open every page in Chromium (`apt-get install chromium`); screenshots go to _build/screenshots.
test: $(STAMP)
	$(BIN)/python -m pytest --nbval --nbval-current-env tests notebooks --ignore=tests/site
	rm -rf _build/html _build/screenshots
	$(JB)
	$(BIN)/python -m pytest tests/site

lab: $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt jupyterlab
	$(BIN)/jupyter lab notebooks

# Measure what the notebooks cost and how good the models are; writes benchmarks/results.json and book/results.md.
# `make bench BACKEND=jax` measures cost and quality with another Keras backend (robustness always runs both);
# `make bench BENCH="quality --seeds 1"` runs one step; `make bench BENCH=report` redraws the page only.
BENCH ?= all
bench: $(STAMP)
	$(if $(BACKEND),KERAS_BACKEND=$(BACKEND) )$(BIN)/python -m benchmarks $(BENCH)

# Re-pin every package to what is installed in .venv now (after changing a bound in pyproject.toml).
constraints: $(STAMP)
	{ echo "# Exact versions that \`make\` installs (and CI tests with). Regenerate with \`make constraints\`."; \
	  $(BIN)/python -m pip freeze --exclude-editable; } > constraints.txt

clean:
	rm -rf _build $(VENV)
