"""The list layout's shapes, read and written alike: the entry line, the category headings and
the list groups, and a README read into them (one block parse, markdown-it's).

An entry is one line, `- [Name](https://...) - Summary.` (the summary may be left out). A
category is a heading with an entry in its part of the README (a `##` heading and everything
under it), or a heading under such a one, or a list item of plain text whose deeper items are
entries (`- Promises` with `\t- [p-map](...) - ...` under it): its name is the path of heading
and group texts from the `##` heading down, joined by ` / ` (`Packages / Control flow /
Promises`), so that two `### Miscellaneous` under two `##` headings are two categories.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from markdown_it import MarkdownIt

from awesome_tools.core.normalize import canonical_text

# Between category names in a path: `Packages / Mad science`.
SEPARATOR = " / "
# The entry line: the name (link text, Markdown), an http(s) link (in `<...>` when it is not
# balanced in parentheses), the summary (Markdown).
_HTTP = r"[Hh][Tt][Tt][Pp][Ss]?://"
_BARE = r"[^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*"
ENTRY = re.compile(
    r"(?P<indent>[ \t]*)- \[(?P<name>(?:\\.|[^\\\[\]])+)\]"
    rf"\((?P<dest><{_HTTP}[^<>\n]*>|{_HTTP}{_BARE})\)"
    r"(?: - (?P<summary>\S.*?))?[ \t]*"
)
# A list item (any bullet) and its text.
ITEM = re.compile(r"(?P<indent>[ \t]*)[-*+][ \t]+(?P<text>.*?)[ \t]*")
# A list item that holds a link: meant as an entry, whatever its shape.
LINKED = re.compile(r"[ \t]*[-*+][ \t]+.*\]\(")
_ATX = re.compile(r" {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*")
_INERT = frozenset({"fence", "code_block", "html_block"})
# The block parse alone: where code, HTML and headings are needs no inline parse (four fifths of
# the time of a whole one).
_BLOCKS = MarkdownIt("commonmark").enable("table").disable("inline")


@dataclass(frozen=True)
class Line:
    """An entry line of a README: where it is (0-based), its category and its parts."""

    index: int
    category: str | None
    indent: str
    name: str
    url: str
    summary: str | None


@dataclass(frozen=True)
class Heading:
    """A heading line (0-based), its level and text; its category name when it is one."""

    index: int
    level: int
    text: str
    category: str | None = None


@dataclass
class Shape:
    """A README read into the list layout's parts."""

    lines: list[str]
    headings: list[Heading] = field(default_factory=list)
    entries: list[Line] = field(default_factory=list)
    # The categories in README order, each a heading's or a list group's, with its line.
    categories: list[tuple[str, int]] = field(default_factory=list)
    # Lines inside a category's part that hold a link but are not entry lines, with the reason.
    strays: list[tuple[int, str]] = field(default_factory=list)
    # Entry lines nested under another entry (not entries: kept as frame text).
    nested: list[int] = field(default_factory=list)


def width(indent: str) -> int:
    """The column an indent reaches, tabs to the next multiple of 4 (CommonMark's)."""
    return len(indent.expandtabs(4))


def entry_line(name: str, url: str, summary: str | None, indent: str) -> str:
    """The text of an entry line: brackets in the name escaped, a link that is not balanced in
    parentheses in `<...>`."""
    shown = name.replace("[", "\\[").replace("]", "\\]")
    dest = url if re.fullmatch(_BARE, url) else f"<{url}>"
    return f"{indent}- [{shown}]({dest})" + (f" - {summary}" if summary else "")


def entry_parts(line: str) -> Line | None:
    """An entry line's parts as an entry holds them (the name's brackets unescaped, the link
    out of its `<...>`), or None when it is not an entry line; index and category unknown."""
    found = ENTRY.fullmatch(line)
    if found is None:
        return None
    name = found["name"].replace("\\[", "[").replace("\\]", "]")
    dest = found["dest"]
    url = dest[1:-1] if dest.startswith("<") else dest
    return Line(-1, None, found["indent"], name, url, found["summary"])


