"""The settings a list is cited by (`export cff`): its authors and its link, read from
awesome.yaml, each problem a position and a message for `settings.py` to report."""

from __future__ import annotations

from typing import Any

from awesome_tools.core.loaded import Loaded
from awesome_tools.core.normalize import text_value
from awesome_tools.core.urls import BadUrl, split_url

Problem = tuple[tuple[int, int], str]


def authors_setting(
    values: dict[str, Any], loaded: Loaded
) -> tuple[tuple[str, ...], list[Problem]]:
    """`authors`: the list's authors, each a line of text (none when unset)."""
    wanted = values.get("authors", [])
    if not isinstance(wanted, list):
        return (), [(loaded.value_positions[("authors",)], "authors is a list of names")]
    names: list[str] = []
    problems: list[Problem] = []
    for index, item in enumerate(wanted):
        name = text_value(item)
        if name is None:
            at = loaded.value_positions.get(("authors", index), (1, 1))
            problems.append((at, "each author is a line of text"))
        else:
            names.append(name)
    return tuple(names), problems


def url_setting(values: dict[str, Any], loaded: Loaded) -> tuple[str | None, list[Problem]]:
    """`url`: the list's http(s) link (its repository or page), or None."""
    if "url" not in values:
        return None, []
    url = text_value(values["url"])
    try:
        scheme = split_url(url).scheme if url is not None else ""
    except BadUrl:
        scheme = ""
    if scheme in ("http", "https"):
        return url, []
    return None, [(loaded.value_positions[("url",)], "url is the list's http(s) link")]
