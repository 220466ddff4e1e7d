# Two commands on a fresh machine:
#   make run    set up .venv and start the chat app on the bundled corpus (builds the index on first run)
#   make test   set up .venv (with test tools and headless Chromium) and run the test suite
# Everything is installed from the package registries; nothing is downloaded at run time.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ARGS   ?=

.PHONY: setup run test build clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# torch first, pinned: an unpinned torch would pull a multi-GB CUDA build.
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt torch==2.13.0
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/python app.py $(ARGS)

build: setup
	$(BIN)/rag build $(ARGS)

test: setup
	scripts/install-browser
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest $(ARGS)

clean:
	rm -rf $(VENV) index index-eval
