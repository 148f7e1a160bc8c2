"""The README lint engine: a README's diagnostics, against the list's entries where it is the
list's own README.md.

`lint_readme` renders what the README should be (and the files the layout writes beside it),
then lints the README with the layout's checks, taking the shortcuts the proof allows
(`proof.py`): a README equal to the expected one is not parsed, one that differs only where its
part provably stands for the whole is parsed only there. The collector is paused once, around
all of it. The `lint` command reads the file and reports; everything between is here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from awesome_tools.diagnostics import Diagnostic, has_errors
from awesome_tools.io.collector import collector_paused
from awesome_tools.layouts.drift import drift_at

if TYPE_CHECKING:
    from awesome_tools.core.fixes import Fixes
    from awesome_tools.core.templates import Templates
    from awesome_tools.engine.project import Project
    from awesome_tools.io.workers import Pending
    from awesome_tools.layouts.base import Layout


# How the README was linted: not parsed (equal to the expected text, the templates proven),
# only the part that differs (it provably stands for the whole), or whole.
Way = Literal["current", "part", "whole"]


@dataclass(frozen=True)
class Linted:
    """What lint found, how many files it compared (README.md and the generated ones), whether
    the proof trusted the list's templates, and which way it linted the README."""

    diagnostics: list[Diagnostic]
    files: int = 1
    proven: bool = False
    way: Way = "whole"


@dataclass(frozen=True)
class _Expected:
    """What render makes of the entries, for drift: the README, the files beside it, the entry
    files by model name, and the diagnostics found on the way (a generated file that differs,
    or drift left unchecked); no README when an entry has errors."""

    text: str | None = None
    extras: dict[str, str] = field(default_factory=dict)
    entry_files: dict[str, str] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()


def lint_readme(
    text: str,
    path: str,
    *,
    root: Path | None,
    cwd: Path,
    own: bool,
    jobs: int = 1,
    shortcuts: bool = True,
) -> Linted:
    """Lint README text shown as `path`: where it is the list's own README.md (`own`, the list
    at `root`), against what render makes of the list's entries (drift, the generated files);
    else alone, its layout read off its shape.

    `jobs` processes may share the work: the layout's checks that need no entry begin in
    another process before the entries load (`Layout.lint_alone`); without `shortcuts` every
    text is parsed whole (`lint --no-shortcut`). A template that fails is its one diagnostic.
    """
    from awesome_tools.core.templates import TemplateProblem
    from awesome_tools.engine.project import read_project

    with collector_paused():
        try:
            if not own or root is None:
                return Linted(_lint_alone_readme(text, path, root, jobs, shortcuts))
            alone = _begin_alone(root, cwd, text, path, jobs)
            try:
                project = read_project(root, cwd, jobs=jobs)
                result = alone.result if alone is not None else None
                return _lint_own(text, path, project, cwd, jobs, shortcuts, result)
            finally:
                if alone is not None:
                    alone.cancel()
        except TemplateProblem as problem:
            return Linted([problem.diagnostic])


def _begin_alone(root: Path, cwd: Path, text: str, path: str, jobs: int) -> Pending[Any] | None:
    """The list's README checks that need no entry (`Layout.lint_alone`), begun in another
    process, so that they run while the entries load and the expected README renders: for a
    large README (`workers.MIN_PARALLEL`) with `jobs` over 1; else None (lint runs them
    itself)."""
    from awesome_tools.engine.project import read_settings
    from awesome_tools.io.workers import MIN_PARALLEL, Pending
    from awesome_tools.layouts import layout_named

    if jobs <= 1 or len(text) <= MIN_PARALLEL:
        return None
    settings, problems = read_settings(root, cwd)
    lint_alone = layout_named(settings.layout).lint_alone
    if problems or lint_alone is None:
        return None
    return Pending(partial(lint_alone, text, path))


