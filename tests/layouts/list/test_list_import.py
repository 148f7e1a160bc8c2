"""`import` of a classic list README: what it refuses, what it keeps as frame text, and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.layouts.list import LAYOUT as LIST

PLAIN = "a category is plain text (letters, digits, spaces, & - , . : ' / + and non-ASCII "
PLAIN += "symbols such as emoji)"
NONE_KEPT = (
    "README.md:5:1: error[import] no entry line could be imported: each one is kept as frame "
    "text, as said at its line"
)

CASES = [
    (
        "no entry line",
        b"# Awesome X\n\nJust text.\n",
        [],
        [
            "README.md:1:1: error[import] no entry line found: an entry is a line "
            "'- [Name](https://...) - Summary.'"
        ],
    ),
    (
        "a heading that is not plain text",
        b"# Awesome X\n\n## Tools (old)\n\n- [A](https://a.example) - B.\n",
        [],
        [
            f"README.md:3:1: error[category-name] category 'Tools (old)' holds ( ): {PLAIN}",
            "README.md:5:1: warning[import] 'A' is kept as frame text, not an entry: its "
            "category is not plain text",
            NONE_KEPT,
        ],
    ),
    (
        "a name with a character that shows as nothing",
        "# Awesome X\n\n## Tools\n\n- [A\u200bB](https://a.example) - B.\n"
        "- [C](https://c.example) - D.\n".encode(),
        ["c.yaml"],
        [
            "README.md:5:1: warning[import] 'A\u200bB' is kept as frame text, not an entry: "
            "name: holds U+200B ZERO WIDTH SPACE at character 2, which shows as nothing; "
            "type 'AB'"
        ],
    ),
    (
        "a link without a host",
        b"# Awesome X\n\n## Tools\n\n- [A](https://) - B.\n",
        [],
        [
            "README.md:5:1: warning[import] 'A' is kept as frame text, not an entry: url: must "
            "be an absolute http:// or https:// link, got 'https://'",
            NONE_KEPT,
        ],
    ),
    (
        "not UTF-8",
        "# Caf\xe9\n".encode("latin-1"),
        [],
        ["README.md:1:6: error[encoding] file is not valid UTF-8 (byte 0xe9); save it as UTF-8"],
    ),
]


@pytest.mark.parametrize(
    ("raw", "files", "said"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_import_plan(raw: bytes, files: list[str], said: list[str]) -> None:
    plan = LIST.read(raw, "README.md", categories=None, categories_path="categories.yaml")
    assert sorted(plan.files) == files
    assert [d.text() for d in plan.diagnostics] == said


def test_a_line_kept_as_frame_text_comes_back_as_it_was() -> None:
    raw = "# Awesome X\n\n## Tools\n\n- [A\u200bB](https://a.example) - B.\n"
    raw += "- [C](https://c.example) - D.\n"
    plan = LIST.read(raw.encode(), "README.md", categories=None, categories_path="categories.yaml")
    assert plan.others["templates/README.md.j2"] == (
        '# Awesome X\n\n## Tools\n\n- [A\u200bB](https://a.example) - B.\n{{ entries("Tools") }}\n'
    )


def test_a_category_is_named_with_its_spaces_collapsed_as_categories_yaml_reads_it() -> None:
    raw = b"# A\n\n## Tools   and  more\n\n- [A](https://a.example) - B.\n"
    plan = LIST.read(raw, "README.md", categories=None, categories_path="categories.yaml")
    assert plan.diagnostics == []
    assert plan.categories_text is not None
    assert plan.categories_text.endswith('\n- "Tools and more"\n')
    assert plan.others["templates/README.md.j2"].endswith('{{ entries("Tools and more") }}\n')
    assert "category: Tools and more\n" in plan.files["a.yaml"]


def test_import_into_a_table_list_names_the_setting_to_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "entries").mkdir()
    (tmp_path / "awesome.yaml").write_text("layout: table\n", encoding="utf-8")
    readme = "# Awesome X\n\n## Tools\n\n- [A](https://a.example) - B.\n"
    (tmp_path / "README.md").write_text(readme, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["import", "README.md"]) == 1
    assert capsys.readouterr().out == (
        "awesome.yaml:1:1: error[settings] the README is in the list layout and this list in "
        "the table layout: set 'layout: list' here first\n"
    )
    assert list((tmp_path / "entries").iterdir()) == []
