"""Check entry files: each one against the schema, then all of them against each other."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from awesome_tools.core.charrefs import references_left
from awesome_tools.core.crossentry import Keys, cross_entry, file_name_problem
from awesome_tools.core.entryrules import (
    Missing,
    badge_problems,
    figure_file_problem,
    lookalike_problem,
    release_mismatch,
)
from awesome_tools.core.keys import entry_keys
from awesome_tools.core.lineage import lineage_problems
from awesome_tools.core.loaded import Loaded
from awesome_tools.core.loader import load_yaml
from awesome_tools.core.normalize import arxiv_id
from awesome_tools.core.paperchecks import paper_problems
from awesome_tools.core.papers import Cache
from awesome_tools.core.schema import Entry
from awesome_tools.core.validate import validate
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.io.textfile import decode

# A file's bytes, or a function that reads them (the command layer's, called where it is checked).
Raw = bytes | Callable[[], bytes]

# What a caller makes of the valid entries in the process that checked them (a layout's parts of
# each entry): given one run's valid entries, in order, and how many files are checked in all;
# one value per entry, which must pickle.
Make = Callable[[Sequence[Entry], int], list[Any]]


@dataclass(frozen=True)
class Checked:
    """One entry file after loading and validation (the entry when it is valid and selected),
    and what `make` made of that entry."""

    path: str
    entry: Entry | None
    made: Any = None


def load_text(raw: bytes, path: str, model: type[Entry] = Entry) -> Loaded:
    """Decode and load one file; an undecodable file becomes a diagnostic."""
    text, problem = decode(raw, path)
    if text is None:
        loaded = Loaded(path)
        if problem:
            loaded.diagnostics.append(problem)
        return loaded
    return load_yaml(text, path, keys=entry_keys(model))


def identities(sources: Sequence[tuple[str, bytes]]) -> list[tuple[str, Keys]]:
    """The name, slug and paper of each entry file, as far as they can be read."""
    return [(path, Keys.of(load_text(raw, path))) for path, raw in sources]


@dataclass(frozen=True)
class _Job:
    """What checking one file needs besides its bytes: the same for every file of a run."""

    chosen: Collection[str]
    categories: Sequence[str]
    required: Collection[str]
    missing: Missing | None
    keep_entries: bool
    model: type[Entry]
    papers: Cache | None

    def check(self, path: str, raw: Raw) -> tuple[Keys, Checked | None, list[Diagnostic]]:
        """One file: its keys, and for a chosen file its entry and problems."""
        if callable(raw):
            raw = raw()
        # Keep only the entry and its keys: the YAML nodes and values of thousands of files,
        # kept alive, would make every garbage-collection pass walk them all.
        loaded = load_text(raw, path, self.model)
        keys = Keys.of(loaded)
        if path not in self.chosen:
            return keys, None, []
        entry, problems = validate(
            loaded, categories=self.categories, required=self.required, model=self.model
        )
        records = self.papers.records if self.papers is not None else {}
        if self.papers is not None:
            problems.extend(paper_problems(loaded, entry, records, self.papers.shown))
        if entry is None or (arxiv_id(str(entry.url)) or "") not in records:
            # The paper's own first version, where the cache has it, says more than its id.
            problems.extend(release_mismatch(loaded, entry))
        problems.extend(badge_problems(loaded, entry))
        problems.extend(lookalike_problem(loaded, entry))
        problems.extend(figure_file_problem(loaded, entry, self.missing))
        problems.extend(file_name_problem(loaded, keys))
        problems.extend(references_left(loaded, raw, self.model.plain_text))
        return keys, Checked(path, entry if self.keep_entries else None), problems


def _made(
    done: list[tuple[Keys, Checked | None, list[Diagnostic]]], make: Make, count: int
) -> list[tuple[Keys, Checked | None, list[Diagnostic]]]:
    """The run's results, each valid entry's `made` filled in by one call of `make`."""
    valid = [
        (n, item)
        for n, (_, item, _) in enumerate(done)
        if item is not None and item.entry is not None
    ]
    made = make([item.entry for _, item in valid if item.entry is not None], count)
    for (n, item), value in zip(valid, made, strict=True):
        keys, _, problems = done[n]
        done[n] = (keys, Checked(item.path, item.entry, value), problems)
    return done


def check_entries(
    sources: Sequence[tuple[str, Raw]],
    *,
    categories: Sequence[str],
    selected: Collection[str] | None = None,
    required: Collection[str],
    missing: Missing | None = None,
    keep_entries: bool = True,
    jobs: int = 1,
    model: type[Entry] = Entry,
    make: Make | None = None,
    papers: Cache | None = None,
) -> tuple[list[Checked], list[Diagnostic]]:
    """Check (path, bytes) pairs; report on the selected paths (all when None).

    In place of the bytes, a function that reads them: a worker then reads its share itself.

    `required` are the dotted fields the list's layout needs (`Layout.required`), `model` the
    entry model its entries follow (`Layout.entry_model`); `missing` says
    why a path relative to the list's root is not one of its files (None: figures unchecked).
    Without `keep_entries` the result holds no entries (`check` needs only the diagnostics).
    `jobs` processes share the files of a large list (`workers.map_runs`); the result is the
    same for any number. `make`, given, is called in each of them on the valid entries it checked,
    and what it makes of each is that entry's `made`: the work is done where the entry is,
    without a second round of processes. `papers`, given, is the list's arXiv cache: each
    entry is checked against its papers' metadata there (`core/paperchecks.py`).
    """
    from awesome_tools.io.workers import map_runs

    chosen = {path for path, _ in sources} if selected is None else set(selected)
    job = _Job(chosen, categories, required, missing, keep_entries, model, papers)

    def run(start: int, end: int) -> list[tuple[Keys, Checked | None, list[Diagnostic]]]:
        done = [job.check(path, raw) for path, raw in sources[start:end]]
        return done if make is None else _made(done, make, len(sources))

    checked: list[Checked] = []
    keyed: list[tuple[str, Keys]] = []
    diagnostics: list[Diagnostic] = []
    for (path, _), (keys, item, problems) in zip(
        # A pickled entry costs about a third of validating it; keys and problems next to nothing.
        sources,
        map_runs(run, len(sources), jobs, transfer=0.15 if keep_entries else 0.0),
        strict=True,
    ):
        keyed.append((path, keys))
        if item is not None:
            checked.append(item)
        diagnostics.extend(problems)
    diagnostics.extend(cross_entry(keyed, chosen))
    diagnostics.extend(lineage_problems(keyed, chosen))
    return checked, sorted(diagnostics)
