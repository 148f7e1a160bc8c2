"""Every rule, collected from the modules that define them beside their emitters.

The order here is the order of docs/rules.md and `awesome-tools rules`: the entry files' rules
as a contributor meets them (reading the file, its fields, the entry beyond them, the list), then
the README's (the layouts' shared rules, then each layout's own, in the registry's order).
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from awesome_tools.layouts import LAYOUTS
from awesome_tools.rule import Rule

AREAS = (
    "awesome_tools.io.rules",
    "awesome_tools.core.rules.yaml",
    "awesome_tools.core.rules.fields",
    "awesome_tools.core.rules.facets",
    "awesome_tools.core.rules.entries",
    "awesome_tools.core.rules.papers",
    "awesome_tools.core.rules.lists",
    "awesome_tools.layouts.rules",
)


def rule_modules() -> tuple[str, ...]:
    """The modules that define rules: the shared areas, then each layout's `rules` module."""
    own = (f"{package}.rules" for package in LAYOUTS.values())
    return AREAS + tuple(name for name in own if find_spec(name) is not None)


def _collect() -> dict[Rule, str]:
    return {rule: name for name in rule_modules() for rule in import_module(name).RULES}


_DEFINED = _collect()
RULES = tuple(_DEFINED)
BY_ID = {rule.id: rule for rule in RULES}


def defined_in(rule: Rule) -> str:
    """The file that defines a rule, from the repository's root (the code that emits it is in
    the same package: the module the file's docstring names)."""
    return "src/" + _DEFINED[rule].replace(".", "/") + ".py"
