"""The list layout on a public classic list: awesome-nodejs (CC0) imported and rendered back.

What comes back byte for byte and what is normalised is asserted line by line; awesome-lint
finds nothing in the output that it does not find in upstream's own README.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from awesome_tools.cli import main
from awesome_tools.core.categories import load_categories
from awesome_tools.core.schema import Entry
from awesome_tools.core.templates import load_templates
from awesome_tools.layouts import layout_named, layout_of_readme
from awesome_tools.layouts.list import LAYOUT as LIST
from awesome_tools.layouts.list.lint import lint_list
from awesome_tools.layouts.list.render import render_list
from awesome_tools.layouts.panel import LAYOUT as PANEL
from awesome_tools.layouts.table import LAYOUT as TABLE
from conftest import FIXTURES, REPO

NODEJS = FIXTURES / "awesome-nodejs-cf153d4-README.md"
EXCERPT = FIXTURES / "awesome-nodejs-cf153d4-excerpt-README.md"
AWESOME_LINT = REPO / "node_modules" / "awesome-lint"
RUNNER = REPO / "tools" / "awesome-lint.mjs"
HEADING = re.compile(r"#{1,6} ")
ENTRY_SHAPED = re.compile(r"[ \t]*- \[[^\]]+\]\(https?://")


def _plan(path: Path) -> tuple[list[Entry], list[str], str, list[str]]:
    """Import a README: its entries, categories, frame and diagnostics (as text)."""
    plan = LIST.read(
        path.read_bytes(), "README.md", categories=None, categories_path="categories.yaml"
    )
    assert plan.categories_text is not None
    categories = load_categories(plan.categories_text.encode(), "categories.yaml")[0]
    entries = [
        Entry.model_validate(yaml.safe_load(text), context={"categories": categories})
        for text in plan.files.values()
    ]
    return (
        entries,
        categories,
        plan.others["templates/README.md.j2"],
        [d.text() for d in plan.diagnostics],
    )


def _rendered(tmp_path: Path, path: Path) -> str:
    entries, categories, frame, _ = _plan(path)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "README.md.j2").write_text(frame, encoding="utf-8")
    return render_list(entries, categories, load_templates(tmp_path), None)


def test_the_list_layout_is_registered_and_told_from_the_others() -> None:
    assert layout_named("list") is LIST
    assert LIST.required == frozenset({"name", "title", "url", "summary"})
    cases = [
        (NODEJS, LIST),
        (EXCERPT, LIST),
        (FIXTURES / "upstream-74897b3-README.md", PANEL),
        (FIXTURES / "upstream-2d19f70-README.md", TABLE),
        (FIXTURES / "list" / "README.md", TABLE),
    ]
    for path, layout in cases:
        assert layout_of_readme(path.read_text(encoding="utf-8")) is layout, path.name


def test_nodejs_imports_every_entry_line_and_every_category() -> None:
    entries, categories, frame, said = _plan(NODEJS)
    lines = NODEJS.read_text(encoding="utf-8").split("\n")
    shaped = [n for n, line in enumerate(lines, 1) if n > 134 and ENTRY_SHAPED.match(line)]
    assert len(shaped) == 591
    # Two entry lines name a file that an earlier line took (RxJS at 221 and 401, More… at 399
    # and 403): the later ones stay in the frame, as they are, and import says so.
    assert len(entries) == 589
    assert [s for s in said if "frame text" in s] == [
        "README.md:401:1: warning[import] 'RxJS' is kept as frame text, not an entry: line 221 "
        "has an entry of the same file name, rxjs.yaml",
        "README.md:403:1: warning[import] 'More…' is kept as frame text, not an entry: line 399 "
        "has an entry of the same file name, more.yaml",
    ]
    assert "\t- [RxJS](https://github.com/ReactiveX/RxJS) - Reactive programming." in frame
    no_summary = [s for s in said if "has no summary" in s]
    assert len(no_summary) == 37
    assert no_summary[0] == (
        "README.md:137:1: warning[import] 'Website' has no summary: the list layout needs one "
        "sentence after the link (' - Summary.'); write it as 'summary:' in its entry file"
    )
    assert sum(e.summary is None for e in entries) == 37
    assert not [s for s in said if "error[" in s]
    # Every `##` and `###` part that holds an entry, the parents without entries of their own
    # and the list groups (`- Promises`) under `### Control flow`.
    assert len(categories) == 73  # 66 headings and 7 list groups
    assert categories[:3] == ["Official", "Packages", "Packages / Mad science"]
    for name in (
        "Packages / Debugging / Profiling",
        "Packages / Control flow / Promises",
        "Packages / Database / ODM / ORM",
        "Packages / Miscellaneous",
        "Resources / Miscellaneous",
        "Related lists",
    ):
        assert name in categories
    assert "Contents" not in categories


def test_nodejs_renders_back_with_two_lines_normalised(tmp_path: Path) -> None:
    source = NODEJS.read_text(encoding="utf-8")
    out = _rendered(tmp_path, NODEJS)
    have, want = source.split("\n"), out.split("\n")
    assert len(have) == len(want) == 928
    changed = [(n, a, b) for n, (a, b) in enumerate(zip(have, want, strict=True), 1) if a != b]
    assert changed == [
        (
            362,
            "- [Ts.ED](https://github.com/tsedio/tsed) - Intuitive  TypeScript framework for "
            "building server-side apps on top of Express.js or Koa.js.",
            "- [Ts.ED](https://github.com/tsedio/tsed) - Intuitive TypeScript framework for "
            "building server-side apps on top of Express.js or Koa.js.",
        ),
        (
            585,
            " \t- [Drizzle ORM](https://github.com/drizzle-team/drizzle-orm) - TypeScript ORM "
            "that supports various databases such as PostgreSQL.",
            "\t- [Drizzle ORM](https://github.com/drizzle-team/drizzle-orm) - TypeScript ORM "
            "that supports various databases such as PostgreSQL.",
        ),
    ]
    # So every heading (67), the contents list, the intro and every entry line come back.
    assert [line for line in want if HEADING.match(line)] == [
        line for line in have if HEADING.match(line)
    ]
    assert len([line for line in want if HEADING.match(line)]) == 67


def test_import_says_each_line_it_writes_back_normalised() -> None:
    said = _plan(NODEJS)[3]
    assert [s for s in said if "written back" in s] == [
        "README.md:362:1: warning[import] the entry line is written back normalised: '- "
        "[Ts.ED](https://github.com/tsedio/tsed) - Intuitive TypeScript framework for b'",
        "README.md:585:1: warning[import] the entry line is written back with its run's first "
        "indent",
    ]


def test_the_excerpt_round_trips_byte_for_byte_through_the_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(EXCERPT, tmp_path / "README.md")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["import", "README.md"]) == 0
    said = capsys.readouterr().err
    assert "imported 47 entries into entries/ (47 written)" in said
    assert (tmp_path / "awesome.yaml").read_text(encoding="utf-8") == "layout: list\n"
    assert (tmp_path / "categories.yaml").read_text(encoding="utf-8").split("\n")[2:] == [
        '- "Packages"',
        '- "Packages / Mad science"',
        '- "Packages / HTTP"',
        '- "Package Manager"',
        '- "Resources"',
        '- "Resources / Tutorials"',
        '- "Resources / Discovery"',
        '- "Related lists"',
        "",
    ]
    for command, out in [
        (["check"], "47 files checked: no problems\n"),
        (["render", "--check"], ""),
        (["lint"], "1 file checked: no problems\n"),
    ]:
        assert main(command) == 0
        assert capsys.readouterr().err == out, command
    (tmp_path / "README.md").unlink()
    assert main(["render"]) == 0
    assert capsys.readouterr().err == "wrote README.md (47 models)\n"
    assert (tmp_path / "README.md").read_bytes() == EXCERPT.read_bytes()


def _awesome_lint(root: Path) -> list[str]:
    if shutil.which("node") is None or not AWESOME_LINT.exists():
        pytest.skip("node or node_modules/awesome-lint is missing: run `make node`")
    result = subprocess.run(
        ["node", str(RUNNER), "README.md"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    found = [line for line in result.stdout.split("\n") if re.match(r"README\.md:\d+:", line)]
    assert result.returncode == (1 if found else 0), result.stdout + result.stderr
    return found


def _lint_folder(root: Path, readme: str) -> Path:
    root.mkdir()
    (root / "README.md").write_text(readme, encoding="utf-8")
    (root / "contributing.md").write_text("# Contributing\n\nOpen a pull request.\n", "utf-8")
    return root


def test_the_imported_excerpt_renders_a_readme_awesome_lint_passes(tmp_path: Path) -> None:
    out = _rendered(tmp_path, EXCERPT)
    assert out == EXCERPT.read_text(encoding="utf-8")
    assert _awesome_lint(_lint_folder(tmp_path / "lint", out)) == []


def test_awesome_lint_finds_in_the_rendered_nodejs_only_what_it_finds_upstream(
    tmp_path: Path,
) -> None:
    out = _rendered(tmp_path, NODEJS)
    mine = _awesome_lint(_lint_folder(tmp_path / "mine", out))
    theirs = _awesome_lint(_lint_folder(tmp_path / "theirs", NODEJS.read_text("utf-8")))
    assert mine == theirs
    # Upstream's own findings: descriptions that repeat the name, words spelt otherwise.
    assert len(theirs) == 19
    assert {re.sub(r".*\[(.*)\]$", r"\1", line) for line in theirs} == {
        "remark-lint:no-repeat-item-in-description",
        "remark-lint:awesome-spell-check",
    }


ELECTRON = FIXTURES / "awesome-electron-d78d442-README.md"


def test_awesome_electron_renders_back_byte_for_byte(tmp_path: Path) -> None:
    entries, categories, _, said = _plan(ELECTRON)
    assert len(entries) == 226
    assert len([s for s in said if "has no summary" in s]) == 26
    # Nine lines with text after the link (`💲`, `*(Polish)*`) and a second
    # electron-boilerplate stay frame text, as they are.
    kept = [s.split(": warning")[0] for s in said if "frame text" in s]
    assert kept == [f"README.md:{n}:1" for n in (198, 297, 298, 310, 311, 312, 313, 328, 329, 330)]
    assert "Apps / Open Source / Featured" in categories
    assert "Contribute" not in categories
    assert _rendered(tmp_path, ELECTRON) == ELECTRON.read_text(encoding="utf-8")


def test_lint_of_awesome_electron_names_its_skipped_levels_and_its_stray_lines() -> None:
    found = lint_list(ELECTRON.read_text(encoding="utf-8"), "README.md")
    skips = (
        "error[list-heading] heading skips a level (### to ######): a category heading is one "
        "level under its parent's"
    )
    assert [d.text() for d in found[:2]] == [
        f"README.md:51:1: {skips}",
        f"README.md:138:1: {skips}",
    ]
    stray = "not an entry line (after its link an entry line has nothing, or ' - ' and its summary)"
    assert [(d.line, d.rule, d.message.split(": '")[0]) for d in found[2:]] == [
        (n, "list-entry", stray) for n in (297, 298, 310, 311, 312, 313, 328, 329, 330)
    ]
