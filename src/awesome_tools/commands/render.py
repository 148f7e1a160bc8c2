"""`awesome-tools render`: write README.md from the entries."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from awesome_tools.commands.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    collector_paused,
    jobs,
    models,
    report,
    valid_project,
)
from awesome_tools.project import display_path


def _unified_diff(old: str, new: str, name: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), name, f"{name} (rendered)"
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def run(args: argparse.Namespace) -> int:
    """Write README.md from the entries (or, with --check, say whether it is current)."""
    from awesome_tools.files import write_atomic
    from awesome_tools.render import hand_edit_notes
    from awesome_tools.templates import TemplateProblem

    cwd = Path.cwd()
    project = valid_project(args, cwd, refusal="README.md not written")
    entries = list(project.entries.values())
    try:
        templates = project.templates()
        title = project.settings.title
        # The render makes hundreds of thousands of short strings, none in a cycle: a
        # collector pass would walk every entry and find nothing to free.
        with collector_paused():
            markers = project.settings.figure_markers
            text = project.layout.render(
                entries,
                project.categories,
                templates,
                title,
                figure_markers=markers,
                jobs=jobs(args),
            )
            extras = project.layout.extras(entries, templates, figure_markers=markers)
    except TemplateProblem as problem:
        return report([problem.diagnostic], args, files=project.files)
    target = project.root / "README.md"
    shown = display_path(target, cwd)
    if args.check or args.diff:
        # Only these need the current text; a plain run leaves the comparison to write_atomic.
        current = target.read_text("utf-8") if target.is_file() else ""
        if current != text:
            sys.stdout.write(_unified_diff(current, text, shown))
    if args.check:
        if current != text:
            fix = project.fixes.render
            print(f"{shown} is out of date with entries/: run `{fix}`", file=sys.stderr)
            return EXIT_PROBLEMS
        return EXIT_OK
    # The hook's run reads what it replaces, to say where a hand edit of it still is.
    hook = args.exit_non_zero_on_change
    previous = target.read_text("utf-8") if hook and target.is_file() else None
    changed = write_atomic(target, text, within=project.root)
    for name, extra in extras.items():
        path = project.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if write_atomic(path, extra, within=project.root):
            print(f"wrote {display_path(path, cwd)}", file=sys.stderr)
    print(
        f"{'wrote' if changed else 'unchanged'} {shown} ({models(len(entries))})", file=sys.stderr
    )
    if changed and hook:
        print(f"{shown} was regenerated: stage it and commit again", file=sys.stderr)
        if previous is not None:
            for note in hand_edit_notes(previous, entries, shown, project.fixes):
                print(f"note: {note}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK
