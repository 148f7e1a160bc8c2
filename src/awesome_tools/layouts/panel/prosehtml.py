"""Inline HTML in an imported deep dive, made Markdown where it means text.

A hand-written deep dive sometimes spells a code span as `<code>[SEG]</code>`, or names tags
it means as text, `(<SUMMARY>, <CAPTION>)`, which GitHub hides as unknown or misplaced markup.
Import writes the first as a code span (`` `[SEG]` ``) and the second as text (`\\<CAPTION>`),
each a warning on its line, so that the deep dive shows what its author wrote and the rendered
README passes markdownlint's no-inline-html. Every other tag is left as written. markdown-it
decides what is inline HTML: a paragraph is changed only where the tags found here are exactly
the inline HTML markdown-it finds in it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt

# CommonMark's open and closing tags (spec 6.6), by name; attribute values quoted or bare.
_ATTRIBUTE = r"""\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?"""
TAG = re.compile(rf"<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:{_ATTRIBUTE})*\s*/?>")
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
# Elements with no closing tag: never text left open.
VOID = frozenset({"br", "img", "wbr", "hr", "input", "source", "area", "col", "embed"})


@dataclass(frozen=True)
class Change:
    """One rewrite: its line (0-based, within the prose), its column (1-based), what was done."""

    line: int
    column: int
    message: str


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


def _inline_html(paragraph: str) -> list[str]:
    """The inline HTML markdown-it finds in a paragraph, in order."""
    found = []
    for token in _parser().parse(paragraph):
        found += [c.content for c in token.children or [] if c.type == "html_inline"]
    return found


def _code_span(text: str) -> str:
    """Text as a code span: a fence longer than any run of backticks in it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _tags(paragraph: str) -> list[re.Match[str]]:
    """The tags of a paragraph outside its code spans."""
    spans = [m.span() for m in CODE_SPAN.finditer(paragraph)]
    return [
        m
        for m in TAG.finditer(paragraph)
        if not any(start <= m.start() < end for start, end in spans)
    ]


def _rewrites(paragraph: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, replacement, what) for each tag of a paragraph that means text."""
    tags = _tags(paragraph)
    if [m.group(0) for m in tags] != _inline_html(paragraph):
        return
    skip: set[int] = set()
    for n, tag in enumerate(tags):
        if n in skip or tag["close"]:
            continue
        name = tag["name"].lower()
        closing = next(
            (k for k in range(n + 1, len(tags)) if tags[k]["name"].lower() == name),
            None,
        )
        if name == "code" and closing is not None and tags[closing]["close"]:
            inner = paragraph[tag.end() : tags[closing].start()]
            if "<" not in inner and "\n" not in inner and inner.strip():
                skip.add(closing)
                span = _code_span(html.unescape(inner))
                yield tag.start(), tags[closing].end(), span, f"written as the code span {span}"
            continue
        if name not in VOID and closing is None and not tag.group(0).endswith("/>"):
            text = "\\" + tag.group(0)
            yield (
                tag.start(),
                tag.start() + 1,
                "\\<",
                f"'{tag.group(0)}' never closes: shown as text ({text})",
            )


def normalise(prose: str) -> tuple[str, list[Change]]:
    """The prose with its text-meaning tags rewritten, and each change by its line."""
    out: list[str] = []
    changes: list[Change] = []
    line = 0
    for block in re.split(r"(\n[ \t]*\n)", prose):
        if block.strip() and not block.lstrip().startswith(("<", "    ", "\t", "```", "~~~")):
            done, last = [], 0
            for start, end, replacement, what in _rewrites(block):
                done += [block[last:start], replacement]
                last = end
                column = start - block.rfind("\n", 0, start)
                changes.append(Change(line + block.count("\n", 0, start), column, what))
            block = "".join(done) + block[last:]
        out.append(block)
        line += block.count("\n")
    return "".join(out), changes
