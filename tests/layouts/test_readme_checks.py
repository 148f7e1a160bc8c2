"""One context type and one registry type for every layout's README rules: each layout keeps
its checks in a `Checks`, under the rules its rules module documents (and the shared ones it
runs), and each check reads the README through the layout's `ReadmeContext`."""

from __future__ import annotations

from importlib import import_module

import pytest

from awesome_tools.layouts.readme import Checks, ReadmeContext

# The layout, its lint module's registry, and the shared rules it runs besides its own.
CASES = [
    ("table", "awesome_tools.layouts.table.lint", {"html-block-break", "drift"}),
    ("panel", "awesome_tools.layouts.panel.lint", {"html-block-break", "drift"}),
    ("list", "awesome_tools.layouts.list.lint", {"drift"}),
]


@pytest.mark.parametrize(("layout", "module", "shared"), CASES, ids=[c[0] for c in CASES])
def test_a_layout_registers_one_check_per_rule_of_its_own_and_the_shared_it_runs(
    layout: str, module: str, shared: set[str]
) -> None:
    checks = import_module(module).CHECKS
    rules = import_module(f"awesome_tools.layouts.{layout}.rules").RULES
    own = {rule.id for rule in rules if rule.scope == "readme"}
    assert isinstance(checks, Checks)
    assert set(checks) == own | shared


def test_a_check_reads_the_readme_through_the_context_and_run_sorts_the_findings() -> None:
    from awesome_tools.layouts.rules import HTML_BLOCK_BREAK

    checks: Checks[ReadmeContext] = Checks()

    @checks.register(HTML_BLOCK_BREAK)
    def _every_line(ctx: ReadmeContext) -> list[object]:
        return [ctx.at_line(i, HTML_BLOCK_BREAK, "x") for i in (2, 0)]

    found = checks.run(ReadmeContext("README.md", "a\nb\nc"))
    assert [d.text() for d in found] == [
        "README.md:1:1: error[html-block-break] x",
        "README.md:3:1: error[html-block-break] x",
    ]
    assert checks.run(ReadmeContext("README.md", ""), only=[]) == []
