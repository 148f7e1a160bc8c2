"""Which headings of a README are its panels, at the level it writes them (`##` or `###`).

A panel heading is `## **Name: Title**` or `### **Name: Title**`, followed by a panel's parts
(badges, a figure, the release line or the deep dive's "More Information"). The README's level
is the one most of those headings have; `###` (the layout's own) unless `##` has more. At that
level every bold heading from the first panel on is a panel, as a panel may be only a heading
and a summary; a bold heading at the other level is a panel only with a panel's parts. Every
other bold heading, and any heading followed by a panel's parts that is not a panel heading,
is reported: import never leaves a panel behind without saying so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from awesome_tools.layouts.panel.parts import (
    BADGE,
    DEFAULT_LEVEL,
    FIGURE_OPEN,
    HEADING,
    MORE,
    RELEASED,
    SECTION,
)

if TYPE_CHECKING:
    from awesome_tools.core.blockread import Parsed


@dataclass(frozen=True)
class Heads:
    """A README's panel headings: their level, their lines, and the headings left out."""

    level: int = DEFAULT_LEVEL
    lines: list[int] = field(default_factory=list)  # line indexes, in order
    # Headings that are not panels: (line index, whether a panel's parts follow it).
    left: list[tuple[int, bool]] = field(default_factory=list)


def _headings(lines: list[str], parsed: Parsed | None) -> dict[int, int]:
    """Each heading's line index and level, as markdown-it reads them (not in a code block)."""
    from awesome_tools.core.blockread import parse_blocks

    found: dict[int, int] = {}
    # The block structure is all it takes: the inline parse is most of the time, and unused.
    for token in (parsed or parse_blocks("\n".join(lines))).tokens:
        if token.type == "heading_open" and token.map:
            found[token.map[0]] = int(token.tag[1])
    # A panel heading is a line of its own to the panel reader, which reads lines.
    for i, line in enumerate(lines):
        heading = HEADING.match(line)
        if heading:
            found[i] = len(heading["hashes"])
    return found


def _has_parts(lines: list[str], start: int, stop: int) -> bool:
    """Say whether the lines under a heading hold a panel's parts."""
    for line in lines[start + 1 : stop]:
        text = line.strip()
        if BADGE.search(text) or FIGURE_OPEN.match(text) or RELEASED.match(text):
            return True
        if text.startswith((MORE, "<img ", '<p align="center">')):
            return True
    return False


def _is_bold(line: str) -> bool:
    text = line.lstrip(" ").lstrip("#").strip()
    return len(text) > 4 and text.startswith("**") and text.endswith("**")


def find_heads(lines: list[str], parsed: Parsed | None = None) -> Heads:
    """The panel headings of a README, at its level, and the headings that are not panels.

    `parsed` is the parse of the lines joined by LF, where the caller has it already.
    """
    headings = _headings(lines, parsed)
    order = sorted(headings)
    ends = {i: (order[n + 1] if n + 1 < len(order) else len(lines)) for n, i in enumerate(order)}
    parts = {i: _has_parts(lines, i, ends[i]) for i in order}
    candidates = [i for i in order if HEADING.match(lines[i])]
    with_parts = [i for i in candidates if parts[i]]
    twos = sum(1 for i in with_parts if headings[i] == 2)
    level = 2 if twos > len(with_parts) - twos else DEFAULT_LEVEL
    first = with_parts[0] if with_parts else len(lines)
    taken = [
        i
        for i in candidates
        if parts[i] or (headings[i] == level and (level == DEFAULT_LEVEL or i > first))
    ]
    chosen = set(taken)
    left = [
        (i, parts[i])
        for i in order
        if i not in chosen and (_is_bold(lines[i]) or (parts[i] and headings[i] > 1))
    ]
    return Heads(level, taken, left)


def panels_end(lines: list[str], heads: list[int]) -> int:
    """The index after the panels: the next `## ` heading after the last panel, not a panel;
    or the line after the last panel's `</details>` when text follows it before that heading.

    Nothing of a panel follows its deep dive: what does is the frame's (upstream's README of
    March 2024 ends with its references under a bold line, no heading).
    """
    if not heads:
        return len(lines)
    chosen = set(heads)
    end = next(
        (i for i in range(heads[-1], len(lines)) if SECTION.match(lines[i]) and i not in chosen),
        len(lines),
    )
    close = next(
        (i for i in range(heads[-1], end) if lines[i].strip().startswith("</details>")), None
    )
    if close is not None and any(line.strip() for line in lines[close + 1 : end]):
        return close + 1
    return end


def heads_notes(heads: Heads, lines: list[str]) -> list[tuple[int, str, bool]]:
    """What import says of the headings it leaves out: (line index, message, is an error).

    Each is a warning on its line; when most headings followed by a panel's parts are not
    panels, the first of them is also an error, so that such an import writes nothing.
    """
    shape = "`## **Name: Title**` or `### **Name: Title**`"
    notes: list[tuple[int, str, bool]] = []
    for i, with_parts in heads.left:
        shown = lines[i].strip()[:60]
        if with_parts:
            why = f"is followed by a panel's parts, but a panel heading is {shape}"
        else:
            why = "is not followed by a panel's badges, figure, release line or deep dive"
        notes.append((i, f"heading '{shown}' {why}: not imported as a panel", False))
    lost = [i for i, with_parts in heads.left if with_parts]
    if len(lost) > len(heads.lines):
        message = (
            f"{len(lost)} headings followed by a panel's parts are not panel headings "
            f"(panel headings: {len(heads.lines)}): their panels would be lost; "
            f"write them as {shape}"
        )
        notes.append((lost[0], message, True))
    return notes


def panel_headings(lines: list[str], heads: list[int]) -> list[tuple[int, str]]:
    """Each panel's heading: (line index, title)."""
    found = []
    for i in heads:
        heading = HEADING.match(lines[i])
        if heading:
            found.append((i, heading["title"]))
    return found


def panel_region(lines: list[str], panels: list[tuple[int, str]]) -> range:
    """The lines of the panels: from the first heading to the next `## ` section."""
    if not panels:
        return range(0)
    return range(panels[0][0], panels_end(lines, [i for i, _ in panels]))


def at_level(line: str, level: int) -> bool:
    """Say whether a line is a heading at the panels' level (`###` or deeper for `###`)."""
    hashes = "#" * level
    return line.startswith(hashes) and (level == 3 or not line.startswith(hashes + "#"))


def title_owners(panels: list[tuple[int, str]]) -> dict[str, int]:
    """Each name a timeline row may give, to the first panel it names.

    A row names a panel by the heading's whole text or by any part of it before a ': ' (the
    first such part is the model's name): one look-up per row instead of a scan of every panel,
    which made the rule quadratic (50 million comparisons at 10,000 panels).
    """
    owners: dict[str, int] = {}
    for k, (_, title) in enumerate(panels):
        owners.setdefault(title, k)
        colon = title.find(": ")
        while colon != -1:
            owners.setdefault(title[:colon], k)
            colon = title.find(": ", colon + 1)
    return owners
