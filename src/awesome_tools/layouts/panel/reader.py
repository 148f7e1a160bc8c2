"""A panel README's lines as import reads them, with the warnings it says about them."""

from __future__ import annotations

from dataclasses import dataclass, field

from awesome_tools.diagnostics import Diagnostic
from awesome_tools.layouts.importplan import import_note

Row = tuple[int, str, str, str]  # line index, date, name, contribution


@dataclass
class Reader:
    path: str
    lines: list[str]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def warn(self, index: int, message: str) -> None:
        self.diagnostics.append(import_note(self.path, index + 1, 1, message))

    def skip_blank(self, i: int, end: int) -> int:
        while i < end and not self.lines[i].strip():
            i += 1
        return i

    def until_blank(self, i: int, end: int) -> int:
        while i < end and self.lines[i].strip():
            i += 1
        return i
