"""The file-system edge for reading: the project root, its entry files, its settings."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from awesome_tools.core.settings import CATEGORIES, SETTINGS, Settings
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.io.pathcheck import is_inside, read_inside, refused_read
from awesome_tools.io.textfile import decode

if TYPE_CHECKING:
    from awesome_tools.core.fixes import Fixes
    from awesome_tools.core.schema import Entry
    from awesome_tools.core.templates import Templates
    from awesome_tools.layouts.base import Layout

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
    from awesome_tools.core.fixes import CONSOLE, fixes_from_makefile

    if root is None:
        return CONSOLE
    raw = read_inside(root / "Makefile", root, "Makefile", root)
    if not isinstance(raw, bytes):
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


def entry_paths(root: Path) -> list[tuple[Path, bool]]:
    """List the entry files of a project in a stable order, each with whether it is a link;
    links to nothing included (so that a model never vanishes from the README unsaid)."""
    folder = root / ENTRIES
    # os.scandir knows each entry's type without a stat call; names sort faster than Paths.
    with os.scandir(folder) as listing:
        found = sorted(
            (e.name, e.is_symlink())
            for e in listing
            if e.name.lower().endswith(YAML_SUFFIXES) and _listed(e)
        )
    return [(folder / name, linked) for name, linked in found]


def read_source(path: Path, cwd: Path, *, display: str | None = None) -> Source:
    """Read one file as bytes."""
    return Source(display or display_path(path, cwd), path, path.read_bytes())


def _listed(entry: os.DirEntry[str]) -> bool:
    """Whether a name of entries/ is an entry file: a file, or a link that leads to none (a
    loop of links included), which is then reported rather than skipped."""
    try:
        return entry.is_file() or not os.path.exists(entry.path)
    except OSError:
        return True


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
    """List every entry file, to be read when checked; those that lead out of the project or
    to nothing are refused. The folder's display path is worked out once, not per file."""
    folder = display_path(root / ENTRIES, cwd)
    prefix = "" if folder == "." else f"{folder}/"
    sources: list[EntryFile | Source] = []
    refused: dict[Path, Diagnostic] = {}
    # One test for the folder (a link out, or to nothing), then one per link only: a list of
    # thousands of plain files costs no more than its listing.
    folder_refused = refused_read(root / ENTRIES, root, folder, cwd) is not None
    for path, linked in entry_paths(root):
        shown = prefix + path.name
        problem = None
        if folder_refused or linked:
            problem = refused_read(path, root, shown, cwd)
        if problem is None:
            sources.append(EntryFile(shown, path))
        else:
            refused[Path(os.path.abspath(path))] = problem
    return Listing(sources, refused)


@dataclass(frozen=True)
class Project:
    """A list as the commands see it: its root, sections, valid entries and what is wrong."""

    root: Path
    categories: list[str]
    entries: dict[str, Entry]  # each valid entry, by the path diagnostics show for its file
    diagnostics: list[Diagnostic]  # sorted: categories.yaml, refused files, the entries
    files: int  # entry files found, read or not
    fixes: Fixes
    settings: Settings  # awesome.yaml (and categories.yaml), defaults filled in
    # What the layout's `entry_parts` made of each valid entry where it was checked, by path as
    # `entries`; and the templates it rendered with (read_project's `parts`). Empty, None: none.
    made: dict[str, Any] = field(default_factory=dict)
    loaded: Templates | None = field(default=None, repr=False, compare=False)

    @property
    def layout(self) -> Layout:
        """How README.md is written and read: the layout the settings choose."""
        from awesome_tools.layouts import layout_named

        return layout_named(self.settings.layout)

    def templates(self) -> Templates:
        """The list's templates over the packaged ones: those the entries' parts were made
        with, if they were."""
        return self.loaded or _templates(self.root, self.settings)

    def made_of(self) -> list[Any] | None:
        """What was made of each entry, aligned with `entries` (None: nothing was)."""
        return [self.made[path] for path in self.entries] if self.made else None


def _templates(root: Path, settings: Settings) -> Templates:
    """The list's templates over the packaged ones (jinja2 is imported only here)."""
    from awesome_tools.core.templates import load_templates

    return load_templates(root, settings.render_budget)


def figure_missing(root: Path) -> Callable[[str], str | None]:
    """Say why a path relative to root is not a file of the list (missing, a link out of it or
    to nothing), or None when it is one.

    The answer for each path is kept: entries may share a figure.
    """
    known: dict[str, str | None] = {}
    top = Path(os.path.realpath(root))

    def missing(relative: str) -> str | None:
        if relative not in known:
            path = root / relative
            # A file whose whole path resolves inside: two system calls, as for a plain file.
            if os.path.isfile(path) and is_inside(Path(os.path.realpath(path)), top):
                known[relative] = None
                return None
            problem = refused_read(path, root, relative, root)
            if problem is not None:
                known[relative] = f"is refused: {problem.message}"
            elif path.is_file():
                known[relative] = None
            else:
                known[relative] = "is not in the list's folder; add it or fix the path"
        return known[relative]

    return missing


def read_settings(root: Path, cwd: Path) -> tuple[Settings, list[Diagnostic]]:
    """The list's settings from awesome.yaml and categories.yaml (defaults where they are
    missing), with their problems."""
    from awesome_tools.core.settings import load_settings
    from awesome_tools.layouts import LAYOUTS

    shown = {name: display_path(root / name, cwd) for name in (SETTINGS, CATEGORIES)}
    read = {name: read_inside(root / name, root, shown[name], cwd) for name in shown}
    refused = [found for found in read.values() if isinstance(found, Diagnostic)]
    raw = {name: found for name, found in read.items() if isinstance(found, bytes)}
    settings, problems = load_settings(
        raw.get(SETTINGS),
        shown[SETTINGS],
        categories_raw=raw.get(CATEGORIES),
        categories_path=shown[CATEGORIES],
        layouts=list(LAYOUTS),
    )
    return settings, refused + problems


def read_categories(root: Path, cwd: Path) -> tuple[list[str], list[Diagnostic]]:
    """The list's sections (none when no file lists them), with the settings' problems."""
    settings, problems = read_settings(root, cwd)
    return list(settings.categories), problems


def read_project(root: Path, cwd: Path, *, jobs: int = 1, parts: bool = False) -> Project:
    """Read the settings and check every entry file of the list at root against them.

    `jobs` processes share the checking of a large list (`check_entries`); with `parts`, each
    renders the layout's parts of the entries it checked (`Layout.entry_parts`) for render.
    """
    from awesome_tools.core.entrycheck import check_entries
    from awesome_tools.layouts import layout_named

    settings, problems = read_settings(root, cwd)
    names = list(settings.categories)
    listing = read_entries(root, cwd)
    layout = layout_named(settings.layout)
    templates = _templates(root, settings) if parts else None
    make = layout.entry_parts(templates, settings) if templates else None
    checked, diagnostics = check_entries(
        [(s.display, s.read) for s in listing.sources],
        categories=names,
        required=layout.required,
        missing=figure_missing(root),
        jobs=jobs,
        model=layout.entry_model,
        make=make,
    )
    return Project(
        root,
        names,
        {item.path: item.entry for item in checked if item.entry is not None},
        sorted(problems + list(listing.refused.values()) + diagnostics),
        listing.files,
        read_fixes(root),
        settings,
        {item.path: item.made for item in checked if item.entry is not None and make},
        templates,
    )
