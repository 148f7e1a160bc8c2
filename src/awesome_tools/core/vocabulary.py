"""Vocabularies maintainers edit as data: the values of `connector`, `vision_family`,
`language_family` and `modalities`, each with what it means (`src/awesome_tools/data/`)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from awesome_tools.core.loader import load_yaml


@cache
def _data(name: str) -> dict[str, object]:
    """A vocabulary data file, read once."""
    text = resources.files("awesome_tools").joinpath(f"data/{name}").read_text("utf-8")
    loaded = load_yaml(text, name)
    if loaded.diagnostics or not isinstance(loaded.data, dict):
        raise RuntimeError(f"awesome_tools/data/{name} is broken: {loaded.diagnostics}")
    return {str(key): value for key, value in loaded.data.items()}


@cache
def _values(name: str, section: str | None = None) -> dict[str, str]:
    data = _data(name) if section is None else _data(name)[section]
    if not isinstance(data, dict):
        raise RuntimeError(f"awesome_tools/data/{name}: '{section}' is not a mapping")
    return {str(key): str(value) for key, value in data.items()}


def connectors() -> dict[str, str]:
    """The allowed connector values, in the data file's order, with their meanings."""
    return _values("connectors.yaml")


def vision_families() -> dict[str, str]:
    """The allowed `vision_family` values, with what each covers."""
    return _values("families.yaml", "vision")


def language_families() -> dict[str, str]:
    """The allowed `language_family` values, with what each covers."""
    return _values("families.yaml", "language")


def input_modalities() -> dict[str, str]:
    """What `modalities.input` may name."""
    return _values("modalities.yaml", "input")


def output_modalities() -> dict[str, str]:
    """What `modalities.output` may name."""
    return _values("modalities.yaml", "output")
