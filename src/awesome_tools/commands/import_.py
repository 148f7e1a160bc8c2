"""`awesome-tools import`: a README of model blocks to entry files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from awesome_tools.commands.common import (
    EXIT_PROBLEMS,
    EXIT_USAGE,
    fail,
    project_root,
    report,
)
from awesome_tools.diagnostics import Diagnostic, has_errors, visible
from awesome_tools.project import (
    ENTRIES,
    display_path,
    read_source,
)
from awesome_tools.settings import CATEGORIES


def _same_entry(path: Path, planned: str) -> bool:
    """Say whether an existing entry file already holds the planned entry (comments, quoting
    and key order aside): re-importing a list's own README then changes nothing."""
    from awesome_tools.entrycheck import load_text

    current = load_text(path.read_bytes(), path.name)
    return not current.diagnostics and current.data == load_text(planned.encode(), "").data


def run(args: argparse.Namespace) -> int:
    """Turn a README of model blocks into one entry file per model."""
    from awesome_tools.categories import load_categories
    from awesome_tools.files import write_all, write_target
    from awesome_tools.layout import layout_of_readme
    from awesome_tools.project import read_settings

    cwd = Path.cwd()
    readme = Path(args.readme)
    if not readme.is_file():
        raise fail(f"no such file: {args.readme}")
    into = Path(args.into) if args.into else project_root(args) / ENTRIES
    categories_path = into.absolute().parent / CATEGORIES
    source = read_source(readme, cwd)
    settings, problems = read_settings(into.absolute().parent, cwd)
    if has_errors(problems):
        print("awesome-tools: nothing written", file=sys.stderr)
        return report(problems, args, files=1)
    categories_text = categories_path.read_text("utf-8") if categories_path.is_file() else None
    in_settings = settings.categories_file not in (None, display_path(categories_path, cwd))
    if in_settings:
        # awesome.yaml holds the categories: the plan sees them as categories.yaml would.
        categories_text = "".join(f"- {json.dumps(n)}\n" for n in settings.categories)
    # A README's layout is recognised from the README itself, whatever the list's settings say.
    layout = layout_of_readme(source.raw.decode("utf-8", errors="replace"))
    plan = layout.read(
        source.raw, source.display, categories_text, display_path(categories_path, cwd)
    )
    if in_settings and plan.categories_text is not None:
        new = load_categories(plan.categories_text.encode(), "")[0][len(settings.categories) :]
        message = (
            f"the README has sections this file does not list; add them under 'categories:' "
            f"first: {', '.join(new)}"
        )
        where = str(settings.categories_file)
        plan.diagnostics.append(Diagnostic(where, 1, 1, "settings", message))
    if has_errors(plan.diagnostics):
        print("awesome-tools: nothing written", file=sys.stderr)
        return report(plan.diagnostics, args, files=1)
    present = [name for name in plan.files if (into / name).exists()]
    kept = {
        name
        for name in present
        if (into / name).is_file() and _same_entry(into / name, plan.files[name])
    }
    existing = [into / name for name in present if name not in kept]
    if existing and not args.force:
        for path in existing:
            print(visible(f"awesome-tools: {display_path(path, cwd)} exists"), file=sys.stderr)
        print("awesome-tools: nothing written (use --force to overwrite)", file=sys.stderr)
        report(plan.diagnostics, args, files=1)
        return EXIT_PROBLEMS
    root = into.absolute().parent
    files = {
        write_target(into / name, root): text
        for name, text in plan.files.items()
        if name not in kept
    }
    entry_files = set(files)
    replace = set(files) if args.force else set()
    for name, text in plan.others.items():
        # A panel README's frame and settings: written only where the list has none yet.
        other = write_target(root / name, root)
        if not other.exists():
            other.parent.mkdir(parents=True, exist_ok=True)
            files[other] = text
    if plan.categories_text is not None:
        categories_target = write_target(categories_path, root)
        files[categories_target] = plan.categories_text
        replace.add(categories_target)
    try:
        changed = write_all(files, stage_in=root, replace=replace)
    except FileExistsError as exc:
        shown = display_path(Path(exc.filename), cwd)
        print(visible(f"awesome-tools: {shown} appeared meanwhile"), file=sys.stderr)
        print("awesome-tools: nothing written (use --force to overwrite)", file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as exc:
        # write_all has taken back whatever it moved in: the list is as it was.
        reason = exc.strerror or str(exc)
        print(f"awesome-tools: import failed ({reason}); nothing written", file=sys.stderr)
        return EXIT_USAGE
    written = len(entry_files.intersection(changed))
    print(
        f"imported {len(plan.files)} entries into {display_path(into, cwd)}/ ({written} written)",
        file=sys.stderr,
    )
    return report(plan.diagnostics, args, files=1)
