"""`lint` of a list-layout README: the imported awesome-nodejs excerpt, edited by hand."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.layouts.list.lint import lint_list
from conftest import FIXTURES

EXCERPT = FIXTURES / "awesome-nodejs-cf153d4-excerpt-README.md"
LINES = EXCERPT.read_text(encoding="utf-8").split("\n")
FIX = "run `awesome-tools render`"
PDFKIT = "- [PDFKit](https://github.com/foliojs/pdfkit) - PDF generation library."
NEW = "`awesome-tools import README.md` turns it into one (or start from `awesome-tools new"


def _edited(line: int, new: str | list[str] | None) -> str:
    """The excerpt with line `line` (1-based) replaced, deleted (None) or preceded by lines."""
    lines = list(LINES)
    if new is None:
        del lines[line - 1]
    elif isinstance(new, list):
        lines[line - 1 : line - 1] = new
    else:
        lines[line - 1] = new
    return "\n".join(lines)


CASES = [
    (
        "a summary edited",
        _edited(89, PDFKIT.replace("generation", "making")),
        [
            "README.md:89:1: error[drift] entry line differs from entries/pdfkit.yaml (field "
            f"summary): edit entries/pdfkit.yaml, then {FIX}"
        ],
    ),
    (
        "a name edited: paired by its link",
        _edited(89, PDFKIT.replace("[PDFKit]", "[PDF Kit]")),
        [
            "README.md:89:1: error[drift] entry line differs from entries/pdfkit.yaml (field "
            f"name): edit entries/pdfkit.yaml, then {FIX}"
        ],
    ),
    (
        "a name and a link edited: another entry",
        _edited(89, PDFKIT.replace("[PDFKit]", "[PDF Kit]").replace("pdfkit)", "pdfkit2)")),
        [
            f"README.md:89:1: error[drift] entry line has no entry file: {NEW} 'PDF Kit'`)",
            f"README.md:89:1: error[drift] entry line of entries/pdfkit.yaml is missing here: {FIX}",
        ],
    ),
    (
        "an entry line deleted",
        _edited(88, None),
        [f"README.md:88:1: error[drift] entry line of entries/bitcore.yaml is missing here: {FIX}"],
    ),
    (
        "an entry line added",
        _edited(144, ["- [awesome-deno](https://github.com/denolib/awesome-deno) - Deno."]),
        [f"README.md:144:1: error[drift] entry line has no entry file: {NEW} awesome-deno`)"],
    ),
    (
        "an entry line moved to another category",
        "\n".join(LINES[:88] + LINES[89:102] + [LINES[88]] + LINES[102:]),
        [
            f"README.md:89:1: error[drift] entry line of entries/pdfkit.yaml is missing here: {FIX}",
            "README.md:102:1: error[drift] entry line of entries/pdfkit.yaml is not where render "
            "writes it (its category and order come from entries/pdfkit.yaml and "
            f"categories.yaml): {FIX}",
        ],
    ),
    (
        "another bullet",
        _edited(118, "* [npm](https://docs.npmjs.com/about-npm) - The default package manager."),
        [
            f"README.md:118:1: error[drift] entry line of entries/npm.yaml is missing here: {FIX}",
            "README.md:118:1: error[list-entry] not an entry line (a hyphen bullet, '- ', starts "
            "an entry line): '* [npm](https://docs.npmjs.com/about-npm) - The default pack'",
        ],
    ),
    (
        "a link that is not http(s)",
        _edited(90, ["- [Local](docs/local.md) - A page of this list."]),
        [
            "README.md:90:1: error[list-entry] not an entry line (an entry line's link goes to an "
            "http(s) address): '- [Local](docs/local.md) - A page of this list.'"
        ],
    ),
    (
        "text after the link without ' - '",
        _edited(90, ["- [Book](https://example.com/book) 💲"]),
        [
            "README.md:90:1: error[list-entry] not an entry line (after its link an entry line "
            "has nothing, or ' - ' and its summary): '- [Book](https://example.com/book) 💲'"
        ],
    ),
    (
        "an entry under an entry",
        _edited(90, ["  - [pdfmake](https://github.com/bpampuch/pdfmake) - PDF in the browser."]),
        [
            "README.md:90:1: error[list-entry] an entry line under another entry: an entry is a "
            "line of its category, or of a list group (a plain-text item such as '- Drivers')"
        ],
    ),
    (
        "a frame line edited",
        _edited(116, "## Package Managers"),
        [
            "README.md:116:1: error[drift] line differs from what templates/README.md.j2 writes: "
            f"edit that, then {FIX}"
        ],
    ),
    (
        "a heading that skips a level",
        _edited(101, "##### HTTP"),
        [
            "README.md:101:1: error[drift] line differs from what templates/README.md.j2 writes: "
            f"edit that, then {FIX}",
            "README.md:101:1: error[list-heading] heading skips a level (### to #####): a "
            "category heading is one level under its parent's",
        ],
    ),
    (
        "a heading that is not plain text",
        _edited(101, "### HTTP (clients)"),
        [
            "README.md:101:1: error[drift] line differs from what templates/README.md.j2 writes: "
            f"edit that, then {FIX}",
            "README.md:101:1: error[list-heading] category 'HTTP (clients)' holds ( ): a category "
            "is plain text (letters, digits, spaces, & - , . : ' / + and non-ASCII symbols such "
            "as emoji)",
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_lint_of_an_edited_list_readme(
    text: str,
    expected: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.copy(EXCERPT, tmp_path / "README.md")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["import", "README.md"]) == 0
    assert main(["lint"]) == 0
    capsys.readouterr()
    (tmp_path / "README.md").write_text(text, encoding="utf-8")
    assert main(["lint"]) == 1
    said = capsys.readouterr()
    assert said.out.split("\n")[:-1] == expected
    assert (
        said.err
        == f"1 file checked: {len(expected)} error{'s' * (len(expected) > 1)}, 0 warnings\n"
    )


LONE = [
    ("the excerpt", EXCERPT.read_text(encoding="utf-8"), []),
    (
        "a stray line before any category is the frame's",
        "# Awesome X\n\n* [Y](https://example.com) - Z.\n\n## Tools\n\n- [A](https://a.example) - B.\n",
        [],
    ),
    (
        "a stray line in a category",
        "# Awesome X\n\n## Tools\n\n- [A](https://a.example) - B.\n* [Y](https://example.com) - Z.\n",
        [
            "README.md:6:1: error[list-entry] not an entry line (a hyphen bullet, '- ', starts an "
            "entry line): '* [Y](https://example.com) - Z.'"
        ],
    ),
    (
        "a code block's lines are not entries or headings",
        "# Awesome X\n\n## Tools\n\n- [A](https://a.example) - B.\n\n```md\n#### C\n* [Y](x)\n```\n",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in LONE], ids=[c[0] for c in LONE])
def test_lint_of_a_lone_list_readme_checks_its_shape(text: str, expected: list[str]) -> None:
    assert [d.text() for d in lint_list(text, "README.md")] == expected
