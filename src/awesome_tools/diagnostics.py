"""One diagnostic type for every error source, and the reporters that print them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]
Format = Literal["text", "json", "github"]

# Characters that must never reach a terminal or a log raw, because they can forge a line
# (C0 line breaks, U+0085, U+2028/9), drive the terminal (ESC, CSI and the other C0/C1
# controls, DEL) or reorder what is shown (bidirectional marks, embeddings and isolates).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
# What json.dumps leaves raw of those (it escapes C0 itself); none of it is JSON structure.
_JSON_RAW = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_one(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(value: str) -> str:
    """Show control, line-separator and bidi characters as escapes like `\\n`, `\\x1b`."""
    return _UNSAFE.sub(_escape_one, value)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


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
        where = f"{visible(self.path)}:{self.line}:{self.column}"
        return f"{where}: {self.severity}[{visible(self.rule)}] {visible(self.message)}"


def has_errors(diagnostics: Iterable[Diagnostic], *, strict: bool = False) -> bool:
    """Say whether the diagnostics fail a run (warnings too when strict)."""
    return any(strict or d.severity == "error" for d in diagnostics)


def _github_escape(value: str, *, is_property: bool) -> str:
    value = visible(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_diagnostics(diagnostics: Sequence[Diagnostic], fmt: Format) -> str:
    """Render diagnostics as text lines, a JSON list, or GitHub annotations.

    Text and GitHub show control characters as escapes; JSON keeps every value exact and
    writes those characters as `\\uXXXX`, so none reaches a terminal raw.
    """
    if fmt == "json":
        import json

        dumped = json.dumps([asdict(d) for d in diagnostics], indent=2, ensure_ascii=False)
        return _JSON_RAW.sub(_json_escape, dumped) + "\n"
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


def closest(word: str, options: Sequence[str]) -> str | None:
    """The option a misspelled word most likely meant, if any is close enough."""
    import difflib

    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, options: Sequence[str]) -> str:
    """A message's tail naming the closest option ("; did you mean 'x'?"), or ""."""
    close = closest(word, options)
    return f"; did you mean '{close}'?" if close else ""
