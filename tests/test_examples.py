"""Every rule's documented examples run through the real code: the bad one fires where the
docs say, and only that rule; the good one is clean."""

from __future__ import annotations

import pytest

from awesome_tools.blocks import read_document
from awesome_tools.categories import load_categories
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.entrycheck import check_entries
from awesome_tools.importer import plan_import
from awesome_tools.lint import CHECKS, Context, lint_text
from awesome_tools.rules import RULES, Example, Rule, example_bytes

RUNNABLE = [rule for rule in RULES if rule.bad.kind != "exempt"]
# Each needs a whole project on disk, which the command tests build: drift (test_lint.py),
# template (test_render.py, test_sandbox.py), outside-list, a symbolic link (test_files.py).
EXEMPT = {"drift", "template", "outside-list"}


def _run(example: Example) -> list[Diagnostic]:
    if example.kind == "categories":
        return load_categories(example_bytes(example), example.path)[1]
    if example.kind == "import":
        plan = plan_import(
            example_bytes(example), example.path, categories_text=None, categories_path="c.yaml"
        )
        return plan.diagnostics
    if example.kind == "readme":
        return lint_text(example.text, example.path)
    others = [(path, text.encode("utf-8")) for path, text in example.others]
    _, found = check_entries(
        [(example.path, example_bytes(example)), *others], categories=["Encoders"]
    )
    return [d for d in found if d.path == example.path]


def test_only_the_listed_rules_are_exempt() -> None:
    assert {rule.id for rule in RULES if rule.bad.kind == "exempt"} == EXEMPT
    assert {rule.id for rule in RULES if rule.good.kind == "exempt"} == EXEMPT


@pytest.mark.parametrize("rule", RUNNABLE, ids=[rule.id for rule in RUNNABLE])
def test_the_bad_example_fires_only_its_rule_where_documented(rule: Rule) -> None:
    found = [(d.rule, d.line, d.column) for d in _run(rule.bad)]
    assert found[:1] == [(rule.id, rule.bad.line, rule.bad.column)]
    assert {d[0] for d in found} == {rule.id}


@pytest.mark.parametrize("rule", RUNNABLE, ids=[rule.id for rule in RUNNABLE])
def test_the_good_example_is_clean(rule: Rule) -> None:
    assert rule.good.line == rule.good.column == 0
    assert [d.text() for d in _run(rule.good)] == []


@pytest.mark.parametrize("rule_id", sorted(CHECKS))
def test_each_lint_check_emits_only_its_own_rule_on_every_bad_example(rule_id: str) -> None:
    for rule in RULES:
        if rule.bad.kind == "readme":
            ctx = Context("README.md", rule.bad.text, read_document(rule.bad.text))
            assert {d.rule for d in CHECKS[rule_id](ctx)} <= {rule_id}  # type: ignore[index]
