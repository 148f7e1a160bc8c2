"""A list's settings: `awesome.yaml` at its root (title, layout, categories, figure markers),
read with positioned problems; `categories.yaml` still holds the categories where awesome.yaml
does not."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

import yaml

from awesome_tools.core.budget import NO_BUDGET, Budget
from awesome_tools.core.budget import SETTING as BUDGET
from awesome_tools.core.digits import foreign_digit_problem
from awesome_tools.core.loaded import Loaded
from awesome_tools.core.loader import load_yaml
from awesome_tools.core.normalize import text_value
from awesome_tools.core.rules.lists import SETTINGS as BAD_SETTINGS
from awesome_tools.core.viewsettings import KEY as VIEWS_KEY
from awesome_tools.core.viewsettings import readme_views
from awesome_tools.diagnostics import Diagnostic, did_you_mean
from awesome_tools.io.textfile import decode

SETTINGS = "awesome.yaml"
CATEGORIES = "categories.yaml"
# The keys of awesome.yaml, in the order the docs list them.
KEYS = (
    "title",
    "layout",
    "categories",
    "panel_heading_level",
    "figure_markers",
    BUDGET,
    # The README's views of the whole list (viewsettings.py).
    VIEWS_KEY,
)
# The keys of render_budget: how long a render may take, how much text it may write.
BUDGET_KEYS = ("seconds", "output_mb")
_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")
# The panel layout's heading levels: `## **Name: Title**` or `### **Name: Title**` (its own).
HEADING_LEVELS = {"2": 2, "3": 3}
# How a panel's figure comments are named: `<!-- architecture-figure:3 -->` by the panel's place
# (upstream's convention: adding a model renumbers every later panel) or
# `<!-- architecture-figure:llava-1-5 -->` by the entry's slug (stable: one model, one hunk).
FigureMarkers = Literal["position", "slug"]
FIGURE_MARKERS: tuple[FigureMarkers, ...] = get_args(FigureMarkers)


@dataclass(frozen=True)
class Settings:
    """What a list's settings say, defaults filled in."""

    # The name of the list's layout (one of the names `load_settings` was given).
    layout: str
    title: str | None = None
    categories: tuple[str, ...] = ()
    # The display path of the file the categories come from; None when no file lists any.
    categories_file: str | None = None
    # The level of the panel layout's headings (3: `### **Name: Title**`).
    panel_heading_level: int = 3
    # A list that does not say gets stable markers; import writes what the README it reads uses.
    figure_markers: FigureMarkers = "slug"
    # The time and output budget of a render (budget.py); unset: the default for the list's size.
    render_budget: Budget = NO_BUDGET
    # --- The README's views of the whole list (viewsettings.py) ---
    # Which the README shows, in its order (glance, lineage, timeline); none unless named.
    readme_views: tuple[str, ...] = ()


def _node(loaded: Loaded, key: str) -> yaml.Node | None:
    """The value node of a top-level key, for the positions of a list's items."""
    if isinstance(loaded.root, yaml.MappingNode):
        for key_node, value_node in loaded.root.value:
            if key_node.value == key and isinstance(value_node, yaml.Node):
                return value_node
    return None


def settings_problem(path: str, line: int, column: int, message: str) -> Diagnostic:
    """A problem of the list's settings file, found here or by a command (import)."""
    return BAD_SETTINGS.at(path, line, column, message)


def _read(loaded: Loaded, path: str) -> tuple[dict[str, Any], list[Diagnostic]]:
    """The known keys of awesome.yaml, and what is wrong with its shape."""
    problems = [d for d in loaded.diagnostics if d.rule != "empty-file"]
    data = loaded.data
    if data is None:
        return {}, problems
    if not isinstance(data, dict):
        at = loaded.value_positions.get((), (1, 1))
        message = f"{SETTINGS} holds a mapping of settings ({', '.join(KEYS)})"
        return {}, [*problems, BAD_SETTINGS.at(path, *at, message)]
    for key in data:
        if key not in KEYS:
            hint = did_you_mean(key, KEYS) or f" (known: {', '.join(KEYS)})"
            at = loaded.key_positions.get((key,), (1, 1))
            problems.append(BAD_SETTINGS.at(path, *at, f"unknown setting '{key}'{hint}"))
    return {k: v for k, v in data.items() if k in KEYS}, problems


