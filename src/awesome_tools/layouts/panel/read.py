"""A panel README to entry files, the list's own template and its settings: an import plan."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from awesome_tools.core.entryfile import dump_entry
from awesome_tools.core.normalize import device_note, slugify
from awesome_tools.io.textfile import decode
from awesome_tools.layouts.framefix import FrameLine, double_link_off, tidy_frame
from awesome_tools.layouts.frametext import escape_jinja
from awesome_tools.layouts.importplan import ImportPlan, import_error
from awesome_tools.layouts.panel.heads import Heads, find_heads, heads_notes, panels_end
from awesome_tools.layouts.panel.parse import read_panel, read_timeline
from awesome_tools.layouts.panel.parts import (
    COUNT,
    DEFAULT_LEVEL,
    HEADING,
    NONE,
    YEAR_LINE,
    index_names,
    readme_lines,
    split_title,
    undated_names,
)
from awesome_tools.layouts.panel.quirks import PanelEntry
from awesome_tools.layouts.panel.readback import (
    compare_rendered,
    decode_references,
    figure_markers_of,
    orders,
)
from awesome_tools.layouts.panel.reader import Reader, Row
from awesome_tools.layouts.views import VIEWS_LOOP, view_sections

if TYPE_CHECKING:
    from awesome_tools.core.settings import FigureMarkers

    # The views render wrote: the line of the first heading, the line after the last text,
    # their names (`views.view_sections`).
    Views = tuple[int, int, list[str]] | None

TEMPLATE = "templates/README.md.j2"
SETTINGS = "awesome.yaml"


def is_panel_readme(text: str) -> bool:
    """Say whether a README is in the panel layout: it has `### **Name: Title**` panels (or
    `## **Name: Title**` ones)."""
    return bool(find_heads(readme_lines(text)).lines)


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    return {key: data[key] for key in PanelEntry.model_fields if key in data}


def _frame(reader: Reader, first: int, last: int, rows: list[Row], count: int, views: Views) -> str:
    """The README around the generated parts, as the list's own template, with the blank lines
    markdownlint asks for (each one added or dropped a warning at its line); the views render
    wrote (`views`), as the loop that writes them again."""
    lines = reader.lines
    while last > first and not lines[last - 1].strip():
        last -= 1  # the blank lines after the last panel belong to the frame
    cut: list[tuple[int, int, str]] = [(first, last, "panels")]
    years = [i for i, line in enumerate(lines) if YEAR_LINE.match(line) and i < first]
    if years:
        cut.append((years[0], years[-1] + 1, "index"))
    if rows:
        cut.append((rows[0][0] - 2, rows[-1][0] + 1, "timeline"))
    if views is not None:
        cut.append((views[0], views[1], "views"))
    out: list[FrameLine] = []
    i = 0
    for begin, stop, name in [*sorted(cut), (len(lines), len(lines), "")]:
        out += [
            FrameLine(_counted(escape_jinja(line.rstrip()), count), n, n)
            for n, line in enumerate(lines[i:begin], i)
        ]
        if name:
            out.append(FrameLine(f"{{{{ {name} }}}}", begin, stop - 1))
        i = stop
    linted, notes = double_link_off(out, readme="\n".join(lines))
    tidy, spaced = tidy_frame(linted, {name for _, _, name in cut})
    for line, message in sorted(notes + spaced, key=lambda note: note[0]):
        reader.warn(line, f"the frame is normalised: {message}")
    text = "\n".join(line.text for line in tidy).rstrip("\n") + "\n"
    return text.replace("\n{{ views }}\n", f"\n{VIEWS_LOOP}\n")


def _counted(line: str, count: int) -> str:
    return COUNT.sub(
        lambda m: "({{ count }} architectures" if int(m["count"]) == count else m[0], line
    )


def read_panel_readme(raw: bytes, path: str) -> ImportPlan:
    """Plan the import of a panel README: entry files, its template and settings."""
    plan = ImportPlan()
    text, problem = decode(raw, path)
    if text is None:
        plan.diagnostics = [problem] if problem else []
        return plan
    reader = Reader(path, readme_lines(text))
    lines = reader.lines
    found = find_heads(lines)
    _note_heads(reader, found)
    heads = found.lines
    if not heads:
        message = "no panel found: a panel starts with a heading line '### **Name: Title**'"
        plan.diagnostics = sorted([*reader.diagnostics, import_error(path, 1, 1, message)])
        return plan
    after = panels_end(lines, heads)
    rows = read_timeline(reader)
    by_name: dict[str, list[Row]] = {}
    for row in rows:
        by_name.setdefault(row[2], []).append(row)
    undated = undated_names(lines, heads[0])
    panels = []
    by_index = index_names(lines, heads)
    for n, start in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else after
        data = read_panel(reader, start, _stop(reader, found, start, end), n + 1)
        if start in by_index:
            data["name"] = by_index[start]  # the index's: the title need not start with it
        _level_quirk(lines[start], found.level, data)
        _with_row(reader, start, data, rows, by_name, undated)
        panels.append((start, data))
    for rest in by_name.values():
        for row in rest:
            reader.warn(row[0], f"timeline row '{row[2]}' has no panel; dropped")
    for _, data in panels:
        decode_references(data)
    orders(reader, panels, rows)
    markers = figure_markers_of(panels)
    compare_rendered(reader, panels, found, after, markers)
    plan.files = _entry_files(reader, panels)
    title = lines[0].removeprefix("# ").strip() if lines and lines[0].startswith("# ") else None
    views = view_sections(lines, heads[0])
    plan.others[TEMPLATE] = _frame(reader, heads[0], after, rows, len(panels), views)
    settings = "layout: panel\n" + (f"title: {_yaml_text(title)}\n" if title else "")
    if views is not None:
        settings += f"readme_views: [{', '.join(views[2])}]\n"
    if found.level != DEFAULT_LEVEL:
        settings += f"panel_heading_level: {found.level}\n"
    plan.others[SETTINGS] = settings + MARKERS[markers]
    plan.diagnostics = sorted(reader.diagnostics)
    return plan


def _with_row(
    reader: Reader,
    start: int,
    data: dict[str, Any],
    rows: list[Row],
    by_name: dict[str, list[Row]],
    undated: Collection[str],
) -> None:
    """Complete a panel's data with its timeline row (the row's name, date and contribution,
    taken from `by_name`), its own date where no row gives one, warning of what disagrees."""
    matches = by_name.get(data["name"]) or by_name.get(data["title"]) or []
    if not matches:
        named = [r for r in rows if data["title"].startswith(f"{r[2]}: ") or data["title"] == r[2]]
        matches = named[:1]
    if matches:
        row = matches.pop(0)
        data["name"] = row[2]
        # The timeline shows a missing date or contribution as a dash: no value.
        if row[1] != NONE:
            data["released"] = row[1]
        if row[3] != NONE:
            data["contribution"] = row[3]
        data["_row"] = row[0]
    elif data["name"] not in undated and data["title"] not in undated:
        reader.warn(start, f"panel '{data['name']}' has no release timeline row")
    line = data.pop("_released_line", None)
    if line and "released" not in data:
        data["released"] = line[1]  # no timeline row gives a date: the panel's own
    elif line and line[1] != data["released"]:
        reader.warn(
            line[0],
            f"**Released:** {line[1]} differs from the timeline's date; the timeline's is kept",
        )
    if "url" not in data:
        reader.warn(start, f"panel '{data['name']}' has no link; the entry needs a 'url'")


def _entry_files(reader: Reader, panels: list[tuple[int, dict[str, Any]]]) -> dict[str, str]:
    """Each panel's entry file by name, its reader's notes dropped; a second panel of a name
    is skipped with a warning."""
    files: dict[str, str] = {}
    for start, data in panels:
        quirks = data.pop("_quirks")
        data.pop("_number")
        data.pop("_row", None)
        if quirks:
            data["panel_quirks"] = quirks
        slug = slugify(data["name"])
        if f"{slug}.yaml" in files:
            reader.warn(start, f"a second panel named '{data['name']}'; skipped")
            continue
        device = device_note(data["name"])
        if device:
            reader.warn(start, device)
        files[f"{slug}.yaml"] = dump_entry(_ordered(data))
    return files


# What import writes in awesome.yaml for each kind of figure comments the README uses.
MARKERS: dict[FigureMarkers, str] = {
    "position": "# position: figure comments numbered by place, as the imported README does;\n"
    "# slug: by entry, so that adding a model changes no other panel (docs/adopting.md)\n"
    "figure_markers: position\n",
    "slug": "figure_markers: slug\n",
}


def _note_heads(reader: Reader, found: Heads) -> None:
    """Say which headings are not imported as panels; an error when most panels would be."""
    for index, message, error in heads_notes(found, reader.lines):
        if error:
            reader.diagnostics.append(import_error(reader.path, index + 1, 1, message))
        else:
            reader.warn(index, message)


def _stop(reader: Reader, found: Heads, start: int, end: int) -> int:
    """Where a panel's lines stop: at a heading that looks like a panel's and is not one (import
    warned of it), whose lines are dropped, each with a warning, rather than read as this one's."""
    stop = next((i for i, parts in found.left if parts and start < i < end), end)
    heading = HEADING.match(reader.lines[start])
    name = split_title(heading["title"]) if heading else reader.lines[start].strip()
    for k in range(stop, end):
        if reader.lines[k].strip():
            text = reader.lines[k].strip()[:60]
            reader.warn(k, f"panel '{name}': line not part of a panel's shape; dropped: '{text}'")
    return stop


def _level_quirk(line: str, level: int, data: dict[str, Any]) -> None:
    """A panel whose heading is at another level than the README's keeps its own."""
    heading = HEADING.match(line)
    if heading and len(heading["hashes"]) != level:
        data["_quirks"]["heading_level"] = str(len(heading["hashes"]))


def _yaml_text(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)
