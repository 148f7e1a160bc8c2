"""An older hand-written frame is normalised on import: blank lines where markdownlint wants
them, each change an import warning at its line, and the rendered README passes the peers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.layouts.framefix import (
    DOUBLE_LINK_OFF,
    FrameLine,
    double_link_off,
    links_twice,
    tidy_frame,
)
from conftest import FIXTURES, LIST, REPO
from test_peers import (
    AWESOME_LINT_PACKAGE,
    AWESOME_LINT_RUNNER,
    LINT_CONFIG,
    MARKDOWNLINT,
    require_node_tool,
    run,
    shown,
)

OLDER = FIXTURES / "upstream-af9d27c-README.md"
HEADING = "(MD022 blanks-around-headings)"
LIST_RULE = "(MD032 blanks-around-lists)"


def lines_of(text: str) -> list[FrameLine]:
    return [FrameLine(line, n, n) for n, line in enumerate(text.split("\n"))]


@pytest.mark.parametrize(
    ("frame", "expected", "notes"),
    [
        (  # the older upstream frame: a title with its image under it, a list after a paragraph
            "# Title\n![VLM](a.png)\n\n**VLMs** do things.\n- a link\n\n## Contents\n",
            "# Title\n\n![VLM](a.png)\n\n**VLMs** do things.\n\n- a link\n\n## Contents\n",
            [
                (0, f"blank line added after this heading {HEADING}"),
                (4, f"blank line added before this list {LIST_RULE}"),
            ],
        ),
        (  # a heading between two paragraphs, a list running into a heading
            "Intro\n## Models\ntext\n* one\n* two\n## End",
            "Intro\n\n## Models\n\ntext\n\n* one\n* two\n\n## End",
            [
                (1, f"blank line added before this heading {HEADING}"),
                (1, f"blank line added after this heading {HEADING}"),
                (3, f"blank line added before this list {LIST_RULE}"),
                (4, f"blank line added after this list {LIST_RULE}"),
            ],
        ),
        (  # a fenced block and a table pressed against text, two blank lines in a row
            "Cite:\n```bibtex\n@misc{a}\n```\nThen\n\n\n| a | b |\n| - | - |\n| 1 | 2 |\n## End",
            "Cite:\n\n```bibtex\n@misc{a}\n```\n\nThen\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n## End",
            [
                (1, "blank line added before this code block (MD031 blanks-around-fences)"),
                (3, "blank line added after this code block (MD031 blanks-around-fences)"),
                (6, "a second blank line in a row is dropped (MD012 no-multiple-blanks)"),
                (9, "blank line added after this table (MD058 blanks-around-tables)"),
            ],
        ),
        (  # a placeholder inside an HTML block would not be Markdown: it gets its own block
            "<details>\n<summary>Index</summary>\n{{ index }}\n</details>",
            "<details>\n<summary>Index</summary>\n\n{{ index }}\n\n</details>",
            [
                (
                    2,
                    "blank line added before this generated index (a generated part is a block of its own)",
                ),
                (
                    2,
                    "blank line added after this generated index (a generated part is a block of its own)",
                ),
            ],
        ),
        (  # what markdownlint counts as blank (a comment line), code's own blank lines, a
            # heading inside an HTML block (not a heading), a nested list: all left as they are
            "# Title\n<!--lint disable double-link-->\ntext\n\n```\na\n\n\nb\n```\n\n"
            "<div>\n# not a heading\n</div>\n\n- a\n  - b\n",
            "# Title\n<!--lint disable double-link-->\ntext\n\n```\na\n\n\nb\n```\n\n"
            "<div>\n# not a heading\n</div>\n\n- a\n  - b\n",
            [],
        ),
    ],
    ids=["older-upstream", "heading-and-list", "fence-table-blanks", "placeholder", "clean"],
)
def test_tidy_frame(frame: str, expected: str, notes: list[tuple[int, str]]) -> None:
    tidy, said = tidy_frame(lines_of(frame), {"panels", "index", "timeline"})
    assert "\n".join(line.text for line in tidy) == expected
    assert said == notes
    again, more = tidy_frame(tidy, {"panels", "index", "timeline"})
    assert (again, more) == (tidy, [])


def test_a_generated_part_is_noted_at_its_first_and_last_source_line() -> None:
    frame = [
        FrameLine("## Models", 0, 0),
        FrameLine("{{ panels }}", 1, 40),
        FrameLine("## End", 41, 41),
    ]
    tidy, notes = tidy_frame(frame, {"panels"})
    assert [line.text for line in tidy] == ["## Models", "", "{{ panels }}", "", "## End"]
    assert notes == [
        (0, f"blank line added after this heading {HEADING}"),
        (
            40,
            "blank line added after this generated panels (a generated part is a block of its own)",
        ),
    ]


@pytest.fixture
def older_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    """The older upstream README imported into a new folder and rendered."""
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(OLDER)]) == 0
    warnings = [line for line in capsys.readouterr().out.split("\n") if "the frame is" in line]
    shown_path = Path(os.path.relpath(OLDER, tmp_path)).as_posix()
    assert warnings == [
        f"{shown_path}:1:1: warning[import] the frame is normalised: {DOUBLE_LINK_NOTE}",
        f"{shown_path}:5:1: warning[import] the frame is normalised: blank line added before this list {LIST_RULE}",
    ]
    assert main(["render"]) == 0
    assert main(["lint"]) == 0
    shutil.copy(LIST / "contributing.md", tmp_path / "contributing.md")
    shutil.copy(REPO / LINT_CONFIG, tmp_path / LINT_CONFIG)
    return tmp_path


def test_the_older_frame_renders_markdownlint_clean(older_list: Path) -> None:
    require_node_tool(MARKDOWNLINT, "markdownlint-cli2")
    result = run([str(MARKDOWNLINT), "README.md"], cwd=older_list)
    assert result.returncode == 0, f"markdownlint-cli2 README.md failed:\n{shown(result)}"


def test_the_older_frame_passes_awesome_lint_but_for_the_lists_own_word(older_list: Path) -> None:
    """A panel links its paper from its badge and its figure, and two of upstream's entries link
    the same repository twice: import turns awesome-lint's double-link off under the title, as
    upstream's generated frame does (`<!--lint disable double-link-->`). What is left is one
    spelling in a deep dive, the list's own words, which import keeps as written."""
    require_node_tool(AWESOME_LINT_PACKAGE, "awesome-lint")
    result = run(["node", str(AWESOME_LINT_RUNNER), "README.md"], cwd=older_list)
    findings = [line for line in result.stdout.split("\n") if line.startswith("README.md:")]
    assert findings == [
        'README.md:1152:139: warning Text "HuggingFace" should be written as "Hugging Face" (if '
        "referring to the technology) [remark-lint:awesome-spell-check]"
    ], shown(result)
    assert "HuggingFace" in (older_list / "entries" / "otterhd.yaml").read_text("utf-8")


