"""A rule in one place: each documented rule is emitted by exactly one module of the code, and
nothing emits a diagnostic except through a documented rule.

Read off the source (ast), as a reviewer would: a module emits a rule where it calls the rule's
`at` or hands the rule object to a call (`ctx.at(line, column, RULE, message)`,
`loaded.error(at, RULE, message)`); registering a check under a rule (`@rule(RULE)`) is not
emitting. The rules the schema reports (those with `error_types`) are emitted by the one module
that maps an error type to its rule.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from awesome_tools.engine.rulebook import BY_ID, RULES, rule_modules
from conftest import REPO

SOURCE = REPO / "src" / "awesome_tools"
SCHEMA_EMITTER = "awesome_tools.core.problems"
# Where the kit and the registry live: they name rules without emitting them.
KIT = {"awesome_tools.rule", "awesome_tools.engine.rulebook"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _sources() -> dict[str, ast.Module]:
    return {_module_name(p): ast.parse(p.read_text("utf-8")) for p in SOURCE.rglob("*.py")}


def _constants(trees: dict[str, ast.Module]) -> dict[tuple[str, str], str]:
    """Every rule object a rule module defines: (module, name) -> rule id."""
    found = {}
    for module in rule_modules():
        for node in trees[module].body:
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call)
                and getattr(node.value.func, "id", None) == "Rule"
            ):
                rule_id = node.value.args[0]
                assert isinstance(rule_id, ast.Constant)
                found[(module, node.targets[0].id)] = rule_id.value  # type: ignore[attr-defined]
    return found


def _referenced(
    tree: ast.Module, constants: dict[tuple[str, str], str], rule_modules: set[str]
) -> set[str]:
    """The rule ids a module emits: rule objects it calls `at` on or hands to a call."""
    names: dict[str, str] = {}  # a local name -> the rule id it is bound to
    modules: dict[str, str] = {}  # a local name -> the rule module it is bound to
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                local = alias.asname or alias.name
                if (node.module, alias.name) in constants:
                    names[local] = constants[(node.module, alias.name)]
                elif f"{node.module}.{alias.name}" in rule_modules:
                    modules[local] = f"{node.module}.{alias.name}"

    def rule_of(node: ast.expr) -> str | None:
        if isinstance(node, ast.Name):
            return names.get(node.id)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            module = modules.get(node.value.id)
            return constants.get((module, node.attr)) if module else None
        return None

    decorators = {
        id(d) for n in ast.walk(tree) if hasattr(n, "decorator_list") for d in n.decorator_list
    }
    emitted = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or id(node) in decorators:
            continue
        handed = [*node.args, *(k.value for k in node.keywords)]
        if isinstance(node.func, ast.Attribute) and node.func.attr == "at":
            handed.append(node.func.value)
        emitted |= {rule for rule in map(rule_of, handed) if rule}
    return emitted


def _emitters() -> dict[str, set[str]]:
    trees = _sources()
    constants = _constants(trees)
    modules = set(rule_modules())
    found: dict[str, set[str]] = defaultdict(set)
    for name, tree in trees.items():
        if name in modules or name in KIT:
            continue
        for rule_id in _referenced(tree, constants, modules):
            found[rule_id].add(name)
    for rule in RULES:
        if rule.error_types:
            found[rule.id].add(SCHEMA_EMITTER)
    return found


EMITTERS = _emitters()


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_every_documented_rule_has_exactly_one_emitter(rule: object) -> None:
    assert len(EMITTERS[rule.id]) == 1, sorted(EMITTERS[rule.id])  # type: ignore[attr-defined]


def test_every_rule_object_is_registered_and_every_emitted_rule_documented() -> None:
    constants = _constants(_sources())
    assert sorted(constants.values()) == sorted(rule.id for rule in RULES)
    assert len(BY_ID) == len(RULES)
    assert set(EMITTERS) == set(BY_ID)


@pytest.mark.parametrize("name", sorted(_module_name(p) for p in SOURCE.rglob("*.py")))
def test_no_module_makes_a_diagnostic_or_a_rule_but_through_the_kit(name: str) -> None:
    """A `Diagnostic(...)` made by hand, or a `Rule(...)` outside a rule module, would be an
    emitter with no documented rule."""
    if name in KIT or name == "awesome_tools.diagnostics":
        return
    tree = _sources()[name]
    made = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert "Diagnostic" not in made
    if name not in rule_modules():
        assert "Rule" not in made


# The checker checked: a rule handed to a helper, called `at` on through its module, and
# registered by a decorator (not an emission).
_PROBE = """
from awesome_tools.core.rules.yaml import YAML_TAG as TAG
from awesome_tools.core.rules import lists

@register(TAG)
def f(ctx):
    ctx.at(1, 1, TAG, "m")
    return lists.SETTINGS.at("p", 1, 1, "m")
"""


def test_the_reader_sees_a_rule_handed_over_or_called_and_not_a_registration() -> None:
    trees = _sources()
    constants = _constants(trees)
    tree = ast.parse(_PROBE)
    assert _referenced(tree, constants, set(rule_modules())) == {"yaml-tag", "settings"}
    registered_only = ast.parse(_PROBE.replace('ctx.at(1, 1, TAG, "m")', "pass"))
    assert _referenced(registered_only, constants, set(rule_modules())) == {"settings"}
