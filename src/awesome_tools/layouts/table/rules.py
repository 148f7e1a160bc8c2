"""The table layout's README rules (layouts/table/lint.py)."""

from __future__ import annotations

from awesome_tools.rule import TABLE_CELLS, TABLE_HEAD, Rule, readme_example, table_block

HTML_PARSE = Rule(
    "html-parse",
    "readme",
    "Markup the HTML reader cannot read, such as a `<![` that starts neither a CDATA "
    "section nor a conditional comment. Nothing after it is checked or imported.",
    "Write a literal `<` as `&lt;`, or remove the markup.",
    readme_example(
        table_block(cells="<td>Uses <![foo [x]]> markers</td>" + TABLE_CELLS[9:]), 4, 95
    ),
    readme_example(table_block(cells="<td>Uses &lt;![foo [x]]> markers</td>" + TABLE_CELLS[9:])),
)

UNCLOSED_DETAILS = Rule(
    "unclosed-details",
    "readme",
    "A `<details>` is never closed, or a `</details>` closes nothing.",
    "Add the missing `</details>` (or remove the stray one).",
    readme_example(table_block(close=""), 1, 1),
    readme_example(table_block()),
)

BLOCK_SUMMARY = Rule(
    "block-summary",
    "readme",
    "A model block has no `<summary>`, an empty one, or two.",
    "Give each block exactly one `<summary>` with the model's name.",
    readme_example(table_block(summary=""), 1, 1),
    readme_example(table_block()),
)

BLOCK_TABLE = Rule(
    "block-table",
    "readme",
    "A model block has no `<table>`, or more than one.",
    "Give each block exactly one table.",
    readme_example("<details>\n<summary>LLaVA</summary>\n</details>\n", 1, 1),
    readme_example(table_block()),
)

TABLE_HEADERS = Rule(
    "table-headers",
    "readme",
    "A table's headers are not the list's columns, in order.",
    "Use Title, Architecture.Overview, ..., Datasets.Purpose (the Alignment pair may be "
    "left out for vision encoders).",
    readme_example(table_block(head=TABLE_HEAD.replace("Architecture.Overview", "Overview")), 3, 1),
    readme_example(table_block()),
)

HEADER_STYLE = Rule(
    "header-style",
    "readme",
    "Headers written with spaces instead of dots (warning).",
    "Write `Architecture.Overview`, not `Architecture Overview`.",
    readme_example(
        table_block(head=TABLE_HEAD.replace("Architecture.Overview", "Architecture Overview")),
        3,
        26,
    ),
    readme_example(table_block()),
    level="warning",
)

TABLE_ROW = Rule(
    "table-row",
    "readme",
    "A table does not have exactly one data row with one cell per header.",
    "One `<tr>` of `<td>` cells, as many as there are headers.",
    readme_example(table_block(cells=""), 4, 5),
    readme_example(table_block()),
)

TITLE_LINK = Rule(
    "title-link",
    "readme",
    "The Title cell does not hold exactly one readable http(s) link (see `bad-url` for "
    "what cannot be read), or has text outside it.",
    'Put the whole title inside one link: `<a href="https://...">Title</a>`.',
    readme_example(
        table_block(
            title='PaLM-E: An Embodied Multimodal Language Model <a href="https://palm-e.github.io">PaLM-E</a>'
        ),
        4,
        5,
    ),
    readme_example(
        table_block(
            title='<a href="https://palm-e.github.io">'
            "PaLM-E: An Embodied Multimodal Language Model</a>"
        )
    ),
)

EMPTY_CELL = Rule(
    "empty-cell",
    "readme",
    "A table cell is empty.",
    "Fill the cell in the entry file.",
    readme_example(table_block(cells="<td></td>" + TABLE_CELLS[9:]), 4, 86),
    readme_example(table_block()),
)

DUPLICATE_MODEL = Rule(
    "duplicate-model",
    "readme",
    "Two blocks share a name, or link the same paper.",
    "Keep one block per model.",
    readme_example(table_block() + table_block(), 8, 1),
    readme_example(
        table_block()
        + table_block("BLIP-2", '<a href="https://arxiv.org/abs/2301.12597">BLIP-2</a>')
    ),
)

RULES = (
    HTML_PARSE,
    UNCLOSED_DETAILS,
    BLOCK_SUMMARY,
    BLOCK_TABLE,
    TABLE_HEADERS,
    HEADER_STYLE,
    TABLE_ROW,
    TITLE_LINK,
    EMPTY_CELL,
    DUPLICATE_MODEL,
)