def _inert_and_headings(text: str) -> tuple[set[int], dict[int, int]]:
    """The lines markdown-it reads inside code and HTML blocks, and the ATX heading lines with
    their levels (a setext heading is text to this layout)."""
    inert: set[int] = set()
    headings: dict[int, int] = {}
    for token in _BLOCKS.parse(text):
        if token.map is None:
            continue
        if token.type in _INERT:
            inert.update(range(*token.map))
        elif token.type == "heading_open" and token.markup.startswith("#"):
            headings[token.map[0]] = int(token.tag[1])
    return inert, headings


def _stray_reason(text: str) -> str:
    item = ITEM.fullmatch(text)
    if item is None or not text.lstrip().startswith("-"):
        return "a hyphen bullet, '- ', starts an entry line"
    if not re.match(r"\[[^\]]*\]\([Hh][Tt][Tt][Pp][Ss]?://", item["text"]):
        return "an entry line's link goes to an http(s) address"
    return "after its link an entry line has nothing, or ' - ' and its summary"


class _Walk:
    """The running heading path and list groups while the lines are read."""

    def __init__(self) -> None:
        self.heads: list[tuple[int, str]] = []  # (level, text) of the open headings
        self.items: list[tuple[int, str | None]] = []  # (width, group text or None: an entry)

    def heading(self, level: int, text: str) -> None:
        while self.heads and self.heads[-1][0] >= level:
            self.heads.pop()
        self.heads.append((level, text))
        self.items = []

    def path(self) -> str | None:
        """The category here: the heading and group texts from the `##` heading down."""
        parts = [text for level, text in self.heads if level > 1]
        parts += [text for _, text in self.items if text is not None]
        # As categories.yaml and an entry's `category` read it: spaces collapsed.
        return canonical_text(SEPARATOR.join(parts)) if parts else None

    def item(self, at: int) -> bool:
        """Close the items at this width or deeper; say whether an entry holds this one."""
        while self.items and self.items[-1][0] >= at:
            self.items.pop()
        return any(text is None for _, text in self.items)


def read_shape(text: str) -> Shape:
    """Read README text into headings, entry lines and categories (see the module's doc)."""
    lines = text.split("\n")
    inert, levels = _inert_and_headings(text)
    shape = Shape(lines)
    walk = _Walk()
    for index, line in enumerate(lines):
        if index in inert:
            continue
        if index in levels:
            found = _ATX.fullmatch(line)
            heading_text = (found["text"] or "") if found else line.strip("# ")
            walk.heading(levels[index], heading_text)
            category = walk.path() if levels[index] > 1 else None
            shape.headings.append(Heading(index, levels[index], heading_text, category))
            continue
        entry = entry_parts(line)
        item = ITEM.fullmatch(line)
        if item is None:
            continue
        nested = walk.item(width(item["indent"]))
        if entry is not None and not nested:
            walk.items.append((width(entry.indent), None))
            shape.entries.append(replace(entry, index=index, category=walk.path()))
        elif entry is not None:
            shape.nested.append(index)
            walk.items.append((width(item["indent"]), None))
        elif LINKED.match(line):
            shape.strays.append((index, _stray_reason(line)))
            walk.items.append((width(item["indent"]), None))
        else:
            walk.items.append((width(item["indent"]), item["text"]))
    _categories(shape)
    return shape


def _categories(shape: Shape) -> None:
    """Keep as categories the headings and groups of each `##` part that holds an entry."""
    roots = [h for h in shape.headings if h.level <= 2]
    lines = [e.index for e in shape.entries]  # in order
    inside = [False] * len(shape.lines)  # the lines of the `##` parts with an entry
    for n, root in enumerate(roots):
        end = roots[n + 1].index if n + 1 < len(roots) else len(shape.lines)
        first = bisect.bisect_right(lines, root.index)
        if root.level == 2 and first < len(lines) and lines[first] < end:
            inside[root.index : end] = [True] * (end - root.index)
    shape.headings = [
        h if inside[h.index] else Heading(h.index, h.level, h.text) for h in shape.headings
    ]
    shape.strays = [s for s in shape.strays if inside[s[0]]]
    shape.entries = [
        e if e.category is None or inside[e.index] else replace(e, category=None)
        for e in shape.entries
    ]
    seen: dict[str, int] = {}
    for heading in shape.headings:
        if heading.category is not None:
            seen.setdefault(heading.category, heading.index)
    for entry in shape.entries:
        if entry.category is not None:
            seen.setdefault(entry.category, entry.index)
    shape.categories = sorted(seen.items(), key=lambda pair: pair[1])