# (case, the frame's lines, the lines after, the note: source line and what)
DOUBLE_LINK_NOTE = (
    "<!--lint disable double-link--> added under the title: the README links an address twice, "
    "which awesome-lint's double-link rule reports"
)
DOUBLE_LINK_CASES = [
    ("under the title", ["# T", "text"], ["# T", DOUBLE_LINK_OFF, "text"], [(0, DOUBLE_LINK_NOTE)]),
    (
        "at the top without a title",
        ["text"],
        [DOUBLE_LINK_OFF, "text"],
        [(0, DOUBLE_LINK_NOTE.replace("under the title", "at the top"))],
    ),
    ("already off", ["# T", "<!--lint disable double-link-->"], None, []),
    ("off with other rules", ["# T", "<!-- lint disable awesome-toc double-link -->"], None, []),
    ("an empty frame", [], None, []),
]


@pytest.mark.parametrize(
    ("case", "texts", "after", "notes"), DOUBLE_LINK_CASES, ids=[c[0] for c in DOUBLE_LINK_CASES]
)
def test_double_link_off(
    case: str, texts: list[str], after: list[str] | None, notes: list[tuple[int, str]]
) -> None:
    lines = [FrameLine(text, n, n) for n, text in enumerate(texts)]
    made, said = double_link_off(lines)
    assert [line.text for line in made] == (texts if after is None else after)
    assert said == notes
    # A README that links no address twice needs no comment.
    assert double_link_off(lines, readme="[a](https://x.org)") == (lines, [])


# (README, whether it links an address twice as awesome-lint's double-link rule sees it)
TWICE = [
    ("[a](https://x.org) and [b](https://x.org)", True),
    ("[![arXiv](https://img/1)](https://x.org)\n\n[paper](https://x.org)", True),
    ("[a](https://x.org) and [b](https://y.org)", False),
    ('<a href="https://x.org">a</a> [b](https://x.org)', False),
    ("[a](#one) [b](#one)", True),
    ("no links", False),
]


@pytest.mark.parametrize(("readme", "twice"), TWICE)
def test_links_twice(readme: str, twice: bool) -> None:
    assert links_twice(readme) == twice


def test_level_two_bold_headings_without_panel_folds_are_not_panels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A `## **Section**` heading in a table README (no More Information folds) stays a section."""
    table = (FIXTURES / "upstream-2d19f70-README.md").read_text("utf-8")
    readme = tmp_path / "README.md"
    readme.write_text(table.replace("\n<details>", "\n## **Models**\n\n<details>", 1), "utf-8")
    (tmp_path / "entries").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["import", "README.md"]) == 0
    assert capsys.readouterr().err.startswith("imported 32 entries into entries/ (32 written)\n")
    assert not (tmp_path / "awesome.yaml").exists()
    assert '\n- "Models"\n' in (tmp_path / "categories.yaml").read_text("utf-8")
