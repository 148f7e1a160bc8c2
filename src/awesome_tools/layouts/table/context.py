"""What the table layout's README rules look at: the README parsed, what render would make of
the entries, and where a message points the contributor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from awesome_tools.core.blocks import Block, Document
from awesome_tools.core.fixes import CONSOLE, Fixes
from awesome_tools.diagnostics import Diagnostic, Severity
from awesome_tools.layouts.table.rules import HTML_PARSE
from awesome_tools.rule import Rule

Segment = tuple[int, int, Block | None]  # first line, end line (0-based, exclusive), the block


@dataclass
class Context:
    """What the rules look at: the README, and what render would make of the entries."""

    path: str
    text: str
    document: Document
    expected: str | None = None
    entry_files: dict[str, str] = field(default_factory=dict)
    template: str = "templates/README.md.j2"
    fixes: Fixes = CONSOLE
    # The expected text's segments when drift needs them all, maybe from another process.
    expected_outline: Callable[[], list[Segment]] | None = None
    # Whether drift may parse only the window of the expected text around the differences
    # (`--no-shortcut`: never).
    shortcuts: bool = True

    def at(
        self, line: int, column: int, rule: Rule, message: str, severity: Severity | None = None
    ) -> Diagnostic:
        return rule.at(self.path, line, column, message, severity)


def unreadable(path: str, document: Document, tail: str) -> Diagnostic:
    """Where the README stops being readable HTML, and what is left unchecked (`tail`)."""
    found = document.unreadable
    assert found is not None
    return HTML_PARSE.at(path, found.line, found.column, found.message(tail))
