"""What the table layout's README rules look at: the README parsed, what render would make of
the entries, and where a message points the contributor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from awesome_tools.core.blocks import Document
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.layouts.readme import ReadmeContext
from awesome_tools.layouts.table.rules import HTML_PARSE

if TYPE_CHECKING:
    from awesome_tools.layouts.drift import Part


@dataclass
class Context(ReadmeContext):
    """The README as the table's rules read it: its model blocks, parsed once."""

    document: Document
    # The expected text's parts when drift needs them all, maybe from another process.
    expected_outline: Callable[[], list[Part]] | None = field(default=None, kw_only=True)
    # Whether drift may parse only the window of the expected text around the differences
    # (`--no-shortcut`: never).
    shortcuts: bool = field(default=True, kw_only=True)


def unreadable(path: str, document: Document, tail: str) -> Diagnostic:
    """Where the README stops being readable HTML, and what is left unchecked (`tail`)."""
    found = document.unreadable
    assert found is not None
    return HTML_PARSE.at(path, found.line, found.column, found.message(tail))
