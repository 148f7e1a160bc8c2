"""The importer: every cell of the seed survives; real-world READMEs import cleanly."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import yaml
from test_table_lint import UNREADABLE_CASES

from awesome_tools.cli import main
from awesome_tools.core.normalize import canonical_text
from awesome_tools.layouts.table.importer import plan_import
from conftest import FIXTURES

SEED = FIXTURES / "seed-README.md"
FIELDS = [
    ("architecture", "overview"),
    ("architecture", "components"),
    ("training", "methods"),
    ("alignment", "techniques"),
    ("alignment", "fusion_methods"),
    ("datasets", "used"),
    ("datasets", "purpose"),
]


def _plain(fragment: str) -> str:
    return canonical_text(html.unescape(re.sub(r"<[^>]+>", "", fragment)))


def _seed_blocks() -> list[tuple[str, list[str]]]:
    """An independent reading of the seed: summary and raw cells of each block, by regex."""
    text = SEED.read_text("utf-8")
    blocks = re.findall(r"<details>(.*?)</details>", text, flags=re.S)
    return [
        (
            _plain(re.search(r"<summary>(.*?)</summary>", b, flags=re.S).group(1)),  # type: ignore[union-attr]
            re.findall(r"<td>(.*?)</td>", b, flags=re.S),
        )
        for b in blocks
    ]


def _load(text: str) -> dict[str, object]:
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def test_every_cell_of_the_seed_survives() -> None:
    plan = plan_import(
        SEED.read_bytes(), "seed.md", categories_text=None, categories_path="categories.yaml"
    )
    blocks = _seed_blocks()
    assert len(blocks) == 10
    assert len(plan.files) == 10
    for name, cells in blocks:
        data = _load(plan.files[re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") + ".yaml"])
        assert data["name"] == name
        title_cell = cells[0]
        href = re.search(r'href="([^"]+)"', title_cell).group(1)  # type: ignore[union-attr]
        assert data["url"] == html.unescape(href)
        outside = _plain(re.sub(r"<a\b.*?</a>", "", title_cell, flags=re.S))
        assert data["title"] == (outside or _plain(title_cell))
        for (section, key), cell in zip(FIELDS, cells[1:], strict=True):
            assert data[section][key] == _plain(cell), (name, section, key)  # type: ignore[index]


def test_palm_e_title_is_the_text_outside_its_link() -> None:
    plan = plan_import(
        SEED.read_bytes(), "seed.md", categories_text=None, categories_path="categories.yaml"
    )
    data = _load(plan.files["palm-e.yaml"])
    assert (data["title"], data["url"]) == (
        "PaLM-E: An Embodied Multimodal Language Model",
        "https://palm-e.github.io",
    )
    assert [d.text() for d in plan.diagnostics] == [
        "seed.md:251:55: warning[import] text outside the link is taken as the title; "
        "link text 'PaLM-E' dropped"
    ]


def test_entry_files_start_with_the_schema_modeline() -> None:
    plan = plan_import(SEED.read_bytes(), "s.md", categories_text=None, categories_path="c.yaml")
    for text in plan.files.values():
        assert text.startswith("# yaml-language-server: $schema=../schema/entry.schema.json\n")


@pytest.mark.parametrize(
    ("fixture", "count", "categories", "without_alignment", "figures"),
    [
        ("upstream-2d19f70-README.md", 32, [], 0, 26),
        (
            "upstream-146fbe4-README.md",
            46,
            ["VLMs for Text Generation ✍️", "VLMs for Understanding Text 🗞️ and Images 🖼️"],
            7,
            38,
        ),
    ],
)
def test_corpus_imports_into_an_empty_list_and_passes_check(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fixture: str,
    count: int,
    categories: list[str],
    without_alignment: int,
    figures: int,
) -> None:
    (tmp_path / "entries").mkdir()
    shutil.copy(FIXTURES / fixture, tmp_path / "list.md")
    monkeypatch.chdir(tmp_path)
    assert main(["import", "list.md"]) == 0
    out = capsys.readouterr().out
    assert "error[" not in out
    files = sorted((tmp_path / "entries").glob("*.yaml"))
    assert len(files) == count
    entries = [_load(f.read_text("utf-8")) for f in files]
    assert sum("alignment" not in e for e in entries) == without_alignment
    assert sum("figure" in e for e in entries) == figures
    categories_file = tmp_path / "categories.yaml"
    listed = yaml.safe_load(categories_file.read_text("utf-8")) if categories else []
    assert categories_file.exists() == bool(categories)
    assert listed == categories
    assert main(["check"]) == 0
    assert capsys.readouterr().out == ""


QUIRKS = """\
# A list

## Encoders

<details>
  <p align="center"><img src="https://example.org/f.png" alt="the diagram" /></p>
  <summary><h3>Tiny &amp; Fast</h3></summary>

    <table>
    <thead><tr><th>Title</th><th>Architecture Overview</th><th>Architecture Components</th>
    <th>Training Methods</th><th>Datasets Used</th><th>Datasets Purpose</th><th>Extra</th></tr></thead>
    <tbody><tr>
    <td><a href="https://arxiv.org/abs/2401.00001">Tiny &lt;Fast&gt; Model</a></td>
    <td>Overview   with
    newline</td><td>Parts</td><td>Train</td><td>Data</td><td>Why</td><td>x</td>
    </tr></tbody>
    </table>
