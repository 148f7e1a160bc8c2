"""What the code every layout shares reports (layouts/importplan.py, layouts/htmlbreak.py,
drift)."""

from __future__ import annotations

from awesome_tools.rule import Example, Rule, readme_example, table_block

IMPORT = Rule(
    "import",
    "entry",
    "The importer met something in a README it could not map (warning).",
    "Check the entry it wrote and fill in what is missing by hand.",
    Example(table_block(title="Visual Instruction Tuning"), 4, 5, "import", "README.md"),
    Example(table_block(), kind="import", path="README.md"),
    level="warning",
)

DRIFT = Rule(
    "drift",
    "readme",
    "README.md, or another file the layout generates (the panel layout's "
    "`assets/architectures/CREDITS.md`), differs from what `render` makes of the entries. "
    "In every layout the message names the entry file whose part of the README differs (a "
    "model block or overview row, a panel, an entry line) and the fields that differ where "
    "they can be told, points at the first differing character and shows what README.md has "
    "there and what render writes; a part out of order, copied, missing or with no entry "
    "file is said so.",
    "Edit the entry file the message names, in the fields it names (or the template, for "
    "text outside the entries), then run `make readme` (`awesome-tools render` in a list "
    "without this repository's Makefile); never edit README.md or a generated file by hand.",
    Example(
        "<td>Three-stage instruction tuning.</td>",
        46,
        6,
        kind="drift",
        path="README.md",
        others=(("README.md", "<td>Two-stage instruction tuning.</td>"),),
    ),
    Example(
        "<td>Two-stage instruction tuning.</td>",
        kind="drift",
        path="README.md",
        others=(("README.md", "<td>Two-stage instruction tuning.</td>"),),
    ),
)

HTML_BLOCK_BREAK = Rule(
    "html-block-break",
    "readme",
    "A blank line inside a `<details>` ends the HTML block: "
    "GitHub then shows the rest of the table as a code block or as text.",
    "Remove blank lines inside model blocks (and indent tags by at most 3 spaces).",
    readme_example(table_block(summary="<summary>LLaVA</summary>\n\n    "), 4, 1),
    readme_example(table_block()),
)

RULES = (
    IMPORT,
    DRIFT,
    HTML_BLOCK_BREAK,
)