def _number_problem(
    loaded: Loaded, path: str, key: tuple[str, ...], value: object, message: str
) -> Diagnostic:
    """A setting that is not the number it should be: `message` at its value, or, when the
    value is written in another script's digits, the first such digit named at its column."""
    at = loaded.value_positions.get(key, (1, 1))
    problem = foreign_digit_problem(value) if isinstance(value, str) and value else None
    if problem is not None:
        from awesome_tools.core.validate import character_at

        at = character_at(loaded, key, problem[0]) or at
        message = f"{'.'.join(key)}: {problem[1]}"
    return BAD_SETTINGS.at(path, *at, message)


def _heading_level(
    values: dict[str, Any], loaded: Loaded, path: str, problems: list[Diagnostic]
) -> int:
    """`panel_heading_level`: 2 or 3 (default 3); anything else is a problem."""
    if "panel_heading_level" not in values:
        return Settings.panel_heading_level
    value = values["panel_heading_level"]
    if isinstance(value, str) and value in HEADING_LEVELS:
        return HEADING_LEVELS[value]
    message = "panel_heading_level is 2 (panel headings `## **Name: Title**`) or 3 (`###`)"
    problems.append(_number_problem(loaded, path, ("panel_heading_level",), value, message))
    return Settings.panel_heading_level


def _figure_markers(
    wanted: object, loaded: Loaded, path: str
) -> tuple[FigureMarkers, list[Diagnostic]]:
    """The figure_markers setting, or the default and why the value given is not one."""
    for markers in FIGURE_MARKERS:
        if wanted == markers:
            return markers, []
    at = loaded.value_positions[("figure_markers",)]
    choices = f"(choices: {', '.join(FIGURE_MARKERS)})"
    if wanted == "":
        message = f"figure_markers has no value {choices}"
    else:
        shown = wanted if isinstance(wanted, str) else "a list or mapping"
        hint = did_you_mean(wanted, FIGURE_MARKERS) if isinstance(wanted, str) else ""
        message = f"unknown figure_markers '{shown}'{hint} {choices}"
    return "slug", [BAD_SETTINGS.at(path, *at, message)]


def _render_budget(
    values: dict[str, Any], loaded: Loaded, path: str, problems: list[Diagnostic]
) -> Budget:
    """`render_budget`: a mapping of `seconds` and `output_mb`, each a number above 0."""
    if BUDGET not in values:
        return NO_BUDGET
    wanted = values[BUDGET]
    if not isinstance(wanted, dict):
        at = loaded.value_positions[(BUDGET,)]
        message = f"{BUDGET} is a mapping: seconds (a render's time) and output_mb (its text)"
        problems.append(BAD_SETTINGS.at(path, *at, message))
        return NO_BUDGET
    numbers: dict[str, float] = {}
    for key, value in wanted.items():
        if key not in BUDGET_KEYS:
            hint = did_you_mean(str(key), BUDGET_KEYS) or f" (known: {', '.join(BUDGET_KEYS)})"
            at = loaded.key_positions.get((BUDGET, key), (1, 1))
            message = f"unknown {BUDGET} key '{key}'{hint}"
            problems.append(BAD_SETTINGS.at(path, *at, message))
            continue
        text = value.strip() if isinstance(value, str) else ""
        if _NUMBER.fullmatch(text) and float(text) > 0:
            numbers[key] = float(text)
            continue
        message = f"{BUDGET}.{key} is a number above 0, in ASCII digits (e.g. 120 or 2.5)"
        problems.append(_number_problem(loaded, path, (BUDGET, key), text, message))
    return Budget(numbers.get("seconds"), numbers.get("output_mb"))


