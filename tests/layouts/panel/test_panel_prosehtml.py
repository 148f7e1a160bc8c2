"""Inline HTML in an imported deep dive: made Markdown where it means text (prosehtml.py)."""

from __future__ import annotations

import pytest

from awesome_tools.layouts.panel.prosehtml import Change, normalise

# (case, deep dive as the README writes it, as import keeps it, changes: line, column, message)
CASES: list[tuple[str, str, str, list[tuple[int, int, str]]]] = [
    (
        "a code element with references",
        "A special <code>&#91;SEG&#93;</code> token.",
        "A special `[SEG]` token.",
        [(0, 11, "written as the code span `[SEG]`")],
    ),
    (
        "a code element holding a backtick",
        "Type <code>a`b</code> here.",
        "Type ``a`b`` here.",
        [(0, 6, "written as the code span ``a`b``")],
    ),
    (
        "tags meant as text, never closed",
        "Stages (<SUMMARY>, <CAPTION>) mark it.",
        "Stages (\\<SUMMARY>, \\<CAPTION>) mark it.",
        [
            (0, 9, "'<SUMMARY>' never closes: shown as text (\\<SUMMARY>)"),
            (0, 20, "'<CAPTION>' never closes: shown as text (\\<CAPTION>)"),
        ],
    ),
    (
        "the second paragraph, its own line",
        "First.\n\nSecond with <code>x</code>.",
        "First.\n\nSecond with `x`.",
        [(2, 13, "written as the code span `x`")],
    ),
    ("markup that closes is kept", "E = mc<sup>2</sup> and <b>bold</b>.", "", []),
    ("void elements are kept", "One<br>two <img src=x.png>", "", []),
    ("a self-closed tag is kept", "A <custom/> element.", "", []),
    ("a tag inside a code span is text already", "Write `<code>x</code>` so.", "", []),
    ("an HTML block is left as it is", "<div>\n<code>x</code>\n</div>", "", []),
    ("an indented code block is left as it is", "    <SUMMARY> x", "", []),
    ("a code element holding markup is kept", "A <code><b>x</b></code> y.", "", []),
    ("a code element over two lines is kept", "A <code>x\ny</code> z.", "", []),
    ("a lone closing tag is kept", "An end </span> tag.", "", []),
    ("no markup at all", "**LLaVA 1.5**: a model.", "", []),
    ("a less-than sign is not a tag", "a < b and 3<4", "", []),
]


@pytest.mark.parametrize(("case", "prose", "kept", "changes"), CASES, ids=[c[0] for c in CASES])
def test_normalise(case: str, prose: str, kept: str, changes: list[tuple[int, int, str]]) -> None:
    text, made = normalise(prose)
    assert text == (kept or prose)
    assert made == [Change(*change) for change in changes]
    # Normalised prose has nothing more to change.
    assert normalise(text) == (text, [])
