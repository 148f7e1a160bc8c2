"""Panel text that cannot open or close a block: plain text escaped, a deep dive checked.

A panel's parts are one blank line apart, so each part is its own run of blocks, and one that
never closes (a code fence, an HTML block of CommonMark's kinds 1-5, §4.6) runs over every
later panel. markdown-it-py (CommonMark, with GitHub's tables) decides, not a list of patterns:

- plain text at a line's start (the summary, the authors' lines) whose line markdown-it reads
  as anything but paragraph text gets that line's first character as a numeric character
  reference (`&#96;`), which CommonMark reads as text (§2.5); import decodes it back;
- the deep dive, Markdown the contributor writes, is parsed where it lands (inside the panel's
  `<details>`, before its `</details>` and the next heading): a block that runs past its end,
  or a `<details>`/`</details>` of its own, is `deep-dive-block` at the field.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# What the deep dive is parsed between: the panel's fold, and the next panel's heading.
_BEFORE = ["<details>", "<summary>More Information</summary>", ""]
_AFTER = ["", "</details>", "", "### **Next: panel**"]
DETAILS_TAG = re.compile(r"</?details(?=[\s/>]|$)", re.IGNORECASE)
# Where a block that can outlast the fold may start: a fence (``` or ~~~) or an HTML block (<)
# at a line's start, after any list or quote markers; indented code at a space or tab there.
# Every other block ends at the blank line before the fold's </details>; text that matches
# neither this nor DETAILS_TAG is not parsed.
MAY_OUTLAST = re.compile(r"^[ \t>*+\-0-9.)]*(?:```|~~~|<)|^[ \t]", re.MULTILINE)


@cache
def markdown() -> MarkdownIt:
    """CommonMark with GitHub's tables: the block structure GitHub gives a README."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


@cache
def blocks() -> MarkdownIt:
    """The same, block structure only (the inline parse is most of the time, and unused)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])


def _offender(tokens: list[Token], lines: list[str]) -> int | None:
    """The first line that starts a top-level block other than paragraph text, or None.

    A setext heading's culprit is its underline, a table's its delimiter row; a link reference
    definition leaves no token, so a line no paragraph covers is one too.
    """
    covered: set[int] = set()
    for token in tokens:
        if token.level != 0 or token.map is None or token.nesting == -1:
            continue
        start, end = token.map
        if token.type == "paragraph_open":
            covered.update(range(start, end))
        elif token.type == "heading_open" and token.markup in ("=", "-"):
            return end - 1
        elif token.type == "table_open":
            return start + 1
        else:
            return start
    return next((n for n, line in enumerate(lines) if line.strip() and n not in covered), None)


def plain_lines(lines: list[str], mine: range) -> list[str]:
    """The lines with each of `mine` (plain text) that would start a block made paragraph text.

    Every CommonMark or table block but a paragraph starts with ASCII punctuation, a digit or
    a space (a table's header row is caught at its delimiter row): when each of `mine` starts
    with a letter (or is blank), none of them can be the first line that starts a block, so the
    lines are returned as they are, unparsed. The other lines are the layout's own (badges).
    """
    if all(lines[n][:1].isalpha() or not lines[n] for n in mine):
        return lines
    out = list(lines)
    for _ in range(len(out)):
        at = _offender(blocks().parse("\n".join(out)), out)
        if at is None or at not in mine:
            break
        line = out[at]
        indent = len(line) - len(line.lstrip(" "))
        if indent >= len(line) or indent > 3 or line[indent:].startswith("&#"):
            break  # nothing (more) a reference can make text on this line
        out[at] = f"{line[:indent]}&#{ord(line[indent])};{line[indent + 1 :]}"
    return out


def plain_text(text: str) -> str:
    """One part of plain text (a summary) that markdown-it reads as paragraph text only."""
    lines = text.split("\n")
    return "\n".join(plain_lines(lines, range(len(lines))))


def kind(token: Token) -> str:
    if token.type == "fence":
        return f"code fence ({token.markup[:3]})"
    if token.type == "html_block":
        opening = token.content.lstrip().split("\n", 1)[0][:20]
        return f"HTML block ('{opening}', CommonMark §4.6)"
    if token.type == "code_block":
        return "indented code block"
    return token.type.removesuffix("_open").replace("_", " ")


def deep_dive_problem(text: str) -> tuple[int, str] | None:
    """Where (0-based line of the text) and how a deep dive's Markdown breaks its panel.

    None when the deep dive parses, inside the panel's fold, to blocks that all end before the
    fold's `</details>` and hold no `<details>` or `</details>` of their own.
    """
    # What both patterns need, found without a regex: `<`, a fence, or a space or tab at a line's
    # start.
    marks = ("<", "```", "~~~", "\n ", "\n\t")
    if text[:1] not in (" ", "\t") and not any(mark in text for mark in marks):
        return None
    if not MAY_OUTLAST.search(text) and not DETAILS_TAG.search(text):
        return None
    return parsed_problem(text)


def parsed_problem(text: str) -> tuple[int, str] | None:
    """`deep_dive_problem` decided by markdown-it alone, for every text (no regex first)."""
    body = text.split("\n")
    lines = [*_BEFORE, *body, *_AFTER]
    first, close = len(_BEFORE), len(_BEFORE) + len(body) + 1
    tokens = markdown().parse("\n".join(lines))
    for token in tokens:
        if token.map is None or not first <= token.map[0] < close - 1:
            continue
        start, end = token.map
        if token.level == 0 and token.type == "code_block":
            # The panel lint's html-block-break: inside the fold, GitHub ends the HTML there.
            return start - first, (
                "is indented 4 spaces after a blank line: GitHub ends the fold's HTML there and "
                "shows it as a code block (use a fenced code block, or indent less)"
            )
        if token.level == 0 and end > close:
            what = kind(token)
            article = "an" if what[0] in "aeiouhH" else "a"
            return (
                start - first,
                f"opens {article} {what} that does not close before the panel's end",
            )
        html = [child.content for child in token.children or [] if "html" in child.type]
        found = token.content if token.type == "html_block" else " ".join(html)
        tag = DETAILS_TAG.search(found)
        if tag is not None:
            return start - first, f"holds '{tag[0]}>': the panel's fold is its own"
    return None
