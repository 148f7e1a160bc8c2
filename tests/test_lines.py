"""The window around where two texts differ, the one the partial lint and drift both cut at."""

from __future__ import annotations

import pytest

from awesome_tools.core.lines import Window, diff_window

# Twenty parts of three lines each (a part starts at every third line), then one last line.
BASE = [f"part {k // 3} line {k % 3}" for k in range(60)] + [""]
STARTS = list(range(0, 60, 3))


def _edit(lines: list[str], at: int, new: list[str], drop: int = 1) -> list[str]:
    return lines[:at] + new + lines[at + drop :]


CASES: list[tuple[str, list[str], Window | None]] = [
    # The difference at line 31 (part 10): from part 9 to part 12, a whole part each side.
    ("a line edited", _edit(BASE, 31, ["edited"]), Window(27, 36, 0)),
    ("at a part's first line", _edit(BASE, 30, ["edited"]), Window(27, 36, 0)),
    ("two lines inserted", _edit(BASE, 31, ["a", "b"], 0), Window(27, 36, 2)),
    ("a line removed", _edit(BASE, 31, [], 1), Window(27, 36, -1)),
    ("in the first part: from the first line", _edit(BASE, 1, ["edited"]), Window(0, 6, 0)),
    ("in the last part: to the end", _edit(BASE, 58, ["edited"]), Window(54, 61, 0)),
    (
        "edits far apart: no window",
        _edit(_edit(BASE, 4, ["x"]), 55, ["y"]),
        None,
    ),
]


@pytest.mark.parametrize(("want", "window"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_window_around_the_differences(want: list[str], window: Window | None) -> None:
    assert diff_window(BASE, want, STARTS) == window
