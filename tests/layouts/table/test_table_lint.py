"""README linter: one table of READMEs drives the rule functions and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.core.blockread import read_document
from awesome_tools.engine.rulebook import RULES
from awesome_tools.layouts.table.context import Context
from awesome_tools.layouts.table.lint import CHECKS, lint_text
from conftest import FIXTURES

HEAD = (
    "<tr><th>Title</th><th>Architecture.Overview</th><th>Architecture.Components</th>"
    "<th>Training.Methods</th><th>Alignment.Techniques</th><th>Alignment.Fusion Methods</th>"
    "<th>Datasets.Used</th><th>Datasets.Purpose</th></tr>"
)
CELLS = "<td>o</td><td>c</td><td>m</td><td>t</td><td>f</td><td>u</td><td>p</td>"


def block(
    name: str = "LLaVA",
    title: str = '<a href="https://arxiv.org/abs/2304.08485">Visual Instruction Tuning</a>',
    head: str = HEAD,
    cells: str = CELLS,
) -> str:
    """A model block on five lines: details, summary, table head, row, closing tags."""
    return (
        f"<details>\n<summary>{name}</summary>\n<table>{head}\n"
        f"<tr><td>{title}</td>{cells}</tr>\n</table>\n</details>\n"
    )


CASES: list[tuple[str, str, list[str]]] = [
    ("clean", "# List\n\n" + block() + "\n" + block("BLIP", '<a href="https://e.org/b">B</a>'), []),
    (
        "text outside the title link",
        block(title='PaLM-E: An Embodied Model <a href="https://palm-e.github.io">PaLM-E</a>'),
        [
            "4:5: error[title-link] text 'PaLM-E: An Embodied Model' stands outside the Title link; put it inside"
        ],
    ),
    (
        "title without link",
        block(title="Visual Instruction Tuning"),
        ["4:5: error[title-link] Title cell holds 0 links; it holds exactly one"],
    ),
    (
        "relative title link",
        block(title='<a href="/abs/1">T</a>'),
        ["4:9: error[title-link] Title link '/abs/1' is not an absolute http(s) URL"],
    ),
    (
        "blank line before an indented row: code block",
        block().replace("\n<tr><td>", "\n\n    <tr><td>"),
        [
            "5:1: error[html-block-break] a blank line before this line ends the HTML block: GitHub shows what follows as a code block; remove the blank line or indent less than 4 spaces"
        ],
    ),
    (
        "blank line before table markup in a paragraph",
        block().replace("\n<tr><td>", "\n\nThe row: <tr><td>"),
        [
            "5:1: error[html-block-break] a blank line before this line ends the HTML block: GitHub shows what follows as a paragraph; remove the blank line or indent less than 4 spaces"
        ],
    ),
    (
        "harmless blank line before an image",
        "<details>\n\n  ![image](https://e.org/i.png)\n  <summary>LLaVA</summary>\n"
        + block().split("\n", 2)[2],
        [],
    ),
    (
        "spaced headers",
        block(head=HEAD.replace("Architecture.Overview", "Architecture Overview")),
        [
            "3:26: warning[header-style] headers are written like 'Architecture Overview'; this list writes them 'Architecture.Overview'"
        ],
    ),
    (
        "vision encoder table without alignment columns",
        block(
            head=HEAD.replace("<th>Alignment.Techniques</th><th>Alignment.Fusion Methods</th>", ""),
            cells=CELLS.replace("<td>t</td><td>f</td>", ""),
        ),
        [],
    ),
    (
        "headers out of order",
        block(
            head=HEAD.replace(
                "<th>Datasets.Used</th><th>Datasets.Purpose</th>",
                "<th>Datasets.Purpose</th><th>Datasets.Used</th>",
            )
        ),
        [
            "3:1: error[table-headers] headers are Title, Architecture.Overview, Architecture.Components, Training.Methods, Alignment.Techniques, Alignment.Fusion Methods, Datasets.Purpose, Datasets.Used; expected Title, Architecture.Overview, Architecture.Components, Training.Methods, Alignment.Techniques, Alignment.Fusion Methods, Datasets.Used, Datasets.Purpose"
        ],
    ),
    (
        "missing cell",
        block(cells=CELLS.replace("<td>p</td>", "")),
        ["4:5: error[table-row] row has 7 cells for 8 headers"],
    ),
    (
        "empty cell",
        block(cells=CELLS.replace("<td>u</td>", "<td> </td>")),
        ["4:136: error[empty-cell] Datasets.Used cell is empty"],
    ),
    (
        "two rows",
        block().replace("</table>", "<tr><td>x</td></tr></table>"),
        ["5:5: error[table-row] table has more than one data row"],
    ),
    (
        "no summary",
        block().replace("<summary>LLaVA</summary>", ""),
        ["1:1: error[block-summary] model block has no <summary>"],
    ),
    (
        "no table",
        "<details>\n<summary>LLaVA</summary>\n</details>\n",
        ["1:1: error[block-table] model block 'LLaVA' has no <table>"],
    ),
    (
        "unclosed details",
        block().replace("</details>\n", "") + "\nText.\n",
        ["1:1: error[unclosed-details] <details> is never closed"],
    ),
    (
        "stray closing tag",
        block() + "</details>\n",
        ["7:1: error[unclosed-details] </details> without a matching <details>"],
    ),
    (
        "duplicate name and paper",
        block() + "\n" + block("llava", '<a href="https://arxiv.org/pdf/2304.08485v1">V</a>'),
        [
            "9:1: error[duplicate-model] model 'llava' is already listed at line 1",
            "11:9: error[duplicate-model] paper https://arxiv.org/pdf/2304.08485v1 is already linked at line 4",
        ],
    ),
]


def _unreadable(at: str, markup: str) -> str:
    return (
        f"{at}: error[html-parse] the HTML reader cannot read '{markup}': it is neither a tag "
        "nor a comment; write a literal '<' as &lt; or remove it (the rest of the README is "
        "checked once it is fixed)"
    )


# html.parser raises AssertionError on a `<![` it has no rule for; the README is then reported
# once, where the markup starts, and nothing else (what follows was never read). Markup the
# parser reads as a bogus comment or declaration is no error of its own.
UNREADABLE_CASES: list[tuple[str, str, list[str]]] = [
    (
        "marked section in a cell",
        block(cells=CELLS.replace("<td>o</td>", "<td>o <![foo [x]]></td>")),
        [_unreadable("4:92", "<![foo [x]]>")],
    ),
    (
        "unnamed marked section before the summary",
        block().replace("<summary>", "<![[]]>\n<summary>"),
        [_unreadable("2:1", "<![[]]>")],
    ),
    (
        "unclosed marked section in a paragraph",
        "<p><![x</p>\n\n" + block(),
        [_unreadable("1:4", "<![x</p>")],
    ),
    (
        "marked section after a space",
        block(cells=CELLS.replace("<td>o</td>", "<td>o <![ foo</td>")),
        [_unreadable("4:92", "<![ foo</td>")],
    ),
    (
        "repeated marked sections",
        block(cells=CELLS.replace("<td>o</td>", "<td>o <![<![<![</td>")),
        [_unreadable("4:92", "<![<![<![</td>")],
    ),
    ("bogus declaration in a cell", block(cells=CELLS.replace("<td>o</td>", "<td>o <!x</td>")), []),
    ("unclosed CDATA in a paragraph", "<p><![CDATA[</p>\n\n" + block(), []),
    ("unterminated comment in a paragraph", "<p><!-- x</p>\n\n" + block(), []),
    ("conditional comment", "<p><![if !IE]></p>\n\n" + block(), []),
    ("processing instruction", "<p><?php</p>\n\n" + block(), []),
]
CASES += UNREADABLE_CASES


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rules(case: str, text: str, expected: list[str]) -> None:
    assert [d.text() for d in lint_text(text, "README.md")] == [f"README.md:{e}" for e in expected]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cli(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
    text: str,
    expected: list[str],
) -> None:
    (tmp_path / "list.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    code = main(["lint", "list.md"])
    assert capsys.readouterr().out == "".join(f"list.md:{e}\n" for e in expected)
    assert code == (1 if any("error[" in e for e in expected) else 0)


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("upstream-2d19f70-README.md", {}),
        ("upstream-146fbe4-README.md", {"warning[header-style]": 46}),
        ("seed-README.md", {"error[title-link]": 1}),
    ],
)
def test_real_readmes_lint_without_crashing(fixture: str, expected: dict[str, int]) -> None:
    diagnostics = lint_text((FIXTURES / fixture).read_text("utf-8"), fixture)
    counts: dict[str, int] = {}
    for d in diagnostics:
        key = f"{d.severity}[{d.rule}]"
        counts[key] = counts.get(key, 0) + 1
    assert counts == expected


def test_seed_palm_e_is_reported_at_its_line() -> None:
    diagnostics = lint_text((FIXTURES / "seed-README.md").read_text("utf-8"), "README.md")
    assert [d.text() for d in diagnostics] == [
        "README.md:251:5: error[title-link] text 'PaLM-E: An Embodied Multimodal Language Model' "
        "stands outside the Title link; put it inside"
    ]


def _hand_edit(project: Path, old: str, new: str) -> None:
    readme = project / "README.md"
    text = readme.read_text("utf-8")
    assert old in text
    readme.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(project: Path, needle: str) -> int:
    lines = (project / "README.md").read_text("utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_current_readme_has_no_drift(
    seed_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint"]) == 0
    assert capsys.readouterr().out == ""


LLAVA_TITLE = '<td><a href="https://arxiv.org/abs/2304.08485">LLaVA: Large Language and Vision'
LLAVA_OVERVIEW = "<td>LLaVA combines a pre-trained language model (LLM)"
LLAVA_COMPONENTS = "<td>Key components include the CLIP visual encoder"


def _found(have: str, want: str) -> str:
    return f"found '{have}' where render writes '{want}'"


# (case, [(text of the LLaVA block, its hand edit)], the line edited first, the column of its
# first differing character, what drift shows of both texts there, the fields named)
CELL_EDITS: list[tuple[str, list[tuple[str, str]], str, int, str, str]] = [
    (
        "a dataset cell",
        [("<td>Filtered CC3M, LLaVA-Instruct-158K, ScienceQA", "<td>Filtered CC3M")],
        "<td>Filtered CC3M</td>",
        18,
        _found("CC3M</td>", "CC3M, LLaVA-Instruct-158K, ScienceQA</td..."),
        " (field datasets.used)",
    ),
    (
        "the title link's text",
        [(LLAVA_TITLE, LLAVA_TITLE.replace("Large", "Big"))],
        "LLaVA: Big Language",
        55,
        _found(
            "Big Language and Vision Assistant</a></t...",
            "Large Language and Vision Assistant</a><...",
        ),
        " (field title)",
    ),
    (
        "the title link's address",
        [(LLAVA_TITLE, LLAVA_TITLE.replace("08485", "08486"))],
        "abs/2304.08486",
        45,
        _found(
            '...iv.org/abs/2304.08486">LLaVA: Large Lang...',
            '...iv.org/abs/2304.08485">LLaVA: Large Lang...',
        ),
        " (field url)",
    ),
    (
        "two cells: the first",
        [
            (LLAVA_OVERVIEW, LLAVA_OVERVIEW.replace("LLaVA", "It")),
            (LLAVA_COMPONENTS, LLAVA_COMPONENTS.replace("Key", "The")),
        ],
        "<td>It combines",
        5,
        _found(
            "It combines a pre-trained language model...",
            "LLaVA combines a pre-trained language mo...",
        ),
        " (fields architecture.overview, architecture.components)",
    ),
    (
        "markup that reads as the same text: no field to name",
        [("focusing on enhancing the model&#39;s", "focusing on enhancing the model's")],
        "focusing on enhancing the model's",
        384,
        _found(
            "model's instruction-following capabiliti...",
            "model&#39;s instruction-following capabi...",
        ),
        "",
    ),
]


@pytest.mark.parametrize(
    ("edits", "first", "column", "shown", "fields"),
    [c[1:] for c in CELL_EDITS],
    ids=[c[0] for c in CELL_EDITS],
)
def test_hand_edit_in_a_block_names_the_entry_file_and_the_fields(
    seed_project: Path,
    capsys: pytest.CaptureFixture[str],
    edits: list[tuple[str, str]],
    first: str,
    column: int,
    shown: str,
    fields: str,
) -> None:
    for old, new in edits:
        _hand_edit(seed_project, old, new)
    line = _line_of(seed_project, first)
    assert main(["lint"]) == 1
    assert capsys.readouterr().out == (
        f"README.md:{line}:{column}: error[drift] block 'LLaVA' differs from "
        f"entries/llava.yaml{fields}: {shown}; edit entries/llava.yaml, not README.md, then run "
        "`make readme`\n"
    )


def test_hand_edit_outside_blocks_names_the_template(
    seed_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _hand_edit(seed_project, "A curated list", "A hand-curated list")
    assert main(["lint"]) == 1
    assert capsys.readouterr().out == (
        "README.md:4:3: error[drift] text outside the entries differs from "
        "templates/README.md.j2: found 'hand-curated list of vision-language mod...' where "
        "render writes 'curated list of vision-language model (V...'; edit that, then run "
        "`make readme`\n"
    )


def test_block_added_by_hand_has_no_entry_file(
    seed_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _hand_edit(
        seed_project,
        '<details id="flamingo">',
        block("Newbie", '<a href="https://e.org/new">New</a>').rstrip()
        + '\n\n<details id="flamingo">',
    )
    assert main(["lint"]) == 1
    line = _line_of(seed_project, "<summary>Newbie") - 1
    assert capsys.readouterr().out == (
        f"README.md:{line}:1: error[drift] block 'Newbie' has no entry file: "
        "`make import README=README.md` turns it into one (or start from "
        "`make new NAME=Newbie`), then run `make readme`\n"
    )


def test_block_removed_by_hand_names_its_entry_file(
    seed_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (seed_project / "README.md").read_text("utf-8")
    start = text.index('<details id="frozen">')
    end = text.index("</details>\n", start) + len("</details>\n\n")
    (seed_project / "README.md").write_text(text[:start] + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 1
    assert main(["lint"]) == 1
    assert capsys.readouterr().out == (
        f"README.md:{line}:1: error[drift] block 'FROZEN' is missing: render writes it here from "
        "entries/frozen.yaml; edit entries/frozen.yaml, not README.md, then run `make readme`\n"
    )


def test_drift_is_not_checked_for_another_readme(
    seed_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (seed_project / "other.md").write_text(block(), encoding="utf-8")
    assert main(["lint", "other.md"]) == 0
    assert capsys.readouterr().out == ""


def test_broken_entries_skip_drift_with_a_warning(
    seed_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (seed_project / "entries" / "llava.yaml").write_text("name: [\n", encoding="utf-8")
    assert main(["lint"]) == 0
    assert capsys.readouterr().out == (
        "README.md:1:1: warning[drift] drift not checked: entries/ has errors (run `make check`)\n"
    )


LLAVA_ROW = (
    '<tr><td><a href="#llava">LLaVA</a></td><td>2023-04</td><td>CLIP ViT-L/14</td>'
    '<td>Vicuna-13B</td><td>linear</td><td><a href="https://arxiv.org/abs/2304.08485">Paper</a>'
    ' · <a href="https://github.com/haotian-liu/LLaVA">Code</a> · —</td></tr>'
)

# (case, LLaVA's overview row as hand-edited, the column of the first differing character,
# what drift shows of both rows there, the fields the drift message names)
ROW_EDITS: list[tuple[str, str, int, str, str]] = [
    (
        "a cell",
        LLAVA_ROW.replace("Vicuna-13B", "Vicuna-7B"),
        89,
        _found(
            "Vicuna-7B</td><td>linear</td><td><a href...",
            "Vicuna-13B</td><td>linear</td><td><a hre...",
        ),
        " (field language_model)",
    ),
    (
        "the date and the connector",
        LLAVA_ROW.replace("2023-04", "2023-05").replace(">linear<", ">mlp<"),
        50,
        _found(
            "2023-05</td><td>CLIP ViT-L/14</td><td>Vi...",
            "2023-04</td><td>CLIP ViT-L/14</td><td>Vi...",
        ),
        " (fields released, connector)",
    ),
    (
        "the code link",
        LLAVA_ROW.replace("haotian-liu/LLaVA", "x/LLaVA"),
        199,
        _found(
            'https://github.com/x/LLaVA">Code</a> · —...',
            'https://github.com/haotian-liu/LLaVA">Co...',
        ),
        " (field code)",
    ),
    (
        "the paper link",
        LLAVA_ROW.replace("2304.08485", "2304.08486"),
        156,
        _found(
            '...iv.org/abs/2304.08486">Paper</a> · <a hr...',
            '...iv.org/abs/2304.08485">Paper</a> · <a hr...',
        ),
        " (field url)",
    ),
    (
        "weights added",
        LLAVA_ROW.replace(" · —", ' · <a href="https://huggingface.co/x">Weights</a>'),
        229,
        _found('<a href="https://huggingface.co/x">Weigh...', "—</td></tr>"),
        " (field weights)",
    ),
    (
        "the name",
        LLAVA_ROW.replace(">LLaVA</a>", ">LLaVA 1</a>"),
        31,
        _found(
            "LLaVA 1</a></td><td>2023-04</td><td>CLIP...",
            "LLaVA</a></td><td>2023-04</td><td>CLIP V...",
        ),
        " (field name)",
    ),
    (
        "cells run together: no field to name",
        LLAVA_ROW.replace("</td><td>", "", 1),
        35,
        _found(
            "2023-04</td><td>CLIP ViT-L/14</td><td>Vi...",
            "</td><td>2023-04</td><td>CLIP ViT-L/14</...",
        ),
        "",
    ),
]


@pytest.mark.parametrize(
    ("row", "column", "shown", "fields"), [c[1:] for c in ROW_EDITS], ids=[c[0] for c in ROW_EDITS]
)
def test_hand_edit_of_an_overview_row_names_the_entry_file_and_the_fields(
    seed_project: Path,
    capsys: pytest.CaptureFixture[str],
    row: str,
    column: int,
    shown: str,
    fields: str,
) -> None:
    _hand_edit(seed_project, LLAVA_ROW, row)
    line = _line_of(seed_project, '<tr><td><a href="#llava">')
    assert main(["lint"]) == 1
    assert capsys.readouterr().out == (
        f"README.md:{line}:{column}: error[drift] overview row 'LLaVA' differs from "
        f"entries/llava.yaml{fields}: {shown}; edit entries/llava.yaml, not README.md, then run "
        "`make readme`\n"
    )


def test_the_registry_holds_one_check_per_readme_rule() -> None:
    readme = {rule.id for rule in RULES if rule.scope == "readme"}
    # template problems come from rendering, not from reading a README; the panel layout's
    # own rules are checked by layouts/panel/lint.py (tests/layouts/panel/), the list layout's by its
    # lint module (tests/layouts/list/).
    panel = {"panel-heading", "panel-figure", "timeline-coverage", "panel-swallowed"}
    assert set(CHECKS) == readme - {"template", *panel, "list-entry", "list-heading"}


@pytest.mark.parametrize("rule_id", sorted(CHECKS))
def test_each_check_emits_only_its_own_rule(rule_id: str) -> None:
    emitted = set()
    for _, text, _ in CASES:
        ctx = Context("README.md", text, read_document(text))
        emitted |= {d.rule for d in CHECKS[rule_id](ctx)}
    assert emitted <= {rule_id}


# html-block-break, the one check of both layouts: (text, fences_are_code, lines flagged).
_DETAILS = "<details>\n<summary>X</summary>\n\n{block}\n</details>\n"
HTML_BREAKS = [
    ("indented code", _DETAILS.format(block="    <td>x</td>"), False, [4]),
    ("indented code, a panel", _DETAILS.format(block="    <td>x</td>"), True, [4]),
    ("a fence, a table block", _DETAILS.format(block="```\ncode\n```"), False, [4]),
    ("a fence, a panel's deep dive", _DETAILS.format(block="```\ncode\n```"), True, []),
    ("a paragraph of table tags", _DETAILS.format(block="x</td><td>y"), True, [4]),
    ("an HTML block", _DETAILS.format(block="<td>x</td>"), False, []),
    ("a paragraph", _DETAILS.format(block="Plain words."), False, []),
]


@pytest.mark.parametrize(
    ("text", "fences_are_code", "lines"),
    [case[1:] for case in HTML_BREAKS],
    ids=[case[0] for case in HTML_BREAKS],
)
def test_html_block_break_is_one_check_for_both_layouts(
    text: str, fences_are_code: bool, lines: list[int]
) -> None:
    from awesome_tools.layouts.htmlbreak import html_block_breaks

    found = list(html_block_breaks("R.md", read_document(text), fences_are_code=fences_are_code))
    assert [(d.line, d.column, d.rule) for d in found] == [
        (line, 1, "html-block-break") for line in lines
    ]
