"""The README lint engine called as a library (`engine.lint.lint_readme`): what it finds and how
many files it compared, for the list's own README and for one outside a list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from awesome_tools.engine.lint import lint_readme
from awesome_tools.io import workers
from awesome_tools.layouts.panel import CREDITS

Edit = Callable[[Path], None]


def _replace(name: str, old: str, new: str) -> Edit:
    def edit(root: Path) -> None:
        path = root / name
        path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")

    return edit


def _nothing(root: Path) -> None:
    return None


DRIFT = (
    "README.md:22:35: error[drift] overview row 'LLaVA 1.6' differs from entries/llava-1-6.yaml "
    "(field name): found 'LLaVA-1.6</a></td><td>2024-01-30</td><td...' where render writes "
    "'LLaVA 1.6</a></td><td>2024-01-30</td><td...'; edit entries/llava-1-6.yaml, not README.md, "
    "then run `make readme`"
)
OWN = [
    ("the table list's README as render writes it", "seed", _nothing, [], 1),
    (
        "an edited overview row, the entry file named",
        "seed",
        _replace("README.md", ">LLaVA 1.6</a></td><td>2024", ">LLaVA-1.6</a></td><td>2024"),
        [DRIFT],
        1,
    ),
    ("the panel list's README and credits file", "panel", _nothing, [], 2),
    (
        "the credits file edited",
        "panel",
        _replace(CREDITS, "LLaVA", "LLaVa"),
        [
            f"{CREDITS}:7:1: error[drift] {CREDITS} differs from what render makes of entries/: "
            f"it is generated; edit entries/, not {CREDITS}, then run `awesome-tools render`"
        ],
        2,
    ),
]


@pytest.mark.parametrize(
    ("kind", "edit", "expected", "files"), [case[1:] for case in OWN], ids=[c[0] for c in OWN]
)
def test_the_list_s_own_readme(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    edit: Edit,
    expected: list[str],
    files: int,
) -> None:
    root: Path = request.getfixturevalue("seed_project" if kind == "seed" else "panel_list")
    edit(root)
    text = (root / "README.md").read_text("utf-8")
    # With two processes, every README is large enough for the work to be shared.
    monkeypatch.setattr(workers, "MIN_PARALLEL", 0)
    for shortcuts, jobs in [(True, 1), (False, 1), (True, 2), (False, 2)]:
        linted = lint_readme(
            text, "README.md", root=root, cwd=root, own=True, jobs=jobs, shortcuts=shortcuts
        )
        assert ([d.text() for d in linted.diagnostics], linted.files) == (expected, files)


def test_a_readme_outside_a_list_is_read_in_the_layout_its_shape_names(tmp_path: Path) -> None:
    text = "# Notes\n\n<details>\n<summary>X</summary>\n\n    <td>x</td>\n</details>\n"
    linted = lint_readme(text, "other.md", root=None, cwd=tmp_path, own=False)
    assert [d.text() for d in linted.diagnostics] == [
        "other.md:3:1: error[block-table] model block 'X' has no <table>",
        "other.md:6:1: error[html-block-break] a blank line before this line ends the HTML "
        "block: GitHub shows what follows as a code block; remove the blank line or indent less "
        "than 4 spaces",
    ]
    assert linted.files == 1


def test_a_template_that_fails_is_the_one_diagnostic(seed_project: Path) -> None:
    (seed_project / "templates" / "README.md.j2").write_text("{{ 1 / 0 }}\n", "utf-8")
    text = (seed_project / "README.md").read_text("utf-8")
    linted = lint_readme(text, "README.md", root=seed_project, cwd=seed_project, own=True)
    assert [d.rule for d in linted.diagnostics] == ["template"]
    assert linted.diagnostics[0].path == "templates/README.md.j2"
