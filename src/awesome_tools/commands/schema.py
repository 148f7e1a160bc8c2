"""`awesome-tools schema`: write the JSON Schemas of an entry and of the export."""

from __future__ import annotations

import argparse
from pathlib import Path

from awesome_tools.commands.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    project_root,
    report,
    say,
)
from awesome_tools.engine.project import (
    display_path,
    read_fixes,
    read_settings,
)
from awesome_tools.io.pathcheck import refused_read
from awesome_tools.layouts import layout_named


def run(args: argparse.Namespace) -> int:
    """Write the JSON Schemas of an entry file and of the JSON export."""
    import json

    from awesome_tools.core.schema import entry_json_schema
    from awesome_tools.io.files import refuse_outside, write_atomic
    from awesome_tools.io.textfile import read_text
    from awesome_tools.outputs.export import export_json_schema

    cwd = Path.cwd()
    root = project_root(args)
    settings, problems = read_settings(root, cwd)
    if problems:
        return report(problems, args, files=1)
    categories, required = list(settings.categories), layout_named(settings.layout).required
    wanted = {
        root / "schema" / "entry.schema.json": entry_json_schema(categories, required=required),
        root / "schema" / "export.schema.json": export_json_schema(categories, required=required),
    }
    if not args.check:
        refuse_outside(list(wanted), root)
    stale = False
    for target, schema in wanted.items():
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        shown = display_path(target, cwd)
        if args.check:
            refused = refused_read(target, root, shown, cwd)
            if refused is not None:
                return report([refused], args, files=1)
            current = read_text(target, shown) if target.is_file() else ""
            if current != text:
                say([f"{shown} is stale: run `{read_fixes(root).schema}`"])
                stale = True
            continue
        changed = write_atomic(target, text, within=root)
        say([f"{'wrote' if changed else 'unchanged'} {shown}"])
    return EXIT_PROBLEMS if stale else EXIT_OK
