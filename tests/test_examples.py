"""Every rule's documented examples run through the real code: the bad one fires where the
docs say, and only that rule; the good one is clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tools.core.blockread import read_document
from awesome_tools.core.categories import load_categories
from awesome_tools.core.entrycheck import check_entries
from awesome_tools.core.rules import BASE_ENTRY, RULES, Example, Rule, example_bytes
from awesome_tools.core.schema import Entry
from awesome_tools.core.templates import TemplateProblem, load_templates
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.engine.project import read_project
from awesome_tools.layouts.list.lint import lint_list
from awesome_tools.layouts.panel.lint import lint_panels
from awesome_tools.layouts.table import TABLE_REQUIRED
from awesome_tools.layouts.table.context import Context
from awesome_tools.layouts.table.importer import plan_import
from awesome_tools.layouts.table.lint import CHECKS, lint_text
from awesome_tools.layouts.table.render import render_readme


def _base_entry() -> Entry:
    checked, problems = check_entries(
        [("entries/llava.yaml", BASE_ENTRY.encode())], categories=[], required=TABLE_REQUIRED
    )
    assert problems == [] and checked[0].entry is not None
    return checked[0].entry


def _drift(example: Example) -> list[Diagnostic]:
    """Lint the README render writes for the base entry, with one line edited as the example."""
    rendered = render_readme([_base_entry()], [], templates=load_templates(None))
    (_, original), *_ = example.others
    assert rendered.count(original) == 1
    edited = rendered.replace(original, example.text)
    files = {"llava": "entries/llava.yaml"}
    return lint_text(edited, example.path, expected=rendered, entry_files=files)


def _template(example: Example, root: Path) -> list[Diagnostic]:
    """Render the base entry with the example as the list's README template."""
    (root / example.path).parent.mkdir(parents=True)
    (root / example.path).write_text(example.text, encoding="utf-8")
    try:
        render_readme([_base_entry()], [], templates=load_templates(root))
    except TemplateProblem as problem:
        return [problem.diagnostic]
    return []


def _link(example: Example, root: Path) -> list[Diagnostic]:
    """Check a list whose entry file is a link to the example's target, holding the base entry."""
    list_root = root / "list"
    (list_root / "entries").mkdir(parents=True)
    target = (list_root / "entries" / example.text).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(BASE_ENTRY, encoding="utf-8")
    (list_root / example.path).symlink_to(example.text)
    return read_project(list_root, list_root).diagnostics


def _dangling(example: Example, root: Path) -> list[Diagnostic]:
    """Check a list whose entry file is a link to the example's target, made only by `others`."""
    (root / "entries").mkdir()
    for path, text in example.others:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    (root / example.path).symlink_to(example.text)
    return read_project(root, root).diagnostics


def _list(example: Example, root: Path) -> list[Diagnostic]:
    """Read a list holding the base entry, the example's file and its other files."""
    files = {"entries/llava.yaml": BASE_ENTRY.encode(), example.path: example_bytes(example)}
    files.update((path, text.encode()) for path, text in example.others)
    for path, raw in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(raw)
    return [d for d in read_project(root, root).diagnostics if d.path == example.path]


def _run(example: Example, root: Path) -> list[Diagnostic]:
    if example.kind == "list":
        return _list(example, root)
    if example.kind == "drift":
        return _drift(example)
    if example.kind == "template":
        return _template(example, root)
    if example.kind == "link":
        return _link(example, root)
    if example.kind == "dangling":
        return _dangling(example, root)
    if example.kind == "categories":
        return load_categories(example_bytes(example), example.path)[1]
    if example.kind == "import":
        plan = plan_import(
            example_bytes(example), example.path, categories_text=None, categories_path="c.yaml"
        )
        return plan.diagnostics
    if example.kind == "readme":
        return lint_text(example.text, example.path)
    if example.kind == "panel":
        return lint_panels(example.text, example.path)
    if example.kind == "list-readme":
        return lint_list(example.text, example.path)
    others = [(path, text.encode("utf-8")) for path, text in example.others]
    _, found = check_entries(
        [(example.path, example_bytes(example)), *others],
        categories=["Encoders"],
        required=TABLE_REQUIRED,
    )
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
