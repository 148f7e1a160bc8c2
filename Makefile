# Every target sets up what it needs: a fresh clone runs `make readme` and `make test` and nothing else.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: all setup node readme new check import check-list hooks git-hooks test lint typecheck bench docs dist fuzz clean

all: test

# Re-install only when the dependency declarations change.
$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@# An editable install leaves src/ uncompiled; where PYTHONDONTWRITEBYTECODE is set, every
	@# run would compile it again (a twentieth of a one-file check). A stale file is ignored.
	@$(BIN)/python -m compileall -q src
	@touch $(STAMP)

# The peer linters (markdownlint-cli2, awesome-lint) come from npm, pinned by package-lock.json.
# Without npm the suite still runs and skips the Node peer checks, saying why.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $(NODE_STAMP); \
	else echo "npm not found: the Node peer checks will be skipped"; fi

setup: $(STAMP)

node: $(NODE_STAMP)

# The git hooks of .pre-commit-config.yaml are installed by `make readme` and `make new`, so a
# contributor's first commit is already checked (tools/install-hooks: only inside a git work
# tree, only once).
git-hooks: $(STAMP)
	@tools/install-hooks

readme: $(STAMP) git-hooks
	$(BIN)/awesome-tools render

# make new NAME="Model Name": an entry file with every field, ready to fill in.
new: $(STAMP) git-hooks
	@test -n "$(NAME)" || { echo 'usage: make new NAME="Model Name"' >&2; exit 2; }
	$(BIN)/awesome-tools new "$(NAME)"

check: $(STAMP)
	$(BIN)/awesome-tools check

# make import README=path/to/README.md: its model blocks as entry files (existing ones are kept).
import: $(STAMP)
	@test -n "$(README)" || { echo 'usage: make import README=path/to/README.md' >&2; exit 2; }
	$(BIN)/awesome-tools import "$(README)"

# The live list, checked by the tool itself: the entries, README.md against them, and every
# generated file. A broken entry shows here as `entries/x.yaml:line:col: error[rule] ...`.
check-list: $(STAMP) $(NODE_STAMP)
	@tools/check-list

hooks: $(STAMP)
	$(BIN)/pre-commit install

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks fuzz
	$(BIN)/ruff format --check src tests benchmarks fuzz

typecheck: $(STAMP)
	$(BIN)/mypy

# The list first (what a contributor changed), then the code, then the suite; the suite runs on
# frozen fixtures under tests/, never on the live entries/ or README.md. Green, the output fits
# on a screen (a dot a test); a failure is still shown in full.
test: $(STAMP) $(NODE_STAMP)
	@tools/check-list
	$(BIN)/ruff check src tests benchmarks fuzz
	$(BIN)/ruff format --check src tests benchmarks fuzz
	$(BIN)/mypy
	@# The import layers ([tool.importlinter] in pyproject.toml): one line when kept, all when broken.
	@out=$$($(BIN)/lint-imports --no-logo --no-cache 2>&1) && echo "$$out" | grep '^Contracts:' || { echo "$$out"; exit 1; }
	@if command -v node >/dev/null 2>&1; then node --test --test-reporter=dot tests/js/; else echo "node not found: the page's unit tests (tests/js/) are skipped"; fi
	$(BIN)/python -m pytest -q -n auto

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

# The sdist and the wheel in dist/, checked as PyPI checks them; release.yml publishes the same on
# a version tag. Offline: the venv's pinned setuptools builds them. The egg-info goes first, since
# setuptools adds every file its stale SOURCES.txt lists to the sdist.
dist: $(STAMP)
	rm -rf dist build src/awesome_tools.egg-info
	$(BIN)/python -m build --no-isolation --outdir dist .
	$(BIN)/twine check --strict dist/*

# make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="check lint"] [FUZZ_JOBS=2]: atheris, each target for
# that long, FUZZ_JOBS targets at a time.
# Only this target installs atheris (the `fuzz` extra); failing inputs go to .fuzz/crashes/.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?=
FUZZ_JOBS ?= 1
FUZZ_STAMP := $(VENV)/.fuzz-installed

$(FUZZ_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,fuzz]'
	@touch $(FUZZ_STAMP)

fuzz: $(FUZZ_STAMP)
	$(BIN)/python fuzz/run.py --seconds $(FUZZ_SECONDS) --parallel $(FUZZ_JOBS) $(FUZZ_TARGETS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache dist build

docs: $(STAMP)
	$(BIN)/awesome-tools docs
	$(BIN)/awesome-tools schema
