"""The panel layout's README rules (layouts/panel/lint.py)."""

from __future__ import annotations

from awesome_tools.rule import Example, Rule

# An entry of a panel list (`no-summary`), whole, without the table's sections.
_NO_SUMMARY = """\
name: LLaVA
title: 'LLaVA: Large Language and Vision Assistant'
url: https://arxiv.org/abs/2304.08485
"""
_PANEL_SETTINGS = ("awesome.yaml", "layout: panel\n")

_TIMELINE = (
    "| Date | Architecture | Distinctive contribution |\n| --- | --- | --- |\n"
    "| 2023-04-17 | LLaVA | Visual instruction tuning |\n"
)


def _panel_readme(panel: str = "", rows: str = _TIMELINE) -> str:
    body = panel or (
        "### **LLaVA: Visual Instruction Tuning**\n\nA summary.\n\n"
        "<!-- architecture-figure:1 -->\n"
        '<p align="center">\n  <img src="assets/llava.png" alt="LLaVA architecture">\n</p>\n'
        "<!-- /architecture-figure:1 -->\n"
    )
    return f"# List\n\n## Release Timeline\n\n{rows}\n## Architectures\n\n{body}"


def _panel(text: str, line: int = 0, column: int = 0) -> Example:
    return Example(text, line, column, "panel", "README.md")


PANEL_HEADING = Rule(
    "panel-heading",
    "readme",
    "In a panel README, a heading at the panels' level (`###`, or `##` where the panels "
    "are `## **Name: Title**`) among the panels is not `### **Name: Title**`: the index, "
    "the timeline and drift find panels by that shape.",
    "Write the heading as `### **Name: Title**` (bold, nothing after it); better, edit the "
    "entry file and run `make readme`.",
    _panel(
        _panel_readme(_panel_readme().split("## Architectures\n\n")[1] + "### LLaVA-2\n"), 20, 1
    ),
    _panel(_panel_readme()),
)

PANEL_FIGURE = Rule(
    "panel-figure",
    "readme",
    "A panel's figure block is not closed, is closed under another id (the number or slug "
    "that names it), or its image has no alt text.",
    "Close `<!-- architecture-figure:ID -->` with `<!-- /architecture-figure:ID -->` (the "
    "same ID: `llava-1-5`, or `3` in a list whose `figure_markers` are `position`) and give "
    "the `<img>` an alt text (the entry's `figure.alt`).",
    _panel(_panel_readme().replace("/architecture-figure:1", "/architecture-figure:2"), 19, 1),
    _panel(_panel_readme()),
)

TIMELINE_COVERAGE = Rule(
    "timeline-coverage",
    "readme",
    "A panel has no row in the release timeline, a row names no panel, or a panel has two "
    "rows: every panel is in the timeline exactly once.",
    "Give the entry a `released` date and a `contribution`, then run `make readme`: the "
    "timeline is written from the entries.",
    _panel(_panel_readme(rows=_TIMELINE + "| 2023-04-17 | LLaVA | Again |\n"), 8, 1),
    _panel(_panel_readme()),
)

PANEL_SWALLOWED = Rule(
    "panel-swallowed",
    "readme",
    "A panel heading that markdown-it (CommonMark) does not see as a heading, because a "
    "block an earlier line opened is still open (a code fence, an HTML block such as "
    "`<pre>`, `<script>` or `<!--` that runs to its end marker, or one that runs to the next "
    "blank line); or a panel's `<details>` fold not closed in it (or closed without being "
    "opened): GitHub shows every later panel inside it. Reported at the line the block starts.",
    "Close the block where it opens (a closing fence, `</pre>`, `-->`, `</details>`), or "
    "write its markup as text; in a generated README, fix the entry and run `make readme`.",
    _panel(
        _panel_readme(rows=_TIMELINE + "| 2023-01-30 | BLIP-2 | Q-Former |\n").replace(
            "A summary.", "~~~\n\n### **BLIP-2: Bootstrapping**"
        ),
        14,
        1,
    ),
    _panel(_panel_readme()),
)

NO_SUMMARY = Rule(
    "no-summary",
    "entry",
    "In a panel list, an imported panel had no summary paragraph (`panel_quirks.summary: "
    "none`, as upstream's panels of early 2024): the layout asks for one, but import makes "
    "none up. A "
    "warning, a to-do of the migrated list: render writes the panel without a summary, as it "
    "was; `--strict` fails on it. Also when the entry has a summary and still the quirk.",
    "Write the model's one-paragraph summary as `summary:` and remove `summary: none` from "
    "`panel_quirks`. A new entry has no such quirk: its missing summary is `missing-field`.",
    Example(
        _NO_SUMMARY + "panel_quirks:\n  summary: none\n",
        5,
        3,
        kind="list",
        whole=True,
        others=(_PANEL_SETTINGS,),
    ),
    Example(
        _NO_SUMMARY + "summary: Combines a vision encoder with a language model.\n",
        kind="list",
        whole=True,
        others=(_PANEL_SETTINGS,),
    ),
    level="warning",
)


RULES = (
    NO_SUMMARY,
    PANEL_HEADING,
    PANEL_FIGURE,
    TIMELINE_COVERAGE,
    PANEL_SWALLOWED,
)
