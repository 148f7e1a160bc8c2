"""lint's shortcuts report what `lint --no-shortcut` does: a part of a README is parsed alone
only where neither parser carries anything across its edges (awesome_tools.layouts.table.lintpart)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from awesome_tools.cli import main
from awesome_tools.core.blockread import read_document
from awesome_tools.engine.lint import lint_readme
from conftest import REPO

FUZZ = REPO / "fuzz"


def _targets() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_targets", FUZZ / "targets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


targets = sys.modules.get("fuzz_targets") or _targets()

# (text, the lines where a part may start, whether a part may end there): every kind of block
# either parser leaves open, at the end of the text or before a line that looks like a block.
REST_CASES: dict[str, tuple[str, set[int], bool]] = {
    "blocks closed": ("<details>\nx\n</details>\n\n<details>\ny\n</details>\n\n", {0, 4}, True),
    "a paragraph": ("text\n\n", {0}, True),
    "no blank last line": ("<details>\nx\n</details>\n", {0}, False),
    "details left open": ("<details>\nx\n\n", {0}, False),
    "script closed": ("<script>\nx\n</script>\n\n<details>\n</details>\n\n", {0, 4}, True),
    "script open": ("<script>\nx\n\n<details>\n</details>\n\n", {0}, False),
    "pre open": ("<pre>\nx\n\n<details>\n</details>\n\n", {0}, False),
    "style open": ("<style>\nx\n\n<details>\n</details>\n\n", {0}, False),
    "textarea open": ("<textarea>\nx\n\n<details>\n</details>\n\n", {0}, False),
    "comment open": ("<!--\nx\n\n<details>\n</details>\n\n", {0}, False),
    "comment closed": ("<!--\nx\n-->\n\n<details>\n</details>\n\n", {0, 4}, True),
    "processing instruction open": ("<?php\nx\n\n<details>\n</details>\n\n", {0}, False),
    "declaration open": ("<!X\nx\n\n", {0}, False),
    "declaration closed by the next >": ("<!X\nx\n\n<details>\n</details>\n\n", {0, 4}, True),
    "CDATA open": ("<![CDATA[\nx\n\n<details>\n</details>\n\n", {0}, False),
    "div (kind 6) ends at a blank line": ("<div>\nx\n\n<details>\n</details>\n\n", {0, 3}, True),
    "tag (kind 7) ends at a blank line": (
        "<a href='x'>\nx\n\n<details>\n</details>\n\n",
        {0, 3},
        True,
    ),
    "backtick fence open": ("```\nx\n\n<details>\n</details>\n\n", {0}, False),
    "tilde fence open": ("~~~\nx\n\n<details>\n</details>\n\n", {0}, False),
    "fence closed": ("```\nx\n```\n\n<details>\n</details>\n\n", {0, 4}, True),
    "indented code may go on": ("    code\n\n", {0}, False),
    "a list may go on": ("- item\n\n", {0}, False),
    "comment open in a cell": ("<table><tr><td><!--\n\n<details>\n</details>\n\n", {0}, False),
    "script open in a cell": (
        "<table><tr><td>a<script>b</td></tr></table>\n\n<details>\n</details>\n\n",
        {0},
        False,
    ),
    "table left open (</details> ends it)": (
        "<table><tr><td>a\n\n<details>\n</details>\n\n",
        {0},
        True,
    ),
}


@pytest.mark.parametrize(("text", "rests", "settled"), REST_CASES.values(), ids=list(REST_CASES))
def test_where_the_parsers_are_at_rest(text: str, rests: set[int], settled: bool) -> None:
    document = read_document(text)
    assert document.rests == rests
    assert document.settled is settled


def _missing(name: str, slug: str) -> str:
    return (
        f"README.md:32:1: error[drift] block '{name}' is missing: render writes it here from "
        f"entries/{slug}.yaml; edit entries/{slug}.yaml, not README.md, then run `make readme`"
    )


FIX = "then run `make readme`"
FRAME = "error[drift] text outside the entries differs from templates/README.md.j2"
BREAK = (
    "error[html-block-break] a blank line before this line ends the HTML block: GitHub shows what "
    "follows as a code block; remove the blank line or indent less than 4 spaces"
)
MODELS = [
    ("FROZEN", "frozen"),
    ("Flamingo", "flamingo"),
    ("IDEFICS", "idefics"),
    ("LLaVA 1.5", "llava-1-5"),
    ("LLaVA 1.6", "llava-1-6"),
    ("LLaVA", "llava"),
    ("OpenFlamingo", "openflamingo"),
    ("PALI", "pali"),
    ("PALM-E", "palm-e"),
    ("Qwen-VL", "qwen-vl"),
]


def _in_line(number: int, old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        lines = text.split("\n")
        assert old in lines[number - 1]
        lines[number - 1] = lines[number - 1].replace(old, new, 1)
        return "\n".join(lines)

    return edit


# The attack's two reproducers, each reported alike with and without the shortcut: a script
# typed into an overview row swallows every later block; a comment opened in a cell runs on to
# the end, where a blank line then breaks the HTML block.
REPRODUCERS: dict[str, tuple[Callable[[str], str], list[str]]] = {
    "script in an overview row": (
        _in_line(23, ">Paper<", ">Pap<script>er<"),
        [
            "README.md:23:178: error[drift] overview row 'LLaVA 1.5' differs from "
            "entries/llava-1-5.yaml: found 'Pap<script>er</a> · <a href=\"https://git...' where "
            "render writes 'Paper</a> · <a href=\"https://github.com/...'; edit "
            f"entries/llava-1-5.yaml, not README.md, {FIX}",
            *(_missing(name, slug) for name, slug in MODELS),
            f"README.md:32:1: {FRAME}: found nothing where render writes '## Contributing'; "
            f"edit that, {FIX}",
            f"README.md:37:1: {FRAME}: found '<details id=\"flamingo\">' where render writes "
            f"nothing more; edit that, {FIX}",
        ],
    ),
    "comment in a cell": (
        _in_line(55, "<td>", "<td><!--"),
        [
            "README.md:55:5: error[drift] block 'Flamingo' differs from entries/flamingo.yaml "
            "(field architecture.overview): found '<!--Flamingo is a Visual Language Model ...' "
            "where render writes 'Flamingo is a Visual Language Model that...'; edit "
            f"entries/flamingo.yaml, not README.md, {FIX}",
            f"README.md:341:1: {BREAK}",
        ],
    ),
}


@pytest.mark.parametrize("no_shortcut", [False, True], ids=["shortcut", "no-shortcut"])
@pytest.mark.parametrize(("edit", "expected"), REPRODUCERS.values(), ids=list(REPRODUCERS))
def test_the_attack_reproducers_are_reported_whole(
    seed_project: Path,
    capsys: pytest.CaptureFixture[str],
    edit: Callable[[str], str],
    expected: list[str],
    no_shortcut: bool,
) -> None:
    readme = seed_project / "README.md"
    readme.write_text(edit(readme.read_text("utf-8")), "utf-8")
    assert main(["lint", *(["--no-shortcut"] if no_shortcut else [])]) == 1
    assert capsys.readouterr().out == "".join(f"{line}\n" for line in expected)


def test_no_shortcut_lints_the_readme_whole_without_asking_the_proof(seed_project: Path) -> None:
    readme = seed_project / "README.md"
    text = readme.read_text("utf-8").replace("</td>", " edited</td>", 1)
    readme.write_text(text, "utf-8")
    linted = lint_readme(
        text, "README.md", root=seed_project, cwd=seed_project, own=True, shortcuts=False
    )
    assert (linted.proven, linted.way) == (False, "whole")
    assert [d.text() for d in linted.diagnostics] == [
        "README.md:22:43: error[drift] overview row 'LLaVA 1.6' differs from "
        "entries/llava-1-6.yaml (field name): found ' edited</td><td>2024-01-30</td><td>CLIP ...' "
        "where render writes '</td><td>2024-01-30</td><td>CLIP ViT-L/1...'; edit "
        f"entries/llava-1-6.yaml, not README.md, {FIX}"
    ]


def test_templates_that_leave_a_fence_open_are_not_trusted(
    seed_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A frame that opens a fence before the blocks makes a probe README with no finding (its
    blocks are code), but not at rest where a block starts: README.md is parsed whole. (Trusted,
    they had the part of an edited block linted alone, as a block: `block 'LLaVA' differs`.)"""
    frame = seed_project / "templates" / "README.md.j2"
    frame.write_text(frame.read_text("utf-8").replace("## Overview", "```\n\n## Overview"), "utf-8")
    assert main(["render"]) == 0
    readme = seed_project / "README.md"
    text = readme.read_text("utf-8")
    readme.write_text(text.replace("<td>LLaVA combines", "<td>Edited, LLaVA combines", 1), "utf-8")
    capsys.readouterr()
    text = readme.read_text("utf-8")
    linted = lint_readme(text, "README.md", root=seed_project, cwd=seed_project, own=True)
    assert (linted.proven, linted.way) == (False, "whole")
    said = (
        f"README.md:147:5: {FRAME}: found 'Edited, LLaVA combines a pre-trained lan...' where "
        f"render writes 'LLaVA combines a pre-trained language mo...'; edit that, {FIX}"
    )
    assert [d.text() for d in linted.diagnostics] == [said]
    assert (main(["lint", "--no-shortcut"]), capsys.readouterr().out) == (
        1,
        f"{said}\n",
    )


