"""`awesome-tools import`: a README of model blocks to entry files."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from awesome_tools.commands.common import (
    EXIT_PROBLEMS,
    EXIT_USAGE,
    Reported,
    fail,
    report,
    say,
)
from awesome_tools.commands.init import SetUp, install_note, kept_lines, plan_setup, refusals
from awesome_tools.core.settings import CATEGORIES, SETTINGS, settings_problem
from awesome_tools.diagnostics import Diagnostic, has_errors
from awesome_tools.engine.project import (
    ENTRIES,
    Source,
    display_path,
    find_root,
    read_source,
)
from awesome_tools.engine.starter import merged_settings
from awesome_tools.io.textfile import decode, decoded, read_text
from awesome_tools.layouts.importplan import import_note

# The line of awesome.yaml that sets the layout.
LAYOUT_KEY = re.compile(r"layout\s*:")

if TYPE_CHECKING:
    from awesome_tools.core.settings import Settings
    from awesome_tools.layouts.base import Layout
    from awesome_tools.layouts.importplan import ImportPlan


def _same_entry(path: Path, planned: str) -> bool:
    """Say whether an existing entry file already holds the planned entry (comments, quoting
    and key order aside): re-importing a list's own README then changes nothing."""
    from awesome_tools.core.entrycheck import load_text

    current = load_text(path.read_bytes(), path.name)
    return not current.diagnostics and current.data == load_text(planned.encode(), "").data


def _target(args: argparse.Namespace, cwd: Path) -> tuple[Path, bool]:
    """The entries folder to import into, and whether it starts a new list (no entries/ in the
    given root, or none here or above): that list is set up as `init` does."""
    if args.into:
        return Path(args.into), False
    if args.root is not None:
        root = Path(args.root)
        return root / ENTRIES, not (root / ENTRIES).is_dir()
    found = find_root(cwd)
    return (found or cwd) / ENTRIES, found is None


def _new_list(root: Path, plan: ImportPlan, layout: str, source: Source, cwd: Path) -> SetUp:
    """The starter files of a new list that the import's own files (a panel README's settings)
    leave out, for the README's layout and with its title; a link out of the list stops all."""
    from awesome_tools.engine.starter import (
        DEFAULT_TITLE,
        default_install,
        readme_title,
        starter_files,
    )

    title = readme_title(decoded(source.raw, source.display)) or DEFAULT_TITLE
    texts = starter_files(title=title, layout=layout, install=default_install())
    others = {k: v for k, v in texts.items() if k not in plan.others}
    setup = plan_setup(root, others, force=False)
    refused = refusals(setup, root, cwd)
    if refused:
        say([*refused, "awesome-tools: nothing written"])
        raise Reported(EXIT_PROBLEMS)
    return setup


def _other_layout(root: Path, readme: str, settings: Settings, cwd: Path) -> list[Diagnostic]:
    """An error when the list's settings file names another layout than the README's: the
    entries would not render (a list set up by `init` is a table list unless told)."""
    path = root / SETTINGS
    if settings.layout == readme or not path.is_file():
        return []
    lines = read_text(path, display_path(path, cwd)).split("\n")
    line = next((n for n, text in enumerate(lines, 1) if LAYOUT_KEY.match(text)), 1)
    message = (
        f"the README is in the {readme} layout and this list in the {settings.layout} "
        f"layout: set 'layout: {readme}' here first"
    )
    return [settings_problem(display_path(path, cwd), line, 1, message)]


def _plan(
    args: argparse.Namespace, source: Source, into: Path, cwd: Path
) -> tuple[Layout, ImportPlan]:
    """The README's layout and its import plan, with the list's categories; `nothing written`
    and the problems reported when the list's settings or the README have errors."""
    from awesome_tools.core.categories import load_categories
    from awesome_tools.engine.project import read_settings
    from awesome_tools.layouts import layout_of_readme

    categories_path = into.absolute().parent / CATEGORIES
    settings, problems = read_settings(into.absolute().parent, cwd)
    if has_errors(problems):
        say(["awesome-tools: nothing written"])
        raise Reported(report(problems, args, files=1))
    shown = display_path(categories_path, cwd)
    categories_text = read_text(categories_path, shown) if categories_path.is_file() else None
    in_settings = settings.categories_file not in (None, display_path(categories_path, cwd))
    if in_settings:
        # awesome.yaml holds the categories: the plan sees them as categories.yaml would.
        categories_text = "".join(f"- {json.dumps(n)}\n" for n in settings.categories)
    text, problem = decode(source.raw, source.display)
    if text is None:
        say(["awesome-tools: nothing written"])
        raise Reported(report([problem] if problem else [], args, files=1))
    # A README's layout is recognised from the README itself, whatever the list's settings say.
    layout = layout_of_readme(text)
    plan = layout.read(
        source.raw,
        source.display,
        categories=categories_text,
        categories_path=display_path(categories_path, cwd),
    )
    if in_settings and plan.categories_text is not None:
        new = load_categories(plan.categories_text.encode(), "")[0][len(settings.categories) :]
        message = (
            f"the README has sections this file does not list; add them under 'categories:' "
            f"first: {', '.join(new)}"
        )
        where = str(settings.categories_file)
        plan.diagnostics.append(settings_problem(where, 1, 1, message))
    plan.diagnostics += _other_layout(into.absolute().parent, layout.name, settings, cwd)
    if has_errors(plan.diagnostics):
        say(["awesome-tools: nothing written"])
        raise Reported(report(plan.diagnostics, args, files=1))
    return layout, plan


