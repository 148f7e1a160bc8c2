"""The panel layout's index and timeline: years, the undated group, the releases in order."""

from __future__ import annotations

import pytest
import yaml

from awesome_tools.core.schema import Entry
from awesome_tools.core.settings import Settings
from awesome_tools.core.templates import load_templates
from awesome_tools.layouts.panel import LAYOUT as PANEL
from awesome_tools.layouts.panel.lint import lint_panels

PACKAGED = load_templates(None)


def _entry(name: str, released: str | None, contribution: str | None = None) -> Entry:
    data = {
        "name": name,
        "title": name,
        "url": f"https://arxiv.org/abs/{name.lower()}",
        "summary": f"{name} in a line.",
        "links": [{"kind": "paper", "url": f"https://arxiv.org/abs/{name.lower()}"}],
    }
    if released:
        data["released"] = released
    if contribution:
        data["contribution"] = contribution
    return Entry.model_validate(data)


# (case, entries as (name, released, contribution), index lines, timeline rows)
CASES: list[tuple[str, list[tuple[str, str | None, str | None]], list[str], list[str]]] = [
    (
        "dated only",
        [("Alpha", "2024-05-01", "First"), ("Beta", "2023-02", None)],
        ["**2024:** [Alpha](#alpha)", "**2023:** [Beta](#beta)"],
        ["| 2024-05-01 | Alpha | First |", "| 2023-02 | Beta | — |"],
    ),
    (
        "undated after the years, in full, and out of the timeline",
        [
            ("Gamma", None, "Kept in the entry"),
            ("Alpha", "2024-05-01", None),
            ("Delta", None, None),
        ],
        ["**2024:** [Alpha](#alpha)", "**Undated:** [Delta](#delta) | [Gamma](#gamma)"],
        ["| 2024-05-01 | Alpha | — |"],
    ),
    (
        "undated only",
        [("Gamma", None, None)],
        ["**Undated:** [Gamma](#gamma)"],
        [],
    ),
]


@pytest.mark.parametrize(("case", "given", "index", "rows"), CASES, ids=[c[0] for c in CASES])
def test_index_and_timeline(
    case: str,
    given: list[tuple[str, str | None, str | None]],
    index: list[str],
    rows: list[str],
) -> None:
    entries = [_entry(*item) for item in given]
    readme = PANEL.render(entries, Settings("panel"), PACKAGED)
    lines = readme.split("\n")
    assert [line for line in lines if line.startswith("**") and ":** [" in line] == index
    header = lines.index("| Date | Architecture | Distinctive contribution |")
    assert lines[header + 1] == "| --- | --- | --- |"
    assert lines[header + 2 : header + 2 + len(rows) + 1] == [*rows, ""]
    # The README is clean, and imports back to the same dates without a warning.
    assert lint_panels(readme, "README.md") == []
    plan = PANEL.read(
        readme.encode(), "README.md", categories=None, categories_path="categories.yaml"
    )
    assert plan.diagnostics == []
    back = {data["name"]: data for data in map(yaml.safe_load, plan.files.values())}
    assert {name: back[name].get("released") for name, _, _ in given} == {
        name: released for name, released, _ in given
    }


def test_an_undated_panel_the_index_does_not_list_still_needs_a_row() -> None:
    readme = PANEL.render(
        [_entry("Alpha", "2024-05-01"), _entry("Gamma", None)],
        Settings("panel"),
        PACKAGED,
    )
    edited = readme.replace("**Undated:** [Gamma](#gamma)", "**Undated:** [Other](#other)")
    found = [d.text() for d in lint_panels(edited, "README.md")]
    line = edited.split("\n").index("### **Gamma**") + 1
    assert found == [
        f"README.md:{line}:1: error[timeline-coverage] panel 'Gamma' has no release timeline row"
    ]
