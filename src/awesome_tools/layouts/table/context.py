"""What the table layout's README rules look at: the README parsed, what render would make of
the entries, and where a message points the contributor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from awesome_tools.core.blocks import Document
from awesome_tools.core.fixes import CONSOLE, Fixes
from awesome_tools.diagnostics import Diagnostic, Severity
from awesome_tools.ruleids import RuleId

if TYPE_CHECKING:
    from awesome_tools.layouts.drift import Part


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
    # The expected text's parts when drift needs them all, maybe from another process.
    expected_outline: Callable[[], list[Part]] | None = None
    # Whether drift may parse only the window of the expected text around the differences
    # (`--no-shortcut`: never).
    shortcuts: bool = True

    def at(
        self, line: int, column: int, rule: RuleId, message: str, severity: Severity = "error"
    ) -> Diagnostic:
        return Diagnostic(self.path, line, column, rule, message, severity)