def _lint_alone_readme(
    text: str, path: str, root: Path | None, jobs: int, shortcuts: bool
) -> list[Diagnostic]:
    """A README outside a list (or another file of it): its own shape names its layout."""
    from awesome_tools.core.templates import load_templates
    from awesome_tools.engine.project import read_fixes
    from awesome_tools.layouts import layout_of_readme

    templates, layout = load_templates(root), layout_of_readme(text)
    frame = templates.frame(layout.frame(templates))
    fixes = read_fixes(root)
    return lint_text(
        layout, text, path, None, {}, frame, fixes, proven=False, shortcuts=shortcuts, jobs=jobs
    )[0]


def _lint_own(
    text: str,
    path: str,
    project: Project,
    cwd: Path,
    jobs: int,
    shortcuts: bool,
    alone: Callable[[], Any] | None,
) -> Linted:
    """The list's README.md, against what render makes of its entries."""
    from awesome_tools.engine.proof import templates_proven

    templates, layout, fixes = project.templates(), project.layout, project.fixes
    expected = _expected(project, templates, layout, path, cwd, jobs)
    frame = templates.frame(layout.frame(templates))

    def lint(readme_text: str) -> list[Diagnostic]:
        return layout.lint(
            readme_text, path, expected=None, entry_files={}, frame=frame, fixes=fixes
        )

    entries = list(project.entries.values())
    proven = (
        shortcuts
        and expected.text is not None
        and layout.lint_part is not None
        and templates_proven(layout, entries, project.settings, templates, lint)
    )
    found, way = lint_text(
        layout,
        text,
        path,
        expected.text,
        expected.entry_files,
        frame,
        fixes,
        proven=proven,
        shortcuts=shortcuts,
        jobs=jobs,
        alone=alone,
    )
    files = 1 + len(expected.extras)
    return Linted(sorted([*expected.diagnostics, *found]), files, proven, way)


def _expected(
    project: Project, templates: Templates, layout: Layout, path: str, cwd: Path, jobs: int
) -> _Expected:
    """What render makes of the project's entries, and the generated files that differ; no
    README when an entry has errors (a warning says drift was not checked)."""
    if has_errors(project.diagnostics):
        message = f"drift not checked: entries/ has errors (run `{project.fixes.check_file()}`)"
        return _Expected(diagnostics=(drift_at(path, 1, 1, message, "warning"),))
    entries, settings = list(project.entries.values()), project.settings
    text = layout.render(entries, settings, templates, jobs=jobs)
    extras = layout.extras(entries, settings, templates)
    entry_files = {entry.name.casefold(): file for file, entry in project.entries.items()}
    stale = _stale_extras(project.root, cwd, extras, project.fixes)
    return _Expected(text, extras, entry_files, tuple(stale))


def _stale_extras(root: Path, cwd: Path, extras: dict[str, str], fixes: Fixes) -> list[Diagnostic]:
    """The files the layout generates beside README.md that are not what render makes."""
    from awesome_tools.engine.generated import current, stale_generated
    from awesome_tools.engine.project import display_path

    have = current(root, extras, cwd)
    found = []
    for name, wanted in extras.items():
        shown = display_path(root / name, cwd)
        problem = have.problems.get(name) or stale_generated(shown, have.text(name), wanted, fixes)
        if problem is not None:
            found.append(problem)
    return found


def lint_text(
    layout: Layout,
    text: str,
    path: str,
    expected: str | None,
    entry_files: dict[str, str],
    frame: str,
    fixes: Fixes,
    *,
    proven: bool,
    shortcuts: bool = True,
    jobs: int = 1,
    alone: Callable[[], Any] | None = None,
) -> tuple[list[Diagnostic], Way]:
    """Lint README text, against the expected text when given: with `shortcuts` and templates
    `proven` (`proof.templates_proven`), a README equal to it is not parsed and one that
    differs only where its part provably stands for the whole is parsed only there; else in
    full. Says which way it went."""
    if shortcuts and proven and expected is not None:
        if expected == text:
            return [], "current"
        if layout.lint_part is not None:
            found = layout.lint_part(text, path, expected, entry_files, frame, fixes)
            if found is not None:
                return found, "part"
    found = layout.lint(
        text,
        path,
        expected=expected,
        entry_files=entry_files,
        frame=frame,
        fixes=fixes,
        jobs=jobs,
        shortcuts=shortcuts,
        alone=alone,
    )
    return found, "whole"
