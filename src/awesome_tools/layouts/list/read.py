"""A classic awesome-list README to entry files, categories and the list's frame: an import plan.

Every entry line becomes an entry file (name, the link as `url` and `title`, the summary, the
category); every other line stays in the frame (`templates/README.md.j2`), each run of entry
lines replaced by the `{{ entries(...) }}` call that writes it back. So every heading, the
contents list, the intro and sections such as Contributing or License come back as they were,
and so does every line import cannot make an entry of (said, at its line).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from awesome_tools.core.categories import appended_categories, category_name_problem
from awesome_tools.core.entryfile import dump_entry
from awesome_tools.core.normalize import device_note, name_length_problem, slugify
from awesome_tools.core.schema import Entry
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.io.textfile import decode
from awesome_tools.layouts.frametext import escape_jinja
from awesome_tools.layouts.importplan import ImportPlan, import_error, import_note
from awesome_tools.layouts.list.shape import Line, Shape, entry_line, read_shape

TEMPLATE = "templates/README.md.j2"
SETTINGS = "awesome.yaml"


@dataclass
class _Import:
    """What the reading found so far."""

    path: str
    shape: Shape
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # The entry lines that become entries, by line index, with their data.
    kept: dict[int, dict[str, Any]] = field(default_factory=dict)

    def say(self, index: int, message: str) -> None:
        self.diagnostics.append(import_note(self.path, index + 1, 1, message))


def is_list_readme(text: str) -> bool:
    """Say whether a README is a classic list: an entry line, and no `<details>` block (the
    table layout's) among its lines."""
    if "<details" in text.lower():
        return False
    return bool(read_shape(text).entries)


def _categories(found: _Import) -> list[str]:
    """The categories that are plain text (the others an error at their line)."""
    names = []
    for name, index in found.shape.categories:
        problem = category_name_problem(name, found.path, index + 1, 1)
        if problem:
            found.diagnostics.append(problem)
        else:
            names.append(name)
    return names


def _entries(found: _Import, categories: list[str]) -> None:
    """Each entry line as entry data; a line that cannot be one stays in the frame, said."""
    owners: dict[str, int] = {}
    for line in found.shape.entries:
        data: dict[str, Any] = {"name": line.name, "title": line.name, "url": line.url}
        if line.category is not None:
            data["category"] = line.category
        if line.summary is not None:
            data["summary"] = line.summary
        entry = _entry(data, categories, owners)
        if isinstance(entry, str):
            found.say(line.index, f"'{line.name}' is kept as frame text, not an entry: {entry}")
            continue
        owners[slugify(line.name)] = line.index
        found.kept[line.index] = data
        if line.summary is None:
            found.say(
                line.index,
                f"'{line.name}' has no summary: the list layout needs one sentence after the "
                "link (' - Summary.'); write it as 'summary:' in its entry file",
            )
        device = device_note(line.name)
        if device:
            found.say(line.index, device)
        _compare(found, line, entry)
    for index in found.shape.nested:
        found.say(index, "an entry line under another entry is kept as frame text")
    for index, reason in found.shape.strays:
        text = found.shape.lines[index].strip()[:60]
        found.say(index, f"kept as frame text, not an entry ({reason}): '{text}'")


def _entry(data: dict[str, Any], categories: list[str], owners: dict[str, int]) -> Entry | str:
    """The entry of a line's data, or why there is none."""
    too_long = name_length_problem(data["name"])
    if too_long:
        return too_long
    slug = slugify(data["name"])
    if not slug:
        return "its name has no ASCII letter or digit for a file name"
    if slug in owners:
        return f"line {owners[slug] + 1} has an entry of the same file name, {slug}.yaml"
    if data.get("category") is not None and data["category"] not in categories:
        return "its category is not plain text"
    try:
        return Entry.model_validate(data, context={"categories": categories})
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in error["loc"])
        return f"{where}: {error['msg']}"


def _compare(found: _Import, line: Line, entry: Entry) -> None:
    """Warn where render writes an entry line back otherwise than it is."""
    want = entry_line(entry.name, entry.url, entry.summary, line.indent)
    if want != found.shape.lines[line.index]:
        found.say(line.index, f"the entry line is written back normalised: '{want[:80]}'")


