"""A new entry file: every field present, each under a comment from the schema's description."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from awesome_tools.core.entryfile import MODELINE
from awesome_tools.core.fieldtypes import PLACEHOLDER
from awesome_tools.core.keys import model_of
from awesome_tools.core.schema import Entry


@dataclass(frozen=True)
class EntryField:
    """One field of an entry file, as the scaffold and the interactive prompt show it."""

    path: tuple[str, ...]
    description: str
    required: bool
    section: bool
    listed: bool = False  # a list of mappings (`links`): written by hand, never prompted for
    several: bool = False  # one value or a list of them (`connector`)

    @property
    def dotted(self) -> str:
        return ".".join(self.path)


def _is_list(annotation: Any) -> bool:
    """Say whether an annotation is a list (through Optional); a field that takes one value or
    a list of them (`connector`) is not: one value is its answer to a prompt."""
    if get_origin(annotation) is list:
        return True
    args = [_bare(arg) for arg in get_args(annotation) if arg is not type(None)]
    return bool(args) and all(get_origin(arg) is list for arg in args)


def _takes_list(annotation: Any) -> bool:
    """Say whether an annotation accepts a list anywhere among its choices."""
    bare = _bare(annotation)
    return get_origin(bare) is list or any(_takes_list(arg) for arg in get_args(bare))


def _bare(annotation: Any) -> Any:
    """An annotation without its `Annotated` metadata."""
    return get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation


def _asked(required: Collection[str]) -> frozenset[str]:
    """The fields a new entry is asked for: of a choice `a|b`, the first."""
    return frozenset(choice.split("|")[0] for choice in required)


def fields(
    required: Collection[str],
    model: type[BaseModel] = Entry,
    prefix: tuple[str, ...] = (),
) -> list[EntryField]:
    """Every field of the schema in file order, sections before their own fields.

    A field is required when the layout's `required` names it (a section, when it names one of
    its fields; of a choice `a|b`, the first), or when its section's model requires it of a
    section that is given. A list of mappings (`links`) is one field: its items are not sections.
    """
    required = _asked(required)
    found: list[EntryField] = []
    for name, info in model.model_fields.items():
        listed = _is_list(info.annotation)
        inner = None if listed else model_of(info.annotation)
        path = (*prefix, name)
        dotted = ".".join(path)
        needed = (
            dotted in required
            or any(r.startswith(f"{dotted}.") for r in required)
            or (bool(prefix) and info.is_required())
        )
        several = not listed and _takes_list(info.annotation)
        found.append(
            EntryField(path, info.description or "", needed, inner is not None, listed, several)
        )
        if inner is not None:
            found.extend(fields(required, inner, path))
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
    suggested: Collection[str] = (),
    skip: Sequence[str] = (),
) -> str:
    """Write an entry file: given values filled in, the rest placeholders or commented out.

    `values` maps dotted paths to text; `required` are the dotted fields the list's layout needs
    and `suggested` those it proposes (a placeholder each); a section holding none of these
    nor a given value is commented out, and sections named in `skip` are left out entirely.
    """
    required = _asked(required)
    wanted = {*required, *suggested, *values}
    sections = {w.split(".")[0] for w in wanted}
    lines = [MODELINE.rstrip("\n")]
    for field in fields(required):
        if any(field.dotted == s or field.dotted.startswith(f"{s}.") for s in skip):
            continue
        indent = "  " * (len(field.path) - 1)
        description = field.description
        if field.path == ("category",) and categories:
            description += f" Choose from: {', '.join(categories)}."
        lines.append(f"{indent}# {description}")
        key = field.path[-1]
        nested = field.section or len(field.path) > 1
        if nested and field.path[0] not in sections:
            lines.append(f"{indent}# {key}:")
        elif field.section:
            lines.append(f"{indent}{key}:")
        elif field.dotted in values:
            lines.append(f"{indent}{key}: {_quote(values[field.dotted])}")
        elif field.dotted in wanted:
            lines.append(f"{indent}{key}: {_quote(placeholder(field))}")
        else:
            lines.append(f"{indent}# {key}:")
    return "\n".join(lines) + "\n"
