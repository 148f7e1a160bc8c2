"""Vocabularies maintainers edit as data: the `connector` values and what each one means."""

from __future__ import annotations

from functools import cache
from importlib import resources

from awesome_tools.core.loader import load_yaml


@cache
def connectors() -> dict[str, str]:
    """The allowed connector values, in the data file's order, with their meanings."""
    text = resources.files("awesome_tools").joinpath("data/connectors.yaml").read_text("utf-8")
    loaded = load_yaml(text, "connectors.yaml")
    if loaded.diagnostics or not isinstance(loaded.data, dict):
        raise RuntimeError(f"awesome_tools/data/connectors.yaml is broken: {loaded.diagnostics}")
    return {str(key): str(value) for key, value in loaded.data.items()}
