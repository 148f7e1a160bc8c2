"""Check entry files: each one against the schema, then all of them against each other."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from awesome_tools.core.charrefs import references_left
from awesome_tools.core.entryrules import (
    Missing,
    badge_problems,
    figure_file_problem,
    lookalike_problem,
    release_mismatch,
)
from awesome_tools.core.keys import entry_keys
from awesome_tools.core.loaded import Loaded, Position
from awesome_tools.core.loader import load_yaml
from awesome_tools.core.normalize import (
    canonical_text,
    name_length_problem,
    normalize_url,
    slugify,
    text_value,
    windows_device,
)
from awesome_tools.core.rules.lists import DUPLICATE_ENTRY, FILE_NAME, NAME_TOO_LONG
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


@dataclass(frozen=True)
class Checked:
    """One entry file after loading and validation (the entry when it is valid and selected)."""

    path: str
    entry: Entry | None


def load_text(raw: bytes, path: str, model: type[Entry] = Entry) -> Loaded:
    """Decode and load one file; an undecodable file becomes a diagnostic."""
    text, problem = decode(raw, path)
    if text is None:
        loaded = Loaded(path)
        if problem:
            loaded.diagnostics.append(problem)
        return loaded
    return load_yaml(text, path, keys=entry_keys(model))


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
        return [NAME_TOO_LONG.at(loaded.path, *keys.name_at, too_long)]
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
    return [FILE_NAME.at(loaded.path, *keys.name_at, message)]


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
            found.append(DUPLICATE_ENTRY.at(path, line, column, message))
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
    model: type[Entry]

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
        problems.extend(release_mismatch(loaded, entry))
        problems.extend(badge_problems(loaded, entry))
        problems.extend(lookalike_problem(loaded, entry))
        problems.extend(figure_file_problem(loaded, entry, self.missing))
        problems.extend(_file_name(loaded, keys))
        problems.extend(references_left(loaded, raw, self.model.plain_text))
        return keys, Checked(path, entry if self.keep_entries else None), problems


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
) -> tuple[list[Checked], list[Diagnostic]]:
    """Check (path, bytes) pairs; report on the selected paths (all when None).

    In place of the bytes, a function that reads them: a worker then reads its share itself.

    `required` are the dotted fields the list's layout needs (`Layout.required`), `model` the
    entry model its entries follow (`Layout.entry_model`); `missing` says
    why a path relative to the list's root is not one of its files (None: figures unchecked).
    Without `keep_entries` the result holds no entries (`check` needs only the diagnostics).
    `jobs` processes share the files of a large list (`workers.map_runs`); the result is the
    same for any number.
    """
    from awesome_tools.io.workers import map_runs

    chosen = {path for path, _ in sources} if selected is None else set(selected)
    job = _Job(chosen, categories, required, missing, keep_entries, model)

    def run(start: int, end: int) -> list[tuple[Keys, Checked | None, list[Diagnostic]]]:
        return [job.check(path, raw) for path, raw in sources[start:end]]

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


def clash(keyed: Sequence[tuple[str, Keys]], name: str | None, url: str | None) -> str | None:
    """Say which entry already holds this name, file name or paper, as `check` compares them
    (`new` asks before it writes a file `check` would refuse)."""
    from awesome_tools.core.unicodepolicy import name_key, shown, skeleton_key

    text = canonical_text(name) if name else ""
    wanted_name = name_key(text) if text else None
    wanted_url = normalize_url(url) if url else None
    for path, keys in keyed:
        if wanted_name and keys.name and name_key(keys.name) == wanted_name:
            return f"'{name}' is already listed in {path}"
        # By what they read as, where either goes beyond ASCII.
        beyond = keys.name and not (text.isascii() and keys.name.isascii())
        if beyond and skeleton_key(text) == skeleton_key(keys.name or ""):
            return f"'{shown(text)}' reads as '{shown(keys.name or '')}' of {path}"
        if name and keys.slug and keys.slug == slugify(name):
            return f"'{name}' gives the file name of {path} ('{keys.name}')"
        if wanted_url and keys.url == wanted_url:
            return f"the paper {url} is already listed in {path}"
    return None


def paper_refusal(keyed: Sequence[tuple[str, Keys]], url: str) -> str | None:
    """What `new` says of a typed paper link another entry holds: the rule and the message."""
    found = clash(keyed, None, url)
    return f"error[{DUPLICATE_ENTRY.id}] {found}" if found else None


def file_problem(
    path: str, at: Position, name: str, owners: dict[str, int], part: str = "block"
) -> Diagnostic | None:
    """Why an imported entry gets no file, as `check` would refuse the file: a name too long,
    one with no ASCII letter or digit for a file name, or one whose file an earlier `part` of
    the README (its line in `owners`, by file name) already gives; None: it can have one."""
    too_long = name_length_problem(name)
    if too_long:
        return NAME_TOO_LONG.at(path, *at, too_long)
    slug = slugify(name)
    if not slug:
        message = f"name '{name}' has no ASCII letter or digit for a file name"
        return FILE_NAME.at(path, *at, message)
    if slug in owners:
        message = f"'{name}' gives the same file {slug}.yaml as the {part} at line {owners[slug]}"
        return DUPLICATE_ENTRY.at(path, *at, message)
    return None
