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


FIX = "then run `awesome-tools render`"


def differs(column: int, fields: str, shown: str) -> str:
    """PDFKit's entry line, edited at `column`."""
    return (
        f"README.md:89:{column}: error[drift] entry line 'PDFKit' differs from entries/pdfkit.yaml "
        f"({fields}): {shown}; edit entries/pdfkit.yaml, not README.md, {FIX}"
    )


def missing(line: int, name: str, source: str) -> str:
    return (
        f"README.md:{line}:1: error[drift] entry line '{name}' is missing: render writes it here "
        f"from {source}; edit {source}, not README.md, {FIX}"
    )


def frame(line: int, column: int, shown: str) -> str:
    return (
        f"README.md:{line}:{column}: error[drift] text outside the entries differs from "
        f"templates/README.md.j2: {shown}; edit that, {FIX}"
    )


NAMED = "found '[PDF Kit](https://github.com/foliojs/pdf...' where render writes '[PDFKit](https://github.com/foliojs/pdfk...'"
CASES = [
    (
        "a summary edited",
        _edited(89, PDFKIT.replace("generation", "making")),
        [
            differs(
                53,
                "field summary",
                "found 'making library.' where render writes 'generation library.'",
            )
        ],
    ),
    (
        "a name edited: paired by its place",
        _edited(89, PDFKIT.replace("[PDFKit]", "[PDF Kit]")),
        [differs(7, "field name", NAMED)],
    ),
    (
        "a name and a link edited: paired by its place",
        _edited(89, PDFKIT.replace("[PDFKit]", "[PDF Kit]").replace("pdfkit)", "pdfkit2)")),
        [differs(7, "fields name, url", NAMED)],
    ),
    (
        "an entry line deleted",
        _edited(88, None),
        [missing(88, "Bitcore", "entries/bitcore.yaml")],
    ),
    (
        "an entry line added",
        _edited(144, ["- [awesome-deno](https://github.com/denolib/awesome-deno) - Deno."]),
        [
            f"README.md:144:1: error[drift] entry line 'awesome-deno' has no entry file: {NEW} awesome-deno`), {FIX}"
        ],
    ),
    (
        "an entry line moved to another category",
        "\n".join(LINES[:88] + LINES[89:102] + [LINES[88]] + LINES[102:]),
        [
            "README.md:102:1: error[drift] entry line 'PDFKit' of entries/pdfkit.yaml is out of "
            "order: render writes it at line 89; the order comes from entries/ and "
            f"categories.yaml, not README.md, {FIX}",
        ],
    ),
    (
        "another bullet",
        _edited(118, "* [npm](https://docs.npmjs.com/about-npm) - The default package manager."),
        [
            missing(118, "npm", "entries/npm.yaml"),
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
        [frame(116, 19, "found 'Managers' where render writes 'Manager'")],
    ),
    (
        "a heading that skips a level",
        _edited(101, "##### HTTP"),
        [
            "README.md:101:1: error[list-heading] heading skips a level (### to #####): a "
            "category heading is one level under its parent's",
            frame(101, 4, "found '##### HTTP' where render writes '### HTTP'"),
        ],
    ),
    (
        "a heading that is not plain text",
        _edited(101, "### HTTP (clients)"),
        [
            "README.md:101:1: error[list-heading] category 'HTTP (clients)' holds ( ): a category "
            "is plain text (letters, digits, spaces, & - , . : ' / + and non-ASCII symbols such "
            "as emoji)",
            frame(101, 9, "found 'HTTP (clients)' where render writes 'HTTP'"),
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
