"""`awesome-tools schema`: write the JSON Schemas of an entry and of the export."""

from __future__ import annotations

import argparse
from pathlib import Path

from awesome_tools.commands.common import (
    project_root,
    report,
)
from awesome_tools.commands.generated import check_or_write
from awesome_tools.engine.project import (
    read_fixes,
    read_settings,
)
from awesome_tools.layouts import layout_named


def run(args: argparse.Namespace) -> int:
    """Write the JSON Schemas of an entry file and of the JSON export."""
    import json

    from awesome_tools.core.schema import entry_json_schema
    from awesome_tools.outputs.export import export_json_schema

    cwd = Path.cwd()
    root = project_root(args)
    settings, problems = read_settings(root, cwd)
    if problems:
        return report(problems, args, files=1)
    layout = layout_named(settings.layout)
    categories, required, model = list(settings.categories), layout.required, layout.entry_model
    schemas = {
        "schema/entry.schema.json": entry_json_schema(categories, required=required, model=model),
        "schema/export.schema.json": export_json_schema(categories, required=required, model=model),
    }
    wanted = {
        name: json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        for name, schema in schemas.items()
    }
    fix = read_fixes(root).schema
    done = check_or_write(root, cwd, wanted, check=args.check, fix=fix)
    return done if isinstance(done, int) else report(done, args, files=len(wanted))
