"""Whether a path, resolved whole (every component, links followed), stays inside the project:
the one test that every read and every write of the project's files goes through."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from awesome_tools.diagnostics import Diagnostic
from awesome_tools.io.rules import DANGLING_LINK, OUTSIDE_LIST


def is_inside(path: Path, folder: Path) -> bool:
    """Say whether path is folder or lies under it (both resolved by the caller)."""
    return path == folder or folder in path.parents


def _steps(path: Path, root: Path) -> list[Path]:
    """The paths from root down to path, one component at a time (none if path is not under
    root as written)."""
    base, full = Path(os.path.abspath(root)), Path(os.path.abspath(path))
    if not is_inside(full, base):
        return []
    steps, step = [], base
    for part in full.relative_to(base).parts:
        step = step / part
        steps.append(step)
    return steps


def leads_out(path: Path, root: Path) -> Path | None:
    """The link on path's way (a folder or the file itself) that takes it out of root, or None
    when path, every component resolved, stays inside root.

    A path not under root as written leads out by itself: it is returned whole.
    """
    top = Path(os.path.realpath(root))
    if is_inside(Path(os.path.realpath(path)), top):
        return None
    for step in _steps(path, root):
        if os.path.islink(step) and not is_inside(Path(os.path.realpath(step)), top):
            return step
    return Path(os.path.abspath(path))


def dangling_link(path: Path, root: Path) -> Path | None:
    """The link on path's way (a folder or the file itself) that leads to nothing, or None."""
    for step in _steps(path, root):
        if os.path.islink(step) and not os.path.exists(step):
            return step
        if not os.path.lexists(step):
            return None
    return None


def _shown(path: Path, base: Path) -> str:
    """A link's path as messages show it: relative to `base`."""
    return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(base))).as_posix()


def refused_read(path: Path, root: Path, display: str, base: Path) -> Diagnostic | None:
    """Why the list does not read path, or None when it may: every component resolved, the
    path leads out of the project (`outside-list`) or through a link to nothing
    (`dangling-link`). A link's path is shown relative to `base`.

    A file that leads out is never read: a pull request could otherwise have a check print a
    file of the machine that runs it.
    """
    out = leads_out(path, root)
    if out is not None:
        if out == Path(os.path.abspath(path)):
            message = "the file links outside the list's folder; it is not read"
        else:
            message = f"{_shown(out, base)}/ links outside the list's folder; the file is not read"
        return OUTSIDE_LIST.at(display, 1, 1, message)
    broken = None if os.path.exists(path) else dangling_link(path, root)
    if broken is None:
        return None
    to = f"'{os.readlink(broken)}', which {_why_nothing(broken)}"
    if broken == Path(os.path.abspath(path)):
        message = f"the file is a link to {to}; it is not read"
    else:
        message = f"{_shown(broken, base)}/ is a link to {to}; the file is not read"
    return DANGLING_LINK.at(display, 1, 1, message)


def _why_nothing(link: Path) -> str:
    """Why a link leads to no file: its target does not exist, or the links go round."""
    try:
        os.stat(link)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "leads round in a loop of links"
    return "does not exist"


def read_inside(path: Path, root: Path, display: str, base: Path) -> bytes | Diagnostic | None:
    """A file of the list: its bytes, why it is not read, or None when there is none."""
    problem = refused_read(path, root, display, base)
    if problem is not None:
        return problem
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def read_text_inside(
    path: Path, root: Path, display: str, base: Path
) -> tuple[bytes | None, str | None, Diagnostic | None]:
    """A file of the list as bytes and text (None: there is none, or it was not read or not
    decoded), and why it was not read (a link out or to nothing) or is not UTF-8."""
    from awesome_tools.io.textfile import decode

    data = read_inside(path, root, display, base)
    if isinstance(data, Diagnostic):
        return None, None, data
    if data is None:
        return None, None, None
    text, problem = decode(data, display)
    return data, text, problem
