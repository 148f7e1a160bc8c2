"""A new entry file: every field present, each under a comment from the schema's description."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from awesome_tools.entryfile import MODELINE
from awesome_tools.keys import model_of
from awesome_tools.schema import PLACEHOLDER, Entry


@dataclass(frozen=True)
class EntryField:
    """One field of an entry file, as the scaffold and the interactive prompt show it."""

    path: tuple[str, ...]
    description: str
    required: bool
    section: bool

    @property
    def dotted(self) -> str:
        return ".".join(self.path)


def fields(model: type[BaseModel] = Entry, prefix: tuple[str, ...] = ()) -> list[EntryField]:
    """Every field of the schema in file order, sections before their own fields."""
    found: list[EntryField] = []
    for name, info in model.model_fields.items():
        inner = model_of(info.annotation)
        path = (*prefix, name)
        found.append(
            EntryField(path, info.description or "", info.is_required(), inner is not None)
        )
        if inner is not None:
            found.extend(fields(inner, path))
    return found


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def placeholder(field: EntryField) -> str:
    """The value a field holds until the contributor writes it."""
    return f"{PLACEHOLDER} {field.description}"


def scaffold_text(
    values: Mapping[str, str],
    *,
    categories: Sequence[str],
    required: Collection[str],
    skip: Sequence[str] = (),
) -> str:
    """Write an entry file: given values filled in, the rest placeholders or commented out.

    `values` maps dotted paths to text; `required` are the dotted fields the list's layout needs
    (a placeholder each); sections named in `skip` are left out entirely.
    """
    lines = [MODELINE.rstrip("\n")]
    for field in fields():
        if any(field.dotted == s or field.dotted.startswith(f"{s}.") for s in skip):
            continue
        indent = "  " * (len(field.path) - 1)
        description = field.description
        if field.path == ("category",) and categories:
            description += f" Choose from: {', '.join(categories)}."
        lines.append(f"{indent}# {description}")
        key = field.path[-1]
        if field.section:
            lines.append(f"{indent}{key}:")
        elif field.dotted in values:
            lines.append(f"{indent}{key}: {_quote(values[field.dotted])}")
        elif field.dotted in required:
            lines.append(f"{indent}{key}: {_quote(placeholder(field))}")
        else:
            lines.append(f"{indent}# {key}:")
    return "\n".join(lines) + "\n"
