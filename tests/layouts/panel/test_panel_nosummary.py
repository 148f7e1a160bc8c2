"""Panels without a summary (upstream's README of March 2024): import says so
(`panel_quirks.summary: none`) and makes none up; check lists each as a to-do (`no-summary`, a
warning); render writes the panel as it was; a new entry is still asked for its summary."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_panel_levels import _verbatim

from awesome_tools.cli import main
from awesome_tools.core.entrycheck import check_entries
from awesome_tools.layouts.base import Layout
from awesome_tools.layouts.panel import LAYOUT as PANEL
from awesome_tools.layouts.panel.read import read_panel_readme
from awesome_tools.layouts.table import LAYOUT as TABLE
from conftest import GOOD, TESTS

FIXTURES = TESTS / "fixtures"
# upstream at d862163 (2024-03-18, CC0 1.0): 47 panels, none with a summary paragraph.
WHOLE = FIXTURES / "upstream-d862163-README.md"
# Its frame, three of its panels (LLaVA, LLaVA 1.6, ViT) and its closing references.
EXCERPT = FIXTURES / "upstream-d862163-excerpt-README.md"

P = "entries/llava.yaml"
ENTRY = "name: LLaVA\ntitle: 'LLaVA: Visual Instruction Tuning'\nurl: https://arxiv.org/abs/2304.08485\n"
TODO = (
    "warning[no-summary] no summary yet: the imported panel had none (render writes none); "
    "write the model's one-paragraph summary as 'summary: ...' at the top level and remove "
)
LEFT = "warning[no-summary] the entry has a summary now: remove "
MISSING = "error[missing-field] missing required field 'summary': add 'summary:'"

# (case, entry file, the layout's required fields, diagnostics as `line:col: severity[rule] ...`)
CASES: list[tuple[str, str, Layout, list[str]]] = [
    ("a new panel entry without a summary", ENTRY, PANEL, [f"1:1: {MISSING}"]),
    (
        "an imported panel that had none",
        ENTRY + "panel_quirks:\n  summary: none\n",
        PANEL,
        [f"5:3: {TODO}'panel_quirks:' and this line"],
    ),
    (
        "an imported panel that had none, among other quirks",
        ENTRY + "panel_quirks:\n  released_line: 'no'\n  summary: none\n",
        PANEL,
        [f"6:3: {TODO}this line"],
    ),
    (
        "its summary written, the quirk left over",
        ENTRY + "summary: Tunes on GPT-4 data.\npanel_quirks:\n  summary: none\n",
        PANEL,
        [f"6:3: {LEFT}'panel_quirks:' and this line"],
    ),
    (
        "its summary written, the quirk removed",
        ENTRY + "summary: Tunes on GPT-4 data.\n",
        PANEL,
        [],
    ),
    (
        "the table's sections stand in for the summary",
        GOOD + "panel_quirks:\n  summary: none\n",
        PANEL,
        [],
    ),
    (
        "a table list's entry holds no panel quirks: they are the panel layout's",
        GOOD + "panel_quirks:\n  summary: none\n",
        TABLE,
        [
            "16:1: error[unknown-key] unknown key 'panel_quirks' (allowed here: name, title, "
            "url, released, released_basis, category, order, summary, contribution, authors, "
            "vision_encoder, language_model, connector, vision_family, language_family, params, "
            "modalities, based_on, based_on_outside, license, open_weights, code, weights, links, "
            "figure, architecture, training, alignment, datasets, sources, deep_dive)"
        ],
    ),
    (
        "the quirk says only none",
        ENTRY + "panel_quirks:\n  summary: 'no'\n",
        PANEL,
        [
            f"1:1: {MISSING}",
            "5:12: error[wrong-type] panel_quirks.summary: Input should be 'none'",
        ],
    ),
    (
        "a missing summary and another error: both said",
        ENTRY.replace("url: https://arxiv.org/abs/2304.08485\n", "")
        + "panel_quirks:\n  summary: none\n",
        PANEL,
        [
            "1:1: error[missing-field] missing required field 'url': add 'url:'",
            f"4:3: {TODO}'panel_quirks:' and this line",
        ],
    ),
]


@pytest.mark.parametrize(("case", "text", "layout", "expected"), CASES, ids=[c[0] for c in CASES])
def test_check_of_a_missing_summary(
    case: str, text: str, layout: Layout, expected: list[str]
) -> None:
    checked, found = check_entries(
        [(P, text.encode())],
        categories=[],
        required=layout.required,
        model=layout.entry_model,
    )
    assert [d.text() for d in found] == [f"{P}:{line}" for line in expected]
    # A warning leaves the entry valid: render takes it.
    valid = not any("error[" in line for line in expected)
    assert (checked[0].entry is not None) == valid


@pytest.mark.parametrize(("case", "text", "layout", "expected"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("strict", [False, True], ids=["plain", "strict"])
def test_check_command_exits_on_errors_and_under_strict_on_the_to_do(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    text: str,
    layout: Layout,
    expected: list[str],
    strict: bool,
) -> None:
    (tmp_path / "entries").mkdir()
    (tmp_path / "awesome.yaml").write_text(f"layout: {layout.name}\n", encoding="utf-8")
    (tmp_path / P).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    failing = [line for line in expected if strict or "error[" in line]
    assert main(["check", *(["--strict"] if strict else [])]) == (1 if failing else 0)
    assert capsys.readouterr().out == "".join(f"{P}:{line}\n" for line in expected)


def _filled(text: str) -> str:
    """The file `new` wrote, its title and link given."""
    title = '"TODO: The title of the paper or page that introduces the model."'
    url = '"TODO: The http(s) link to that paper or page (arXiv abs preferred)."'
    return text.replace(title, "Tiny").replace(url, "https://arxiv.org/abs/2401.00001")


def _no_summary_line(text: str) -> str:
    return "".join(line for line in text.splitlines(True) if not line.startswith("summary:"))


# (case, what the contributor does to the file `new` wrote, what check says)
NEW_CASES = [
    (
        "the placeholder left",
        _filled,
        "17:10: error[placeholder] summary: replace the TODO placeholder with the panel's "
        "one-paragraph summary of the model (required by the panel layout).",
    ),
    ("the summary line deleted", lambda text: _no_summary_line(_filled(text)), f"3:1: {MISSING}"),
]


@pytest.mark.parametrize(("case", "edit", "said"), NEW_CASES, ids=[c[0] for c in NEW_CASES])
def test_new_in_a_panel_list_still_asks_for_the_summary(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    edit: Callable[[str], str],
    said: str,
) -> None:
    (tmp_path / "entries").mkdir()
    (tmp_path / "awesome.yaml").write_text("layout: panel\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "Tiny VLM"]) == 0
    written = tmp_path / "entries" / "tiny-vlm.yaml"
    assert "panel_quirks" not in written.read_text("utf-8")  # no excuse for a new entry
    written.write_text(edit(written.read_text("utf-8")), encoding="utf-8")
    capsys.readouterr()
    assert main(["check"]) == 1
    assert capsys.readouterr() == (
        f"entries/tiny-vlm.yaml:{said}\n",
        "1 file checked: 1 error, 0 warnings\n",
    )


def _import(readme: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    (root / "entries").mkdir(parents=True)
    (root / "old").mkdir()
    (root / "old" / "README.md").write_bytes(readme.read_bytes())
    monkeypatch.chdir(root)
    return main(["import", "old/README.md"])


def _same_files(first: Path, again: Path) -> None:
    for folder in ("entries", "templates"):
        files = {p.name: p.read_bytes() for p in (first / folder).iterdir()}
        assert {p.name: p.read_bytes() for p in (again / folder).iterdir()} == files
    assert (again / "awesome.yaml").read_bytes() == (first / "awesome.yaml").read_bytes()


NO_ROW = "warning[import] panel '{}' has no release timeline row"
BARE = "warning[import] figure has no alt text; named after the model"
BLOCK = "warning[import] figure is written back in the figure-block shape (with its comments)"
# The first line render writes otherwise: a blank line after the heading, or LLaVA's figure.
OTHERWISE = "warning[import] the panel is written back normalised from this line: ''"
FRAME = "warning[import] the frame is normalised: blank line added "
EXCERPT_IMPORT = [
    "1:1: warning[import] the frame is normalised: <!--lint disable double-link--> added "
    "under the title: the README links an address twice, which awesome-lint's double-link rule "
    "reports",
    f"5:1: {FRAME}before this list (MD032 blanks-around-lists)",
    f"13:1: {NO_ROW.format('LLaVA')}",
    f"17:1: {BARE}",
    f"17:1: {BLOCK}",
    f"17:1: {OTHERWISE}",
    f"26:1: {NO_ROW.format('LLaVA 1.6')}",
    f"27:1: {OTHERWISE}",
    f"29:1: {BARE}",
    f"29:1: {BLOCK}",
    f"38:1: {NO_ROW.format('ViT')}",
    f"39:1: {OTHERWISE}",
    f"41:1: {BARE}",
    f"41:1: {BLOCK}",
    f"53:1: {FRAME}before this list (MD032 blanks-around-lists)",
]
EXCERPT_CHECK = [
    "entries/llava-1-6.yaml:9:8: warning[badge-destination] the 'GitHub' badge should link to "
    "github.com, not to llava-vl.github.io",
    f"entries/llava-1-6.yaml:46:3: {TODO}this line",
    f"entries/llava.yaml:48:3: {TODO}this line",
    f"entries/vit.yaml:47:3: {TODO}this line",
]
# The excerpt's LLaVA 1.6 panel as render writes it: no summary, as it had none; the blank line
# after the heading, the figure block and trailing spaces are the layout's (import warned).
LLAVA_16 = """\
### **LLaVA 1.6: LLaVA-NeXT Improved reasoning, OCR, and world knowledge**

