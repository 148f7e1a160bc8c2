"""Every rule's documented examples run through the real code: the bad one fires where the
docs say, and only that rule; the good one is clean."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.core.blockread import read_document
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.engine.rulebook import RULES
from awesome_tools.layouts.table.context import Context
from awesome_tools.layouts.table.lint import CHECKS
from awesome_tools.rule import Example, Rule, project


def _run(example: Example, tmp_path: Path) -> list[Diagnostic]:
    """The one runner: the example's list on disk, its command run as a contributor runs it,
    the diagnostics of the example's file."""
    root = tmp_path / "list"  # a link may point beside the list, into tmp_path
    made = project(example)
    for path, raw in made.files:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(raw)
    for path, target in made.links:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).symlink_to(target)
    root.mkdir(exist_ok=True)
    if made.edited is not None:
        with contextlib.chdir(root), contextlib.redirect_stderr(io.StringIO()):
            assert main(["render"]) == 0
        readme = (root / "README.md").read_text("utf-8")
        assert readme.count(made.edited[0]) == 1
        (root / "README.md").write_text(readme.replace(*made.edited), encoding="utf-8")
    out = io.StringIO()
    with (
        contextlib.chdir(root),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(io.StringIO()),
    ):
        main([*made.command, "--format", "json", "--jobs", "1"])
    found = [Diagnostic(**d) for d in json.loads(out.getvalue() or "[]")]
    return [d for d in found if d.path == example.path]


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_the_bad_example_fires_only_its_rule_where_documented(rule: Rule, tmp_path: Path) -> None:
    found = [(d.rule, d.line, d.column) for d in _run(rule.bad, tmp_path)]
    assert found[:1] == [(rule.id, rule.bad.line, rule.bad.column)]
    assert {d[0] for d in found} == {rule.id}


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_the_good_example_is_clean(rule: Rule, tmp_path: Path) -> None:
    assert rule.good.line == rule.good.column == 0
    assert [d.text() for d in _run(rule.good, tmp_path)] == []


@pytest.mark.parametrize("rule_id", sorted(CHECKS))
def test_each_lint_check_emits_only_its_own_rule_on_every_bad_example(rule_id: str) -> None:
    for rule in RULES:
        if rule.bad.kind == "readme":
            ctx = Context("README.md", rule.bad.text, read_document(rule.bad.text))
            assert {d.rule for d in CHECKS[rule_id](ctx)} <= {rule_id}  # type: ignore[index]
