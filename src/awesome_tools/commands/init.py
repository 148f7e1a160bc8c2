"""`awesome-tools init`: a new list's folder, with what a list needs to be kept with the tool."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from awesome_tools.commands.common import EXIT_OK, EXIT_PROBLEMS, fail, say
from awesome_tools.engine.project import ENTRIES, display_path
from awesome_tools.io.pathcheck import leads_out

WORKFLOW = ".github/workflows/awesome.yml"


@dataclass
class SetUp:
    """What setting up a list writes, replaces, keeps and refuses."""

    files: dict[Path, str] = field(default_factory=dict)
    replace: set[Path] = field(default_factory=set)
    # Files that exist with other text: kept unless forced.
    kept: list[Path] = field(default_factory=list)
    # Paths that lead out of the list through a link: nothing is written through them.
    refused: list[Path] = field(default_factory=list)


def _has_own(root: Path, names: frozenset[str]) -> bool:
    """Say whether the list holds one of these files already, under any case of its name."""
    try:
        present = {p.name.casefold() for p in root.iterdir()} if root.is_dir() else set()
    except OSError:
        return False
    return bool(present & names)


def plan_setup(root: Path, texts: dict[str, str], *, force: bool) -> SetUp:
    """Where each starter file goes: new files, files to replace (forced), files kept."""
    from awesome_tools.engine.starter import OWN, merged_gitignore
    from awesome_tools.io.textfile import read_text

    setup = SetUp()
    for relative, text in texts.items():
        path = root / relative
        if relative in OWN and not force and _has_own(root, OWN[relative]):
            continue
        if relative == ".gitignore" and path.is_file() and leads_out(path, root) is None:
            # The list's own ignores are kept whatever --force says: ours are appended.
            target = Path(os.path.realpath(path))
            current = read_text(target, relative)
            merged = merged_gitignore(current, text)
            if merged != current:
                setup.files[target] = merged
                setup.replace.add(target)
            continue
        if leads_out(path, root) is not None:
            setup.refused.append(path)
            continue
        if not (path.exists() or path.is_symlink()):
            setup.files[path] = text
            continue
        # A link inside the list is written through: its target is the file.
        target = Path(os.path.realpath(path))
        if target.is_file() and target.read_bytes() == text.encode("utf-8"):
            continue
        if force and not target.is_dir():
            setup.files[target] = text
            setup.replace.add(target)
        else:
            setup.kept.append(path)
    if leads_out(root / ENTRIES, root) is not None:
        setup.refused.append(root / ENTRIES)
    return setup


def refusals(setup: SetUp, root: Path, cwd: Path) -> list[str]:
    """Why nothing may be written: links out of the list, an entries/ that is not a folder."""
    lines = []
    for path in setup.refused:
        shown = display_path(path, cwd)
        link = display_path(leads_out(path, root) or path, cwd)
        through = "a link" if link == shown else f"the link {link}"
        lines.append(f"awesome-tools: {shown} leads out of the list through {through}")
    entries = root / ENTRIES
    if entries not in setup.refused and entries.exists() and not entries.is_dir():
        lines.append(f"awesome-tools: {display_path(entries, cwd)} is not a folder")
    return lines


def kept_lines(kept: Iterable[Path], cwd: Path) -> list[str]:
    return [
        f"awesome-tools: kept {display_path(path, cwd)}: it exists with other text "
        "(use --force to replace it)"
        for path in kept
    ]


def install_note(root: Path, changed: list[Path], *, given: str | None, cwd: Path) -> list[str]:
    """Say, when the CI workflow was written with no source given, that the PyPI package it
    installs is not there yet, unless this one came from a git URL (which CI then uses)."""
    from awesome_tools.engine.starter import default_install, installed_from

    if root / WORKFLOW not in changed or given is not None or installed_from() is not None:
        return []
    return [
        f"note: {display_path(root / WORKFLOW, cwd)} installs {default_install()} from PyPI, "
        "which has it only once it is published there; until then, change its `pip install` "
        "line to a source CI can reach (git+URL@TAG), or pass --install to init"
    ]


def run(args: argparse.Namespace) -> int:
    """Create a list's folder: entries/, settings, .gitignore, hooks and a CI workflow."""
    from awesome_tools.core.normalize import text_value
    from awesome_tools.engine.starter import DEFAULT_TITLE, default_install, starter_files
    from awesome_tools.io.files import write_all

    cwd = Path.cwd()
    root = Path(args.dir)
    if root.exists() and not root.is_dir():
        raise fail(f"{display_path(root, cwd)} is not a folder")
    title = DEFAULT_TITLE if args.title is None else text_value(args.title)
    if title is None:
        raise fail(f"--title {args.title!r} is not a title: blank, or with a control character")
    if args.install is not None and (not args.install.strip() or not args.install.isprintable()):
        raise fail(f"--install {args.install!r} is not a pip requirement on one line")
    install = args.install or default_install()
    texts = starter_files(title=title, layout=args.layout, install=install)
    setup = plan_setup(root, texts, force=args.force)
    refused = refusals(setup, root, cwd)
    if refused:
        say([*refused, "awesome-tools: nothing written"])
        return EXIT_PROBLEMS
    root.mkdir(parents=True, exist_ok=True)
    changed = write_all(setup.files, stage_in=root, within=root, replace=setup.replace)
    entries = root / ENTRIES
    created = not entries.is_dir()
    entries.mkdir(exist_ok=True)
    lines = [f"wrote {display_path(path, cwd)}" for path in changed]
    lines += [f"created {display_path(entries, cwd)}/"] if created else []
    lines += kept_lines(setup.kept, cwd)
    lines += install_note(root, changed, given=args.install, cwd=cwd)
    if not lines:
        lines.append(f"nothing written: {display_path(root, cwd)} is set up already")
    say(lines)
    if setup.kept:
        return EXIT_PROBLEMS
    where = "" if root.resolve() == cwd.resolve() else f", in {display_path(root, cwd)}"
    say(
        [
            f"next{where}: `awesome-tools import README.md` or `awesome-tools new NAME`, then "
            "`pre-commit install`"
        ]
    )
    return EXIT_OK
