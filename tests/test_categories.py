"""Category names are plain text: markup is refused in categories.yaml and by import, and
escaped where the README shows a name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from awesome_tools.cli import main
from awesome_tools.core.categories import category_problem
from awesome_tools.core.schema import Entry
from awesome_tools.core.templates import load_templates, markdown_text
from awesome_tools.layouts.table.render import render_readme
from conftest import RICH, write_project

PLAIN = "(letters, digits, spaces, & - , . : ' / + and non-ASCII symbols such as emoji)"

VALID = [
    "Decoders & Friends",
    "Encoders",
    "Vision-Language: 2D/3D, etc.",
    "O'Neil + Co.",
    "Modèles génératifs",
    "VLMs for Text Generation ✍️",
    "VLMs for Understanding Text 🗞️ and Images 🖼️",
    "Coders 👩‍💻",
]

INVALID = [
    ("Evil](https://evil.example/phish) [x", "( ) [ ]"),
    ("![t](https://evil.example/t.png)", "! ( ) [ ]"),
    ("<img src=x onerror=alert(1)>", "( ) < = >"),
    ("*bold* and _em_", "* _"),
    ("`code`", "`"),
    ("back\\slash", "\\"),
    ("Tables | pipes", "|"),
    ("Heading #", "#"),
    ('~~strike~~ {x} ^y; z? "q" $ % @', '" $ % ; ? @ ^ { } ~'),
    ("rtl\u202eevil", "\u202e"),
    ("no\u00a0break", "\u00a0"),
]


@pytest.mark.parametrize("name", VALID)
def test_plain_category_names_pass(name: str) -> None:
    assert category_problem(name) is None


@pytest.mark.parametrize(("name", "shown"), INVALID)
def test_markup_in_a_category_name_is_refused(name: str, shown: str) -> None:
    assert (
        category_problem(name)
        == f"category '{name}' holds {shown}: a category is plain text {PLAIN}"
    )


@pytest.mark.parametrize(("name", "shown"), INVALID[:3])
def test_check_and_render_refuse_a_categories_file_with_markup(
    project: Path, capsys: pytest.CaptureFixture[str], name: str, shown: str
) -> None:
    (project / "categories.yaml").write_text(
        f"- Encoders\n- {json.dumps(name)}\n", encoding="utf-8"
    )
    expected = (
        f"categories.yaml:2:3: error[category-name] category '{name}' holds {shown}: "
        f"a category is plain text {PLAIN}\n"
    )
    assert main(["check"]) == 1
    assert capsys.readouterr().out == expected
    assert main(["render"]) == 1
    out, err = capsys.readouterr()
    assert out == expected
    assert err.startswith("awesome-tools: README.md not written: fix the entries first\n")
    assert not (project / "README.md").exists()


def _markup(text: str) -> list[str]:
    """Every link, image and inline HTML tag of a Markdown text, as `type target`."""
    found = []
    for token in MarkdownIt("commonmark").parse(text):
        for child in token.children or []:
            if child.type in ("link_open", "image"):
                found.append(f"{child.type} {child.attrs.get('href') or child.attrs.get('src')}")
            elif child.type == "html_inline":
                found.append(f"html {child.content}")
    return found


def test_a_category_that_slipped_through_is_shown_as_text() -> None:
    names = [name for name, _ in INVALID[:5]]
    entries = [Entry.model_validate({**RICH[0], "category": names[0]})]
    text = render_readme(entries, names, templates=load_templates(None))
    markup = _markup(text)
    assert [m for m in markup if "evil" in m or m.startswith("html <img")] == [
        "link_open #evilhttpsevilexamplephish-x"
    ]
    headings = [line.removeprefix("## ") for line in text.splitlines() if line.startswith("## ")]
    assert headings[2] == "Evil\\]\\(https://evil.example/phish\\) \\[x"
    assert "- [Evil\\]\\(https://evil.example/phish\\) \\[x](#evilhttpsevilexamplephish-x)" in text
    assert MarkdownIt("commonmark").renderInline(headings[2]) == names[0]
    packaged = load_templates(None)
    assert _markup(render_readme([], names, templates=packaged)) == _markup(
        render_readme([], [], templates=packaged)
    )


@pytest.mark.parametrize(
    ("name", "escaped"),
    [
        ("Decoders & Friends", "Decoders &amp; Friends"),
        ("O'Neil", "O&#39;Neil"),
        ("Evil](https://evil.example/phish) [x", "Evil\\]\\(https://evil.example/phish\\) \\[x"),
        ("![t](u)", "\\!\\[t\\]\\(u\\)"),
        ("<b>*a*_b_`c`#|~\\", "&lt;b&gt;\\*a\\*\\_b\\_\\`c\\`\\#\\|\\~\\\\"),
    ],
)
def test_markdown_text_escapes_markup(name: str, escaped: str) -> None:
    assert markdown_text(name) == escaped


IMPORTED = """\
# A list

## Evil](https://evil.example/phish) [x

<details><summary>Alpha</summary><table><tr><th>Title</th></tr>
<tr><td><a href="https://e.org/a">A</a></td></tr></table></details>

<details><summary>Beta</summary><table><tr><th>Title</th></tr>
<tr><td><a href="https://e.org/b">B</a></td></tr></table></details>
"""


def test_import_refuses_a_section_title_with_markup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "entries").mkdir()
    (tmp_path / "list.md").write_text(IMPORTED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["import", "list.md"]) == 1
    out, err = capsys.readouterr()
    assert out == (
        "list.md:5:1: error[category-name] category 'Evil](https://evil.example/phish) [x' "
        f"holds ( ) [ ]: a category is plain text {PLAIN}\n"
    )
    assert err.startswith("awesome-tools: nothing written\n")
    assert list((tmp_path / "entries").iterdir()) == []
    assert not (tmp_path / "categories.yaml").exists()


def test_the_rich_categories_stay_valid(tmp_path: Path) -> None:
    write_project(tmp_path, [], ["Decoders & Friends", "Encoders"])
    assert main(["check", "--root", str(tmp_path)]) == 0
