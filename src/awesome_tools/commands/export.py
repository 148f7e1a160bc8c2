"""`awesome-tools export`: every entry as JSON or CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from awesome_tools.commands.common import (
    EXIT_OK,
    project_root,
    valid_entries,
)


def run(args: argparse.Namespace) -> int:
    """Write every entry as JSON or CSV, to a file or to standard output."""
    from awesome_tools.export import to_csv, to_json
    from awesome_tools.files import write_atomic

    cwd = Path.cwd()
    root = project_root(args)
    values, _, _ = valid_entries(args, root, cwd, refusal="nothing exported")
    text = to_json(values) if args.export_format == "json" else to_csv(values)
    if args.output in (None, "-"):
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    else:
        write_atomic(Path(args.output), text)
        print(f"exported {len(values)} entries to {args.output}", file=sys.stderr)
    return EXIT_OK
