"""One diagnostic type for every error source, and the reporters that print them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]
Format = Literal["text", "json", "github"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem at a 1-based line and column of a file."""

    path: str
    line: int
    column: int
    rule: str
    message: str
    severity: Severity = "error"

    def text(self) -> str:
        """Format as `path:line:col: severity[rule] message`."""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}[{self.rule}] {self.message}"


def has_errors(diagnostics: Iterable[Diagnostic], *, strict: bool = False) -> bool:
    """Say whether the diagnostics fail a run (warnings too when strict)."""
    return any(strict or d.severity == "error" for d in diagnostics)


def _github_escape(value: str, *, is_property: bool) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_diagnostics(diagnostics: Sequence[Diagnostic], fmt: Format) -> str:
    """Render diagnostics as text lines, a JSON list, or GitHub annotations."""
    if fmt == "json":
        import json

        return json.dumps([asdict(d) for d in diagnostics], indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        lines = []
        for d in diagnostics:
            props = ",".join(
                f"{key}={_github_escape(str(value), is_property=True)}"
                for key, value in (
                    ("file", d.path),
                    ("line", d.line),
                    ("col", d.column),
                    ("title", d.rule),
                )
            )
            message = _github_escape(d.message, is_property=False)
            lines.append(f"::{d.severity} {props}::{message}")
        return "".join(line + "\n" for line in lines)
    return "".join(d.text() + "\n" for d in diagnostics)


def summary(diagnostics: Sequence[Diagnostic], *, files: int) -> str:
    """Count errors and warnings in one line."""
    errors = sum(1 for d in diagnostics if d.severity == "error")
    warnings = len(diagnostics) - errors

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    checked = plural(files, "file")
    if not diagnostics:
        return f"{checked} checked: no problems"
    return f"{checked} checked: {plural(errors, 'error')}, {plural(warnings, 'warning')}"
