"""`render` in the list layout: the packaged frame, a list's own frame, and what could be lost."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from awesome_tools.cli import main
from awesome_tools.layouts.list import LAYOUT as LIST
from conftest import REPO, write_project

CATEGORIES = ["Tools", "Tools / Editors", "Tools / Editors / Modal", "Reading", "Empty"]


def _entry(name: str, url: str, summary: str, category: str | None, **more: str) -> dict[str, Any]:
    data: dict[str, Any] = {"name": name, "title": name, "url": url}
    if category:
        data["category"] = category
    return {**data, "summary": summary, **more}


ENTRIES = [
    _entry("make", "https://www.gnu.org/software/make", "Reads a `Makefile`.", "Tools"),
    _entry("Zed", "https://zed.dev", "Fast collaborative editor.", "Tools / Editors"),
    _entry("Helix", "https://helix-editor.com", "Modal editor.", "Tools / Editors / Modal"),
    _entry("[x] tools", "https://example.com/a_(b", "A name with brackets.", "Reading"),
    _entry("SICP", "https://mitpress.mit.edu/sicp", "Classic text.", "Reading", order="1"),
    _entry("Home", "https://example.com", "The list's home.", None),
]

PACKAGED = """\
# Awesome Things [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

> A curated list, kept as data: each entry is a file of entries/.

- [Home](https://example.com) - The list's home.

## Contents

- [Tools](#tools)
  - [Editors](#editors)
- [Reading](#reading)
- [Empty](#empty)

## Tools

- [make](https://www.gnu.org/software/make) - Reads a `Makefile`.

### Editors

- [Zed](https://zed.dev) - Fast collaborative editor.

#### Modal

- [Helix](https://helix-editor.com) - Modal editor.

## Reading

- [SICP](https://mitpress.mit.edu/sicp) - Classic text.
- [\\[x\\] tools](<https://example.com/a_(b>) - A name with brackets.

## Empty

## Contributing

Contributions welcome! Read the [contribution guidelines](contributing.md) first.
"""


@pytest.fixture
def things(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A list-layout list with no frame of its own, as the cwd."""
    write_project(tmp_path, ENTRIES, CATEGORIES)
    (tmp_path / "awesome.yaml").write_text("title: Awesome Things\nlayout: list\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def test_the_packaged_frame_writes_headings_contents_and_entry_lines(
    things: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check"]) == 0
    assert main(["render"]) == 0
    assert (things / "README.md").read_text(encoding="utf-8") == PACKAGED
    assert main(["lint"]) == 0
    assert capsys.readouterr().err.endswith(
        "wrote README.md (6 models)\n1 file checked: no problems\n"
    )


def test_what_the_packaged_frame_writes_imports_back_to_the_same_entries(things: Path) -> None:
    plan = LIST.read(
        PACKAGED.encode(), "README.md", categories=None, categories_path="categories.yaml"
    )
    assert plan.diagnostics == []
    by_name = {text.split("\nname: ", 1)[1].split("\n", 1)[0]: text for text in plan.files.values()}
    assert sorted(by_name) == ["'[x] tools'", "Helix", "Home", "SICP", "Zed", "make"]
    assert "url: https://example.com/a_(b\n" in by_name["'[x] tools'"]
    # Reading is not in name order (SICP has order 1): the README's order is kept.
    assert "order: '1'" in by_name["SICP"]
    assert "order: '2'" in by_name["'[x] tools'"]
    assert "category" not in by_name["Home"]


def test_the_packaged_frame_passes_awesome_lint(things: Path) -> None:
    if shutil.which("node") is None or not (REPO / "node_modules" / "awesome-lint").exists():
        pytest.skip("node or node_modules/awesome-lint is missing: run `make node`")
    assert main(["render"]) == 0
    (things / "contributing.md").write_text("# Contributing\n\nOpen a pull request.\n", "utf-8")
    result = subprocess.run(
        ["node", str(REPO / "tools" / "awesome-lint.mjs"), "README.md"],
        cwd=things,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "README.md: no awesome-lint issues\n")


FRAMES = [
    (
        "a category the frame does not place",
        '# Things\n\n{{ entries("Tools") }}\n{{ entries() }}\n',
        "templates/README.md.j2:1:1: error[template] the frame places no line for 'SICP' "
        "(category 'Reading'); add {{ entries(\"Reading\") }} where its lines go",
    ),
    (
        "a slice that leaves entries out",
        "# Things\n\n"
        + "".join(f'{{{{ entries("{c}") }}}}\n' for c in CATEGORIES if c != "Reading")
        + '{{ entries("Reading", 0, 1) }}\n{{ entries() }}\n',
        "templates/README.md.j2:1:1: error[template] the frame places no line for '[x] tools' "
        "(category 'Reading'); add {{ entries(\"Reading\") }} where its lines go",
    ),
    (
        "entries without a category not placed",
        "# Things\n\n" + "".join(f'{{{{ entries("{c}") }}}}\n' for c in CATEGORIES),
        "templates/README.md.j2:1:1: error[template] the frame places no line for 'Home' "
        "(category none); add {{ entries() }} where its lines go",
    ),
]


@pytest.mark.parametrize(("frame", "said"), [f[1:] for f in FRAMES], ids=[f[0] for f in FRAMES])
def test_a_frame_that_leaves_an_entry_out_is_an_error_and_nothing_is_written(
    frame: str, said: str, things: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (things / "templates").mkdir()
    (things / "templates" / "README.md.j2").write_text(frame, encoding="utf-8")
    assert main(["render"]) == 1
    assert capsys.readouterr().out == said + "\n"
    assert not (things / "README.md").exists()


def test_a_list_frame_places_slices_and_indents(things: Path) -> None:
    (things / "templates").mkdir()
    frame = (
        "# Things\n\n{{ entries() }}\n"
        + "".join(f'{{{{ entries("{c}") }}}}\n' for c in CATEGORIES if c != "Reading")
        + '- Books\n{{ entries("Reading", 0, 1, indent="\\t") }}\n- More\n'
        + '{{ entries("Reading", 1, indent="  ") }}\n'
    )
    (things / "templates" / "README.md.j2").write_text(frame, encoding="utf-8")
    assert main(["render"]) == 0
    text = (things / "README.md").read_text(encoding="utf-8")
    assert text.endswith(
        "- Books\n\t- [SICP](https://mitpress.mit.edu/sicp) - Classic text.\n- More\n"
        "  - [\\[x\\] tools](<https://example.com/a_(b>) - A name with brackets.\n"
    )
