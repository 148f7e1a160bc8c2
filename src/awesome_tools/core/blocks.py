"""A README's block structure as data: `<details>` blocks, their summaries, figures and tables,
the breaks GitHub would make, and where the parsers are at rest (read by `blockread.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from awesome_tools.core.normalize import canonical_text

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
TABLE_TAGS = re.compile(r"</?(?:table|thead|tbody|tr|td|th)\b", re.IGNORECASE)


@dataclass
class Link:
    """An `<a>` inside a cell."""

    href: str | None
    line: int
    column: int
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return canonical_text("".join(self.parts))


@dataclass
class Cell:
    """A `<th>` or `<td>` with its text, its links and the text outside them."""

    line: int
    column: int
    parts: list[str] = field(default_factory=list)
    outside_parts: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    @cached_property  # read by several rules, once the parse is done
    def text(self) -> str:
        return canonical_text("".join(self.parts))

    @property
    def outside(self) -> str:
        return canonical_text("".join(self.outside_parts))


@dataclass
class Table:
    """A `<table>`: header cells and body rows."""

    line: int
    column: int
    headers: list[Cell] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)


@dataclass
class Figure:
    """An image inside a block, from `<img>` or Markdown `![alt](src)`."""

    src: str
    alt: str
    line: int
    column: int


@dataclass
class Block:
    """A `<details>` element: a section when it holds other blocks, else a model."""

    line: int
    column: int
    open: bool
    parent: Block | None = None
    end_line: int | None = None
    summaries: list[tuple[int, int]] = field(default_factory=list)
    summary_parts: list[str] = field(default_factory=list)
    children: list[Block] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    section: str | None = None
    anchor: str | None = None

    @cached_property  # read by several rules, once the parse is done
    def summary(self) -> str:
        return canonical_text("".join(self.summary_parts))

    @property
    def is_model(self) -> bool:
        return not self.children


@dataclass
class Break:
    """A Markdown block inside an open `<details>`: GitHub stops reading HTML there."""

    line: int
    kind: str
    fenced: bool = False  # a fenced code block (``` or ~~~), not indented code


@dataclass(frozen=True)
class Unreadable:
    """Markup the HTML parser failed on: where it starts and its first characters."""

    line: int
    column: int
    markup: str

    def message(self, after: str) -> str:
        """Say what cannot be read, how to fix it, and what `after` is left undone."""
        return (
            f"the HTML reader cannot read '{self.markup}': it is neither a tag nor a comment; "
            f"write a literal '<' as &lt; or remove it ({after})"
        )


@dataclass
class Document:
    """Everything the importer and the linter need to know about a README."""

    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # tables outside any block
    breaks: list[Break] = field(default_factory=list)
    stray_closes: list[tuple[int, int]] = field(default_factory=list)
    unclosed: list[Block] = field(default_factory=list)
    # Where the HTML parser gave up and what stands there; nothing after it was read.
    unreadable: Unreadable | None = None
    # The 0-based lines where a top-level Markdown block starts with nothing open before it:
    # no block of either parser runs on across the line above, so the text from there on reads
    # the same alone (lint cuts a README only at such lines: awesome_tools.layouts.table.lintpart).
    rests: set[int] = field(default_factory=set)
    # Whether the text ends so that nothing can run on into a line that follows: its last line
    # is blank and in no block (an unclosed fence or raw HTML block holds it), the last block is
    # not indented code (an indented line would go on with it), and the HTML reader holds nothing.
    settled: bool = False

    @property
    def models(self) -> list[Block]:
        return [b for b in self.blocks if b.is_model]
