"""How a schema error becomes a diagnostic: each rule names the error types it reports
(`Rule.error_types`), pydantic's (`missing`, `string_type`) and ours (`placeholder`,
`bad_url`); this is the one place an entry's field problems become diagnostics."""

from __future__ import annotations

from awesome_tools.core.rules import facets, fields, yaml
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.rule import Rule

_BY_TYPE = {
    kind: rule for rule in (*yaml.RULES, *fields.RULES, *facets.RULES) for kind in rule.error_types
}


def rule_of(error_type: str) -> Rule:
    """The rule that reports an error type; a type no rule names is a value of the wrong type."""
    return _BY_TYPE.get(error_type, fields.WRONG_TYPE)


def schema_problem(error_type: str, path: str, line: int, column: int, message: str) -> Diagnostic:
    """The diagnostic of a schema error type at a 1-based line and column."""
    return rule_of(error_type).at(path, line, column, message)