# Seeded edits near the blocks of the frozen list's README in both layouts (the lint-diff fuzz
# target runs the same for as long as it is given): on the code before the part's edges were
# checked, 3 of the 120 table edits disagreed (a fence opened in the frame, a comment opened
# between blocks, CDATA opened in a block: each ran on past the part's end).
@pytest.mark.parametrize(("layout", "count"), [(0, 120), (1, 30)], ids=["table", "panel"])
def test_the_shortcut_agrees_with_the_full_lint_on_random_near_edits(
    layout: int, count: int
) -> None:
    for data in targets.near_edit_inputs(count, 18, layout):
        targets.lint_diff(data)


def _typed_script() -> bytes:
    """The input of `near_edit` that types `<script>` into `>Paper<` of the first overview row
    that has one (line 23), as the attack did."""
    table = targets.listed()[0]
    lines = table.expected.split("\n")
    row = next(i for i, line in enumerate(lines) if ">Paper<" in line)
    anchor, column = table.anchors.index(row), lines[row].index(">Paper<") + len(">Pap")
    assert anchor < 256 and column < 256
    # The edit byte: "text inside", on the anchor line itself (kind // 64 == 1).
    inside = next(
        k for k in range(64, 128) if targets.EDITS[k % len(targets.EDITS)] == "text inside"
    )
    return bytes([0, 0, anchor, inside, targets.PAYLOADS.index("<script>"), column])


def test_the_differential_catches_a_part_cut_inside_a_script(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import awesome_tools.core.blockread as blocks

    targets.lint_diff(_typed_script())
    # A reader that never tells an open <script> makes the part stand for the whole wrongly.
    monkeypatch.setattr(blocks._Reader, "at_rest", lambda self: True)
    message = (
        r"table README, text inside 23: '<script>' at \d+: "
        "the shortcut reports 3 problems, the full lint 13"
    )
    with pytest.raises(targets.Finding, match=message):
        targets.lint_diff(_typed_script())
