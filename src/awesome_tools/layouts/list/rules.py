"""The list layout's README rules (layouts/list/lint.py)."""

from __future__ import annotations

from dataclasses import replace

from awesome_tools.rule import Example, Rule

_LIST_README = """\
# Awesome Things

## Tools

{tools}

- [Alpha](https://example.com/alpha) - First tool.
{beta}
"""


def _list(
    tools: str = "### Small tools", beta: str = "- [Beta](https://example.com/beta) - Second."
) -> Example:
    return Example(
        _LIST_README.format(tools=tools, beta=beta), kind="list-readme", path="README.md"
    )


LIST_ENTRY = Rule(
    "list-entry",
    "readme",
    "In a list-layout README, a list item inside a category's part holds a link but is not "
    "an entry line `- [Name](https://...) - Summary.` (another bullet, a link that is not "
    "http(s), text after the link without ` - `), or an entry line sits under another entry.",
    "Write it as `- [Name](https://...) - Summary.` at its category's level (or in a list "
    "group, a plain-text item such as `- Drivers`); better, edit the entry file and run "
    "`make readme`.",
    replace(_list(beta="* [Beta](https://example.com/beta) - Second."), line=8, column=1),
    _list(),
)

LIST_HEADING = Rule(
    "list-heading",
    "readme",
    "In a list-layout README, a category heading skips a level (`####` under `##`) or is not "
    "plain text: categories.yaml names each category by the path of its headings.",
    "Write the heading one level under its parent's (`###` under `##`), in plain text.",
    replace(_list(tools="#### Small tools"), line=5, column=1),
    _list(),
)

RULES = (
    LIST_ENTRY,
    LIST_HEADING,
)
