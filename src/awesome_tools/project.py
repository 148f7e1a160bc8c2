"""The file-system edge for reading: the project root, its entry files, its settings."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from awesome_tools.diagnostics import Diagnostic
from awesome_tools.files import is_inside
from awesome_tools.settings import CATEGORIES, DEFAULT, SETTINGS, Settings
from awesome_tools.textfile import decode

if TYPE_CHECKING:
    from awesome_tools.fixes import Fixes
    from awesome_tools.layout import Layout
    from awesome_tools.schema import Entry
    from awesome_tools.templates import Templates

ENTRIES = "entries"
# The hand-written files of awesome-tools' own repository that `awesome-tools docs` completes
# with generated tables; a list kept with the tool has none of them, so `docs` is not offered.
OWN_DOCS = ("contributing.md", "docs/facets.md")


@dataclass(frozen=True)
class Source:
    """A file's bytes with the path diagnostics show for it."""

    display: str
    path: Path
    raw: bytes

    def read(self) -> bytes:
        return self.raw


@dataclass(frozen=True)
class EntryFile:
    """An entry file not read yet: the checker reads it where it checks it (a worker, maybe)."""

    display: str
    path: Path

    @property
    def raw(self) -> bytes:
        return self.read()

    def read(self) -> bytes:
        with open(self.path, "rb") as file:
            return file.read()


def find_root(start: Path) -> Path | None:
    """Return the nearest folder, from start upward, that holds entries/."""
    for folder in (start, *start.parents):
        if (folder / ENTRIES).is_dir():
            return folder
    return None


def own_docs_missing(root: Path) -> list[str]:
    """The files of OWN_DOCS that root lacks: empty in awesome-tools' own repository."""
    return [name for name in OWN_DOCS if not (root / name).is_file()]


def display_path(path: Path, cwd: Path) -> str:
    """Show a path relative to the current directory, as editors and linters expect."""
    return Path(os.path.relpath(path.absolute(), cwd)).as_posix()


def read_fixes(root: Path | None) -> Fixes:
    """The commands messages should name in this list: its Makefile's targets, or the CLI's."""
    from awesome_tools.fixes import CONSOLE, fixes_from_makefile

    if root is None:
        return CONSOLE
    try:
        raw = (root / "Makefile").read_bytes()
    except OSError:
        return CONSOLE
    # A Makefile that is not UTF-8 is not the list's to fix here: its commands are not named.
    text = decode(raw, "Makefile")[0]
    return CONSOLE if text is None else fixes_from_makefile(text)


