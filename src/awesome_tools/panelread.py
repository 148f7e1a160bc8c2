"""A panel README to entry files, the list's own template and its settings: an import plan."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from awesome_tools.diagnostics import Diagnostic
from awesome_tools.entryfile import dump_entry
from awesome_tools.importer import ImportPlan
from awesome_tools.loader import decode
from awesome_tools.normalize import slugify
from awesome_tools.panel import index_text, panel_order, panel_text, timeline_text
from awesome_tools.panelparts import (
    BADGE,
    CAPTION,
    COUNT,
    DETAILS,
    FIGURE_CLOSE,
    FIGURE_OPEN,
    HEADING,
    IMAGE,
    MORE,
    NOTE,
    RELEASED,
    ROW,
    SECTION,
    TIMELINE_HEADER,
    YEAR_LINE,
    escape_jinja,
    link_kind,
    split_title,
)
from awesome_tools.schema import Entry
from awesome_tools.urls import BadUrl, split_url

TEMPLATE = "templates/README.md.j2"
BARE_IMAGE = re.compile(r'<img\s[^>]*?src="(?P<src>[^"]+)"')
ALT = re.compile(r'\salt="([^"]*)"')
WIDTH = re.compile(r'\swidth="?(\d+)')
Row = tuple[int, str, str, str]  # line index, date, name, contribution
SETTINGS = "awesome.yaml"


def is_panel_readme(text: str) -> bool:
    """Say whether a README is in the panel layout: it has `### **Name: Title**` panels."""
    return any(HEADING.match(line) for line in text.split("\n"))


@dataclass
class _Reader:
    path: str
    lines: list[str]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def warn(self, index: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, index + 1, 1, "import", message, "warning"))

    def skip_blank(self, i: int, end: int) -> int:
        while i < end and not self.lines[i].strip():
            i += 1
        return i

    def until_blank(self, i: int, end: int) -> int:
        while i < end and self.lines[i].strip():
            i += 1
        return i


def _meta(reader: _Reader, start: int, stop: int, data: dict[str, Any]) -> None:
    """Badges, authors and the release line: the lines between the summary and the figure."""
    lines = [line.rstrip() for line in reader.lines[start:stop]]
    text = "\n".join(lines)
    links = []
    for match in BADGE.finditer(text):
        url, badge, label = match["url"], match["badge"], match["label"]
        try:
            host = split_url(url).host
        except BadUrl:
            host = ""
        link = {"kind": link_kind(label, host), "url": url, "label": label}
        if re.search(r"\s", badge) or not badge.startswith("https://"):
            at = start + text[: match.start()].count("\n")
            reader.warn(at, f"badge image '{badge}' is not one https link; a default is used")
        else:
            link["badge"] = badge
        links.append(link)
    if links:
        data["links"] = links
        data["url"] = links[0]["url"]
    rest = BADGE.sub("\x00", text).split("\n")
    badge_lines = [n for n, line in enumerate(rest) if "\x00" in line]
    quirks: dict[str, str] = {}
    authors: list[str] = []
    author_br = False
    released = False
    for n, line in enumerate(rest):
        plain = line.replace("\x00", "").strip()
        ends_br = plain.endswith("<br>")
        plain = plain.removesuffix("<br>").strip()
        if not plain:
            if ends_br and "\x00" not in line:
                reader.warn(start + n, "a line holding only <br> is left out")
            continue
        date = RELEASED.match(plain)
        if date:
            released = True
            data["_released_line"] = (start + n, date["date"])
        elif "\x00" in line:
            reader.warn(start + n, f"text among the badges is taken as the authors: '{plain}'")
            authors.append(plain)
            author_br = ends_br
        else:
            authors.append(plain)
            author_br = ends_br
    if authors:
        data["authors"] = "<br>".join(authors)
        if author_br != released:
            quirks["authors_br"] = "yes" if author_br else "no"
    if len(badge_lines) > 1:
        quirks["badges_split"] = "yes"
    if badge_lines and authors:
        last = badge_lines[-1]
        if rest[last].rstrip().endswith("<br>"):
            quirks["badges_end"] = "br"
        elif last + 1 < len(rest) and rest[last + 1].strip():
            quirks["badges_end"] = "line"
    if not released:
        quirks["released_line"] = "no"
    data["_quirks"] = quirks


def _figure(reader: _Reader, start: int, stop: int, data: dict[str, Any]) -> None:
    """The figure block between its two comment lines."""
    opened = FIGURE_OPEN.match(reader.lines[start])
    if opened and int(opened["number"]) != data["_number"]:
        data["_quirks"]["figure_id"] = opened["number"]
    body = [line.rstrip() for line in reader.lines[start + 1 : stop]]
    note = NOTE.match(body[0]) if len(body) == 1 else None
    if note:
        data["_quirks"]["figure_note"] = note["note"]
        return
    for line in body:
        image = IMAGE.match(line)
        caption = CAPTION.match(line)
        if image:
            data["figure"] = image["src"]
            data["figure_alt"] = image["alt"] or f"{data['name']} architecture"
            if not image["alt"]:
                reader.warn(start, "figure has no alt text; named after the model")
            if image["width"]:
                data["figure_width"] = image["width"]
        if caption:
            data["figure_caption"] = caption["caption"]
            if caption["number"]:
                data["figure_number"] = caption["number"]
            data["figure_source"] = caption["source"]
            if caption["page"]:
                data["figure_page"] = caption["page"]
    if "figure" not in data:
        reader.warn(start, "figure block without an <img> understood; left out")


def _details(reader: _Reader, start: int, end: int, data: dict[str, Any]) -> int:
    """The deep dive: the prose of the <details> block; returns the index after it."""
    lines = reader.lines
    i = start + 1
    if i < end and lines[i].strip().startswith(MORE):
        if lines[i].strip().removeprefix(MORE) == "<br>":
            data["_quirks"]["summary_br"] = "yes"
        i += 1
    else:
        reader.warn(i, "the deep dive's <summary> line is written back as 'More Information'")
    close = next((k for k in range(i, end) if lines[k].strip().startswith("</details>")), None)
    if close is None:
        reader.warn(start, "<details> is not closed before the next panel; the rest is its prose")
        close = end
    prose = "\n".join(line.rstrip() for line in lines[i:close]).strip("\n")
    if prose:
        data["deep_dive"] = prose
        if lines[close - 1].strip():
            data["_quirks"]["details_tight"] = "yes"
    return close + 1


def _ends_meta(line: str) -> bool:
    """Say whether a line starts what follows the badges: a figure or the deep dive."""
    return bool(FIGURE_OPEN.match(line)) or _opens(line) or line.lstrip().startswith(("<p", "<img"))


def _bare_figure(reader: _Reader, start: int, end: int, data: dict[str, Any]) -> int:
    """An older panel's figure, an image with no figure comments; returns the index after it."""
    stop = start
    while stop < end and reader.lines[stop].strip() and not _opens(reader.lines[stop]):
        stop += 1
    block = " ".join(line.strip() for line in reader.lines[start:stop])
    image = BARE_IMAGE.search(block)
    if image is None:
        reader.warn(start, "figure without an <img src> understood; left out")
        return stop
    data["figure"] = image["src"]
    alt = ALT.search(block)
    data["figure_alt"] = alt[1] if alt and alt[1].strip() else f"{data['name']} architecture"
    if not (alt and alt[1].strip()):
        reader.warn(start, "figure has no alt text; named after the model")
    width = WIDTH.search(block)
    if width:
        data["figure_width"] = width[1]
    reader.warn(start, "figure is written back in the figure-block shape (with its comments)")
    return stop


