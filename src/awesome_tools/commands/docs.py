"""`awesome-tools docs`: write the documentation generated from the rules and the schema."""

from __future__ import annotations

import argparse
from pathlib import Path

from awesome_tools.commands.common import fail, project_root, report
from awesome_tools.commands.generated import check_or_write
from awesome_tools.engine.project import display_path, own_docs_missing, read_fixes


def run(args: argparse.Namespace) -> int:
    """Write docs/rules.md and the generated parts of contributing.md, facets and the issue
    form; with --check, write nothing and exit 1 when one is stale."""
    from awesome_tools.io.textfile import read_text
    from awesome_tools.outputs.docgen import EDITED, MarkersMissing, generated

    cwd = Path.cwd()
    root = project_root(args)
    missing = own_docs_missing(root)
    if missing:
        shown = ", ".join(display_path(root / name, cwd) for name in missing)
        raise fail(
            "`docs` writes the generated docs of awesome-tools' own repository (docs/rules.md, "
            "the tables of contributing.md and docs/facets.md, the issue form), and this list "
            f"has no {shown}; `awesome-tools rules [ID]` explains every rule"
        )
    edited = {name: read_text(root / name, display_path(root / name, cwd)) for name in EDITED}
    try:
        texts = generated(edited)
    except MarkersMissing as exc:
        raise fail(f"{display_path(root / exc.path, cwd)}: {exc}") from None
    done = check_or_write(root, cwd, texts, check=args.check, fix=read_fixes(root).docs)
    return done if isinstance(done, int) else report(done, args, files=len(texts))
