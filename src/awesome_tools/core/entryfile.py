"""Entry data to the text of an entry file."""

from __future__ import annotations

from typing import Any

import yaml

MODELINE = "# yaml-language-server: $schema=../schema/entry.schema.json\n"

# The pure-Python dumper: libyaml escapes characters outside the BMP (emoji) as \U sequences.
_Dumper: Any = yaml.SafeDumper


def dump_entry(data: dict[str, Any]) -> str:
    """Write entry data as YAML, keys in schema order, behind the editor modeline."""
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return MODELINE + body