def _opens(line: str) -> bool:
    """Say whether a line opens the deep dive (`<details>`, or `<details><br>` as some panels)."""
    return line.strip() in (DETAILS, f"{DETAILS}<br>")


def _panel(reader: _Reader, start: int, end: int, number: int) -> dict[str, Any]:
    lines = reader.lines
    title = HEADING.match(lines[start])
    assert title is not None
    data: dict[str, Any] = {"name": split_title(title["title"]), "title": title["title"]}
    data["_number"] = number
    i = reader.skip_blank(start + 1, end)
    stop = reader.until_blank(i, end)
    if i < end and not lines[i].startswith(("[![", "<!--", DETAILS)):
        data["summary"] = " ".join(line.strip() for line in lines[i:stop])
        i = reader.skip_blank(stop, end)
    meta_end = i
    while meta_end < end and not _ends_meta(lines[meta_end]):
        meta_end += 1
    _meta(reader, i, meta_end, data)
    i = reader.skip_blank(meta_end, end)
    opened = FIGURE_OPEN.match(lines[i]) if i < end else None
    if opened:
        close = next((k for k in range(i, end) if FIGURE_CLOSE.match(lines[k])), None)
        if close is None:
            reader.warn(i, "figure block is not closed; left out")
        else:
            _figure(reader, i, close, data)
            i = reader.skip_blank(close + 1, end)
    elif i < end and lines[i].lstrip().startswith(("<p", "<img")):
        i = reader.skip_blank(_bare_figure(reader, i, end, data), end)
    if i < end and _opens(lines[i]):
        if lines[i].strip() != DETAILS:
            reader.warn(i, f"'{lines[i].strip()}' is written back as '{DETAILS}'")
        i = reader.skip_blank(_details(reader, i, end, data), end)
    for k in range(i, end):
        if lines[k].strip():
            reader.warn(k, f"line not part of a panel's shape; dropped: '{lines[k].strip()[:60]}'")
    return data


