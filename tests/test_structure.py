"""The code stays easy to live in: no module over 300 lines, no function over 60 (issue 19),
the rule modules included."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

SOURCE = REPO / "src" / "awesome_tools"
MODULE_LINES, FUNCTION_LINES = 300, 60


def _modules() -> list[Path]:
    return sorted(SOURCE.rglob("*.py"))


def test_no_module_is_over_300_lines() -> None:
    long = {
        path.relative_to(SOURCE).as_posix(): lines
        for path in _modules()
        if (lines := len(path.read_text("utf-8").splitlines())) > MODULE_LINES
    }
    assert long == {}


def test_no_function_is_over_60_lines() -> None:
    long = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > FUNCTION_LINES:
                    long.append(f"{path.relative_to(SOURCE).as_posix()}:{node.name} ({lines})")
    assert long == []


def test_every_registered_layout_is_held_independent_by_the_import_contract() -> None:
    """A layout added to the registry is one import-linter line away from being checked: its
    package must not import another layout's (pyproject.toml's independence contract)."""
    from awesome_tools.layouts import LAYOUTS

    tomllib = pytest.importorskip("tomllib")  # Python 3.11 and later

    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    independent = next(c for c in contracts if c["type"] == "independence")
    assert sorted(independent["modules"]) == sorted(LAYOUTS.values())
