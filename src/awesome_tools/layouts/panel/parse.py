"""One panel of a panel README to entry data, and the release timeline's rows."""

from __future__ import annotations

import re
from typing import Any

from awesome_tools.core.figureshape import FIGURE_KEYS
from awesome_tools.core.normalize import canonical_text
from awesome_tools.layouts.importplan import import_note
from awesome_tools.layouts.panel.parsemeta import read_meta
from awesome_tools.layouts.panel.parts import (
    BADGE,
    CAPTION,
    DETAILS,
    FIGURE_CLOSE,
    FIGURE_OPEN,
    HEADING,
    IMAGE,
    MORE,
    NOTE,
    RELEASED,
    ROW,
    TIMELINE_HEADER,
    split_title,
)
from awesome_tools.layouts.panel.prosehtml import normalise
from awesome_tools.layouts.panel.reader import Reader, Row

BARE_IMAGE = re.compile(r'<img\s[^>]*?src="(?P<src>[^"]+)"')
ALT = re.compile(r'\salt="([^"]*)"')
WIDTH = re.compile(r'\swidth="?([0-9]+)')


def _figure(reader: Reader, start: int, stop: int, data: dict[str, Any]) -> None:
    """The figure block between its two comment lines."""
    opened = FIGURE_OPEN.match(reader.lines[start])
    if opened:
        data["_marker"] = (start, opened["id"])  # the list's figure_markers decide what it says
    body = [line.rstrip() for line in reader.lines[start + 1 : stop]]
    note = NOTE.match(body[0]) if len(body) == 1 else None
    if note:
        data["_quirks"]["figure_note"] = note["note"]
        return
    found: dict[str, str | None] = {}
    for line in body:
        image = IMAGE.match(line)
        caption = CAPTION.match(line)
        if image:
            found.update(file=image["src"], alt=image["alt"] or f"{data['name']} architecture")
            if not image["alt"]:
                reader.warn(start, "figure has no alt text; named after the model")
            found["width"] = image["width"] or None
        if caption:
            found.update(caption=caption["caption"], number=caption["number"])
            found.update(source=caption["source"], page=caption["page"])
    if "file" not in found:
        reader.warn(start, "figure block without an <img> understood; left out")
        return
    data["figure"] = {key: found[key] for key in FIGURE_KEYS if found.get(key) is not None}


def _details(reader: Reader, start: int, end: int, data: dict[str, Any]) -> int:
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
    first = next((k for k in range(i, close) if lines[k].rstrip()), i)
    prose, changes = normalise(prose)
    for change in changes:
        at = (first + change.line + 1, change.column)
        message = f"deep dive: {change.message}"
        reader.diagnostics.append(import_note(reader.path, *at, message))
    if prose:
        data["deep_dive"] = prose
        if lines[close - 1].strip():
            data["_quirks"]["details_tight"] = "yes"
    return close + 1


def _ends_meta(line: str) -> bool:
    """Say whether a line starts what follows the badges: a figure or the deep dive."""
    return bool(FIGURE_OPEN.match(line)) or _opens(line) or line.lstrip().startswith(("<p", "<img"))


def _bare_figure(reader: Reader, start: int, end: int, data: dict[str, Any]) -> int:
    """An older panel's figure, an image with no figure comments; returns the index after it."""
    stop = start
    while stop < end and reader.lines[stop].strip() and not _opens(reader.lines[stop]):
        stop += 1
    block = " ".join(line.strip() for line in reader.lines[start:stop])
    image = BARE_IMAGE.search(block)
    if image is None:
        reader.warn(start, "figure without an <img src> understood; left out")
        return stop
    alt = ALT.search(block)
    figure = {"file": image["src"]}
    figure["alt"] = alt[1] if alt and alt[1].strip() else f"{data['name']} architecture"
    if not (alt and alt[1].strip()):
        reader.warn(start, "figure has no alt text; named after the model")
    width = WIDTH.search(block)
    if width:
        figure["width"] = width[1]
    data["figure"] = figure
    reader.warn(start, "figure is written back in the figure-block shape (with its comments)")
    return stop


def _opens(line: str) -> bool:
    """Say whether a line opens the deep dive (`<details>`, or `<details><br>` as some panels)."""
    return line.strip() in (DETAILS, f"{DETAILS}<br>")


def read_panel(reader: Reader, start: int, end: int, number: int) -> dict[str, Any]:
    lines = reader.lines
    title = HEADING.match(lines[start])
    assert title is not None
    data: dict[str, Any] = {"name": split_title(title["title"]), "title": title["title"]}
    data["_number"] = number
    i = reader.skip_blank(start + 1, end)
    stop = reader.until_blank(i, end)
    # Older panels put the badges on the line after the summary, with no blank line between.
    stop = next((k for k in range(i + 1, stop) if lines[k].lstrip().startswith("[![")), stop)
    if i < end and not lines[i].startswith(("[![", "<!--", DETAILS)):
        # As the schema's Text reads it: a re-import then gives the same file.
        data["summary"] = canonical_text(" ".join(line.strip() for line in lines[i:stop]))
        i = reader.skip_blank(stop, end)
    meta_end = i
    while meta_end < end and not _ends_meta(lines[meta_end]):
        meta_end += 1
    read_meta(reader, i, meta_end, data)
    if "summary" not in data:
        # Said, not made up: check asks for the summary (a warning) and render writes none.
        data["_quirks"]["summary"] = "none"
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
            text = lines[k].strip()[:60]
            reader.warn(
                k, f"panel '{data['name']}': line not part of a panel's shape; dropped: '{text}'"
            )
    _unplaced(reader, start, end, data)
    return data


# A panel's parts that a line shows: what it is, how a line is known, the key the data has when
# it was placed, the fields it holds.
_PARTS: list[tuple[str, Any, str, str]] = [
    ("badge line", BADGE.search, "links", "links, url, and the authors after them"),
    ("release line", RELEASED.match, "_released_line", "released"),
    (
        "figure block",
        FIGURE_OPEN.match,
        "figure",
        "figure.file, figure.alt, figure.caption, figure.source",
    ),
]


def _unplaced(reader: Reader, start: int, end: int, data: dict[str, Any]) -> None:
    """Warn of a part the panel shows that the reader could not place (inside a deep dive that
    opened early, say), naming the panel and the fields it held: never dropped unsaid."""
    deep = data.get("deep_dive", "")
    for what, finds, key, fields in _PARTS:
        if key in data or (key == "figure" and "figure_note" in data["_quirks"]):
            continue
        at = next((k for k in range(start + 1, end) if finds(reader.lines[k].strip())), None)
        if at is None:
            continue
        went = "is read as deep-dive text" if reader.lines[at].strip() in deep else "is dropped"
        message = f"panel '{data['name']}': this {what} {went}; the entry lacks {fields}"
        reader.warn(at, message)


def read_timeline(reader: Reader) -> list[Row]:
    """The release timeline's rows: (line index, date, name, contribution)."""
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
