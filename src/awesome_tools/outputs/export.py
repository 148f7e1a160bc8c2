"""Entries as data for people who analyse the list: JSON and CSV, in a stable order."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Collection, Sequence
from typing import Any

from awesome_tools.core.ordering import sort_key
from awesome_tools.core.schema import Entry, entry_json_schema
from awesome_tools.outputs.scaffold import fields


def records(entries: Sequence[Entry]) -> list[dict[str, Any]]:
    """Each entry as a plain mapping in schema key order, absent fields left out, by name."""
    return [e.model_dump(exclude_none=True) for e in sorted(entries, key=sort_key)]


def to_json(entries: Sequence[Entry]) -> str:
    """A JSON list of entries, UTF-8 text, one final newline."""
    return json.dumps(records(entries), ensure_ascii=False, indent=2) + "\n"


def columns() -> list[str]:
    """The CSV header: every text field of the schema, dotted, in schema order."""
    # The columns do not depend on what a layout requires.
    return [field.dotted for field in fields(required=()) if not field.section]


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# A cell of a field taking one value or a list (`connector`) that starts with one of these is
# JSON: a list, or a value that would otherwise read as one (so that it reads back as text).
_JSON_START = ("[", '"')


def facet_cell(value: str | list[str]) -> str:
    """A field taking one value or a list, as a cell: one value as text, a list as JSON."""
    if isinstance(value, list) or value.startswith(_JSON_START):
        return _compact(value)
    return value


def from_facet_cell(cell: str) -> str | list[str]:
    """Undo `facet_cell`: the one value or the list a cell holds."""
    if cell.startswith(_JSON_START):
        value: str | list[str] = json.loads(cell)
        return value
    return cell


def _flatten(record: dict[str, Any], several: Collection[str], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in record.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, several, f"{dotted}."))
        elif dotted in several:
            flat[dotted] = facet_cell(value)
        elif isinstance(value, list):
            # A list (`links`, `params`, `sources`) is one cell: its items as compact JSON text.
            flat[dotted] = _compact(value)
        else:
            flat[dotted] = value
    return flat


def _several() -> frozenset[str]:
    """The columns of fields that take one value or a list of them."""
    return frozenset(field.dotted for field in fields(required=()) if field.several)


def from_csv_row(row: dict[str, str]) -> dict[str, Any]:
    """Undo `to_csv` for one row: the entry's data, nested again, empty cells left out."""
    listed = {field.dotted for field in fields(required=()) if field.listed}
    several = _several()
    data: dict[str, Any] = {}
    for key, cell in row.items():
        if not cell:
            continue
        value: Any = from_spreadsheet_cell(cell)
        if key in listed:
            value = json.loads(value)
        elif key in several:
            value = from_facet_cell(value)
        head, _, tail = key.partition(".")
        if tail:
            data.setdefault(head, {})[tail] = value
        else:
            data[head] = value
    return data


# OWASP's CSV-injection advice: a spreadsheet reads a cell starting with one of these as a
# formula (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3+cmd|…`). Quotes before one are matched too, so
# that adding one more quote is always undone by removing one: the export stays lossless.
_FORMULA = re.compile("'*[=+\\-@\t\r]")


def spreadsheet_cell(value: str) -> str:
    """Prefix a `'` to a value a spreadsheet would run as a formula."""
    return f"'{value}" if _FORMULA.match(value) else value


def from_spreadsheet_cell(cell: str) -> str:
    """Undo `spreadsheet_cell`: the value a CSV cell holds."""
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell, 1) else cell


def to_csv(entries: Sequence[Entry]) -> str:
    """CSV per RFC 4180, formulas neutralised: a header row, CRLF line ends, quoted as needed."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(), lineterminator="\r\n", restval="")
    writer.writeheader()
    several = _several()
    for record in records(entries):
        writer.writerow({k: spreadsheet_cell(v) for k, v in _flatten(record, several).items()})
    return out.getvalue()


def export_json_schema(
    categories: Sequence[str], *, required: Collection[str], model: type[Entry] | None = None
) -> dict[str, Any]:
    """The JSON Schema of `export json`: a list of entries (`required` and `model` as the
    entry's)."""
    entry = entry_json_schema(list(categories), required=required, model=model)
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
