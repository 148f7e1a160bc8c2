"""Where a key belongs in an entry, read off the schema's models: the lookups that messages,
the scaffold and the loader's hints need."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from awesome_tools.core.schema import Entry


def field_info(path: tuple[str, ...], model: type[BaseModel] = Entry) -> FieldInfo:
    """Return the schema's definition of a field, by its path of keys (in the entry model a
    layout's entries follow: `Entry`, or one that adds the layout's own fields)."""
    info = None
    for part in path:
        info = model.model_fields[part]
        inner = model_of(info.annotation)
        if inner is not None:
            model = inner
    if info is None:
        raise KeyError(path)
    return info


def field_description(path: tuple[str, ...], model: type[BaseModel] = Entry) -> str:
    """Return the schema's description of a dotted field path."""
    return field_info(path, model).description or "" if path else ""


def model_of(annotation: Any) -> type[BaseModel] | None:
    """The model a field's annotation holds (through Optional), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = model_of(arg)
        if found is not None:
            return found
    return None


def allowed_keys(path: tuple[str | int, ...], entry: type[BaseModel] = Entry) -> list[str]:
    """Return the keys a mapping at this path may hold."""
    model: type[BaseModel] | None = entry
    for part in path:
        if isinstance(part, int):
            continue  # an item of a list of mappings (`links`) holds the list's model
        if model is None or part not in model.model_fields:
            return []
        model = model_of(model.model_fields[part].annotation)
    return list(model.model_fields) if model else []


@cache
def entry_keys(entry: type[BaseModel] = Entry) -> frozenset[str]:
    """Every key an entry file of this model may hold, at its top level or in a section (the
    loader's hints name the closest)."""
    sections = [model_of(info.annotation) for info in entry.model_fields.values()]
    nested = [key for model in sections if model is not None for key in model.model_fields]
    return frozenset([*entry.model_fields, *nested])


def home_of(key: str, entry: type[BaseModel] = Entry) -> tuple[str, ...] | None:
    """Return the path of the one mapping where a key belongs: `()` is the top level."""
    if key in entry.model_fields:
        return ()
    for name, info in entry.model_fields.items():
        inner = model_of(info.annotation)
        # A key of a list's items (`links`) has no one mapping to move it to.
        if inner is not None and key in inner.model_fields and "list[" not in str(info.annotation):
            return (name,)
    return None
