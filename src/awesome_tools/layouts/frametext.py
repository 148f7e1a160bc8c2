"""README text kept as a list's frame template: written so that jinja2 reads it back as text."""

from __future__ import annotations

import re


def escape_jinja(text: str) -> str:
    """Frame text as template text: only what jinja2 would read as markup is escaped."""
    return re.sub(r"\{(?=[{%#])", '{{ "{" }}', text)