</details>
"""


def test_quirks_map_or_warn(tmp_path: Path) -> None:
    plan = plan_import(QUIRKS.encode(), "q.md", categories_text=None, categories_path="c.yaml")
    assert [d.text() for d in plan.diagnostics] == [
        "q.md:11:77: warning[import] unknown column 'Extra'; dropped",
    ]
    assert _load(plan.files["tiny-fast.yaml"]) == {
        "name": "Tiny & Fast",
        "title": "Tiny <Fast> Model",
        "url": "https://arxiv.org/abs/2401.00001",
        "category": "Encoders",
        "figure": {"file": "https://example.org/f.png", "alt": "the diagram"},
        "architecture": {"overview": "Overview with newline", "components": "Parts"},
        "training": {"methods": "Train"},
        "datasets": {"used": "Data", "purpose": "Why"},
    }
    assert plan.categories_text is not None
    assert yaml.safe_load(plan.categories_text) == ["Encoders"]


def test_two_blocks_with_one_file_name_is_an_error() -> None:
    block = (
        "<details><summary>{}</summary><table><tr><th>Title</th></tr>"
        '<tr><td><a href="https://e.org/{}">T</a></td></tr></table></details>\n'
    )
    text = block.format("LLaVA 1.5", "a") + block.format("LLaVA-1.5", "b")
    plan = plan_import(text.encode(), "d.md", categories_text=None, categories_path="c.yaml")
    assert [d.text() for d in plan.diagnostics if d.severity == "error"] == [
        "d.md:2:1: error[duplicate-entry] 'LLaVA-1.5' gives the same file llava-1-5.yaml "
        "as the block at line 1"
    ]


def test_existing_files_are_not_overwritten_without_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "entries").mkdir()
    shutil.copy(SEED, tmp_path / "seed.md")
    (tmp_path / "entries" / "llava.yaml").write_text("# mine\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["import", "seed.md"]) == 1
    err = capsys.readouterr().err
    assert "awesome-tools: entries/llava.yaml exists\n" in err
    assert "awesome-tools: nothing written (use --force to overwrite)\n" in err
    assert [p.name for p in (tmp_path / "entries").iterdir()] == ["llava.yaml"]
    assert (tmp_path / "entries" / "llava.yaml").read_text("utf-8") == "# mine\n"
    assert main(["import", "seed.md", "--force"]) == 0
    assert len(list((tmp_path / "entries").iterdir())) == 10
    assert main(["check"]) == 0


def test_reimport_of_a_list_s_own_readme_writes_only_the_block_without_an_entry(
    seed_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A model block added to README.md by hand becomes an entry file; the others stay as they
    are, hand-quoted values and comments included, because they hold the same entries."""
    before = {p.name: p.read_bytes() for p in (seed_project / "entries").iterdir()}
    assert main(["import", "README.md"]) == 0
    assert capsys.readouterr().err == (
        "imported 10 entries into entries/ (0 written)\n1 file checked: no problems\n"
    )
    readme = seed_project / "README.md"
    block = (
        '<details id="newbie">\n<summary>Newbie</summary>\n<table>\n<tr><th>Title</th></tr>\n'
        '<tr><td><a href="https://example.org/newbie">Newbie: a test</a></td></tr>\n'
        "</table>\n</details>\n\n"
    )
    text = readme.read_text("utf-8")
    readme.write_text(text.replace('<details id="flamingo">', block + '<details id="flamingo">'))
    assert main(["import", "README.md"]) == 0
    assert "imported 11 entries into entries/ (1 written)\n" in capsys.readouterr().err
    after = {p.name: p.read_bytes() for p in (seed_project / "entries").iterdir()}
    assert after.pop("newbie.yaml").startswith(b"# yaml-language-server")
    assert after == before


def test_categories_are_appended_to_an_existing_file(tmp_path: Path) -> None:
    existing = "# my sections\n- Old\n"
    plan = plan_import(QUIRKS.encode(), "q.md", categories_text=existing, categories_path="c.yaml")
    assert plan.categories_text == '# my sections\n- Old\n- "Encoders"\n'


def test_a_flow_style_categories_file_is_left_alone(tmp_path: Path) -> None:
    plan = plan_import(QUIRKS.encode(), "q.md", categories_text="[Old]\n", categories_path="c.yaml")
    assert plan.categories_text is None
    assert [d.text() for d in plan.diagnostics if d.severity == "error"] == [
        "c.yaml:1:1: error[categories-file] could not append to c.yaml; "
        "add these categories by hand: Encoders"
    ]


@pytest.mark.parametrize(
    ("case", "text", "expected"), UNREADABLE_CASES, ids=[c[0] for c in UNREADABLE_CASES]
)
def test_markup_the_html_reader_cannot_read_imports_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    text: str,
    expected: list[str],
) -> None:
    wanted = [
        f"list.md:{line.replace('the rest of the README is checked once', 'nothing is imported until')}"
        for line in expected
    ]
    plan = plan_import(text.encode(), "list.md", categories_text=None, categories_path="c.yaml")
    assert [d.text() for d in plan.diagnostics] == wanted
    assert sorted(plan.files) == ([] if wanted else ["llava.yaml"])
    (tmp_path / "entries").mkdir()
    (tmp_path / "list.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["import", "list.md"]) == (1 if wanted else 0)
    out, err = capsys.readouterr()
    assert out == "".join(line + "\n" for line in wanted)
    assert ("awesome-tools: nothing written\n" in err) == bool(wanted)
    written = sorted(p.name for p in (tmp_path / "entries").iterdir())
    assert written == ([] if wanted else ["llava.yaml"])
