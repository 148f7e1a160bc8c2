"""Where the package keeps its templates: the shared ones in `awesome_tools/templates/`, each
layout's in its own package (`awesome_tools/layouts/<layout>/templates/`), reached by the name a
list's own `templates/` overrides them by (`panel/panel.md.j2`)."""

from __future__ import annotations

from collections.abc import Callable

import jinja2

TEMPLATES = "templates"


def packaged_file(name: str) -> str:
    """Where the package keeps a template, looked up in the order the loader looks: the shared
    ones in `awesome_tools/templates/`, else a layout's in its package
    (`layouts/<layout>/templates/`)."""
    from importlib.resources import files

    shared = files("awesome_tools").joinpath(TEMPLATES, *name.split("/"))
    if "/" not in name or shared.is_file():
        return f"awesome_tools/{TEMPLATES}/{name}"
    layout, _, file = name.partition("/")
    return f"awesome_tools/layouts/{layout}/{TEMPLATES}/{file}"


class LayoutTemplates(jinja2.PackageLoader):
    """A layout's packaged templates, in its package's `templates/` folder, by the name
    `<layout>/<file>` (`panel/panel.md.j2`): the name a list's own `templates/` overrides them by.
    Found by that place alone, so that the core imports no layout."""

    def __init__(self) -> None:
        super().__init__("awesome_tools", "layouts")

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool] | None]:
        layout, _, name = template.partition("/")
        if not name or "/" in name:
            raise jinja2.TemplateNotFound(template)
        return super().get_source(environment, f"{layout}/{TEMPLATES}/{name}")

    def list_templates(self) -> list[str]:
        return []
