"""Panel text cannot open or close a block: escaped where it is plain text, refused where it is
the deep dive's Markdown, reported by the panel lint where a README's panels are swallowed, and
never lost on import without a warning naming it (panelsafe.py, panellint.py, panelparse.py)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from awesome_tools.core.entrycheck import check_entries
from awesome_tools.core.mdsafe import blocks, deep_dive_problem, parsed_problem, plain_lines
from awesome_tools.core.normalize import slugify
from awesome_tools.core.schema import Entry
from awesome_tools.core.settings import Settings
from awesome_tools.core.templates import load_templates
from awesome_tools.layouts.panel import LAYOUT as PANEL
from awesome_tools.layouts.panel.lint import lint_panels
from awesome_tools.layouts.panel.parts import HEADING
from awesome_tools.layouts.panel.quirks import PanelEntry

# Every kind of block a line can start (CommonMark's seven HTML block kinds, §4.6, fences,
# headings, lists, quotes, breaks, setext underlines, reference definitions, GitHub's tables).
PAYLOADS = [
    "```",
    "~~~",
    "``` python",
    "<pre>",
    "<script>",
    "<style>",
    "<textarea>",
    "<!--",
    "<?php",
    "<!DOCTYPE html>",
    "<![CDATA[",
    "<details>",
    "</details>",
    "<div>",
    "<span>",
    "# heading",
    "- item",
    "+ item",
    "* item",
    "1. item",
    "2) item",
    "> quote",
    "---",
    "***",
    "===",
    "[x]: https://example.org",
    "| a | b |",
    "  ```",
]
# Each plain-text field a panel writes, and how a payload goes in it.
FIELDS: dict[str, Any] = {
    "summary": lambda p: {"summary": p},
    "summary, two lines' worth": lambda p: {"summary": f"First. {p}"},
    "authors, alone": lambda p: {"authors": p},
    "authors, second line": lambda p: {"authors": f"A. Author<br>{p}"},
    "authors, table under a line": lambda p: {"authors": f"a | b<br>{p}"},
    "authors, around empty lines": lambda p: {"authors": f"<br>A <br> {p}<br><br>"},
    "title": lambda p: {"title": f"Mid: {p}"},
    "title without the name": lambda p: {"title": p},
    "title with ': ' inside": lambda p: {"title": f"Mid {p}: more: {p}"},
    "name": lambda p: {"name": f"{p} Zed", "title": f"{p} Zed: a model"},
    "figure.alt": lambda p: {"figure": {**MID["figure"], "alt": p}},
    "figure.caption": lambda p: {"figure": {**MID["figure"], "caption": p}},
    "links label": lambda p: {"links": [{**MID["links"][0], "label": p}]},
    "contribution": lambda p: {"contribution": p},
}
MID: dict[str, Any] = {
    "name": "Mid",
    "title": "Mid: a model",
    "url": "https://arxiv.org/abs/2310.00001",
    "summary": "Mid links.",
    "authors": "A. Author",
    "released": "2023-10-01",
    "contribution": "Joins.",
    "links": [{"kind": "paper", "url": "https://arxiv.org/abs/2310.00001", "label": "Paper"}],
    "figure": {
        "file": "https://example.org/mid.png",
        "alt": "Mid architecture",
        "caption": "The model",
        "source": "https://arxiv.org/pdf/2310.00001",
        "number": "2",
    },
    "deep_dive": "Deep **dive**.",
}


def _ordinary(name: str, month: int) -> dict[str, Any]:
    url = f"https://arxiv.org/abs/2304.0848{month}"
    return {
        "name": name,
        "title": f"{name}: a model",
        "url": url,
        "summary": "Plain.",
        "released": f"2023-04-1{month}",
        "contribution": "X.",
        "links": [{"kind": "paper", "url": url, "label": "Paper"}],
        "deep_dive": "Deep.",
    }


def _checked(middle: dict[str, Any]) -> tuple[list[Entry | None], list[str]]:
    datas = [_ordinary("Newer", 3), middle, _ordinary("Older", 1)]
    sources = [(f"entries/{slugify(d['name'])}.yaml", yaml.safe_dump(d).encode()) for d in datas]
    checked, diagnostics = check_entries(
        sources, categories=[], required=PANEL.required, model=PANEL.entry_model
    )
    return [c.entry for c in checked], [d.text() for d in diagnostics]


CASES = [(field, payload) for field in FIELDS for payload in PAYLOADS]


@pytest.mark.parametrize(("field", "payload"), CASES, ids=[f"{f}-{p}" for f, p in CASES])
def test_plain_text_is_escaped_and_comes_back(field: str, payload: str) -> None:
    entries, problems = _checked({**MID, **FIELDS[field](payload)})
    assert problems == []
    valid = [e for e in entries if e is not None]
    readme = PANEL.render(valid, Settings("panel"), load_templates(None))
    lines = readme.split("\n")
    heads = [i for i, line in enumerate(lines) if HEADING.match(line)]
    seen = [t.map[0] for t in blocks().parse(readme) if t.type == "heading_open" and t.map]
    assert len(heads) == 3
    assert set(heads) <= set(seen)
    assert lint_panels(readme, "README.md") == []
    plan = PANEL.read(
        readme.encode(), "README.md", categories=None, categories_path="categories.yaml"
    )
    assert [d.text() for d in plan.diagnostics] == []
    back = [PanelEntry.model_validate(yaml.safe_load(body)) for body in plan.files.values()]
    assert sorted(e.model_dump_json() for e in back) == sorted(e.model_dump_json() for e in valid)


@pytest.mark.parametrize(
    ("lines", "mine", "written"),
    [
        (["```"], range(1), ["&#96;``"]),
        (["[![P](b)](u)", "A<br>", "==="], range(1, 3), ["[![P](b)](u)", "A<br>", "&#61;=="]),
        (["a | b<br>", "--- | ---"], range(2), ["a | b<br>", "&#45;-- | ---"]),
        (["[x]: /u"], range(1), ["&#91;x]: /u"]),
        (["Plain", "text"], range(2), ["Plain", "text"]),
        (["#hashtag is text"], range(1), ["#hashtag is text"]),
    ],
)
def test_only_a_line_that_starts_a_block_is_escaped(
    lines: list[str], mine: range, written: list[str]
) -> None:
    assert plain_lines(lines, mine) == written


OPEN = (
    "that does not close before the panel's end: GitHub would show the panels after it as "
    "part of it; close it in the deep dive, or write the markup as text (`<` as `&lt;`, a fence "
    "in a code span)"
)
FOLD = (
    "the panel's fold is its own: GitHub would show the panels after it as part of it; close it "
    "in the deep dive, or write the markup as text (`<` as `&lt;`, a fence in a code span)"
)
INDENTED = (
    "is indented 4 spaces after a blank line: GitHub ends the fold's HTML there and shows it as "
    "a code block (use a fenced code block, or indent less): GitHub would show the panels after "
    "it as part of it; close it in the deep dive, or write the markup as text (`<` as `&lt;`, a "
    "fence in a code span)"
)
# The deep dive as a `|` block at line 18 of the file: its third line (after "Intro." and a
# blank line) is line 21.
DEEP_CASES = [
    ("```", f"21:1: error[deep-dive-block] deep_dive: line 3 of its Markdown opens a code fence (```) {OPEN}"),
    ("~~~~", f"21:1: error[deep-dive-block] deep_dive: line 3 of its Markdown opens a code fence (~~~) {OPEN}"),
    *(
        (tag, f"21:1: error[deep-dive-block] deep_dive: line 3 of its Markdown opens an HTML block ('{tag}', CommonMark §4.6) {OPEN}")
        for tag in ("<pre>", "<script>", "<style>", "<textarea>", "<!--", "<?php", "<!DOCTYPE html", "<![CDATA[")
    ),
    ("<details>", f"21:1: error[deep-dive-block] deep_dive: line 3 of its Markdown holds '<details>': {FOLD}"),
    ("</details>", f"21:1: error[deep-dive-block] deep_dive: line 3 of its Markdown holds '</details>': {FOLD}"),
    ("a <details> b", f"21:1: error[deep-dive-block] deep_dive: line 3 of its Markdown holds '<details>': {FOLD}"),
    ("    code", f"21:1: error[deep-dive-block] deep_dive: line 3 of its Markdown {INDENTED}"),
    ("```\ncode\n```", None),
    ("<pre>\ncode\n</pre>", None),
    ("<!-- closed -->", None),
    ("<div>\nx\n</div>", None),
    ("a `<details>` in a span", None),
    ("- list\n\n      indented in the list", None),
]  # fmt: skip


@pytest.mark.parametrize(("payload", "expected"), DEEP_CASES, ids=[c[0] for c in DEEP_CASES])
def test_a_deep_dive_that_breaks_its_panel_is_refused_at_its_line(
    payload: str, expected: str | None
) -> None:
    body = "".join(f"  {line}\n" if line else "\n" for line in f"Intro.\n\n{payload}".split("\n"))
    text = yaml.safe_dump({k: v for k, v in MID.items() if k != "deep_dive"}, sort_keys=False)
    assert len(text.splitlines()) == 17
    raw = f"{text}deep_dive: |\n{body}".encode()
    _, diagnostics = check_entries(
        [("entries/mid.yaml", raw)],
        categories=[],
        required=PANEL.required,
        model=PANEL.entry_model,
    )
    assert [d.text() for d in diagnostics] == ([f"entries/mid.yaml:{expected}"] if expected else [])


# Pieces of deep dives: every way a block may start (containers, indentation, markers) and
# text that only looks like it, so that joined they make texts the regex must not misjudge.
PIECES = [
    "```", "~~~", "<pre>", "<script>", "<!--", "-->", "<?", "<![CDATA[", "<!DOCTYPE x>",
    "<div>", "<details>", "</details>", "<DETAILS>", "<br>", "- ", "> ", "1. ", "2) ", "* ",
    "+ ", "   ", "    ", "\t", "text", "x < y", "`code`", "~", "<", "\n", "\n\n", "#",
    "| a |", "---", "[a]: /u", "<sub>1</sub>", "&lt;",
]  # fmt: skip


def test_the_deep_dive_regex_skips_only_texts_that_parse_clean() -> None:
    """MAY_OUTLAST and DETAILS_TAG let a deep dive skip the parse: never one the parse refuses."""
    import random

    rng = random.Random(18)
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8))) for _ in range(6000)]
    texts = [t.strip("\n") for t in texts if t.strip()]
    differ = [t for t in texts if deep_dive_problem(t) != parsed_problem(t)]
    assert differ == []
    # The sample holds texts of every kind: refused ones, and clean ones of each outcome.
    assert sum(parsed_problem(t) is not None for t in texts) > 1000
    assert sum(parsed_problem(t) is None for t in texts) > 1000


def _readme(panel: str) -> str:
    rows = "| 2024-02-01 | Mid | X |\n| 2024-01-01 | Old | Y |\n"
    return (
        "# List\n\n| Date | Architecture | Distinctive contribution |\n| --- | --- | --- |\n"
        f"{rows}\n## Architectures\n\n### **Mid: a model**\n\n{panel}\n\n### **Old: a model**\n\n"
        "Old summary.\n"
    )


SWALLOWED = "runs over panel 'Old' (line {line}): GitHub shows them as part of it; close it"
LINT_CASES = [
    ("```", 12, f"this code fence (```) {SWALLOWED.format(line=14)} before the panel's end"),
    ("~~~ x", 12, f"this code fence (~~~) {SWALLOWED.format(line=14)} before the panel's end"),
    *(
        (tag, 12, f"this HTML block ('{tag}', CommonMark §4.6) {SWALLOWED.format(line=14)} before the panel's end")
        for tag in ("<pre>", "<script>", "<style>", "<textarea>", "<!--", "<?php", "<!X", "<![CDATA[")
    ),
    ("<details>\n<summary>More</summary>\n\nText.", 12, "this <details> is not closed in its panel: GitHub folds every later panel into it; close it with </details>"),
    ("Text.\n\n</details>", 14, "this </details> closes a fold its panel did not open"),
    ("<details>\n<summary>More</summary>\n\nText.\n\n</details>", None, ""),
    ("<pre>\ncode\n</pre>", None, ""),
]  # fmt: skip


@pytest.mark.parametrize(("panel", "line", "message"), LINT_CASES, ids=[c[0] for c in LINT_CASES])
def test_lint_reports_a_block_that_swallows_panels_where_it_starts(
    panel: str, line: int | None, message: str
) -> None:
    found = [d for d in lint_panels(_readme(panel), "README.md") if d.rule == "panel-swallowed"]
    expected = [f"README.md:{line}:1: error[panel-swallowed] {message}"] if line else []
    assert [d.text() for d in found] == expected


def test_import_names_the_parts_a_stray_details_takes() -> None:
    valid = [e for e in _checked(MID)[0] if e is not None]
    readme = PANEL.render(valid, Settings("panel"), load_templates(None))
    hand = readme.replace("Mid links.", "<details>")
    plan = PANEL.read(
        hand.encode(), "README.md", categories=None, categories_path="categories.yaml"
    )
    mid = "README.md:{}:1: warning[import] panel 'Mid': this {} is read as deep-dive text; the entry lacks {}"
    assert [d.text() for d in plan.diagnostics] == [
        "README.md:31:1: warning[import] panel 'Mid' has no link; the entry needs a 'url'",
        "README.md:34:1: warning[import] the deep dive's <summary> line is written back as 'More Information'",
        mid.format(35, "badge line", "links, url, and the authors after them"),
        mid.format(38, "release line", "released"),
        mid.format(40, "figure block", "figure.file, figure.alt, figure.caption, figure.source"),
    ]  # fmt: skip
