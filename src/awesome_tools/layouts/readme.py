"""What every layout's README rules share: one context type (the README, what render would make
of the entries, where a message sends the contributor) and one registry type (each check kept
under the rule it emits).

A layout subclasses `ReadmeContext` with its own reading of the README (the table's HTML blocks,
the panels' headings, the list's lines), read once and shared by its checks, and keeps its
checks in one `Checks`: `@CHECKS.register(RULE)` over a function of the context.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from awesome_tools.core.fixes import CONSOLE, Fixes
from awesome_tools.diagnostics import Diagnostic, Severity
from awesome_tools.rule import Rule


@dataclass
class ReadmeContext:
    """The README a layout's rules look at, and what they compare it with."""

    path: str
    text: str
    # What render makes of the entries, for drift (None: the README is linted alone).
    expected: str | None = field(default=None, kw_only=True)
    # Each entry's file by its name, folded, for messages that send the contributor there.
    entry_files: dict[str, str] = field(default_factory=dict, kw_only=True)
    # The template the README's frame comes from, named in messages about frame text.
    frame: str = field(default="templates/README.md.j2", kw_only=True)
    fixes: Fixes = field(default=CONSOLE, kw_only=True)

    def at(
        self, line: int, column: int, rule: Rule, message: str, level: Severity | None = None
    ) -> Diagnostic:
        """A rule's diagnostic at a 1-based line and column of the README."""
        return rule.at(self.path, line, column, message, level)

    def at_line(self, index: int, rule: Rule, message: str) -> Diagnostic:
        """A rule's diagnostic at the start of a 0-based line."""
        return rule.at(self.path, index + 1, 1, message)


C = TypeVar("C", bound=ReadmeContext)
Check = Callable[[C], Iterable[Diagnostic]]


class Checks(dict[str, Callable[[C], Iterable[Diagnostic]]], Generic[C]):
    """A layout's README checks, each under the id of the rule it emits."""

    def register(self, rule: Rule) -> Callable[[Check[C]], Check[C]]:
        """Keep a check under its rule (documented in the layout's rules module)."""

        def keep(check: Check[C]) -> Check[C]:
            self[rule.id] = check
            return check

        return keep

    def run(self, ctx: C, only: Iterable[str] | None = None) -> list[Diagnostic]:
        """Every check's findings on one README (or those of the rules `only` names), sorted."""
        chosen = self if only is None else {rule: self[rule] for rule in only}
        return sorted(d for check in chosen.values() for d in check(ctx))
