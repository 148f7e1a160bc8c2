"""categories.yaml: the README's sections in order, read with positioned problems, names
checked as plain text, and the sections an import adds appended to what is there."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence

import yaml

from awesome_tools.core.entrycheck import load_text
from awesome_tools.core.loaded import Position
from awesome_tools.core.normalize import canonical_text
from awesome_tools.core.rules.lists import CATEGORIES_FILE, CATEGORY_NAME
from awesome_tools.diagnostics import Diagnostic

# A category is a `##` heading and a Contents link: plain text only, so that no name can
# become a link, an image, emphasis or HTML there. Markdown and HTML markup is ASCII, so beyond
# ASCII only what is invisible or breaks a line is refused (emoji keep their joiner).
CATEGORY_PUNCTUATION = "&-,.:'/+"


def _plain_category_character(ch: str) -> bool:
    if ch.isascii():
        return ch.isalnum() or ch == " " or ch in CATEGORY_PUNCTUATION
    return ch == "\u200d" or unicodedata.category(ch)[0] not in "CZ"


def category_problem(name: str) -> str | None:
    """Say why a category name is not plain text, or None when it is."""
    bad = sorted({ch for ch in name if not _plain_category_character(ch)})
    if not bad:
        return None
    return (
        f"category '{name}' holds {' '.join(bad)}: a category is plain text (letters, digits, "
        f"spaces, {' '.join(CATEGORY_PUNCTUATION)} and non-ASCII symbols such as emoji)"
    )


def load_categories(raw: bytes | None, path: str) -> tuple[list[str], list[Diagnostic]]:
    """Read the ordered list of README sections; a missing file means no categories."""
    if raw is None:
        return [], []
    loaded = load_text(raw, path)
    problems = [d for d in loaded.diagnostics if d.rule != "empty-file"]
    if loaded.data is None:
        # A file that could not be read says why once, not also that it holds no list.
        return [], sorted(problems)
    at = loaded.value_positions.get((), (1, 1))
    names, found = category_list(loaded.data, loaded.root, path, at, what="categories.yaml")
    return names, sorted(problems + found)


def category_list(
    data: object, node: yaml.Node | None, path: str, at: Position, *, what: str
) -> tuple[list[str], list[Diagnostic]]:
    """Check a list of section names (`data`, composed from `node`) read from `what`."""
    problems: list[Diagnostic] = []
    if not isinstance(data, list):
        message = f"{what} holds a list of section names"
        return [], [CATEGORIES_FILE.at(path, *at, message)]
    names: list[str] = []
    # Each item's own position: the generic position walk gives a list's items the list's.
    items = node.value if isinstance(node, yaml.SequenceNode) else []
    for index, item in enumerate(data):
        mark = items[index].start_mark if index < len(items) else None
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if not isinstance(item, str) or not canonical_text(item):
            message = "each category is a non-empty line of text"
            problems.append(CATEGORIES_FILE.at(path, line, column, message))
        elif problem := category_problem(canonical_text(item)):
            problems.append(CATEGORY_NAME.at(path, line, column, problem))
        elif canonical_text(item) in names:
            message = f"category '{canonical_text(item)}' is listed twice"
            problems.append(CATEGORIES_FILE.at(path, line, column, message))
        else:
            names.append(canonical_text(item))
    return names, problems


def appended_categories(
    existing_text: str | None, path: str, wanted: Sequence[str]
) -> tuple[str | None, list[Diagnostic]]:
    """Append the categories the README uses to categories.yaml, keeping what is there."""
    existing_raw = existing_text.encode("utf-8") if existing_text is not None else None
    known, problems = load_categories(existing_raw, path)
    if problems:
        return None, problems
    missing = [name for name in wanted if name not in known]
    if not missing:
        return None, []
    text = existing_text if existing_text is not None else _CATEGORIES_HEADER
    if text and not text.endswith("\n"):
        text += "\n"
    text += "".join(f"- {json.dumps(name, ensure_ascii=False)}\n" for name in missing)
    after, trouble = load_categories(text.encode("utf-8"), path)
    if trouble or after != [*known, *missing]:
        message = f"could not append to {path}; add these categories by hand: {', '.join(missing)}"
        return None, [CATEGORIES_FILE.at(path, 1, 1, message)]
    return text, []


_CATEGORIES_HEADER = (
    "# The README's sections, in the order they appear. An entry's `category` names one of them;\n"
    "# entries without a category are listed under the default section.\n"
)


def category_name_problem(name: str, path: str, line: int, column: int) -> Diagnostic | None:
    """A category name categories.yaml would refuse (markup, not plain text), at a place."""
    problem = category_problem(name)
    return CATEGORY_NAME.at(path, line, column, problem) if problem else None
