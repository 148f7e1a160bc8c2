"""Check entry files: each one against the schema, then all of them against each other."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from awesome_tools.core.charrefs import references_left
from awesome_tools.core.entryrules import (
    Missing,
    badge_problems,
    figure_file_problem,
    lookalike_problem,
    release_mismatch,
)
from awesome_tools.core.keys import ENTRY_KEYS
from awesome_tools.core.loaded import Loaded, Position
from awesome_tools.core.loader import load_yaml
from awesome_tools.core.normalize import (
    name_length_problem,
    normalize_url,
    slugify,
    text_value,
    windows_device,
)
from awesome_tools.core.schema import Entry
from awesome_tools.core.unicodepolicy import (
    hidden_character,
    name_key,
    shown,
    skeleton_key,
)
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


def load_text(raw: bytes, path: str) -> Loaded:
    """Decode and load one file; an undecodable file becomes a diagnostic."""
    text, problem = decode(raw, path)
    if text is None:
        loaded = Loaded(path)
        if problem:
            loaded.diagnostics.append(problem)
        return loaded
    return load_yaml(text, path, keys=ENTRY_KEYS)


def _text_field(loaded: Loaded, key: str) -> str | None:
    """A field's canonical text, or None where the field is absent or not valid text."""
    return text_value(loaded.data.get(key) if isinstance(loaded.data, dict) else None)


@dataclass(frozen=True)
class Keys:
    """What identifies an entry across the list, computed once per file."""

    name: str | None
    slug: str | None
    url: str | None
    name_at: Position
    url_at: Position

    @classmethod
    def of(cls, loaded: Loaded) -> Keys:
        name, url = _text_field(loaded, "name"), _text_field(loaded, "url")
        return cls(
            name,
            slugify(name) if name else None,
            normalize_url(url) if url else None,
            loaded.top_value_position("name") if name else (1, 1),
            loaded.top_value_position("url") if url else (1, 1),
        )


def _file_name(loaded: Loaded, keys: Keys) -> list[Diagnostic]:
    # A name with a character that shows as nothing is refused (`hidden-character`): the file
    # name it would give is no name to rename a file to.
    if keys.name is None or hidden_character(keys.name) is not None:
        return []
    actual = PurePosixPath(loaded.path).name
    too_long = name_length_problem(keys.name)
    if too_long:
        return [Diagnostic(loaded.path, *keys.name_at, "name-too-long", too_long)]
    if not keys.slug:
        message = f"name '{keys.name}' has no ASCII letter or digit to build a file name from"
    elif actual != f"{keys.slug}.yaml":
        device = windows_device(actual)
        why = f": Windows reserves the name '{device}' for a device" if device else ""
        message = (
            f"file for '{keys.name}' must be named '{keys.slug}.yaml' (rename '{actual}'{why})"
        )
    else:
        return []
    return [Diagnostic(loaded.path, *keys.name_at, "file-name", message)]


def _read_alike(
    keyed: Sequence[tuple[str, Keys]], groups: dict[tuple[str, str], list[tuple[str, Keys]]]
) -> None:
    """Group the names by what they read as (UTS #39 skeleton), where a name of the group goes
    beyond ASCII: `LLaVA` with a Cyrillic U+0430 is `LLaVA`. Two ASCII names are compared only
    by their case (`Qwen-V1` and `Qwen-VL` are two models), and a list of ASCII names is
    compared without loading ICU."""
    named = [(path, keys, keys.name) for path, keys in keyed if keys.name]
    if all(name.isascii() for _, _, name in named):
        return
    alike: dict[str, list[tuple[str, Keys]]] = defaultdict(list)
    for path, keys, name in named:
        alike[skeleton_key(name)].append((path, keys))
    for key, members in alike.items():
        if any(not (keys.name or "").isascii() for _, keys in members):
            groups["skeleton", key] = members


def _cross_entry(keyed: Sequence[tuple[str, Keys]], selected: Collection[str]) -> list[Diagnostic]:
    """Report names, slugs and papers that more than one entry claims."""
    groups: dict[tuple[str, str], list[tuple[str, Keys]]] = defaultdict(list)
    for path, keys in keyed:
        if keys.name:
            groups["name", name_key(keys.name)].append((path, keys))
        if keys.slug:
            groups["slug", keys.slug].append((path, keys))
        if keys.url:
            groups["url", keys.url].append((path, keys))
    _read_alike(keyed, groups)
    # Every selected member of a group is reported, naming another member: a full check cannot
    # tell the new file from the old one, so it blames neither alone.
    found: list[Diagnostic] = []
    reported: set[tuple[str, str]] = set()
    for (kind, _key), members in groups.items():
        if len(members) < 2:
            continue
        members = sorted(members, key=lambda m: m[0])
        for path, keys in members:
            if path not in selected:
                continue
            other, other_keys = next(m for m in members if m[0] != path)
            if kind in ("slug", "skeleton") and (path, other) in reported:
                continue
            reported.add((path, other))
            line, column = keys.url_at if kind == "url" else keys.name_at
            o_line, o_column = other_keys.url_at if kind == "url" else other_keys.name_at
            what = {
                "name": f"name '{keys.name}' is also used",
                "slug": f"name '{keys.name}' gives the same file name as the one",
                "skeleton": f"name '{shown(keys.name or '')}' reads as the name "
                f"'{shown(other_keys.name or '')}'",
                "url": "this paper is also listed",
            }[kind]
            message = f"{what} in {other}:{o_line}:{o_column}"
            found.append(Diagnostic(path, line, column, "duplicate-entry", message))
    return found


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

    def check(self, path: str, raw: Raw) -> tuple[Keys, Checked | None, list[Diagnostic]]:
        """One file: its keys, and for a chosen file its entry and problems."""
        if callable(raw):
            raw = raw()
        # Keep only the entry and its keys: the YAML nodes and values of thousands of files,
        # kept alive, would make every garbage-collection pass walk them all.
        loaded = load_text(raw, path)
        keys = Keys.of(loaded)
        if path not in self.chosen:
            return keys, None, []
        entry, problems = validate(loaded, categories=self.categories, required=self.required)
        problems.extend(release_mismatch(loaded, entry))
        problems.extend(badge_problems(loaded, entry))
        problems.extend(lookalike_problem(loaded, entry))
        problems.extend(figure_file_problem(loaded, entry, self.missing))
        problems.extend(_file_name(loaded, keys))
        problems.extend(references_left(loaded, raw))
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
    make: Make | None = None,
) -> tuple[list[Checked], list[Diagnostic]]:
    """Check (path, bytes) pairs; report on the selected paths (all when None).

    In place of the bytes, a function that reads them: a worker then reads its share itself.

    `required` are the dotted fields the list's layout needs (`Layout.required`); `missing` says
    why a path relative to the list's root is not one of its files (None: figures unchecked).
    Without `keep_entries` the result holds no entries (`check` needs only the diagnostics).
    `jobs` processes share the files of a large list (`workers.map_runs`); the result is the
    same for any number. `make`, given, is called in each of them on the valid entries it checked,
    and what it makes of each is that entry's `made`: the work is done where the entry is,
    without a second round of processes.
    """
    from awesome_tools.io.workers import map_runs

    chosen = {path for path, _ in sources} if selected is None else set(selected)
    job = _Job(chosen, categories, required, missing, keep_entries)

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
    diagnostics.extend(_cross_entry(keyed, chosen))
    return checked, sorted(diagnostics)
