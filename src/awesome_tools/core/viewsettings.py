"""awesome.yaml's `readme_views`: which views of the whole list the README shows beside the
entries (the at-a-glance table, the lineage graph, the release timeline), read with
positioned problems. None unless the list names them: a list's README changes only when it
opts in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from awesome_tools.diagnostics import did_you_mean

if TYPE_CHECKING:
    from awesome_tools.core.loaded import Loaded

    # A problem of the setting: where it is (line, column) and what is wrong, which
    # settings.py reports as a `settings` error.
    Problem = tuple[tuple[int, int], str]

KEY = "readme_views"
# The views, in the order the README shows them (layouts/views.py draws them).
VIEWS = ("glance", "lineage", "timeline")


def readme_views(
    values: dict[str, object], loaded: Loaded, problems: list[Problem]
) -> tuple[str, ...]:
    """`readme_views`: a list of distinct view names (default: none); each wrong one a
    problem at its item, the others kept."""
    if KEY not in values:
        return ()
    wanted = values[KEY]
    choices = f"(views: {', '.join(VIEWS)})"
    if not isinstance(wanted, list):
        at = loaded.value_positions.get((KEY,), (1, 1))
        message = f"{KEY} is a list of the views the README shows {choices}"
        problems.append((at, message))
        return ()
    found: list[str] = []
    for n, name in enumerate(wanted):
        at = loaded.value_positions.get((KEY, n), (1, 1))
        if name in VIEWS and name not in found:
            found.append(name)
            continue
        if name in found:
            message = f"{KEY}: '{name}' is named twice: keep one"
        elif isinstance(name, str):
            message = f"{KEY}: unknown view '{name}'{did_you_mean(name, VIEWS)} {choices}"
        else:
            message = f"{KEY}: each view is a name {choices}"
        problems.append((at, message))
    return tuple(view for view in VIEWS if view in found)
