"""`awesome-tools new`: scaffold an entry file, by hand, interactively or from arXiv."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from awesome_tools.commands.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEMS,
    fail,
    project_root,
    report,
    say,
)
from awesome_tools.commands.newrequest import (
    arxiv_api,
    clash_with,
    fetch,
    listed,
    refusal,
    resolve,
    taken_by,
    without_arxiv,
)
from awesome_tools.engine.project import (
    display_path,
    read_categories,
    read_fixes,
    read_settings,
)
from awesome_tools.layouts import layout_named

if TYPE_CHECKING:
    from awesome_tools.layouts.base import Layout


def _answer_problem(
    path: tuple[str, ...], answer: str, *, categories: list[str], root: Path, cwd: Path
) -> str | None:
    """Say what `check` would report about one typed answer, or None when it is fine."""
    from awesome_tools.core.validate import field_problem

    found = field_problem(path, answer, categories=categories)
    if found is not None:
        return refusal(*found)
    if path != ("url",):
        return None
    from awesome_tools.core.crossentry import paper_clash

    clash = paper_clash(listed(root, cwd), answer)
    return refusal(*clash) if clash else None


def _nothing_written(reason: str) -> int:
    """Say why no entry file was written; exit 1."""
    say([f"awesome-tools: {reason}; nothing written"])
    return EXIT_PROBLEMS


def _interview(
    root: Path,
    cwd: Path,
    layout: Layout,
    values: dict[str, str],
    *,
    categories: list[str],
    known: Sequence[str],
) -> tuple[dict[str, str], list[str]] | int:
    """Ask for the layout's fields (`new -i`): the values and the sections to leave out, or
    the exit code when the contributor stops or the answers name a model the list has."""
    from awesome_tools.commands.interview import Interview

    interview = Interview(
        categories,
        lambda path, answer: _answer_problem(
            path, answer, categories=categories, root=root, cwd=cwd
        ),
        layout.required,
        layout.suggested,
        layout.shown,
        known=(*known, *values),
    )
    try:
        interview.run()
    except KeyboardInterrupt:
        print("\nawesome-tools: interrupted; nothing written", file=sys.stderr)
        return EXIT_INTERRUPTED
    except EOFError:
        print("\nawesome-tools: cancelled; nothing written", file=sys.stderr)
        return EXIT_PROBLEMS
    values = {**interview.values, **values}
    clash = clash_with(root, cwd, values["name"], values.get("url"))
    if clash:
        return _nothing_written(clash)
    return values, interview.skip


def _write_new(
    args: argparse.Namespace,
    root: Path,
    target: Path,
    values: dict[str, str],
    *,
    categories: list[str],
    known: Sequence[str] = (),
) -> int:
    """Ask for the other fields if -i, then write the scaffold; nothing on a clash or cancel."""
    from awesome_tools.core.normalize import device_note
    from awesome_tools.io.files import write_atomic
    from awesome_tools.outputs.scaffold import scaffold_text

    cwd = Path.cwd()
    layout = layout_named(read_settings(root, cwd)[0].layout)
    skip: list[str] = []
    if args.interactive:
        asked = _interview(root, cwd, layout, values, categories=categories, known=known)
        if isinstance(asked, int):
            return asked
        values, skip = asked
    shown = display_path(target, cwd)
    text = scaffold_text(
        values,
        categories=categories,
        required=layout.required,
        suggested=layout.suggested,
        skip=skip,
    )
    try:
        # Exclusive: a file that appeared while the questions were answered is never replaced.
        write_atomic(target, text, within=root, exclusive=True)
    except FileExistsError:
        return _nothing_written(f"{shown} exists")
    fixes = read_fixes(root)
    device = device_note(values["name"])
    say(
        [
            *([f"awesome-tools: {device}"] if device else []),
            f"created {shown}: replace each TODO, then run `{fixes.render}` "
            f"(`{fixes.check_file(shown)}` lists what is left)",
        ]
    )
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Create entries/<slug>.yaml with every field, ready to fill in.

    One pipeline: resolve the command line, refuse offline whatever can be refused (a file or
    model already there, a broken categories.yaml), ask arXiv if a paper is given, write.
    """
    from awesome_tools.core import arxiv

    cwd = Path.cwd()
    root = project_root(args)
    request = resolve(args, root)
    if request.paper is not None:
        arxiv_api()  # a bad address is a usage error before anything else
    taken = taken_by(
        root, cwd, request.target, request.values.get("name"), request.values.get("url")
    )
    if taken:
        return _nothing_written(taken)
    categories, problems = read_categories(root, cwd)
    if problems:
        return report(problems, args, files=1)
    category = request.values.get("category")
    if category is not None and category not in categories:
        if not categories:
            raise fail(f"unknown category '{category}': the list has none; leave out --category")
        raise fail(f"unknown category '{category}'; categories.yaml lists: {', '.join(categories)}")
    known: tuple[str, ...] = ()
    if request.paper is not None:
        try:
            request = fetch(request, root)
        except arxiv.ArxivError as exc:
            offline = (
                without_arxiv(args, request) if isinstance(exc, arxiv.ArxivUnreachable) else ""
            )
            say([f"awesome-tools: {exc}{offline}"])
            return EXIT_PROBLEMS
        known = ("title", "url", "released")
        if args.name is None and args.name_option is None:
            # The name came from the title: it may clash where the given one could not.
            taken = taken_by(root, cwd, request.target, request.values["name"], None)
            if taken:
                return _nothing_written(taken)
    assert request.target is not None
    return _write_new(
        args, root, request.target, request.values, categories=categories, known=known
    )
