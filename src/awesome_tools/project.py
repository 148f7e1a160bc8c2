"""The file-system edge: finding the project root, reading sources, writing atomically."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awesome_tools.fixes import Fixes

ENTRIES = "entries"
CATEGORIES = "categories.yaml"


@dataclass(frozen=True)
class Source:
    """A file's bytes with the path diagnostics show for it."""

    display: str
    path: Path
    raw: bytes


def find_root(start: Path) -> Path | None:
    """Return the nearest folder, from start upward, that holds entries/."""
    for folder in (start, *start.parents):
        if (folder / ENTRIES).is_dir():
            return folder
    return None


def display_path(path: Path, cwd: Path) -> str:
    """Show a path relative to the current directory, as editors and linters expect."""
    return Path(os.path.relpath(path.absolute(), cwd)).as_posix()


def read_fixes(root: Path | None) -> Fixes:
    """The commands messages should name in this list: its Makefile's targets, or the CLI's."""
    from awesome_tools.fixes import CONSOLE, fixes_from_makefile

    if root is None:
        return CONSOLE
    try:
        text = (root / "Makefile").read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return CONSOLE
    return fixes_from_makefile(text)


def entry_paths(root: Path) -> list[Path]:
    """List the entry files of a project, in a stable order."""
    folder = root / ENTRIES
    # os.scandir knows each entry's type without a stat call; names sort faster than Paths.
    with os.scandir(folder) as listing:
        names = sorted(
            e.name for e in listing if e.name.endswith((".yaml", ".yml")) and e.is_file()
        )
    return [folder / name for name in names]


def read_source(path: Path, cwd: Path, *, display: str | None = None) -> Source:
    """Read one file as bytes."""
    return Source(display or display_path(path, cwd), path, path.read_bytes())


def read_entries(root: Path, cwd: Path) -> list[Source]:
    """Read every entry file; the folder's display path is worked out once, not per file."""
    folder = display_path(root / ENTRIES, cwd)
    prefix = "" if folder == "." else f"{folder}/"
    return [read_source(p, cwd, display=prefix + p.name) for p in entry_paths(root)]


def _new_file_mode() -> int:
    """The mode a plain `open()` would give a new file under the current umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, text: str) -> bool:
    """Write text through a temporary file and a rename, only when it changes; say if it did.

    The file keeps its mode (a new one gets the umask's), not the 0600 of the temporary file.
    """
    import tempfile

    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = _new_file_mode()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            os.fchmod(handle.fileno(), mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
