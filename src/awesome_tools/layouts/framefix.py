"""A hand-written README frame made lint-clean on import: a blank line around each heading,
list, code block, table and generated part, never two in a row (what markdownlint asks of it
and older hand-kept READMEs break), each change said at its line."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from markdown_it import MarkdownIt

# A line markdownlint counts as blank: nothing but HTML comments, `>` and whitespace.
_COMMENT = re.compile(r"<!--.*?-->")
# The top-level blocks markdownlint wants a blank line around: what a message calls them, rule.
_BLOCKS = {
    "heading_open": ("heading", "MD022 blanks-around-headings"),
    "bullet_list_open": ("list", "MD032 blanks-around-lists"),
    "ordered_list_open": ("list", "MD032 blanks-around-lists"),
    "fence": ("code block", "MD031 blanks-around-fences"),
    "table_open": ("table", "MD058 blanks-around-tables"),
}
_CODE = frozenset({"fence", "code_block"})
_PLACEHOLDER = re.compile(r"\{\{ (?P<name>\w+) \}\}")


@dataclass(frozen=True)
class FrameLine:
    """A line of the frame and the source lines (0-based) it stands for: one line, or the
    first and last line of a generated part that a placeholder replaced."""

    text: str
    first: int
    last: int


def is_blank(text: str) -> bool:
    return not _COMMENT.sub("", text).replace(">", "").strip()


def _spans(texts: list[str], placeholders: Collection[str]) -> list[tuple[int, int, str, str]]:
    """The blocks that want blank lines around: (first line, end line, what, why)."""
    tokens = MarkdownIt("commonmark").enable("table").parse("\n".join(texts))
    spans = []
    for token in tokens:
        if token.level == 0 and token.map and token.type in _BLOCKS:
            start, end = token.map
            while end > start + 1 and not texts[end - 1].strip():
                end -= 1  # a list's or a table's trailing blank lines are not its own
            spans.append((start, end, *_BLOCKS[token.type]))
    for n, text in enumerate(texts):
        match = _PLACEHOLDER.fullmatch(text)
        if match and match["name"] in placeholders:
            why = "a generated part is a block of its own"
            spans.append((n, n + 1, f"generated {match['name']}", why))
    return sorted(spans)


def _code_lines(texts: list[str]) -> set[int]:
    """The lines inside code blocks, where blank lines are the code's own."""
    tokens = MarkdownIt("commonmark").parse("\n".join(texts))
    return {n for t in tokens if t.type in _CODE and t.map for n in range(*t.map)}


# A panel links its paper from its badge and again as its figure's source, by design: the
# packaged frame and upstream's generated one turn awesome-lint's double-link off for that.
DOUBLE_LINK_OFF = "<!--lint disable double-link-->"
_DOUBLE_LINK = re.compile(r"<!--\s*lint\s+disable\b[^>]*\bdouble-link\b")


def links_twice(readme: str) -> bool:
    """Say whether a README has a Markdown link to one address twice (what awesome-lint's
    double-link rule reports)."""
    seen: set[str] = set()
    for token in MarkdownIt("commonmark").parse(readme):
        for child in token.children or []:
            href = child.attrs.get("href") if child.type == "link_open" else None
            if isinstance(href, str):
                if href in seen:
                    return True
                seen.add(href)
    return False


def double_link_off(
    lines: list[FrameLine], *, readme: str | None = None
) -> tuple[list[FrameLine], list[tuple[int, str]]]:
    """The frame with awesome-lint's double-link rule turned off under its title, as upstream's
    generated frame does, where no comment turns the rule off already and the README links an
    address twice (`readme` None: take it that it does). The README is parsed only when the
    frame has no such comment."""
    if not lines or any(_DOUBLE_LINK.search(line.text) for line in lines):
        return lines, []
    if readme is not None and not links_twice(readme):
        return lines, []
    at = 1 if lines[0].text.startswith("# ") else 0
    where = lines[at - 1].last if at else lines[0].first
    note = (
        f"{DOUBLE_LINK_OFF} added {'under the title' if at else 'at the top'}: the README "
        "links an address twice, which awesome-lint's double-link rule reports"
    )
    added = FrameLine(DOUBLE_LINK_OFF, where, where)
    return [*lines[:at], added, *lines[at:]], [(where, note)]


def tidy_frame(
    lines: list[FrameLine], placeholders: Collection[str]
) -> tuple[list[FrameLine], list[tuple[int, str]]]:
    """The frame with the blank lines markdownlint asks for, and a note per change: the source
    line (0-based) and what changed there."""
    texts = [line.text for line in lines]
    inserts: set[int] = set()
    notes: list[tuple[int, str]] = []
    for start, end, what, why in _spans(texts, placeholders):
        if start > 0 and not is_blank(texts[start - 1]) and start not in inserts:
            inserts.add(start)
            notes.append((lines[start].first, f"blank line added before this {what} ({why})"))
        if end < len(texts) and not is_blank(texts[end]) and end not in inserts:
            inserts.add(end)
            notes.append((lines[end - 1].last, f"blank line added after this {what} ({why})"))
    code = _code_lines(texts)
    out: list[FrameLine] = []
    for n, line in enumerate(lines):
        if n in inserts:
            out.append(FrameLine("", line.first, line.first))
        blank = not line.text.strip()
        if blank and n not in code and out and not out[-1].text.strip():
            why = "MD012 no-multiple-blanks"
            notes.append((line.first, f"a second blank line in a row is dropped ({why})"))
            continue
        out.append(line)
    return out, sorted(notes, key=lambda note: note[0])
