"""Entries as data for people who analyse the list: JSON and CSV, in a stable order."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from awesome_tools.render import sort_key
from awesome_tools.scaffold import fields
from awesome_tools.schema import Entry, entry_json_schema


def records(entries: Sequence[Entry]) -> list[dict[str, Any]]:
    """Each entry as a plain mapping in schema key order, absent fields left out, by name."""
    return [e.model_dump(exclude_none=True) for e in sorted(entries, key=sort_key)]


def to_json(entries: Sequence[Entry]) -> str:
    """A JSON list of entries, UTF-8 text, one final newline."""
    return json.dumps(records(entries), ensure_ascii=False, indent=2) + "\n"


def columns() -> list[str]:
    """The CSV header: every text field of the schema, dotted, in schema order."""
    return [field.dotted for field in fields() if not field.section]


def _flatten(record: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def to_csv(entries: Sequence[Entry]) -> str:
    """CSV per RFC 4180: a header row, CRLF line ends, fields quoted where they need it."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(), lineterminator="\r\n", restval="")
    writer.writeheader()
    for record in records(entries):
        writer.writerow(_flatten(record))
    return out.getvalue()


def export_json_schema(categories: Sequence[str]) -> dict[str, Any]:
    """The JSON Schema of `export --format json`: a list of entries."""
    entry = entry_json_schema(list(categories))
    definitions = entry.pop("$defs", {})
    entry.pop("$schema", None)
    definitions["Entry"] = entry
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Awesome VLM Architectures export",
        "description": "Every entry of the list, sorted by name (ignoring case), "
        "optional fields left out when empty.",
        "type": "array",
        "items": {"$ref": "#/$defs/Entry"},
        "$defs": definitions,
    }
