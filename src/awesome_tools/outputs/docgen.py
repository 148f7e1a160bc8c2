"""The files that restate the schema or the rules, as text: `awesome-tools docs` writes them.

docs/rules.md, the field and diagnostic sections of contributing.md, and the GitHub issue form
are generated from the rule registry (engine/rulebook.py) and schema.py, so they never drift;
`awesome-tools docs --check` (a step of `make test`) fails when one is stale.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from awesome_tools.core.vocabulary import (
    connectors,
    input_modalities,
    language_families,
    output_modalities,
    vision_families,
)
from awesome_tools.engine.project import OWN_DOCS
from awesome_tools.engine.rulebook import RULES, defined_in

# contributing.md and docs/facets.md describe this repository's own list, a table list.
from awesome_tools.layouts.table import TABLE_REQUIRED
from awesome_tools.outputs.scaffold import fields
from awesome_tools.rule import BASE_ENTRY, Example, Rule, where

_LANGUAGE = {"entry": "yaml", "readme": "html"}
_TITLES = {"entry": "Entry files (`check`, `import`)", "readme": "README lint"}
_LONG = {"overview", "components", "methods", "techniques", "fusion_methods", "purpose"}


def _example(label: str, example: Example, language: str) -> str:
    return f"{label}{where(example)}:\n\n```{language}\n{example.display.rstrip()}\n```\n"


def _rule(rule: Rule) -> str:
    language = "html" if rule.bad.kind in ("readme", "import") else _LANGUAGE[rule.scope]
    return (
        f"### `{rule.id}`\n\n{rule.summary}\n\n**Fix:** {rule.fix}\n\n"
        f"**Level:** {rule.level}. **Defined in:** `{defined_in(rule)}`.\n\n"
        + _example("Fails", rule.bad, language)
        + "\n"
        + _example("Passes", rule.good, language)
    )


_BASE = (
    "\nEach example below runs as a test (tests/test_examples.py): the failing one must fire "
    "at the line and column given, the passing one must be clean. An entry example is the "
    "start of the file; the rest of the file is this base entry, less the keys the example "
    "sets:\n\n```yaml\n" + BASE_ENTRY + "```\n"
)


def rules_markdown() -> str:
    """Render the rule reference."""
    parts = [
        "# Rules\n\n"
        "<!-- Generated from the rule modules (src/awesome_tools/engine/rulebook.py lists them) by "
        "`make docs`; do not edit. -->\n\n"
        "Every diagnostic reads `path:line:col: severity[rule] message`. Lines and columns "
        "start at 1; a problem with a key points at the key, a problem with a value at the "
        "value, a missing key at the first key of the mapping it belongs in.\n"
    ]
    for scope, title in _TITLES.items():
        rules = [r for r in RULES if r.scope == scope]
        parts.append(f"\n## {title}\n\n| rule | level | what it means |\n| --- | --- | --- |\n")
        parts.append("".join(f"| [`{r.id}`](#{r.id}) | {r.level} | {r.summary} |\n" for r in rules))
        if scope == "entry":
            parts.append(_BASE)
        parts.extend("\n" + _rule(r) for r in rules)
    return "".join(parts)


def fields_markdown() -> str:
    """The table of entry fields for contributing.md."""
    rows = ["| field | required | what to write |", "| --- | --- | --- |"]
    optional_sections = {f.path for f in fields(TABLE_REQUIRED) if f.section and not f.required}
    for field in fields(TABLE_REQUIRED):
        if field.section and not field.required:
            need = "no (the whole section)"
        elif field.path[:-1] in optional_sections:
            # An optional field of an optional section (the figure's caption) stays optional.
            need = "yes, with its section" if field.required else "no"
        else:
            need = "yes" if field.required else "no"
        rows.append(f"| `{field.dotted}` | {need} | {field.description} |")
    return "\n".join(rows) + "\n"


def diagnostics_markdown() -> str:
    """The table of diagnostics a contributor may meet, with their fixes."""
    rows = ["| rule | what it means | how to fix it |", "| --- | --- | --- |"]
    rows += [f"| `{r.id}` | {r.summary} | {r.fix} |" for r in RULES]
    return "\n".join(rows) + "\n"


def vocabulary_markdown(header: str, values: dict[str, str]) -> str:
    """The table of a vocabulary's values for docs/facets.md."""
    rows = [f"| {header} | meaning |", "| --- | --- |"]
    rows += [f"| `{name}` | {meaning} |" for name, meaning in values.items()]
    return "\n".join(rows) + "\n"


