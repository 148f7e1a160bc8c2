"""The rule table is complete, every rule is exercised, and the generated docs are current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import test_table_lint as test_lint

import test_check
import test_cross_entry
from awesome_tools.cli import main
from awesome_tools.engine.rulebook import BY_ID, RULES, defined_in
from awesome_tools.outputs.docgen import EDITED
from conftest import REPO


def _rules_in(lines: list[str]) -> set[str]:
    return {m.group(1) for line in lines for m in [re.search(r"\w\[([a-z-]+)\]", line)] if m}


def test_rule_ids_are_unique_kebab_case() -> None:
    assert len(BY_ID) == len(RULES)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.id) for rule in RULES)


def test_every_entry_rule_is_exercised_by_a_case_and_every_case_rule_is_documented() -> None:
    seen = set()
    for _, _, expected in [*test_check.CASES, *test_check.PANEL_CASES]:
        seen |= _rules_in(expected)
    for _, _, _, expected in test_cross_entry.CASES:
        seen |= _rules_in(expected)
    documented = {r.id for r in RULES if r.scope == "entry"}
    assert seen <= documented
    # `import` and `categories-file` warnings have their own tests in test_import.py,
    # `category-name` in test_categories.py, `outside-list` and `dangling-link` (links) in
    # test_files.py and test_paths.py,
    # `settings` and `figure-file` (which need a list's folder) in test_settings.py; the
    # rules of an entry against its papers (which need the list's arXiv cache) in
    # test_refresh.py and test_papers.py.
    assert documented - seen == {
        "import",
        "categories-file",
        "category-name",
        "outside-list",
        "dangling-link",
        "settings",
        "figure-file",
        "wrong-paper",
        "released-vs-paper",
        "paper-not-cached",
        "paper-cache",
    }


@pytest.mark.parametrize(
    ("makefile", "fix"), [(False, "awesome-tools docs"), (True, "make docs")], ids=["cli", "make"]
)
def test_docs_check_reports_a_stale_file_and_writing_fixes_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    makefile: bool,
    fix: str,
) -> None:
    """The live docs are checked by `make test` (tools/check-list); here, the check itself."""
    (tmp_path / "entries").mkdir()
    for name in EDITED:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text((REPO / name).read_text("utf-8"), encoding="utf-8")
    if makefile:
        (tmp_path / "Makefile").write_text("docs:\n\ttrue\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["docs", "--check"]) == 1  # nothing generated yet
    assert main(["docs"]) == 0
    assert main(["docs", "--check"]) == 0
    capsys.readouterr()
    rules = tmp_path / "docs" / "rules.md"
    rules.write_text(rules.read_text("utf-8") + "A hand edit.\n", encoding="utf-8")
    assert main(["docs", "--check"]) == 1
    assert capsys.readouterr().err == f"docs/rules.md is stale: run `{fix}`\n"
    assert main(["docs"]) == 0
    assert capsys.readouterr().err == (
        "wrote docs/rules.md\n"
        "unchanged docs/facets.md\n"
        "unchanged contributing.md\n"
        "unchanged .github/ISSUE_TEMPLATE/add-model.yml\n"
    )
    assert main(["docs", "--check"]) == 0


DOCS_ELSEWHERE = (
    "awesome-tools: `docs` writes the generated docs of awesome-tools' own repository "
    "(docs/rules.md, the tables of contributing.md and docs/facets.md, the issue form), and this "
    "list has no {missing}; `awesome-tools rules [ID]` explains every rule\n"
)
DOCS_LINE = re.compile(r"^    docs +write docs/rules\.md", re.M)


@pytest.mark.parametrize(
    ("present", "code", "err", "listed"),
    [
        # A list kept with the tool: `docs` has nothing to complete, and --help does not offer it.
        ({}, 2, DOCS_ELSEWHERE.format(missing="contributing.md, docs/facets.md"), False),
        (
            {"contributing.md": "# Contributing\n"},
            2,
            DOCS_ELSEWHERE.format(missing="docs/facets.md"),
            False,
        ),
        # Both files, but a hand-written contributing.md without the generated sections' markers.
        (
            {"contributing.md": "# Contributing\n", "docs/facets.md": "# Facets\n"},
            2,
            "awesome-tools: contributing.md: markers <!-- fields:start --> ... "
            "<!-- fields:end --> not found\n",
            True,
        ),
        # This repository's own files: offered, and it writes them.
        ({name: (REPO / name).read_text("utf-8") for name in EDITED}, 0, None, True),
    ],
    ids=["list", "contributing-only", "no-markers", "own-repository"],
)
def test_docs_is_offered_only_where_it_has_files_to_complete(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    present: dict[str, str],
    code: int,
    err: str | None,
    listed: bool,
) -> None:
    (tmp_path / "entries").mkdir()
    for name, text in present.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["--help"]) == 0
    assert bool(DOCS_LINE.search(capsys.readouterr().out)) is listed
    assert main(["docs"]) == code
    out, said = capsys.readouterr()
    assert out == ""
    if err is not None:
        assert said == err
        assert not (tmp_path / "docs" / "rules.md").exists()
    else:
        assert "wrote docs/rules.md\n" in said
    # `docs --help` still explains it wherever it is asked for.
    assert main(["docs", "--help"]) == 0
    words = " ".join(capsys.readouterr().out.split())
    assert "write docs/rules.md and the other files generated from rules and schema" in words


def test_every_readme_rule_is_exercised_by_a_case() -> None:
    seen = set()
    for _, _, expected in test_lint.CASES:
        seen |= _rules_in(expected)
    documented = {r.id for r in RULES if r.scope == "readme"}
    assert seen <= documented
    # drift and template need a project: test_lint.py and test_render.py test them; the panel
    # and list layouts' rules have their cases under tests/layouts/panel/ and tests/layouts/list/.
    others = {
        r.id
        for r in RULES
        if r.scope == "readme"
        and defined_in(r).startswith(
            ("src/awesome_tools/layouts/panel/", "src/awesome_tools/layouts/list/")
        )
    }
    assert documented - seen == {"drift", "template", *others}
