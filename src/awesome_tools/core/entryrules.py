"""The checks of one entry beyond its schema: a release date the paper's id contradicts, a badge
that leads elsewhere, a look-alike letter, a figure file the list lacks."""

from __future__ import annotations

import re
from collections.abc import Callable

from awesome_tools.core.loaded import Loaded
from awesome_tools.core.normalize import (
    arxiv_id,
)
from awesome_tools.core.rules.entries import (
    BADGE_DESTINATION,
    CONFUSABLE_NAME,
    FIGURE_FILE,
    RELEASED_MISMATCH,
)
from awesome_tools.core.schema import Entry
from awesome_tools.core.unicodepolicy import (
    lookalike,
)
from awesome_tools.core.validate import character_at
from awesome_tools.diagnostics import Diagnostic

# Whether a path relative to the list's root names one of its files: the command layer's
# answer, so that the checker itself reads nothing.
# Why a path relative to the list's root is not a file of the list ("is not in the list's
# folder; ..."), or None when it is one.
Missing = Callable[[str], str | None]


_NEW_ARXIV_ID = re.compile(r"([0-9]{2})([0-9]{2})\.[0-9]{4,5}")


def release_mismatch(loaded: Loaded, entry: Entry | None) -> list[Diagnostic]:
    """Warn when `released` is more than three months from the month of the arXiv id, unless
    the entry says the date is of the official release."""
    if entry is None or entry.released is None or entry.released_basis == "official-release":
        return []
    match = _NEW_ARXIV_ID.fullmatch(arxiv_id(entry.url) or "")
    if match is None:
        return []
    paper = (2000 + int(match.group(1))) * 12 + int(match.group(2)) - 1
    released = int(entry.released[:4]) * 12 + int(entry.released[5:7]) - 1
    if abs(paper - released) <= 3:
        return []
    line, column = loaded.value_positions[("released",)]
    message = (
        f"released {entry.released} is {abs(paper - released)} months from the arXiv id "
        f"{match.group(0)} ({2000 + int(match.group(1))}-{match.group(2)}); check the date"
    )
    return [RELEASED_MISMATCH.at(loaded.path, line, column, message, "warning")]


def badge_problems(loaded: Loaded, entry: Entry | None) -> list[Diagnostic]:
    """Report a link whose badge label names a host the link does not go to."""
    from awesome_tools.core.links import badge_problem

    found: list[Diagnostic] = []
    for index, link in enumerate(entry.links or () if entry else ()):
        problem = badge_problem(link.label, link.url) if link.label else None
        if problem:
            line, column = loaded.value_positions.get(("links", index, "url"), (1, 1))
            # A warning: the link still works, its badge says the wrong thing about it.
            found.append(BADGE_DESTINATION.at(loaded.path, line, column, problem, "warning"))
    return found


def lookalike_problem(loaded: Loaded, entry: Entry | None) -> list[Diagnostic]:
    """Warn of a name's letter of another script that reads as one of the name's own script."""
    found = lookalike(entry.name) if entry else None
    if entry is None or found is None:
        return []
    raw = loaded.data.get("name") if isinstance(loaded.data, dict) else None
    # The letter's column where the name is written as it reads (no escapes, not folded).
    at = raw.index(entry.name) + found.index if isinstance(raw, str) and entry.name in raw else None
    place = character_at(loaded, ("name",), at) if at is not None else None
    line, column = place or loaded.top_value_position("name")
    # A warning: a name may mix scripts on purpose (alpha-CLIP written with a Greek alpha); two
    # names that read alike are an error (`duplicate-entry`).
    message = found.message(entry.name)
    return [CONFUSABLE_NAME.at(loaded.path, line, column, message, "warning")]


def figure_file_problem(
    loaded: Loaded, entry: Entry | None, missing: Missing | None
) -> list[Diagnostic]:
    """Report a local figure that is not a file of the list."""
    if entry is None or entry.local_figure is None or missing is None:
        return []
    why = missing(entry.local_figure)
    if why is None:
        return []
    line, column = loaded.value_positions.get(("figure", "file"), (1, 1))
    message = f"figure file '{entry.local_figure}' {why}"
    return [FIGURE_FILE.at(loaded.path, line, column, message)]
