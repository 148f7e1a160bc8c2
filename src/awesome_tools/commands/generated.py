"""Generated files, checked or written: `check_or_write` is the whole of `schema` and `docs`
(read, compared and written by `engine/generated.py`, as `render` and `lint` do): with
`--check` it writes nothing and names each stale file with the command that regenerates it.
"""

from __future__ import annotations

from pathlib import Path

from awesome_tools.commands.common import EXIT_OK, EXIT_PROBLEMS, say
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.engine.generated import current, stale, write_changed
from awesome_tools.engine.project import display_path


def check_or_write(
    root: Path, cwd: Path, wanted: dict[str, str], *, check: bool, fix: str
) -> int | list[Diagnostic]:
    """Write the files that changed, saying `wrote` or `unchanged` of each; with `check`,
    write nothing and say which are stale (exit 1 when one is). With `check`, a file that
    cannot be read safely is a problem, returned for the command to report."""
    if check:
        have = current(root, wanted, cwd)
        if have.problems:
            return list(have.problems.values())
        old = stale(have, wanted)
        say([f"{display_path(root / name, cwd)} is stale: run `{fix}`" for name in old])
        return EXIT_PROBLEMS if old else EXIT_OK
    changed = write_changed(root, wanted)
    for name in wanted:
        state = "wrote" if name in changed else "unchanged"
        say([f"{state} {display_path(root / name, cwd)}"])
    return EXIT_OK
