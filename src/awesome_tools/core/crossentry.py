"""Entries side by side: what identifies each one across the list (`Keys`), the duplicates
`check` reports (a name, a file name, a paper, a name that reads as another's), what `new` asks
before it writes, and why an imported entry gets no file."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from awesome_tools.core.loaded import Loaded, Position
from awesome_tools.core.normalize import (
    canonical_text,
    name_length_problem,
    normalize_url,
    slugify,
    text_value,
    windows_device,
)
from awesome_tools.core.rules.lists import DUPLICATE_ENTRY, FILE_NAME, NAME_TOO_LONG
from awesome_tools.core.unicodepolicy import hidden_character, name_key, shown, skeleton_key
from awesome_tools.diagnostics import Diagnostic


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
    # The names `based_on` gives, each where it is written (the lineage, `core/lineage.py`).
    based_on: tuple[tuple[str, Position], ...] = ()

    @classmethod
    def of(cls, loaded: Loaded) -> Keys:
        name, url = _text_field(loaded, "name"), _text_field(loaded, "url")
        return cls(
            name,
            slugify(name) if name else None,
            normalize_url(url) if url else None,
            loaded.top_value_position("name") if name else (1, 1),
            loaded.top_value_position("url") if url else (1, 1),
            _based_on(loaded),
        )


def _based_on(loaded: Loaded) -> tuple[tuple[str, Position], ...]:
    """The names of `based_on` that are text, each with where it is written."""
    items = loaded.data.get("based_on") if isinstance(loaded.data, dict) else None
    if not isinstance(items, list):
        return ()
    named = ((n, text_value(item)) for n, item in enumerate(items))
    return tuple(
        (text, loaded.value_positions.get(("based_on", n), (1, 1))) for n, text in named if text
    )


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


def cross_entry(keyed: Sequence[tuple[str, Keys]], selected: Collection[str]) -> list[Diagnostic]:
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


def paper_clash(keyed: Sequence[tuple[str, Keys]], url: str) -> tuple[str, str] | None:
    """The rule and message `check` would give a paper link another entry holds, or None (as
    `validate.field_problem` gives a field's)."""
    found = clash(keyed, None, url)
    return (DUPLICATE_ENTRY.id, found) if found else None


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


def file_name_problem(loaded: Loaded, keys: Keys) -> list[Diagnostic]:
    """Why an entry file is not named for its model: a name too long for a file name, one with
    no ASCII letter or digit, or a file named otherwise than its name's slug."""
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
