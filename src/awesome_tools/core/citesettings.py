"""The settings a list is cited by (`export cff`): its authors and its link, read from
awesome.yaml with positioned problems."""

from __future__ import annotations

from typing import Any

from awesome_tools.core.loaded import Loaded
from awesome_tools.core.normalize import text_value
from awesome_tools.core.rules.lists import SETTINGS as BAD_SETTINGS
from awesome_tools.core.urls import BadUrl, split_url
from awesome_tools.diagnostics import Diagnostic


def authors_setting(
    values: dict[str, Any], loaded: Loaded, path: str, problems: list[Diagnostic]
) -> tuple[str, ...]:
    """`authors`: the list's authors, each a line of text (none when unset)."""
    wanted = values.get("authors", [])
    if not isinstance(wanted, list):
        at = loaded.value_positions[("authors",)]
        problems.append(BAD_SETTINGS.at(path, *at, "authors is a list of names"))
        return ()
    names: list[str] = []
    for index, item in enumerate(wanted):
        name = text_value(item)
        if name is None:
            at = loaded.value_positions.get(("authors", index), (1, 1))
            problems.append(BAD_SETTINGS.at(path, *at, "each author is a line of text"))
        else:
            names.append(name)
    return tuple(names)


def url_setting(
    values: dict[str, Any], loaded: Loaded, path: str, problems: list[Diagnostic]
) -> str | None:
    """`url`: the list's http(s) link (its repository or page), or None."""
    if "url" not in values:
        return None
    url = text_value(values["url"])
    try:
        scheme = split_url(url).scheme if url is not None else ""
    except BadUrl:
        scheme = ""
    if scheme in ("http", "https"):
        return url
    at = loaded.value_positions[("url",)]
    problems.append(BAD_SETTINGS.at(path, *at, "url is the list's http(s) link"))
    return None
