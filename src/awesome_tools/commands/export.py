"""`awesome-tools export`: every entry as JSON or CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from awesome_tools.commands.common import (
    EXIT_OK,
    say,
    valid_project,
)


def run(args: argparse.Namespace) -> int:
    """Write every entry as JSON or CSV, to a file or to standard output."""
    from awesome_tools.io.files import write_atomic
    from awesome_tools.outputs.export import to_csv, to_json

    cwd = Path.cwd()
    values = list(valid_project(args, cwd, refusal="nothing exported").entries.values())
    text = to_json(values) if args.export_format == "json" else to_csv(values)
    if args.output in (None, "-"):
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    else:
        write_atomic(Path(args.output), text)
        say([f"exported {len(values)} entries to {args.output}"])
    return EXIT_OK