def _orders(found: _Import) -> None:
    """Where a category's entries are not in render's order (by name), the README's own is
    kept as `order`."""
    members: dict[str | None, list[dict[str, Any]]] = {}
    for data in found.kept.values():
        members.setdefault(data.get("category"), []).append(data)
    for group in members.values():
        keys = [(d["name"].casefold(), slugify(d["name"])) for d in group]
        if keys != sorted(keys):
            for n, data in enumerate(group, 1):
                data["order"] = str(n)


def _runs(found: _Import) -> list[tuple[int, int, str | None, str]]:
    """The runs of kept entry lines: first and end line index, category, indent."""
    runs: list[tuple[int, int, str | None, str]] = []
    by_index = {line.index: line for line in found.shape.entries}
    for index in sorted(found.kept):
        line = by_index[index]
        last = runs[-1] if runs else None
        if last and last[1] == index and last[2] == line.category:
            runs[-1] = (last[0], index + 1, last[2], last[3])
            if line.indent != last[3]:
                found.say(index, "the entry line is written back with its run's first indent")
        else:
            runs.append((index, index + 1, line.category, line.indent))
    return runs


def _call(category: str | None, start: int, stop: int | None, indent: str) -> str:
    args = [json.dumps(category, ensure_ascii=False)] if category is not None else ["None"]
    if start or stop is not None:
        args += [str(start), "None" if stop is None else str(stop)]
    if indent:
        args.append(f"indent={json.dumps(indent)}")
    if args == ["None"]:
        args = []
    return f"{{{{ entries({', '.join(args)}) }}}}"


def _frame(found: _Import) -> str:
    """The README with each run of entry lines replaced by its `entries(...)` call."""
    runs = _runs(found)
    counts: dict[str | None, int] = {}
    last_run: dict[str | None, int] = {}
    for n, (_, _, category, _) in enumerate(runs):
        last_run[category] = n
    out: list[str] = []
    i = 0
    lines = found.shape.lines
    for n, (first, end, category, indent) in enumerate(runs):
        out += [escape_jinja(line) for line in lines[i:first]]
        start = counts.get(category, 0)
        counts[category] = start + end - first
        stop = None if last_run[category] == n else start + end - first
        out.append(_call(category, start, stop, indent))
        i = end
    out += [escape_jinja(line) for line in lines[i:]]
    return "\n".join(out)


def read_list_readme(
    raw: bytes, path: str, categories_text: str | None, categories_path: str
) -> ImportPlan:
    """Plan the import of a classic list README: entry files, categories, frame, settings."""
    plan = ImportPlan()
    text, problem = decode(raw, path)
    if text is None:
        plan.diagnostics = [problem] if problem else []
        return plan
    found = _Import(path, read_shape(text))
    if not found.shape.entries:
        message = "no entry line found: an entry is a line '- [Name](https://...) - Summary.'"
        plan.diagnostics = [import_error(path, 1, 1, message)]
        return plan
    categories = _categories(found)
    _entries(found, categories)
    if not found.kept:
        message = (
            "no entry line could be imported: each one is kept as frame text, as said at its line"
        )
        found.diagnostics.append(import_error(path, found.shape.entries[0].index + 1, 1, message))
    _orders(found)
    for data in found.kept.values():
        plan.files[f"{slugify(data['name'])}.yaml"] = dump_entry(_ordered(data))
    plan.others[TEMPLATE] = _frame(found)
    # The title the packaged frame would write; the imported frame keeps its own heading.
    title = next((h.text for h in found.shape.headings if h.level == 1), "")
    plain = title and not set(title) & set("[]()<>!*_`\\")
    plan.others[SETTINGS] = "layout: list\n" + (
        f"title: {json.dumps(title, ensure_ascii=False)}\n" if plain else ""
    )
    plan.categories_text, problems = appended_categories(
        categories_text, categories_path, categories
    )
    plan.diagnostics = sorted(found.diagnostics + problems)
    return plan


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    return {key: data[key] for key in Entry.model_fields if key in data}