def _files(
    plan: ImportPlan, into: Path, same: set[str], *, force: bool
) -> tuple[dict[Path, str], set[Path]]:
    """The entry files to write (those that do not hold the same entry already), and those of
    them that may replace a file (all, forced)."""
    from awesome_tools.io.files import write_target

    root = into.absolute().parent
    files = {
        write_target(into / name, root): text
        for name, text in plan.files.items()
        if name not in same
    }
    return files, set(files) if force else set()


def _add_others(
    plan: ImportPlan, root: Path, cwd: Path, files: dict[Path, str], replace: set[Path]
) -> None:
    """Add the plan's other files (a README's frame and settings) to those to write: each
    where the list has none yet; the list's own settings get what the README needs that they
    lack (its figure markers, its heading level), so that render writes the README back as it
    was, with a warning for each setting of theirs kept."""
    from awesome_tools.io.files import write_target

    for name, text in plan.others.items():
        other = write_target(root / name, root)
        if name == SETTINGS and other.is_file():
            shown = display_path(other, cwd)
            own = read_text(other, shown)
            merged, notes = merged_settings(own, text)
            plan.diagnostics += [import_note(shown, 1, 1, n) for n in notes]
            if merged != own:
                files[other] = merged
                replace.add(other)
        elif not other.exists():
            other.parent.mkdir(parents=True, exist_ok=True)
            files[other] = text


def run(args: argparse.Namespace) -> int:
    """Turn a README of model blocks into one entry file per model."""
    from awesome_tools.io.files import RefusedWrite, refuse_outside, write_all, write_target

    cwd = Path.cwd()
    readme = Path(args.readme)
    if not readme.is_file():
        raise fail(f"no such file: {args.readme}")
    into, new_list = _target(args, cwd)
    source = read_source(readme, cwd)
    layout, plan = _plan(args, source, into, cwd)
    root = into.absolute().parent
    refuse_outside([into / name for name in [*plan.files, CATEGORIES]], root)
    refuse_outside([root / name for name in plan.others], root)
    setup = _new_list(into.parent, plan, layout.name, source, cwd) if new_list else SetUp()
    present = [name for name in plan.files if (into / name).exists()]
    kept = {
        name
        for name in present
        if (into / name).is_file() and _same_entry(into / name, plan.files[name])
    }
    existing = [into / name for name in present if name not in kept]
    if existing and not args.force:
        for path in existing:
            say([f"awesome-tools: {display_path(path, cwd)} exists"])
        say(["awesome-tools: nothing written (use --force to overwrite)"])
        report(plan.diagnostics, args, files=1)
        return EXIT_PROBLEMS
    files, replace = _files(plan, into, kept, force=args.force)
    entry_files = set(files)
    _add_others(plan, root, cwd, files, replace)
    if plan.categories_text is not None:
        categories_target = write_target(into.absolute().parent / CATEGORIES, root)
        files[categories_target] = plan.categories_text
        replace.add(categories_target)
    files.update(setup.files)
    try:
        changed = write_all(files, stage_in=root, within=root, replace=replace)
    except FileExistsError as exc:
        shown = display_path(Path(exc.filename), cwd)
        say([f"awesome-tools: {shown} appeared meanwhile"])
        say(["awesome-tools: nothing written (use --force to overwrite)"])
        return EXIT_PROBLEMS
    except RefusedWrite:
        raise
    except OSError as exc:
        # write_all has taken back whatever it moved in: the list is as it was.
        reason = exc.strerror or str(exc)
        say([f"awesome-tools: import failed ({reason}); nothing written"])
        return EXIT_USAGE
    into.mkdir(parents=True, exist_ok=True)
    written = len(entry_files.intersection(changed))
    if new_list:
        started = [f"wrote {display_path(p, cwd)}" for p in setup.files if p in changed]
        notes = install_note(into.parent, changed, given=None, cwd=cwd)
        say(started + kept_lines(setup.kept, cwd) + notes)
    say([f"imported {len(plan.files)} entries into {display_path(into, cwd)}/ ({written} written)"])
    return report(plan.diagnostics, args, files=1)
