"""Generate docs/rules.md from the rule table: `python -m awesome_tools.docgen [ROOT]`."""

from __future__ import annotations

import sys
from pathlib import Path

from awesome_tools.project import write_atomic
from awesome_tools.rules import RULES, Rule

_LANGUAGE = {"entry": "yaml", "readme": "html"}
_TITLES = {"entry": "Entry files (`check`, `import`)", "readme": "README lint"}


def _example(label: str, text: str, language: str) -> str:
    return f"{label}:\n\n```{language}\n{text}\n```\n"


def _rule(rule: Rule) -> str:
    return (
        f"### `{rule.id}`\n\n{rule.summary}\n\n**Fix:** {rule.fix}\n\n"
        + _example("Fails", rule.bad, _LANGUAGE[rule.scope])
        + "\n"
        + _example("Passes", rule.good, _LANGUAGE[rule.scope])
    )


def rules_markdown() -> str:
    """Render the rule reference."""
    parts = [
        "# Rules\n\n"
        "<!-- Generated from src/awesome_tools/rules.py by `make docs`; do not edit. -->\n\n"
        "Every diagnostic reads `path:line:col: severity[rule] message`. Lines and columns "
        "start at 1; a problem with a key points at the key, a problem with a value at the "
        "value, a missing key at the first key of the mapping it belongs in.\n"
    ]
    for scope, title in _TITLES.items():
        rules = [r for r in RULES if r.scope == scope]
        if not rules:
            continue
        parts.append(f"\n## {title}\n\n| rule | what it means |\n| --- | --- |\n")
        parts.append("".join(f"| [`{r.id}`](#{r.id}) | {r.summary} |\n" for r in rules))
        parts.extend("\n" + _rule(r) for r in rules)
    return "".join(parts)


def generated(root: Path) -> dict[Path, str]:
    """Map each generated documentation file to its text."""
    return {root / "docs" / "rules.md": rules_markdown()}


def main(argv: list[str] | None = None) -> int:
    """Write the generated documentation files."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    for path, text in generated(root).items():
        if write_atomic(path, text):
            print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