[![GitHub](https://badges.aleen42.com/src/github.svg)](https://llava-vl.github.io/blog/2024-01-30-llava-next/) [![Gradio](https://img.shields.io/badge/%F0%9F%A4%97%20Hugging%20Face-Spaces-blue)](https://llava.hliu.cc/)
Haotian Liu, Chunyuan Li, Yuheng Li, Bo Li, Yuanhan Zhang, Sheng Shen, Yong Jae Lee

<!-- architecture-figure:llava-1-6 -->
<p align="center">
  <img src="https://github.com/gokayfem/Awesome-VLM-Architectures/assets/88277926/032ef144-ec10-41da-80a1-2cecd66c86ee" alt="LLaVA 1.6 architecture">
</p>
<!-- /architecture-figure:llava-1-6 -->

<details>
<summary>ℹ️ <i>More Information</i></summary>

**LLaVA-NeXT**: Represents"""  # noqa: RUF001 (upstream's emoji)
REFERENCES = """\
</details>

📚 **Important References**:
- [Guide to Vision-Language Models (VLMs) by Görkem Polat](https://encord.com/blog/vision-language-models-guide/)
- [VLM Primer by Aman Chadha](https://aman.ai/primers/ai/VLM/#google_vignette)
- [Generalized Visual Language Models by Lilian Weng](https://lilianweng.github.io/posts/2022-06-09-vlm/)
"""
# Written back with the blank line before the list that markdownlint asks for (import warned).
RENDERED_REFERENCES = REFERENCES.replace("**:\n- [Guide", "**:\n\n- [Guide")


def test_the_excerpt_migrates_with_its_summaries_as_a_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "list"
    assert _import(EXCERPT, root, monkeypatch) == 0
    out, err = capsys.readouterr()
    assert out == "".join(f"old/README.md:{line}\n" for line in EXCERPT_IMPORT)
    assert (
        err
        == "imported 3 entries into entries/ (3 written)\n1 file checked: 0 errors, 15 warnings\n"
    )
    assert "  summary: none\n" in (root / "entries" / "vit.yaml").read_text("utf-8")
    assert main(["check"]) == 0
    assert capsys.readouterr() == (
        "".join(line + "\n" for line in EXCERPT_CHECK),
        "3 files checked: 0 errors, 4 warnings\n",
    )
    assert main(["render"]) == 0
    assert main(["lint"]) == 0
    assert capsys.readouterr() == ("", "wrote README.md (3 models)\n1 file checked: no problems\n")
    rendered = (root / "README.md").read_text("utf-8")
    assert LLAVA_16 in rendered
    # The references after the last panel are the frame's: kept, not dropped as stray lines.
    assert rendered.endswith(RENDERED_REFERENCES)
    assert EXCERPT.read_text("utf-8").endswith(REFERENCES)
    again = tmp_path / "again"
    (root / "README.md").replace(tmp_path / "README.md")
    assert _import(tmp_path / "README.md", again, monkeypatch) == 0
    _same_files(root, again)


def test_the_whole_readme_imports_checks_renders_lints_and_round_trips(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    began = time.perf_counter()
    root = tmp_path / "list"
    assert _import(WHOLE, root, monkeypatch) == 0
    assert "error[" not in capsys.readouterr().out
    assert main(["check"]) == 0
    out, err = capsys.readouterr()
    assert err == "47 files checked: 0 errors, 50 warnings\n"
    rules = [line.split(" ", 2)[1] for line in out.splitlines()]
    assert (rules.count("warning[no-summary]"), rules.count("warning[badge-destination]")) == (
        47,
        3,
    )
    assert main(["render"]) == 0
    assert main(["lint"]) == 0
    assert capsys.readouterr() == ("", "wrote README.md (47 models)\n1 file checked: no problems\n")
    original = WHOLE.read_text("utf-8")
    rendered = (root / "README.md").read_text("utf-8")
    assert rendered.endswith(RENDERED_REFERENCES)
    # docs/panel.md gives these figures: non-blank lines reproduced verbatim and in order, and
    # so with the trailing spaces render drops left aside.
    stripped = "\n".join(line.rstrip() for line in original.split("\n"))
    total = len([line for line in original.split("\n") if line.strip()])
    assert (_verbatim(original, rendered), _verbatim(stripped, rendered), total) == (206, 418, 461)
    again = tmp_path / "again"
    assert _import(root / "README.md", again, monkeypatch) == 0
    _same_files(root, again)
    assert time.perf_counter() - began < 10  # about 1 s on two shared cores


PANEL_HEAD = "# List\n\n### **LLaVA: Visual Instruction Tuning**\n\nA summary.\n\n"
BADGE = "[![arXiv](https://img.shields.io/badge/arXiv-b31b1b.svg)](https://arxiv.org/abs/1)\n"
DEEP = "\n<details>\n<summary>ℹ️ <i>More Information</i></summary>\n\nMore.\n</details>\n"  # noqa: RUF001
NO_ROW_3 = "README.md:3:1: warning[import] panel 'LLaVA' has no release timeline row"
# (case, what follows the last panel's badges, the template's end, import's diagnostics)
TAILS = [
    (
        "text after the deep dive is the frame's",
        DEEP + "\n📚 **References**:\n- [A guide](https://a.b/c)\n",
        "{{ panels }}\n\n📚 **References**:\n\n- [A guide](https://a.b/c)\n",
        [
            NO_ROW_3,
            "README.md:16:1: warning[import] the frame is normalised: blank line added before "
            "this list (MD032 blanks-around-lists)",
        ],
    ),
    (
        "a heading after the deep dive starts the frame",
        DEEP + "\n## References\n\n- [A guide](https://a.b/c)\n",
        "{{ panels }}\n\n## References\n\n- [A guide](https://a.b/c)\n",
        [NO_ROW_3],
    ),
    (
        "text after a last panel without a deep dive: dropped, each line said",
        '\n<p align="center">\n<img src="https://x.org/a.png" alt="A">\n</p>\n\nA stray line.\n',
        "{{ panels }}\n",
        [
            NO_ROW_3,
            "README.md:9:1: warning[import] figure is written back in the figure-block shape "
            "(with its comments)",
            "README.md:9:1: warning[import] the panel is written back normalised from this line: "
            "'<!-- architecture-figure:llava -->'",
            "README.md:13:1: warning[import] panel 'LLaVA': line not part of a panel's shape; dropped: "
            "'A stray line.'",
        ],
    ),
]


@pytest.mark.parametrize(("case", "tail", "template", "said"), TAILS, ids=[t[0] for t in TAILS])
def test_what_follows_the_last_panel(case: str, tail: str, template: str, said: list[str]) -> None:
    plan = read_panel_readme((PANEL_HEAD + BADGE + tail).encode(), "README.md")
    assert plan.others["templates/README.md.j2"] == "# List\n\n" + template
    assert [d.text() for d in plan.diagnostics] == said
