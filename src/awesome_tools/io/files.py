"""Writing files safely: atomically, only on change, never through a link out of the project,
never replacing what exists unless asked, all or nothing for a batch."""

from __future__ import annotations

import contextlib
import errno
import os
import re
from collections.abc import Collection
from pathlib import Path

from awesome_tools.io.pathcheck import leads_out


def _new_file_mode() -> int:
    """The mode a plain `open()` would give a new file under the current umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


class RefusedWrite(OSError):
    """A write the project refuses to make, such as through a link that leads outside it."""

    def __init__(self, path: Path, link: Path, *, of: str = "the project") -> None:
        super().__init__(errno.EPERM, f"refusing to write through a link out of {of}")
        self.path, self.link, self.of = path, link, of


def write_target(path: Path, within: Path | None) -> Path:
    """The file a write to path changes, every link on its way followed; RefusedWrite when
    that leaves `within` (None: the caller's own path, followed anywhere)."""
    if within is not None:
        link = leads_out(path, within)
        if link is not None:
            raise RefusedWrite(path, link)
    return Path(os.path.realpath(path))


def refuse_outside(paths: Collection[Path], within: Path) -> None:
    """Raise RefusedWrite for the first of paths that leads out of `within`, before any is
    written."""
    for path in paths:
        write_target(path, within)


def _stale_pattern(name: str) -> re.Pattern[str]:
    """Our temporary files beside `name`: `.NAME.` + tempfile's 8 random characters + `.tmp`."""
    return re.compile(rf"\.{re.escape(name)}\.[a-z0-9_]{{8}}\.tmp")


def _lock(fd: int) -> bool:
    """Take the lock a writer holds on its temporary file; say whether it was free."""
    try:
        import fcntl
    except ImportError:  # no flock (Windows): a temporary file is never taken for stale
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def clean_stale_temps(path: Path) -> list[Path]:
    """Remove the temporary files a killed write left beside path (no writer holds them)."""
    pattern = _stale_pattern(path.name)
    removed = []
    try:
        names = [name for name in os.listdir(path.parent) if pattern.fullmatch(name)]
    except OSError:
        return []
    for name in names:
        stale = path.parent / name
        try:
            fd = os.open(stale, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            if _lock(fd):
                stale.unlink(missing_ok=True)
                removed.append(stale)
        finally:
            os.close(fd)
    return removed


def _temp_beside(path: Path) -> tuple[int, str]:
    """Create and lock a temporary file beside path, so that no cleaner takes it for stale."""
    import tempfile

    while True:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        _lock(fd)
        if os.fstat(fd).st_nlink:
            return fd, tmp
        # A cleaner removed it between its creation and the lock: make another.
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable; best effort, as not every system can open a folder."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_synced(fd: int, data: bytes, mode: int) -> None:
    """Write all of data to fd with the given mode, and flush it to the disk."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fchmod(fd, mode)
    os.fsync(fd)


def write_atomic(
    path: Path, text: str | bytes, *, within: Path | None = None, exclusive: bool = False
) -> bool:
    """Write text (UTF-8) or bytes through a temporary file and a rename, only when it changes;
    say if it did.

    The file keeps its mode (a new one gets the umask's), not the 0600 of the temporary file.
    A link is written through to its target, unless the target is outside `within`. With
    `exclusive`, an existing file is never replaced: FileExistsError, even when it appeared
    after the caller looked.
    """
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    target = write_target(path, within)
    mode = _new_file_mode()
    if not exclusive:
        try:
            if target.read_bytes() == data:
                return False
            mode = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            pass
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temps(target)
    fd, tmp = _temp_beside(target)
    try:
        _write_synced(fd, data, mode)
        if exclusive:
            # A hard link is created only where no file is: the same test as O_EXCL, but the
            # file appears whole.
            os.link(tmp, target)
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)
    _fsync_folder(target.parent)
    return True


def write_all(
    files: dict[Path, str], *, stage_in: Path, within: Path, replace: Collection[Path] = ()
) -> list[Path]:
    """Write every file or none; return those that changed.

    All are written into a temporary folder in `stage_in` first (where a full disk shows),
    then moved into place. A file in `replace` may exist and is replaced; any other that
    exists, even one that appeared meanwhile, raises FileExistsError naming it. On any failure
    what this call moved in is taken out again and replaced files come back. A file whose path
    leads out of `within` raises RefusedWrite before anything is written.
    """
    import shutil
    import tempfile

    refuse_outside([*files, stage_in], within)

    stage_in.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(dir=stage_in, prefix=".awesome-tools-"))
    created: list[Path] = []
    backups: list[tuple[Path, Path]] = []
    try:
        staged: dict[Path, Path] = {}
        for index, (target, text) in enumerate(files.items()):
            data = text.encode("utf-8")
            mode = _new_file_mode()
            if target in replace and target.is_file():
                if target.read_bytes() == data:
                    continue
                mode = target.stat().st_mode & 0o7777
            staged[target] = stage / str(index)
            fd = os.open(staged[target], os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                _write_synced(fd, data, mode)
            finally:
                os.close(fd)
        for index, (target, item) in enumerate(staged.items()):
            target.parent.mkdir(parents=True, exist_ok=True)
            if target in replace and target.exists():
                backup = stage / f"{index}.was"
                os.link(target, backup)
                os.replace(item, target)
                backups.append((target, backup))
                continue
            try:
                os.link(item, target)
            except FileExistsError:
                raise FileExistsError(errno.EEXIST, "exists", str(target)) from None
            created.append(target)
        for folder in {target.parent for target in staged}:
            _fsync_folder(folder)
    except BaseException:
        for target in created:
            target.unlink(missing_ok=True)
        for target, backup in backups:
            os.replace(backup, target)
        raise
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return list(staged)
