"""README generation: golden output, the seed's cells, escaping, layout, order, safe writes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_table_import import _plain, _seed_blocks

from awesome_tools.cli import main
from awesome_tools.core.blockread import read_document
from awesome_tools.core.ordering import github_anchor, sort_key
from awesome_tools.core.schema import Entry
from conftest import LIST, RICH, RICH_CATEGORIES, TESTS, write_project

GOLDEN = TESTS / "golden"


def _render(project: Path) -> str:
    assert main(["render"]) == 0
    return (project / "README.md").read_text("utf-8")


def test_packaged_template_golden(rich_project: Path, request: pytest.FixtureRequest) -> None:
    text = _render(rich_project)
    golden = GOLDEN / "rich-default-template.md"
    if request.config.getoption("--regen-golden"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text("utf-8"), "run `pytest --regen-golden` if this is intended"


def test_fixture_list_readme_is_its_rendering(
    capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest
) -> None:
    """The frozen list's README is a golden file: what its entries and templates render to."""
    if request.config.getoption("--regen-golden"):
        assert main(["render", "--root", str(LIST)]) == 0
    assert main(["render", "--check", "--root", str(LIST)]) == 0
    assert capsys.readouterr().out == ""


def test_every_seed_cell_is_in_the_readme() -> None:
    document = read_document((LIST / "README.md").read_text("utf-8"))
    models = {block.summary: block for block in document.models}
    assert len(models) == 10
    for name, cells in _seed_blocks():
        row = [cell.text for cell in models[name].tables[0].rows[0]]
        title = _plain(re.sub(r"<a\b.*?</a>", "", cells[0], flags=re.S)) or _plain(cells[0])
        assert row == [title, *(_plain(cell) for cell in cells[1:])], name
    palm = models["PALM-E"].tables[0].rows[0][0]
    assert (palm.text, palm.links[0].href) == (
        "PaLM-E: An Embodied Multimodal Language Model",
        "https://palm-e.github.io",
    )


def test_fields_are_escaped_and_read_back_unchanged(rich_project: Path) -> None:
    text = _render(rich_project)
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;friends&#34;" in text
    assert 'href="https://example.org/alpha?a=1&amp;b=&#34;2&#34;"' in text
    alpha = next(b for b in read_document(text).models if b.summary == "alpha")
    row = alpha.tables[0].rows[0]
    assert row[0].links[0].href == RICH[1]["url"]
    assert row[0].text == RICH[1]["title"]
    assert row[1].text == "Alpha </td></tr> <b>bold</b> overview."


@pytest.mark.parametrize("which", ["fixture list", "rich"])
def test_github_safe_layout(which: str, rich_project: Path) -> None:
    text = (
        (LIST / "README.md").read_text("utf-8")
        if which == "fixture list"
        else _render(rich_project)
    )
    lines = text.split("\n")
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in lines)
    inside = False
    for number, line in enumerate(lines, 1):
        if line.startswith("<details>"):
            assert not inside, number
            assert lines[number - 2] == "", f"no blank line before the block at {number}"
            inside = True
        elif inside:
            assert line.strip(), f"blank line inside a block at line {number}"
            assert len(line) - len(line.lstrip(" ")) <= 3, number
            if line == "</details>":
                inside = False
                assert lines[number] == "", f"no blank line after the block at {number}"
    assert not inside


def test_sections_follow_categories_and_names_sort_ignoring_case(rich_project: Path) -> None:
    text = _render(rich_project)
    assert re.findall(r"^## (.*)$", text, flags=re.M) == [
        "Contents",
        "Overview",
        "Decoders &amp; Friends",
        "Encoders",
        "Architectures",
        "Contributing",
    ]
    assert re.findall(r"<summary>(.*)</summary>", text) == ["alpha", "Zeta-VLM", "ViT", "Beta"]
    assert "- [Decoders &amp; Friends](#decoders--friends)" in text


@pytest.mark.parametrize(
    ("names", "order"),
    [
        (["beta", "Alpha", "alpha-2"], ["Alpha", "alpha-2", "beta"]),  # case ignored
        # 'ß' casefolds to 'ss': a tie, broken by the file name ('stra-e' before 'strasse')
        (["STRASSE", "Straße"], ["Straße", "STRASSE"]),
        (["Straße", "STRASSE"], ["Straße", "STRASSE"]),
        (["B", "a", "C"], ["a", "B", "C"]),
    ],
)
def test_names_sort_ignoring_case_ties_by_file_name(names: list[str], order: list[str]) -> None:
    entries = [Entry.model_construct(name=name) for name in names]
    assert [entry.name for entry in sorted(entries, key=sort_key)] == order


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Architectures", "architectures"),
        ("Decoders & Friends", "decoders--friends"),
        ("VLMs for Text Generation ✍️", "vlms-for-text-generation-\ufe0f"),
        ("Über 2.0", "über-20"),
    ],
)
def test_github_anchor(heading: str, anchor: str) -> None:
    assert github_anchor(heading) == anchor