def committed(root: Path, name: str) -> bytes | None:
    """The bytes of root/name as the last commit holds them; None outside git or not there."""
    import subprocess

    try:
        done = subprocess.run(
            ["git", "-C", str(root), "show", f"HEAD:./{name}"],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


# Lower-cased: `x.YAML` is read too, so that the file-name rule reports it instead of the
# model vanishing from the README.
YAML_SUFFIXES = (".yaml", ".yml")


def entry_paths(root: Path) -> tuple[list[Path], list[Path]]:
    """List the entry files of a project in a stable order, and those that lie outside it.

    A link inside entries/ to a file outside the project is never read: a pull request could
    otherwise have a check print a file of the machine that runs it.
    """
    folder = root / ENTRIES
    top = root.resolve()
    folder_inside = is_inside(folder.resolve(), top)
    # os.scandir knows each entry's type without a stat call; names sort faster than Paths.
    with os.scandir(folder) as listing:
        found = sorted(
            (e.name, e.is_symlink())
            for e in listing
            if e.name.lower().endswith(YAML_SUFFIXES) and e.is_file()
        )
    inside: list[Path] = []
    outside: list[Path] = []
    for name, linked in found:
        path = folder / name
        if (linked or not folder_inside) and not is_inside(path.resolve(), top):
            outside.append(path)
        else:
            inside.append(path)
    return inside, outside


def read_source(path: Path, cwd: Path, *, display: str | None = None) -> Source:
    """Read one file as bytes."""
    return Source(display or display_path(path, cwd), path, path.read_bytes())


def links_outside(path: Path, root: Path) -> bool:
    """Say whether a file is a link that leads outside the project."""
    return path.is_symlink() and not is_inside(path.resolve(), root.resolve())


def outside_list(display: str) -> Diagnostic:
    """The diagnostic of an entry file that is not read because it lies outside the project."""
    message = "the file links outside the list's folder; it is not read"
    return Diagnostic(display, 1, 1, "outside-list", message)


@dataclass(frozen=True)
class Listing:
    """The entry files of a project: those read, and those refused unread (by absolute path)."""

    sources: list[EntryFile | Source]
    refused: dict[Path, Diagnostic]

    @property
    def files(self) -> int:
        """How many entry files there are, read or not."""
        return len(self.sources) + len(self.refused)


def read_entries(root: Path, cwd: Path) -> Listing:
    """List every entry file, to be read when checked; the folder's display path is worked out
    once, not per file."""
    folder = display_path(root / ENTRIES, cwd)
    prefix = "" if folder == "." else f"{folder}/"
    inside, outside = entry_paths(root)
    return Listing(
        [EntryFile(prefix + p.name, p) for p in inside],
        {Path(os.path.abspath(p)): outside_list(prefix + p.name) for p in outside},
    )


@dataclass(frozen=True)
class Project:
    """A list as the commands see it: its root, sections, valid entries and what is wrong."""

    root: Path
    categories: list[str]
    entries: dict[str, Entry]  # each valid entry, by the path diagnostics show for its file
    diagnostics: list[Diagnostic]  # sorted: categories.yaml, refused files, the entries
    files: int  # entry files found, read or not
    fixes: Fixes
    settings: Settings = DEFAULT  # awesome.yaml (and categories.yaml), defaults filled in

    @property
    def layout(self) -> Layout:
        """How README.md is written and read: the layout the settings choose."""
        return self.settings.layout

    def templates(self) -> Templates:
        """The list's templates over the packaged ones (jinja2 is imported only here)."""
        from awesome_tools.templates import load_templates

        return load_templates(self.root)


def file_exists(root: Path) -> Callable[[str], bool]:
    """Say whether a path relative to root is a file of the list (not a link out of it).

    The answer for each path is kept: entries may share a figure.
    """
    top = root.resolve()
    base = str(top)
    known: dict[str, bool] = {}

    def exists(relative: str) -> bool:
        found = known.get(relative)
        if found is None:
            path = os.path.join(base, relative)
            found = os.path.isfile(path) and is_inside(Path(os.path.realpath(path)), top)
            known[relative] = found
        return found

    return exists


def read_settings(root: Path, cwd: Path) -> tuple[Settings, list[Diagnostic]]:
    """The list's settings from awesome.yaml and categories.yaml (defaults where they are
    missing), with their problems."""
    from awesome_tools.settings import load_settings

    settings_path, categories_path = root / SETTINGS, root / CATEGORIES
    settings = read_source(settings_path, cwd) if settings_path.is_file() else None
    categories = read_source(categories_path, cwd) if categories_path.is_file() else None
    return load_settings(
        settings.raw if settings else None,
        settings.display if settings else display_path(settings_path, cwd),
        categories_raw=categories.raw if categories else None,
        categories_path=categories.display if categories else display_path(categories_path, cwd),
    )


def read_categories(root: Path, cwd: Path) -> tuple[list[str], list[Diagnostic]]:
    """The list's sections (none when no file lists them), with the settings' problems."""
    settings, problems = read_settings(root, cwd)
    return list(settings.categories), problems


def read_project(root: Path, cwd: Path, *, jobs: int = 1) -> Project:
    """Read the settings and check every entry file of the list at root against them.

    `jobs` processes share the checking of a large list (`check_entries`).
    """
    from awesome_tools.entrycheck import check_entries

    settings, problems = read_settings(root, cwd)
    names = list(settings.categories)
    listing = read_entries(root, cwd)
    checked, diagnostics = check_entries(
        [(s.display, s.read) for s in listing.sources],
        categories=names,
        required=settings.layout.required,
        exists=file_exists(root),
        jobs=jobs,
    )
    return Project(
        root,
        names,
        {item.path: item.entry for item in checked if item.entry is not None},
        sorted(problems + list(listing.refused.values()) + diagnostics),
        listing.files,
        read_fixes(root),
        settings,
    )
