"""`html-block-break`, the one check both layouts run: a Markdown block that a blank line lets
start inside an open `<details>`, where GitHub stops reading the HTML.

Indented code (four spaces after a blank line) or a paragraph of table tags there is an
accident: GitHub shows the rest of the block as a code block or as text. A fenced code block is
one too where the block is HTML throughout (a table layout's model block); where the layout
writes Markdown inside `<details>` (a panel's deep dive), a fence is code written as code.
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_tools.core.blocks import Document
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.layouts.rules import HTML_BLOCK_BREAK


def html_block_breaks(
    path: str, document: Document, *, fences_are_code: bool
) -> Iterator[Diagnostic]:
    """Each break of the document, at its line; a fence only unless `fences_are_code`."""
    for brk in document.breaks:
        if brk.fenced and fences_are_code:
            continue
        message = (
            f"a blank line before this line ends the HTML block: GitHub shows what follows as a "
            f"{brk.kind}; remove the blank line or indent less than 4 spaces"
        )
        yield HTML_BLOCK_BREAK.at(path, brk.line, 1, message)
