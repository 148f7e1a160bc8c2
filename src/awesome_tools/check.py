"""Check entry files: each one against the schema, then all of them against each other."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from awesome_tools.diagnostics import Diagnostic
from awesome_tools.loader import Loaded, decode, load_yaml
from awesome_tools.normalize import (
    canonical_text,
    find_control_character,
    normalize_url,
    slugify,
)
from awesome_tools.schema import Entry
from awesome_tools.validate import validate


@dataclass
class Checked:
    """One entry file after loading and validation."""

    loaded: Loaded
    entry: Entry | None


def load_text(raw: bytes, path: str) -> Loaded:
    """Decode and load one file; an undecodable file becomes a diagnostic."""
    text, problem = decode(raw, path)
    if text is None:
        loaded = Loaded(path)
        if problem:
            loaded.diagnostics.append(problem)
        return loaded
    return load_yaml(text, path)


def load_categories(raw: bytes | None, path: str) -> tuple[list[str], list[Diagnostic]]:
    """Read the ordered list of README sections; a missing file means no categories."""
    if raw is None:
        return [], []
    loaded = load_text(raw, path)
    problems = [d for d in loaded.diagnostics if d.rule != "empty-file"]
    data = loaded.data
    if data is None and not problems:
        return [], []
    if not isinstance(data, list):
        at = loaded.value_positions.get((), (1, 1))
        problems.append(
            Diagnostic(
                path, *at, "categories-file", "categories.yaml holds a list of section names"
            )
        )
        return [], sorted(problems)
    names: list[str] = []
    for index, item in enumerate(data):
        line, column = loaded.value_positions.get((index,), (1, 1))
        if not isinstance(item, str) or not canonical_text(item):
            message = "each category is a non-empty line of text"
            problems.append(Diagnostic(path, line, column, "categories-file", message))
        elif canonical_text(item) in names:
            message = f"category '{canonical_text(item)}' is listed twice"
            problems.append(Diagnostic(path, line, column, "categories-file", message))
        else:
            names.append(canonical_text(item))
    return names, sorted(problems)


def _text_field(loaded: Loaded, key: str) -> str | None:
    """A field's canonical text, or None where the field is absent or not valid text."""
    value: Any = loaded.data.get(key) if isinstance(loaded.data, dict) else None
    if not isinstance(value, str) or find_control_character(value) is not None:
        return None
    return canonical_text(value) or None


def _file_name(loaded: Loaded) -> list[Diagnostic]:
    name = _text_field(loaded, "name")
    if name is None:
        return []
    line, column = loaded.value_positions[("name",)]
    slug = slugify(name)
    actual = PurePosixPath(loaded.path).name
    if not slug:
        message = f"name '{name}' has no ASCII letter or digit to build a file name from"
        return [Diagnostic(loaded.path, line, column, "file-name", message)]
    if actual != f"{slug}.yaml":
        message = f"file for '{name}' must be named '{slug}.yaml' (rename '{actual}')"
        return [Diagnostic(loaded.path, line, column, "file-name", message)]
    return []


def _cross_entry(checked: Sequence[Checked], selected: Collection[str]) -> list[Diagnostic]:
    """Report names, slugs and papers that more than one entry claims."""
    groups: dict[tuple[str, str], list[Loaded]] = defaultdict(list)
    for item in checked:
        loaded = item.loaded
        name = _text_field(loaded, "name")
        url = _text_field(loaded, "url")
        if name:
            groups["name", name.casefold()].append(loaded)
            if slugify(name):
                groups["slug", slugify(name)].append(loaded)
        if url:
            groups["url", normalize_url(url)].append(loaded)
    found: list[Diagnostic] = []
    reported: set[tuple[str, str]] = set()
    for (kind, _key), members in groups.items():
        if len(members) < 2:
            continue
        members = sorted(members, key=lambda m: m.path)
        original = members[0]
        targets = [(m, original) for m in members[1:] if m.path in selected]
        if not targets and original.path in selected:
            targets = [(original, members[1])]
        for loaded, other in targets:
            pair = (loaded.path, other.path)
            if kind == "slug" and pair in reported:
                continue
            reported.add(pair)
            field = "url" if kind == "url" else "name"
            line, column = loaded.value_positions[(field,)]
            o_line, o_column = other.value_positions[(field,)]
            what = {
                "name": f"name '{_text_field(loaded, 'name')}' is already used",
                "slug": f"name '{_text_field(loaded, 'name')}' gives the same file name as the one",
                "url": "this paper is already listed",
            }[kind]
            message = f"{what} in {other.path}:{o_line}:{o_column}"
            found.append(Diagnostic(loaded.path, line, column, "duplicate-entry", message))
    return found


def check_sources(
    sources: Sequence[tuple[str, bytes]],
    *,
    categories: Sequence[str],
    selected: Collection[str] | None = None,
) -> tuple[list[Checked], list[Diagnostic]]:
    """Check (path, bytes) pairs; report on the selected paths (all when None)."""
    chosen = {path for path, _ in sources} if selected is None else set(selected)
    checked: list[Checked] = []
    diagnostics: list[Diagnostic] = []
    for path, raw in sources:
        loaded = load_text(raw, path)
        entry = validate(loaded, categories=categories) if path in chosen else None
        checked.append(Checked(loaded, entry))
        if path in chosen:
            diagnostics.extend(loaded.diagnostics)
            diagnostics.extend(_file_name(loaded))
    diagnostics.extend(_cross_entry(checked, chosen))
    return checked, sorted(diagnostics)
