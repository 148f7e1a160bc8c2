"""The layout seam: the table layout renders, reads and lints as the modules it wraps do."""

from __future__ import annotations

from pathlib import Path

from awesome_tools.core.settings import Settings
from awesome_tools.core.templates import load_templates
from awesome_tools.engine.project import read_project
from awesome_tools.layouts import LAYOUTS, layout_named
from awesome_tools.layouts.list import LAYOUT as LIST_LAYOUT
from awesome_tools.layouts.panel import LAYOUT as PANEL
from awesome_tools.layouts.table import LAYOUT as TABLE
from awesome_tools.layouts.table.importer import plan_import
from awesome_tools.layouts.table.lint import lint_text
from awesome_tools.layouts.table.render import render_readme
from conftest import LIST, RICH_CATEGORIES


def test_the_table_layout_is_every_list_s_default_and_awesome_yaml_chooses_another(
    rich_project: Path,
) -> None:
    assert LAYOUTS == {
        "table": "awesome_tools.layouts.table",
        "panel": "awesome_tools.layouts.panel",
        "list": "awesome_tools.layouts.list",
    }
    assert [layout_named(name) for name in LAYOUTS] == [TABLE, PANEL, LIST_LAYOUT]
    assert read_project(rich_project, rich_project).layout is TABLE
    (rich_project / "awesome.yaml").write_text("layout: panel\n", "utf-8")
    assert read_project(rich_project, rich_project).layout is PANEL
    (rich_project / "awesome.yaml").write_text("layout: cards\n", "utf-8")
    project = read_project(rich_project, rich_project)
    assert project.layout is TABLE
    assert project.diagnostics[0].text() == (
        "awesome.yaml:1:9: error[settings] unknown layout 'cards' (layouts: table, panel, list)"
    )


def test_required_fields_are_the_table_s_eight_cells_and_the_identity() -> None:
    assert TABLE.required == {
        "name",
        "title",
        "url",
        "architecture.overview",
        "architecture.components",
        "training.methods",
        "datasets.used",
        "datasets.purpose",
    }
    assert TABLE.suggested == {"alignment.techniques", "alignment.fusion_methods"}


def test_render_read_and_lint_go_through_the_layout(rich_project: Path) -> None:
    project = read_project(rich_project, rich_project)
    entries = list(project.entries.values())
    templates = load_templates(rich_project)
    text = TABLE.render(entries, Settings("table", categories=tuple(RICH_CATEGORIES)), templates)
    assert text == render_readme(entries, RICH_CATEGORIES, templates=templates)
    plan = TABLE.read(
        text.encode(), "README.md", categories=None, categories_path="categories.yaml"
    )
    assert plan == plan_import(
        text.encode(), "README.md", categories_text=None, categories_path="categories.yaml"
    )
    assert sorted(plan.files) == sorted(Path(p).name for p in project.entries)
    edited = text.replace("Zeta overview.", "Zeta, by hand.")
    found = TABLE.lint(
        edited,
        "README.md",
        expected=text,
        entry_files={},
        frame=templates.frame(),
        fixes=project.fixes,
    )
    assert found == lint_text(
        edited, "README.md", expected=text, template=templates.frame(), fixes=project.fixes
    )
    assert [d.rule for d in found] == ["drift"]


def test_the_fixture_list_renders_to_its_readme_through_the_layout() -> None:
    project = read_project(LIST, LIST)
    text = project.layout.render(
        list(project.entries.values()), project.settings, project.templates()
    )
    assert text == (LIST / "README.md").read_text("utf-8")
