"""What an import would write, as a plan that writes nothing: every layout's `read` returns one."""

from __future__ import annotations

from dataclasses import dataclass, field

from awesome_tools.diagnostics import Diagnostic
from awesome_tools.layouts.rules import IMPORT


@dataclass
class ImportPlan:
    """What an import would write: entry files by name, the categories file, the problems."""

    files: dict[str, str] = field(default_factory=dict)
    categories_text: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Other files of the list, by path from its root (a panel README's template and settings).
    others: dict[str, str] = field(default_factory=dict)


def import_note(path: str, line: int, column: int, message: str) -> Diagnostic:
    """What a layout's reader could not map as it is, and what it did instead (a warning)."""
    return IMPORT.at(path, line, column, message, "warning")


def import_error(path: str, line: int, column: int, message: str) -> Diagnostic:
    """Why a layout's reader imports nothing (an error: the import stops)."""
    return IMPORT.at(path, line, column, message, "error")
