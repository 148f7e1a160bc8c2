"""`awesome-tools rules [ID]`: list every rule, or explain one with its fix and examples."""

from __future__ import annotations

import argparse
import textwrap

from awesome_tools.commands.common import EXIT_OK, fail
from awesome_tools.diagnostics import did_you_mean
from awesome_tools.engine.rulebook import BY_ID, RULES, defined_in
from awesome_tools.rule import Example, Rule, where


def listing() -> str:
    """One line per rule: id, scope and summary, aligned."""
    width = max(len(rule.id) for rule in RULES)
    return "".join(f"{rule.id:<{width}}  {rule.scope:<6}  {rule.summary}\n" for rule in RULES)


def _example(label: str, example: Example) -> str:
    return f"{label}{where(example)}:\n\n{textwrap.indent(example.display.rstrip(), '    ')}\n"


def explain(rule: Rule) -> str:
    """The rule's summary, fix, and failing and passing examples, as plain text."""
    return (
        f"{rule.id} ({rule.scope}, {rule.level})\n\n{rule.summary}\n\nFix: {rule.fix}\n\n"
        + _example("Fails", rule.bad)
        + "\n"
        + _example("Passes", rule.good)
        + f"\nDefined in {defined_in(rule)}\n"
    )


def run(args: argparse.Namespace) -> int:
    """Print the rule list, or one rule's explanation; an unknown id is a usage error."""
    if args.rule is None:
        print(listing(), end="")
        return EXIT_OK
    rule = BY_ID.get(args.rule)
    if rule is None:
        hint = did_you_mean(args.rule, list(BY_ID))
        raise fail(f"unknown rule '{args.rule}'{hint} (`awesome-tools rules` lists them)")
    print(explain(rule), end="")
    return EXIT_OK