def _timeline(reader: _Reader) -> list[Row]:
    """The timeline's rows: (line index, date, name, contribution)."""
    rows: list[Row] = []
    header = next(
        (i for i, line in enumerate(reader.lines) if line.strip() == TIMELINE_HEADER), None
    )
    if header is None:
        return rows
    for i in range(header + 2, len(reader.lines)):
        row = ROW.match(reader.lines[i])
        if row is None:
            break
        rows.append(
            (i, row["date"], row["name"].replace("\\|", "|"), row["what"].replace("\\|", "|"))
        )
    return rows


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    return {key: data[key] for key in Entry.model_fields if key in data}


def _frame(reader: _Reader, first: int, last: int, rows: list[Row], count: int) -> str:
    """The README around the generated parts, as the list's own template."""
    lines = reader.lines
    cut: list[tuple[int, int, str]] = [(first, last, "{{ panels }}")]
    years = [i for i, line in enumerate(lines) if YEAR_LINE.match(line) and i < first]
    if years:
        cut.append((years[0], years[-1] + 1, "{{ index }}"))
    if rows:
        cut.append((rows[0][0] - 2, rows[-1][0] + 1, "{{ timeline }}"))
    out: list[str] = []
    i = 0
    for begin, stop, placeholder in sorted(cut):
        out += [_counted(escape_jinja(line.rstrip()), count) for line in lines[i:begin]]
        out.append(placeholder)
        i = stop
    out += [_counted(escape_jinja(line.rstrip()), count) for line in lines[i:]]
    return "\n".join(out).rstrip("\n") + "\n"


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
    reader = _Reader(path, text.replace("\r\n", "\n").split("\n"))
    lines = reader.lines
    heads = [i for i, line in enumerate(lines) if HEADING.match(line)]
    after = next((i for i in range(heads[-1], len(lines)) if SECTION.match(lines[i])), len(lines))
    rows = _timeline(reader)
    by_name: dict[str, list[Row]] = {}
    for row in rows:
        by_name.setdefault(row[2], []).append(row)
    panels = []
    for n, start in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else after
        data = _panel(reader, start, end, n + 1)
        matches = by_name.get(data["name"]) or by_name.get(data["title"]) or []
        if not matches:
            named = [
                r for r in rows if data["title"].startswith(f"{r[2]}: ") or data["title"] == r[2]
            ]
            matches = named[:1]
        if matches:
            row = matches.pop(0)
            data["name"] = row[2]
            data["released"], data["contribution"] = row[1], row[3]
            data["_row"] = row[0]
        else:
            reader.warn(start, f"panel '{data['name']}' has no release timeline row")
        line = data.pop("_released_line", None)
        if line and line[1] != data.get("released"):
            reader.warn(
                line[0],
                f"**Released:** {line[1]} differs from the timeline's date; the timeline's is kept",
            )
            data.setdefault("released", line[1])
        if "url" not in data:
            reader.warn(start, f"panel '{data['name']}' has no link; the entry needs a 'url'")
        panels.append((start, data))
    for rest in by_name.values():
        for row in rest:
            reader.warn(row[0], f"timeline row '{row[2]}' has no panel; dropped")
    _orders(reader, panels, rows)
    _compare(reader, panels, heads, after)
    names: set[str] = set()
    for start, data in panels:
        quirks = data.pop("_quirks")
        data.pop("_number")
        data.pop("_row", None)
        if quirks:
            data["panel_quirks"] = quirks
        slug = slugify(data["name"])
        if slug in names:
            reader.warn(start, f"a second panel named '{data['name']}'; skipped")
            continue
        names.add(slug)
        plan.files[f"{slug}.yaml"] = dump_entry(_ordered(data))
    title = lines[0].removeprefix("# ").strip() if lines and lines[0].startswith("# ") else None
    plan.others[TEMPLATE] = _frame(reader, heads[0], after, rows, len(panels))
    settings = "layout: panel\n" + (f"title: {_yaml_text(title)}\n" if title else "")
    plan.others[SETTINGS] = settings
    plan.diagnostics = sorted(reader.diagnostics)
    return plan


def _entry(data: dict[str, Any]) -> Entry | None:
    """The entry a panel's data makes, or None when it is not valid (check will say why)."""
    public = {k: v for k, v in data.items() if not k.startswith("_")}
    if data["_quirks"]:
        public["panel_quirks"] = data["_quirks"]
    try:
        return Entry.model_validate(public)
    except ValidationError:
        return None


def _compare(
    reader: _Reader, panels: list[tuple[int, dict[str, Any]]], heads: list[int], after: int
) -> None:
    """Warn where a panel, the index or the timeline will be written back other than it is."""
    lines = reader.lines
    made: list[Entry] = []
    for n, (start, data) in enumerate(panels):
        entry = _entry(data)
        if entry is None:
            continue
        made.append(entry)
        end = heads[n + 1] if n + 1 < len(heads) else after
        _first_difference(reader, start, lines[start:end], panel_text(entry, n + 1), "the panel")
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


def _first_difference(reader: _Reader, start: int, have: list[str], text: str, what: str) -> None:
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


def _yaml_text(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def _orders(reader: _Reader, panels: list[tuple[int, dict[str, Any]]], rows: list[Row]) -> None:
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
