"""The lineage across entries: every name `based_on` gives must be an entry of the list, and
following `based_on` must never lead back to where it started."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from awesome_tools.core.crossentry import Keys
from awesome_tools.core.rules.facets import LINEAGE_CYCLE, UNKNOWN_BASED_ON
from awesome_tools.core.unicodepolicy import name_key
from awesome_tools.diagnostics import Diagnostic, did_you_mean

if TYPE_CHECKING:
    from awesome_tools.core.schema import Entry


def based_on_edges(entries: Sequence[Entry]) -> list[tuple[Entry, Entry]]:
    """The lineage of valid entries as (model built on, model built on it), in `entries`'
    order and each one's `based_on` order; names compare as `check` compares them. A name
    that is no entry of the list, and a model naming itself, make no edge (`check` refuses
    both before anything draws the lineage)."""
    by_key = {name_key(entry.name): entry for entry in entries}
    return [
        (by_key[key], entry)
        for entry in entries
        for key in map(name_key, entry.based_on or [])
        if key in by_key and by_key[key] is not entry
    ]


def lineage_problems(
    keyed: Sequence[tuple[str, Keys]], selected: Collection[str]
) -> list[Diagnostic]:
    """`based_on` names that are no entry of the list, and each link that closes a cycle (for
    the selected files). Names compare as duplicates do: NFKC, case folded."""
    if not any(keys.based_on for _, keys in keyed):
        return []  # nothing to follow: the names of a large list need no keys
    names = {name_key(keys.name): keys.name for _, keys in keyed if keys.name}
    found: list[Diagnostic] = []
    for path, keys in keyed:
        if path not in selected:
            continue
        for name, (line, column) in keys.based_on:
            if name_key(name) not in names:
                hint = did_you_mean(name, list(names.values()))
                message = f"based_on: '{name}' is not a model of this list{hint}"
                if not hint:
                    message += "; a model outside the list goes in based_on_outside"
                found.append(UNKNOWN_BASED_ON.at(path, line, column, message))
    found.extend(_cycles(keyed, selected, names))
    return found


def _cycles(
    keyed: Sequence[tuple[str, Keys]], selected: Collection[str], names: dict[str, str]
) -> list[Diagnostic]:
    """Each selected entry's `based_on` link from which its own name is reached again."""
    links = {
        name_key(keys.name): [name_key(name) for name, _ in keys.based_on]
        for _, keys in keyed
        if keys.name
    }
    found: list[Diagnostic] = []
    for path, keys in keyed:
        if path not in selected or not keys.name:
            continue
        start = name_key(keys.name)
        for name, (line, column) in keys.based_on:
            route = _route(links, name_key(name), start)
            if route is not None:
                shown = " -> ".join(names.get(key, key) for key in [start, *route])
                message = (
                    f"based_on: '{name}' leads back to '{keys.name}' ({shown}): a model cannot "
                    "build on itself; remove the link that points the wrong way"
                )
                found.append(LINEAGE_CYCLE.at(path, line, column, message))
    return found


def _route(links: dict[str, list[str]], source: str, target: str) -> list[str] | None:
    """The names from `source` to `target` along `based_on` (both included), or None."""
    before: dict[str, str | None] = {source: None}
    waiting = [source]
    while waiting:
        here = waiting.pop()
        if here == target:
            route = [here]
            while (previous := before[route[-1]]) is not None:
                route.append(previous)
            return route[::-1]
        for there in links.get(here, []):
            if there not in before:
                before[there] = here
                waiting.append(there)
    return None
