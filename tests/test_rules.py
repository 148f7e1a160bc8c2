"""The rule table is complete, every rule is exercised, and the generated docs are current."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

import test_check
import test_cross_entry
import test_lint
from awesome_tools.docgen import generated
from awesome_tools.docgen import main as docgen_main
from awesome_tools.ruleids import RuleId
from awesome_tools.rules import BY_ID, RULES
from conftest import REPO


def _rules_in(lines: list[str]) -> set[str]:
    return {m.group(1) for line in lines for m in [re.search(r"\w\[([a-z-]+)\]", line)] if m}


def test_rule_ids_are_unique_kebab_case() -> None:
    assert len(BY_ID) == len(RULES)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.id) for rule in RULES)


def test_the_rule_id_type_names_exactly_the_documented_rules() -> None:
    assert set(get_args(RuleId)) == {rule.id for rule in RULES}
    assert len(get_args(RuleId)) == len(RULES)


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


def test_docgen_check_reports_a_stale_file_and_writing_fixes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The live docs are checked by `make test` (tools/check-list); here, the check itself."""
    for path in generated(REPO):
        copy = tmp_path / path.relative_to(REPO)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(path.read_text("utf-8"), encoding="utf-8")
    assert docgen_main([str(tmp_path)]) == 0  # current, whatever the repository's state
    capsys.readouterr()
    rules = tmp_path / "docs" / "rules.md"
    rules.write_text(rules.read_text("utf-8") + "A hand edit.\n", encoding="utf-8")
    assert docgen_main(["--check", str(tmp_path)]) == 1
    assert capsys.readouterr().err == "docs/rules.md is stale: run `make docs`\n"
    assert docgen_main([str(tmp_path)]) == 0
    assert docgen_main(["--check", str(tmp_path)]) == 0
    assert capsys.readouterr().err == f"wrote {rules}\n"


def test_every_readme_rule_is_exercised_by_a_case() -> None:
    seen = set()
    for _, _, expected in test_lint.CASES:
        seen |= _rules_in(expected)
    documented = {r.id for r in RULES if r.scope == "readme"}
    assert seen <= documented
    # drift and template need a project: test_lint.py and test_render.py test them.
    assert documented - seen == {"drift", "template"}
