"""`awesome-tools render`: write README.md and the layout's other files from the entries."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from awesome_tools.commands.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    jobs,
    models,
    report,
    say,
    valid_project,
)
from awesome_tools.core.fixes import Fixes
from awesome_tools.diagnostics import visible
from awesome_tools.engine.generated import current, stale, write_changed
from awesome_tools.engine.project import committed, display_path
from awesome_tools.io.collector import collector_paused

README = "README.md"


def _lines(text: str) -> list[str]:
    """Split at newlines only: a carriage return or form feed in a line is shown, escaped."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _unified_diff(old: str, new: str, name: str) -> str:
    """The diff of README text, escaped as diagnostics are: a README line can hold terminal
    escape sequences, C1 controls or bidirectional overrides that must not reach the terminal."""
    import difflib

    lines = difflib.unified_diff(_lines(old), _lines(new), name, f"{name} (rendered)")
    return "".join(visible(line.removesuffix("\n")) + "\n" for line in lines)


def run(args: argparse.Namespace) -> int:
    """Write README.md from the entries (or, with --check, say whether it is current)."""
    from awesome_tools.core.templates import TemplateProblem

    cwd = Path.cwd()
    hook = bool(args.exit_non_zero_on_change)
    # In a commit, check-entries has already listed the entries' problems: the hook names them.
    # The entries' parts are rendered where each entry is checked; render places them.
    project = valid_project(args, cwd, refusal=f"{README} not written", brief=hook, parts=True)
    entries = list(project.entries.values())
    try:
        templates, settings = project.templates(), project.settings
        # The render makes hundreds of thousands of short strings, none in a cycle: a
        # collector pass would walk every entry and find nothing to free.
        with collector_paused():
            made = project.made_of()
            text = project.layout.render(entries, settings, templates, jobs=jobs(args), made=made)
            extras = project.layout.extras(entries, settings, templates)
            generated = {README: text, **extras}
    except TemplateProblem as problem:
        return report([problem.diagnostic], args, files=project.files)
    root = project.root
    shown = {name: display_path(root / name, cwd) for name in generated}
    if not (args.check or args.diff or hook):
        # A plain run leaves the comparison to write_atomic.
        return _write(root, generated, shown, len(entries), hook=False)
    have = current(root, generated, cwd)
    if have.problems:
        # Nothing is compared, shown or written: the file would be misread (or is not the
        # list's), and replacing it would lose what its author meant to write.
        return report(list(have.problems.values()), args, files=len(generated))
    old = stale(have, generated)
    if args.check or args.diff:
        for name in old:
            sys.stdout.write(_unified_diff(have.texts[name], generated[name], shown[name]))
    if args.check:
        for name in old:
            fix = project.fixes.render
            say([f"{shown[name]} is out of date with entries/: run `{fix}`"])
        return EXIT_PROBLEMS if old else EXIT_OK
    if hook:
        # A file that is neither what render makes nor what the last commit holds was edited:
        # the hook never overwrites it (a stale file, or a new one, is simply written).
        edited = {
            name: data
            for name in old
            if (data := have.data[name]) is not None and data != committed(root, name)
        }
        if edited:
            return _keep(root, edited, shown, project.fixes, cwd)
    return _write(root, generated, shown, len(entries), hook=hook)


def _write(
    root: Path, generated: dict[str, str], shown: dict[str, str], count: int, *, hook: bool
) -> int:
    """Write every generated file that changed; in a hook, fail when one did."""
    changed = write_changed(root, generated)
    say([f"wrote {shown[name]}" for name in changed if name != README])
    state = "wrote" if README in changed else "unchanged"
    say([f"{state} {shown[README]} ({models(count)})"])
    if hook and changed:
        for name in changed:
            say([f"{shown[name]} was regenerated: stage it and commit again"])
        return EXIT_PROBLEMS
    return EXIT_OK


def _keep(
    root: Path, edited: dict[str, bytes], shown: dict[str, str], fixes: Fixes, cwd: Path
) -> int:
    """Leave the files edited by hand as they are, each copied beside it; say what to do."""
    from awesome_tools.engine.generated import edited_copy, hand_edit_notes
    from awesome_tools.io.files import write_atomic

    kept: list[tuple[str, str]] = []
    readme: str | None = None
    for name, data in edited.items():
        copy = root / edited_copy(name)
        copy_shown = display_path(copy, cwd)
        try:
            write_atomic(copy, data, within=root, exclusive=True)
        except FileExistsError:
            if not copy.is_file() or copy.read_bytes() != data:
                say(
                    [
                        f"{shown[name]} was left as you wrote it, but not copied: {copy_shown} "
                        "exists (from an earlier edit); move it away, then commit again"
                    ]
                )
                continue
        except OSError as exc:
            reason = exc.strerror or str(exc)
            say(
                [
                    f"{shown[name]} was left as you wrote it, but not copied to {copy_shown} "
                    f"({reason})"
                ]
            )
            continue
        kept.append((shown[name], copy_shown))
        readme = copy_shown if name == README else readme
    if kept:
        for note in hand_edit_notes(kept, readme, fixes):
            say([note])
    return EXIT_PROBLEMS
