"""README text kept as a list's frame template: written so that jinja2 reads it back as text;
and which frame template a list of a layout renders with."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from awesome_tools.core.templates import README, TemplateProblem

if TYPE_CHECKING:
    from awesome_tools.core.templates import Templates


def escape_jinja(text: str) -> str:
    """Frame text as template text: only what jinja2 would read as markup is escaped."""
    return re.sub(r"\{(?=[{%#])", '{{ "{" }}', text)


def frame_template(templates: Templates, packaged: str, places: str) -> str:
    """The frame a layout renders with: the list's own `templates/<packaged>` first (or a link
    there, which render refuses), then its `templates/README.md.j2` when that frame reads the
    variable `places` (import writes it there), else the packaged one. A frame of another
    layout there is left to that layout, so that a list switches layout by its settings alone.
    """
    import jinja2.meta

    root = templates.root
    if root is None or os.path.lexists(root / "templates" / packaged):
        return packaged
    loader = templates.env.loader
    if loader is None or not os.path.lexists(root / "templates" / README):
        return packaged
    try:
        # The loader refuses a link out or to nothing, and decodes as every read does.
        parsed = templates.env.parse(loader.get_source(templates.env, README)[0])
    except (jinja2.TemplateError, TemplateProblem):
        return README  # rendering it reports the problem with its position
    return README if places in jinja2.meta.find_undeclared_variables(parsed) else packaged
