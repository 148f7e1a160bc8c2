# Every target sets up what it needs: a fresh clone runs `make readme` and `make test` and nothing else.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: all setup readme new check hooks test lint typecheck bench fuzz docs clean

all: test

# Re-install only when the dependency declarations change.
$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

# The peer linters (markdownlint-cli2, awesome-lint) come from npm, pinned by package-lock.json.
# Without npm the suite still runs and skips the Node peer checks, saying why.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $(NODE_STAMP); \
	else echo "npm not found: the Node peer checks will be skipped"; fi

setup: $(STAMP)

readme: $(STAMP)
	$(BIN)/awesome-tools render

# make new NAME="Model Name": an entry file with every field, ready to fill in.
new: $(STAMP)
	@test -n "$(NAME)" || { echo 'usage: make new NAME="Model Name"' >&2; exit 2; }
	$(BIN)/awesome-tools new "$(NAME)"

check: $(STAMP)
	$(BIN)/awesome-tools check

# The git hooks of .pre-commit-config.yaml, installed once per clone.
hooks: $(STAMP)
	$(BIN)/pre-commit install

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks fuzz
	$(BIN)/ruff format --check src tests benchmarks fuzz

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check src tests benchmarks fuzz
	$(BIN)/ruff format --check src tests benchmarks fuzz
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

# make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="check lint"]: atheris, each target for that long.
# Only this target installs atheris (the `fuzz` extra); failing inputs go to .fuzz/crashes/.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= check import lint roundtrip
FUZZ_STAMP := $(VENV)/.fuzz-installed

$(FUZZ_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,fuzz]'
	@touch $(FUZZ_STAMP)

fuzz: $(FUZZ_STAMP)
	$(BIN)/python fuzz/run.py --seconds $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

docs: $(STAMP)
	$(BIN)/python -m awesome_tools.docgen
	$(BIN)/awesome-tools schema
