"""What import makes sure of a panel README it read: the panels render back as written, the
figure markers and orders they use, the references they spell."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from awesome_tools.core import charrefs
from awesome_tools.core.normalize import slugify
from awesome_tools.core.schema import Entry
from awesome_tools.layouts.panel.heads import Heads
from awesome_tools.layouts.panel.parts import (
    TIMELINE_HEADER,
    YEAR_LINE,
)
from awesome_tools.layouts.panel.pieces import CONTEXTS, figure_marker
from awesome_tools.layouts.panel.quirks import PanelEntry
from awesome_tools.layouts.panel.reader import Reader, Row
from awesome_tools.layouts.panel.render import (
    index_text,
    panel_order,
    panel_text,
    timeline_text,
)

if TYPE_CHECKING:
    from awesome_tools.core.settings import FigureMarkers


_LINE_ESCAPE = re.compile(r"(^ *|<br> *)&#[0-9]+;")


def decode_references(data: dict[str, Any]) -> None:
    """Make a panel's text plain: its references decoded, the spellings kept as a quirk."""
    quirks = data["_quirks"]
    texts: dict[str, list[tuple[dict[str, Any], str]]] = {
        key: [(data, key)] for key in ("name", "title", "summary", "contribution", "authors")
    }
    texts["label"] = [(link, "label") for link in data.get("links", [])]
    figure = data.get("figure", {})
    texts["figure.alt"], texts["figure.caption"] = [(figure, "alt")], [(figure, "caption")]
    texts["figure_note"] = [(quirks, "figure_note")]
    spelt: dict[str, str] = {}
    for field, places in texts.items():
        written = [where[key] for where, key in places if key in where]
        if field in ("summary", "authors"):
            # A line's first character as a reference is the layout's own escape of a line
            # that would start a block (panelsafe): not a spelling of the README's.
            written = [_LINE_ESCAPE.sub(r"\1", text) for text in written]
        found = charrefs.spellings(" ".join(written), CONTEXTS.get(field, "markdown"))
        if found:
            spelt[field] = found
        for where, key in places:
            if key in where:
                where[key] = charrefs.decode(where[key])
    if spelt:
        quirks["references"] = spelt


def figure_markers_of(panels: list[tuple[int, dict[str, Any]]]) -> FigureMarkers:
    """How the README names its figure comments; a number other than a panel's place is kept.

    By number when more of them are numbers than their entry's slug (upstream's convention),
    each number that is not the panel's place kept as its `figure_id`; else by slug, as a list
    whose README has none gets. A comment named otherwise is written back as the setting says
    (`compare_rendered` warns on its line).
    """
    found = [(data, data.pop("_marker")[1]) for _, data in panels if "_marker" in data]
    numbers = sum(marker.isascii() and marker.isdigit() for _, marker in found)
    slugs = sum(marker == slugify(data["name"]) for data, marker in found)
    if numbers <= slugs:
        return "slug"
    for data, marker in found:
        if marker.isascii() and marker.isdigit() and int(marker) != data["_number"]:
            data["_quirks"]["figure_id"] = marker
    return "position"


def _entry(data: dict[str, Any]) -> Entry | None:
    """The entry a panel's data makes, or None when it is not valid (check will say why)."""
    public = {k: v for k, v in data.items() if not k.startswith("_")}
    if data["_quirks"]:
        public["panel_quirks"] = data["_quirks"]
    try:
        return PanelEntry.model_validate(public)
    except ValidationError:
        return None


def compare_rendered(
    reader: Reader,
    panels: list[tuple[int, dict[str, Any]]],
    found: Heads,
    after: int,
    markers: FigureMarkers,
) -> None:
    """Warn where a panel, the index or the timeline will be written back other than it is."""
    lines = reader.lines
    heads = found.lines
    made: list[Entry] = []
    for n, (start, data) in enumerate(panels):
        entry = _entry(data)
        if entry is None:
            continue
        made.append(entry)
        end = heads[n + 1] if n + 1 < len(heads) else after
        text = panel_text(entry, figure_marker(entry, n + 1, markers), level=found.level)
        _first_difference(reader, start, lines[start:end], text, "the panel")
    ordered = panel_order(made)
    years = [i for i, line in enumerate(lines) if YEAR_LINE.match(line) and i < heads[0]]
    if years and len(made) == len(panels):
        text = index_text(ordered, [])
        _first_difference(reader, years[0], lines[years[0] : years[-1] + 1], text, "the index")
    header = next((i for i, line in enumerate(lines) if line.strip() == TIMELINE_HEADER), None)
    if header is not None and len(made) == len(panels):
        text = timeline_text(ordered)
        count = len(text.split("\n"))
        _first_difference(reader, header, lines[header : header + count], text, "the timeline")


def _first_difference(reader: Reader, start: int, have: list[str], text: str, what: str) -> None:
    mine = [line.rstrip() for line in have]
    while mine and not mine[-1]:
        mine.pop()
    want = text.split("\n")
    for k, (a, b) in enumerate(zip(mine, want, strict=False)):
        if a != b:
            reader.warn(start + k, f"{what} is written back normalised from this line: '{b[:80]}'")
            return
    if len(mine) != len(want):
        at = start + min(len(mine), len(want))
        reader.warn(at, f"{what} is written back with {len(want)} lines instead of {len(mine)}")


def orders(reader: Reader, panels: list[tuple[int, dict[str, Any]]], rows: list[Row]) -> None:
    """Same-day order from the timeline; check the panels follow the timeline."""
    dates: dict[str, int] = {}
    for row in rows:
        dates[row[1]] = dates.get(row[1], 0) + 1
    seen: dict[str, int] = {}
    for _, data in sorted(panels, key=lambda p: p[1].get("_row", 10**9)):
        day = data.get("released")
        if day and dates.get(day, 0) > 1 and "_row" in data:
            seen[day] = seen.get(day, 0) + 1
            data["order"] = str(seen[day])
    undated = [data for _, data in panels if "released" not in data]
    if len(undated) > 1:
        # Without dates, the README's own order is the editorial order.
        for n, data in enumerate(undated, 1):
            data["order"] = str(n)
    timeline = [d["name"] for _, d in sorted(panels, key=lambda p: p[1].get("_row", 10**9))]
    shown = [d["name"] for _, d in panels]
    if timeline != shown:
        at = next((k for k, (a, b) in enumerate(zip(timeline, shown, strict=False)) if a != b), 0)
        reader.warn(
            panels[at][0] if panels else 0,
            "panels are not in the timeline's order; render writes them in its order",
        )
