"""A list's settings: `awesome.yaml` at its root (title, layout, categories, figure markers),
read with positioned problems; `categories.yaml` still holds the categories where awesome.yaml
does not."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

import yaml

from awesome_tools.core.budget import NO_BUDGET, Budget
from awesome_tools.core.budget import SETTING as BUDGET
from awesome_tools.core.citesettings import authors_setting, url_setting
from awesome_tools.core.loaded import Loaded
from awesome_tools.core.loader import load_yaml
from awesome_tools.core.normalize import text_value
from awesome_tools.core.numbersettings import heading_level, render_budget
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
    "arxiv_cache",
    "authors",
    "url",
    # The README's views of the whole list (viewsettings.py).
    VIEWS_KEY,
)
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
    # The README's views of the whole list (viewsettings.py), in its order (glance, lineage,
    # timeline); none unless named.
    readme_views: tuple[str, ...] = ()
    # The arXiv cache's path from the list's root, when awesome.yaml names one (`refresh`
    # writes it; `check` then checks every entry against it, missing or not).
    arxiv_cache: str | None = None
    # Who keeps the list and where it lives, for its CITATION.cff (`export cff`).
    authors: tuple[str, ...] = ()
    url: str | None = None


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
    title = _text_setting(values, loaded, path, problems, "title", "one line of text")
    layout = _layout(values, loaded, path, problems, layouts)
    numbered: list[tuple[tuple[int, int], str]] = []
    level = heading_level(values, loaded, numbered)
    markers: FigureMarkers = "slug"
    if "figure_markers" in values:
        markers, wrong_markers = _figure_markers(values["figure_markers"], loaded, path)
        problems += wrong_markers
    names, source = _categories(values, loaded, path, problems, categories_raw, categories_path)
    budget = render_budget(values, loaded, numbered)
    cache = _text_setting(values, loaded, path, problems, "arxiv_cache", "a path in the list")
    authors, found_authors = authors_setting(values, loaded)
    url, found_url = url_setting(values, loaded)
    views = readme_views(values, loaded, numbered)
    wrong = numbered + found_authors + found_url
    problems += [BAD_SETTINGS.at(path, *at, message) for at, message in wrong]
    settings = Settings(
        layout,
        title,
        tuple(names),
        source,
        level,
        markers,
        budget,
        readme_views=views,
        arxiv_cache=cache,
        authors=authors,
        url=url,
    )
    return settings, sorted(problems)


def _text_setting(
    values: dict[str, Any],
    loaded: Loaded,
    path: str,
    problems: list[Diagnostic],
    key: str,
    what: str,
) -> str | None:
    """A setting of one line of text (the list's title, its cache's path), or None (unset)."""
    if key not in values:
        return None
    text = text_value(values[key])
    if text is None:
        at = loaded.value_positions[(key,)]
        problems.append(BAD_SETTINGS.at(path, *at, f"{key} is {what}"))
    return text


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