# The vocabularies docs/facets.md shows, each between its markers: (marker, header, values).
VOCABULARIES = (
    ("connectors", "connector", connectors),
    ("vision-families", "vision_family", vision_families),
    ("language-families", "language_family", language_families),
    ("input-modalities", "modalities.input", input_modalities),
    ("output-modalities", "modalities.output", output_modalities),
)


def issue_form() -> str:
    """The GitHub issue form for proposing a model, one input per entry field."""
    body: list[dict[str, Any]] = [
        {
            "type": "markdown",
            "attributes": {
                "value": "Thanks for proposing a model! Each field below becomes a field of "
                "`entries/<name>.yaml`; see contributing.md for what makes a good entry. "
                "Leave the Alignment fields empty for a pure vision encoder."
            },
        }
    ]
    every = {f.path: f for f in fields(TABLE_REQUIRED)}
    for field in fields(TABLE_REQUIRED):
        if field.section:
            continue
        long = field.path[-1] in _LONG
        required = all(every[field.path[:n]].required for n in range(1, len(field.path) + 1))
        body.append(
            {
                "type": "textarea" if long else "input",
                "id": field.dotted.replace(".", "-"),
                "attributes": {"label": field.dotted, "description": field.description},
                "validations": {"required": required},
            }
        )
    body.append(
        {
            "type": "checkboxes",
            "id": "checks",
            "attributes": {
                "label": "Before you submit",
                "options": [
                    {"label": "I searched the list: this model is not in it yet.", "required": True}
                ],
            },
        }
    )
    form = {
        "name": "Add a model",
        "description": "Propose a model for the list; a maintainer or you turn it into an entry.",
        "title": "Add model: ",
        "labels": ["new model"],
        "body": body,
    }
    header = "# Generated from src/awesome_tools/core/schema.py by `make docs`; do not edit.\n"
    return header + yaml.safe_dump(form, sort_keys=False, allow_unicode=True, width=100)


class MarkersMissing(ValueError):
    """A file to complete lacks the markers of a generated section."""

    def __init__(self, path: str, name: str) -> None:
        super().__init__(f"markers <!-- {name}:start --> ... <!-- {name}:end --> not found")
        self.path = path


def _replace_between(text: str, name: str, content: str, *, path: str) -> str:
    """Replace what stands between `<!-- NAME:start -->` and `<!-- NAME:end -->` in path's text."""
    pattern = re.compile(rf"(<!-- {name}:start[^>]*-->\n).*?(<!-- {name}:end -->)", re.S)
    if not pattern.search(text):
        raise MarkersMissing(path, name)
    return pattern.sub(lambda m: m.group(1) + content + m.group(2), text)


# The files that keep hand-written text around their generated sections.
EDITED = OWN_DOCS


def generated(current: dict[str, str]) -> dict[str, str]:
    """Each generated file's text by its path in the repository, given the current text of the
    files in EDITED (their hand-written parts are kept)."""
    contributing = current["contributing.md"]
    contributing = _replace_between(
        contributing, "fields", fields_markdown(), path="contributing.md"
    )
    contributing = _replace_between(
        contributing, "diagnostics", diagnostics_markdown(), path="contributing.md"
    )
    facets = current["docs/facets.md"]
    for marker, header, values in VOCABULARIES:
        table = vocabulary_markdown(header, values())
        facets = _replace_between(facets, marker, table, path="docs/facets.md")
    return {
        "docs/rules.md": rules_markdown(),
        "docs/facets.md": facets,
        "contributing.md": contributing,
        ".github/ISSUE_TEMPLATE/add-model.yml": issue_form(),
    }