def test_output_does_not_depend_on_file_order_line_endings_or_locale(tmp_path: Path) -> None:
    first = write_project(tmp_path / "a", RICH, RICH_CATEGORIES)
    second = write_project(tmp_path / "b", list(reversed(RICH)), RICH_CATEGORIES)
    for path in (second / "entries").iterdir():
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    outputs = []
    for root, lang in ((first, "C"), (second, "tr_TR.UTF-8")):
        env = {**os.environ, "LC_ALL": lang, "LANG": lang, "GITHUB_ACTIONS": ""}
        result = subprocess.run(
            [sys.executable, "-m", "awesome_tools", "render", "--root", str(root)],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        outputs.append((root / "README.md").read_bytes())
    assert outputs[0] == outputs[1]


def test_entry_errors_write_nothing(rich_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = rich_project / "README.md"
    readme.write_text("old\n", encoding="utf-8")
    (rich_project / "entries" / "vit.yaml").write_text("name: ViT\n", encoding="utf-8")
    assert main(["render"]) == 1
    out, err = capsys.readouterr()
    assert "entries/vit.yaml:1:1: error[missing-field] missing required field 'title'" in out
    assert "awesome-tools: README.md not written: fix the entries first\n" in err
    assert readme.read_text("utf-8") == "old\n"


def test_unchanged_readme_is_not_rewritten(
    rich_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _render(rich_project)
    readme = rich_project / "README.md"
    os.utime(readme, (1, 1))
    assert main(["render"]) == 0
    assert readme.stat().st_mtime == 1
    assert "unchanged README.md (4 models)" in capsys.readouterr().err
    assert sorted(p.name for p in rich_project.iterdir()) == [
        "README.md",
        "categories.yaml",
        "entries",
    ]


def test_check_reports_a_stale_readme_with_a_diff(
    rich_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _render(rich_project)
    capsys.readouterr()
    readme = rich_project / "README.md"
    readme.write_text(
        text.replace("<td>Beta data.</td>", "<td>Beta edited.</td>"), encoding="utf-8"
    )
    assert main(["render", "--check"]) == 1
    out, err = capsys.readouterr()
    assert "-<td>Beta edited.</td>\n+<td>Beta data.</td>\n" in out
    assert out.startswith("--- README.md\n+++ README.md (rendered)\n")
    assert err == "README.md is out of date with entries/: run `awesome-tools render`\n"
    assert "Beta edited." in readme.read_text("utf-8")
    assert main(["render", "--diff"]) == 0
    assert "+<td>Beta data.</td>" in capsys.readouterr().out
    assert readme.read_text("utf-8") == text


def test_project_template_overrides_the_packaged_one(rich_project: Path) -> None:
    (rich_project / "templates").mkdir()
    (rich_project / "templates" / "README.md.j2").write_text(
        '# Mine\n{% from "model.html.j2" import model_block %}'
        "{% for s in sections %}{% for entry in s.entries %}\n"
        "{{ model_block(entry) }}{% endfor %}{% endfor %}\n",
        encoding="utf-8",
    )
    text = _render(rich_project)
    assert text.startswith('# Mine\n<details id="alpha">\n<summary>alpha</summary>\n')
    assert text.count("<details id=") == 4


def test_project_template_is_the_one_used() -> None:
    assert (
        (LIST / "README.md")
        .read_text("utf-8")
        .startswith("<!-- Generated from entries/ by `make readme`")
    )
    assert (LIST / "templates" / "README.md.j2").is_file()


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        (
            "# T\n{% for s in sections %}\n{{ s.name }\n{% endfor %}\n",
            "templates/README.md.j2:3:1: error[template] the template fails: unexpected '}'\n",
        ),
        (
            "# T\n\n{{ missing.name }}\n",
            "templates/README.md.j2:3:1: error[template] the template fails: 'missing' is undefined\n",
        ),
    ],
)
def test_a_broken_template_is_a_diagnostic(
    rich_project: Path, capsys: pytest.CaptureFixture[str], template: str, expected: str
) -> None:
    (rich_project / "templates").mkdir()
    (rich_project / "templates" / "README.md.j2").write_text(template, encoding="utf-8")
    (rich_project / "README.md").write_text("old\n", encoding="utf-8")
    assert main(["render"]) == 1
    assert main(["lint"]) == 1
    out, err = capsys.readouterr()
    assert out == expected * 2
    assert "Traceback" not in err
    assert (rich_project / "README.md").read_text("utf-8") == "old\n"


def test_hooks_can_ask_for_a_failing_exit_when_the_readme_changes(
    rich_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", "--exit-non-zero-on-change"]) == 1
    assert capsys.readouterr().err.endswith(
        "wrote README.md (4 models)\nREADME.md was regenerated: stage it and commit again\n"
    )
    assert main(["render", "--exit-non-zero-on-change"]) == 0


def test_written_files_get_the_usual_mode(rich_project: Path) -> None:
    _render(rich_project)
    assert (rich_project / "README.md").stat().st_mode & 0o777 == 0o644
    (rich_project / "README.md").chmod(0o664)
    (rich_project / "entries" / "beta.yaml").write_text(
        (rich_project / "entries" / "beta.yaml")
        .read_text("utf-8")
        .replace("Beta data.", "Beta more data."),
        encoding="utf-8",
    )
    _render(rich_project)
    assert (rich_project / "README.md").stat().st_mode & 0o777 == 0o664
