"""The rule table is complete, every rule is exercised, and the generated docs are current."""

from __future__ import annotations

import re

import test_check
import test_cross_entry
import test_lint
from awesome_tools.docgen import generated
from awesome_tools.rules import BY_ID, RULES
from conftest import REPO


def _rules_in(lines: list[str]) -> set[str]:
    return {m.group(1) for line in lines for m in [re.search(r"\w\[([a-z-]+)\]", line)] if m}


def test_rule_ids_are_unique_kebab_case() -> None:
    assert len(BY_ID) == len(RULES)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.id) for rule in RULES)


def test_every_entry_rule_is_exercised_by_a_case_and_every_case_rule_is_documented() -> None:
    seen = set()
    for _, _, expected in test_check.CASES:
        seen |= _rules_in(expected)
    for _, _, _, expected in test_cross_entry.CASES:
        seen |= _rules_in(expected)
    documented = {r.id for r in RULES if r.scope == "entry"}
    assert seen <= documented
    # `import` and `categories-file` warnings have their own tests in test_import.py,
    # `category-name` in test_categories.py, `outside-list` (a link) in test_files.py.
    assert documented - seen == {"import", "categories-file", "category-name", "outside-list"}


def test_generated_docs_are_current() -> None:
    for path, text in generated(REPO).items():
        assert path.read_text("utf-8") == text, f"{path} is stale: run `make docs`"


def test_every_readme_rule_is_exercised_by_a_case() -> None:
    seen = set()
    for _, _, expected in test_lint.CASES:
        seen |= _rules_in(expected)
    documented = {r.id for r in RULES if r.scope == "readme"}
    assert seen <= documented
    # drift and template need a project: test_lint.py and test_render.py test them.
    assert documented - seen == {"drift", "template"}
