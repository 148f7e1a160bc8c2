"""The settings that are numbers: the panel layout's heading level and the render budget, each
wrong value positioned (`settings.py` reports them as `settings` problems)."""

from __future__ import annotations

import re
from typing import Any

from awesome_tools.core.budget import NO_BUDGET, Budget
from awesome_tools.core.budget import SETTING as BUDGET
from awesome_tools.core.digits import foreign_digit_problem
from awesome_tools.core.loaded import Loaded
from awesome_tools.diagnostics import did_you_mean

# A problem's position and message.
Found = list[tuple[tuple[int, int], str]]

# The panel layout's heading levels: `## **Name: Title**` or `### **Name: Title**` (its own).
HEADING_LEVELS = {"2": 2, "3": 3}
DEFAULT_LEVEL = 3
# The keys of render_budget: how long a render may take, how much text it may write.
BUDGET_KEYS = ("seconds", "output_mb")
_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")


def _number_problem(
    loaded: Loaded, key: tuple[str, ...], value: object, message: str
) -> tuple[tuple[int, int], str]:
    """A setting that is not the number it should be: `message` at its value, or, when the
    value is written in another script's digits, the first such digit named at its column."""
    at = loaded.value_positions.get(key, (1, 1))
    problem = foreign_digit_problem(value) if isinstance(value, str) and value else None
    if problem is not None:
        from awesome_tools.core.validate import character_at

        at = character_at(loaded, key, problem[0]) or at
        message = f"{'.'.join(key)}: {problem[1]}"
    return at, message


def heading_level(values: dict[str, Any], loaded: Loaded, found: Found) -> int:
    """`panel_heading_level`: 2 or 3 (default 3); anything else is a problem."""
    if "panel_heading_level" not in values:
        return DEFAULT_LEVEL
    value = values["panel_heading_level"]
    if isinstance(value, str) and value in HEADING_LEVELS:
        return HEADING_LEVELS[value]
    message = "panel_heading_level is 2 (panel headings `## **Name: Title**`) or 3 (`###`)"
    found.append(_number_problem(loaded, ("panel_heading_level",), value, message))
    return DEFAULT_LEVEL


def render_budget(values: dict[str, Any], loaded: Loaded, found: Found) -> Budget:
    """`render_budget`: a mapping of `seconds` and `output_mb`, each a number above 0."""
    if BUDGET not in values:
        return NO_BUDGET
    wanted = values[BUDGET]
    if not isinstance(wanted, dict):
        at = loaded.value_positions[(BUDGET,)]
        found.append(
            (at, f"{BUDGET} is a mapping: seconds (a render's time) and output_mb (its text)")
        )
        return NO_BUDGET
    numbers: dict[str, float] = {}
    for key, value in wanted.items():
        if key not in BUDGET_KEYS:
            hint = did_you_mean(str(key), BUDGET_KEYS) or f" (known: {', '.join(BUDGET_KEYS)})"
            at = loaded.key_positions.get((BUDGET, key), (1, 1))
            found.append((at, f"unknown {BUDGET} key '{key}'{hint}"))
            continue
        text = value.strip() if isinstance(value, str) else ""
        if _NUMBER.fullmatch(text) and float(text) > 0:
            numbers[key] = float(text)
            continue
        message = f"{BUDGET}.{key} is a number above 0, in ASCII digits (e.g. 120 or 2.5)"
        found.append(_number_problem(loaded, (BUDGET, key), text, message))
    return Budget(numbers.get("seconds"), numbers.get("output_mb"))