def load_settings(
    raw: bytes | None,
    path: str,
    *,
    categories_raw: bytes | None,
    categories_path: str,
    layouts: Sequence[str],
) -> tuple[Settings, list[Diagnostic]]:
    """Read awesome.yaml (None: absent) and categories.yaml (None: absent) into settings;
    `layouts` are the names a list may choose, the first its default."""
    problems: list[Diagnostic] = []
    values: dict[str, Any] = {}
    loaded = Loaded(path)
    if raw is not None:
        text, problem = decode(raw, path)
        if text is None:
            problems += [problem] if problem else []
        else:
            loaded = load_yaml(text, path, keys=KEYS)
            values, found = _read(loaded, path)
            problems += found
    title = _title(values, loaded, path, problems)
    layout = _layout(values, loaded, path, problems, layouts)
    level = _heading_level(values, loaded, path, problems)
    markers: FigureMarkers = "slug"
    if "figure_markers" in values:
        markers, found = _figure_markers(values["figure_markers"], loaded, path)
        problems += found
    names, source = _categories(values, loaded, path, problems, categories_raw, categories_path)
    budget = _render_budget(values, loaded, path, problems)
    wrong: list[tuple[tuple[int, int], str]] = []
    views = readme_views(values, loaded, wrong)
    problems += [BAD_SETTINGS.at(path, *at, message) for at, message in wrong]
    settings = Settings(layout, title, tuple(names), source, level, markers, budget, views)
    return settings, sorted(problems)


def _title(
    values: dict[str, Any], loaded: Loaded, path: str, problems: list[Diagnostic]
) -> str | None:
    """The list's title: one line of text, or None (the layout's default)."""
    if "title" not in values:
        return None
    title = text_value(values["title"])
    if title is None:
        at = loaded.value_positions[("title",)]
        problems.append(BAD_SETTINGS.at(path, *at, "title is one line of text"))
    return title


def _layout(
    values: dict[str, Any],
    loaded: Loaded,
    path: str,
    problems: list[Diagnostic],
    layouts: Sequence[str],
) -> str:
    """The name of the list's layout: one of `layouts`, the first when none is given."""
    wanted = values.get("layout", layouts[0])
    if isinstance(wanted, str) and wanted in layouts:
        return wanted
    at = loaded.value_positions[("layout",)]
    shown = wanted if isinstance(wanted, str) else "a list or mapping"
    hint = did_you_mean(wanted, list(layouts)) if isinstance(wanted, str) else ""
    message = f"unknown layout '{shown}'{hint} (layouts: {', '.join(layouts)})"
    problems.append(BAD_SETTINGS.at(path, *at, message))
    return layouts[0]


def _categories(
    values: dict[str, Any],
    loaded: Loaded,
    path: str,
    problems: list[Diagnostic],
    categories_raw: bytes | None,
    categories_path: str,
) -> tuple[list[str], str | None]:
    """The list's categories and the file they come from: awesome.yaml's `categories`, else
    categories.yaml, else none (a list given both is told to keep one)."""
    from awesome_tools.core.categories import category_list, load_categories

    if "categories" in values:
        at = loaded.value_positions[("categories",)]
        names, found = category_list(
            values["categories"], _node(loaded, "categories"), path, at, what="categories"
        )
        problems += found
        if categories_raw is not None:
            key_at = loaded.key_positions[("categories",)]
            message = (
                f"categories are listed both here and in {categories_path}: keep one list "
                f"(move them under 'categories:' here and delete {categories_path})"
            )
            problems.append(BAD_SETTINGS.at(path, *key_at, message))
        return names, path
    if categories_raw is not None:
        names, found = load_categories(categories_raw, categories_path)
        problems += found
        return names, categories_path
    return [], None
