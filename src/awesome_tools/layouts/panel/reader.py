"""A panel README's lines as import reads them, with the warnings it says about them."""

from __future__ import annotations

from dataclasses import dataclass, field

from awesome_tools.diagnostics import Diagnostic, Severity
from awesome_tools.ruleids import RuleId

Row = tuple[int, str, str, str]  # line index, date, name, contribution


def at_line(
    path: str, index: int, rule: RuleId, message: str, severity: Severity = "error"
) -> Diagnostic:
    """A diagnostic at the start of a 0-based line, as the panel layout counts its lines."""
    return Diagnostic(path, index + 1, 1, rule, message, severity)


@dataclass
class Reader:
    path: str
    lines: list[str]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def warn(self, index: int, message: str) -> None:
        self.diagnostics.append(at_line(self.path, index, "import", message, "warning"))

    def skip_blank(self, i: int, end: int) -> int:
        while i < end and not self.lines[i].strip():
            i += 1
        return i

    def until_blank(self, i: int, end: int) -> int:
        while i < end and self.lines[i].strip():
            i += 1
        return i
