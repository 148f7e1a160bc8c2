"""`awesome-tools export`: every entry as JSON, CSV or BibTeX; the list's CITATION.cff."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from awesome_tools.commands.common import (
    EXIT_OK,
    fail,
    say,
    valid_project,
)
from awesome_tools.engine.project import Project

CITATION = "CITATION.cff"


def _bibtex(project: Project, cwd: Path) -> str:
    """The entries' BibTeX records from the list's arXiv cache; what was not cached said."""
    from awesome_tools.engine.papercache import read_papers
    from awesome_tools.outputs.bibtex import to_bibtex

    cache, unread = read_papers(project.root, cwd, project.settings)
    say([f"{d.text()} (left out of the export)" for d in unread])
    text, uncached = to_bibtex(list(project.entries.values()), cache.records if cache else {})
    if uncached:
        say(
            [
                f"{uncached} of {len(project.entries)} records written from the entries' own "
                "fields: their paper is not in the arXiv cache (`awesome-tools refresh` adds it)"
            ]
        )
    return text


def _citation(project: Project, cwd: Path, output: str | None) -> int:
    """Write the list's CITATION.cff (at its root unless -o says), only when it changes."""
    from awesome_tools.engine.generated import write_changed
    from awesome_tools.engine.project import display_path
    from awesome_tools.outputs.bibtex import citation_cff

    settings = project.settings
    missing = [key for key in ("title", "authors") if not getattr(settings, key)]
    if missing:
        raise fail(f"{CITATION} needs the list's {' and '.join(missing)}: add them to awesome.yaml")
    text = citation_cff(settings)
    if output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    path = Path(output) if output else project.root / CITATION
    written = write_changed(path.parent, {path.name: text})
    say([f"{'wrote' if written else 'unchanged'} {display_path(path, cwd)}"])
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Write every entry as JSON, CSV or BibTeX, to a file or to standard output; or the
    list's CITATION.cff."""
    from awesome_tools.io.files import write_atomic
    from awesome_tools.outputs.export import to_csv, to_json

    cwd = Path.cwd()
    project = valid_project(args, cwd, refusal="nothing exported")
    if args.export_format == "cff":
        return _citation(project, cwd, args.output)
    values = list(project.entries.values())
    if args.export_format == "bibtex":
        text = _bibtex(project, cwd)
    else:
        text = to_json(values) if args.export_format == "json" else to_csv(values)
    if args.output in (None, "-"):
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    else:
        write_atomic(Path(args.output), text)
        say([f"exported {len(values)} entries to {args.output}"])
    return EXIT_OK
