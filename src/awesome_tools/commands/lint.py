"""`awesome-tools lint`: lint a README of model blocks, and the project's for drift."""

from __future__ import annotations

import argparse
import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from awesome_tools.commands.common import (
    collector_paused,
    fail,
    jobs,
    load_project,
    project_root,
    report,
)
from awesome_tools.diagnostics import Diagnostic, has_errors
from awesome_tools.engine.project import (
    display_path,
    find_root,
    read_fixes,
    read_source,
)
from awesome_tools.io.pathcheck import is_inside, read_text_inside, refused_read

if TYPE_CHECKING:
    from awesome_tools.core.fixes import Fixes
    from awesome_tools.core.schema import Entry
    from awesome_tools.engine.project import Source
    from awesome_tools.io.workers import Pending


def _stale_extras(root: Path, cwd: Path, extras: dict[str, str], fixes: Fixes) -> list[Diagnostic]:
    """The files the layout generates beside README.md that are not what render makes."""
    from awesome_tools.engine.generated import stale_generated

    found = []
    for name, wanted in extras.items():
        path = root / name
        shown = display_path(path, cwd)
        _, current, problem = read_text_inside(path, root, shown, cwd)
        if problem is None:
            problem = stale_generated(shown, current, wanted, fixes)
        if problem is not None:
            found.append(problem)
    return found


def run(args: argparse.Namespace) -> int:
    """Lint a README of model blocks; the project's README.md is also checked for drift."""
    from awesome_tools.io.textfile import decode

    cwd = Path.cwd()
    root = project_root(args) if args.root else find_root(cwd)
    readme = Path(args.readme) if args.readme else (root or cwd) / "README.md"
    if root is not None and is_inside(Path(os.path.abspath(readme)), Path(os.path.abspath(root))):
        refused = refused_read(readme, root, display_path(readme, cwd), cwd)
        if refused is not None:
            return report([refused], args, files=1)
    if not readme.is_file():
        raise fail(f"no such file: {readme}")
    source = read_source(readme, cwd)
    text, problem = decode(source.raw, source.display)
    if text is None:
        return report([problem] if problem else [], args, files=1)
    # The list's own README.md is linted against its entries (drift), its entry-free checks
    # begun first.
    own = root is not None and readme.resolve() == (root / "README.md").resolve()
    alone = _begin_alone(args, root, cwd, text, source.display) if own and root else None
    try:
        return _lint(args, cwd, root, own, source, text, alone)
    finally:
        if alone is not None:
            alone.cancel()


def _begin_alone(
    args: argparse.Namespace, root: Path, cwd: Path, text: str, shown: str
) -> Pending[Any] | None:
    """The list's README checks that need no entry (`Layout.lint_alone`), begun in another
    process, so that they run while the entries load and the expected README renders: for a
    large README (`lint.MIN_PARALLEL`) with `jobs` over 1; else None (lint runs them itself)."""
    from awesome_tools.engine.project import read_settings
    from awesome_tools.io.workers import MIN_PARALLEL, Pending
    from awesome_tools.layouts import layout_named

    if jobs(args) <= 1 or len(text) <= MIN_PARALLEL:
        return None
    settings, problems = read_settings(root, cwd)
    lint_alone = layout_named(settings.layout).lint_alone
    if problems or lint_alone is None:
        return None
    return Pending(partial(lint_alone, text, shown))


def _lint(
    args: argparse.Namespace,
    cwd: Path,
    root: Path | None,
    own: bool,
    source: Source,
    text: str,
    alone: Pending[Any] | None,
) -> int:
    """Lint the decoded README text (of `source`), against the list's entries where it is the
    list's README.md (`own`); `alone` is its entry-free checks, begun earlier."""
    from awesome_tools.core.templates import TemplateProblem, load_templates
    from awesome_tools.engine.proof import lint_readme, templates_proven
    from awesome_tools.layouts import layout_of_readme

    templates = load_templates(root)
    expected: str | None = None
    entry_files: dict[str, str] = {}
    diagnostics: list[Diagnostic] = []
    entries: list[Entry] = []
    categories: list[str] = []
    title: str | None = None
    files = 1  # README.md, and the files the layout generates beside it when they are compared
    if own:
        project = load_project(args, cwd)
        templates = project.templates()  # with the budget its settings give
        fixes, layout = project.fixes, project.layout
        if has_errors(project.diagnostics):
            message = f"drift not checked: entries/ has errors (run `{fixes.check_file()}`)"
            diagnostics.append(Diagnostic(source.display, 1, 1, "drift", message, "warning"))
        else:
            try:
                entries = list(project.entries.values())
                categories, title = project.categories, project.settings.title
                # As in render: hundreds of thousands of short strings, none in a cycle.
                with collector_paused():
                    markers = project.settings.figure_markers
                    expected = layout.render(
                        entries,
                        categories,
                        templates,
                        title,
                        figure_markers=markers,
                        jobs=jobs(args),
                        heading_level=project.settings.panel_heading_level,
                    )
                    extras = layout.extras(entries, templates, figure_markers=markers)
            except TemplateProblem as problem:
                return report([problem.diagnostic], args, files=files)
            entry_files = {e.name.casefold(): path for path, e in project.entries.items()}
            diagnostics += _stale_extras(project.root, cwd, extras, fixes)
            files += len(extras)
    else:
        # A README outside a list (or another file of it): its own shape names its layout.
        fixes, layout = read_fixes(root), layout_of_readme(text)
    frame = templates.frame(layout.frame(templates))

    def lint(readme_text: str) -> list[Diagnostic]:
        return layout.lint(
            readme_text, source.display, expected=None, entry_files={}, frame=frame, fixes=fixes
        )

    # The templates render clean READMEs (awesome_tools.engine.proof): where README.md is what
    # render writes, parsing it would find nothing, and only the part that differs is parsed.
    shortcuts = not args.no_shortcut
    proven = (
        shortcuts
        and expected is not None
        and layout.lint_part is not None
        and templates_proven(layout, entries, categories, templates, title, lint)
    )
    # The parse makes hundreds of thousands of tokens, blocks and cells that live until the
    # report: a collector pass frees nothing and walks them all (a sixth of the parse).
    with collector_paused():
        diagnostics += lint_readme(
            layout,
            text,
            source.display,
            expected,
            entry_files,
            frame,
            fixes,
            proven=proven,
            shortcuts=shortcuts,
            jobs=jobs(args),
            alone=alone.result if alone is not None else None,
        )
    return report(sorted(diagnostics), args, files=files)
