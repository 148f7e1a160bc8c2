"""The fuzz targets: each takes any bytes, must never raise, and checks what it gets back.

Kept free of atheris, so the tests run every target over the seed corpus and the regressions
without it (`tests/test_fuzz.py`); `fuzz/run.py` drives them with atheris.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from awesome_tools.diagnostics import Diagnostic
from awesome_tools.entrycheck import check_entries
from awesome_tools.importer import plan_import
from awesome_tools.lint import lint_text
from awesome_tools.render import render_readme
from awesome_tools.rules import RULES
from awesome_tools.schema import Entry
from awesome_tools.templates import load_templates
from awesome_tools.textfile import decode

CATEGORIES = ["Encoders", "Decoders & Friends"]
CATEGORIES_TEXT = "".join(f'- "{name}"\n' for name in CATEGORIES)
RULE_IDS = frozenset(rule.id for rule in RULES)
ENTRY_PATH = "entries/fuzz.yaml"
README_PATH = "README.md"

# What lint's drift check compares a fuzzed README with: a two-model list, rendered once.
_EXPECTED_ENTRIES = [
    Entry.model_validate(
        {
            "name": name,
            "title": f"{name}: a model",
            "url": f"https://arxiv.org/abs/2304.0848{index}",
            "architecture": {"overview": "An encoder.", "components": "A ViT."},
            "training": {"methods": "Tuning."},
            "datasets": {"used": "COCO", "purpose": "Captions."},
            **({"category": CATEGORIES[0]} if index else {}),
        }
    )
    for index, name in enumerate(["LLaVA", "BLIP-2"])
]
TEMPLATES = load_templates(None)
EXPECTED = render_readme(_EXPECTED_ENTRIES, CATEGORIES, templates=TEMPLATES)
ENTRY_FILES = {"llava": "entries/llava.yaml", "blip-2": "entries/blip-2.yaml"}


class Finding(AssertionError):
    """An oracle failed: a malformed diagnostic, or a round trip that lost something."""


def well_formed(diagnostics: Sequence[Diagnostic], path: str, text: str | None) -> None:
    """Check each diagnostic names the file, a known rule, and a position inside the text."""
    lines = len(text.splitlines()) + 1 if text is not None else None
    for d in diagnostics:
        problems = [
            ("path", d.path != path),
            ("rule", d.rule not in RULE_IDS),
            ("severity", d.severity not in ("error", "warning")),
            ("message", not isinstance(d.message, str) or not d.message.strip()),
            ("line", not isinstance(d.line, int) or d.line < 1),
            ("line", lines is not None and d.line > lines),
            ("column", not isinstance(d.column, int) or d.column < 1),
        ]
        bad = [name for name, failed in problems if failed]
        if bad:
            raise Finding(f"malformed diagnostic ({', '.join(bad)}): {d!r}")


def check_entry(data: bytes) -> None:
    """The loader and checker on any bytes as an entry file."""
    checked, diagnostics = check_entries([(ENTRY_PATH, data)], categories=CATEGORIES)
    text, _ = decode(data, ENTRY_PATH)
    well_formed(diagnostics, ENTRY_PATH, text)
    if len(checked) != 1:
        raise Finding(f"{len(checked)} results for one file")
    if checked[0].entry is None and not any(d.severity == "error" for d in diagnostics):
        raise Finding("no entry and no error: the file was refused silently")


def import_readme(data: bytes) -> None:
    """The importer on any bytes as a README; what it would write must load and check."""
    plan = plan_import(
        data, README_PATH, categories_text=CATEGORIES_TEXT, categories_path="categories.yaml"
    )
    text, _ = decode(data, README_PATH)
    well_formed(plan.diagnostics, README_PATH, text)
    sources = [(f"entries/{name}", body.encode()) for name, body in plan.files.items()]
    categories = CATEGORIES + _new_categories(plan.categories_text)
    _, problems = check_entries(sources, categories=categories)
    for d in problems:
        if d.rule in ("yaml-syntax", "encoding", "multiple-documents", "not-a-mapping"):
            raise Finding(f"import wrote a file that does not load: {d.text()}")


def _new_categories(text: str | None) -> list[str]:
    if text is None:
        return []
    return [
        line[2:].strip().strip('"').replace('\\"', '"')
        for line in text.splitlines()
        if line.startswith("- ")
    ]


def lint_readme(data: bytes) -> None:
    """The README linter on any bytes, alone and against a rendered README (drift)."""
    text, _ = decode(data, README_PATH)
    if text is None:
        return
    well_formed(lint_text(text, README_PATH), README_PATH, text)
    drift = lint_text(text, README_PATH, expected=EXPECTED, entry_files=ENTRY_FILES)
    well_formed(drift, README_PATH, text)
    # Only blank lines (and spaces on them) between blocks may differ unreported. A README the
    # HTML reader cannot read to its end gets html-parse instead: drift is not checked on a
    # part of it.
    unreported = not any(d.rule in ("drift", "html-parse") for d in drift)
    if unreported and _blank_insensitive(text) != _blank_insensitive(EXPECTED):
        raise Finding("README differs from the rendered one, but no drift is reported")


def _blank_insensitive(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def round_trip(data: bytes) -> None:
    """Render a valid entry, import the README again: the same entry must come back."""
    checked, diagnostics = check_entries([(ENTRY_PATH, data)], categories=CATEGORIES)
    entry = checked[0].entry if checked else None
    # The file name is the only thing a fuzzed file cannot get right: it is fixed here.
    if entry is None or any(d.severity == "error" and d.rule != "file-name" for d in diagnostics):
        return
    readme = render_readme([entry], CATEGORIES, templates=TEMPLATES)
    plan = plan_import(
        readme.encode(), README_PATH, categories_text=CATEGORIES_TEXT, categories_path="c.yaml"
    )
    errors = [d.text() for d in plan.diagnostics if d.severity == "error"]
    if errors or len(plan.files) != 1:
        raise Finding(f"import of the rendered README: {len(plan.files)} files, {errors}")
    (name, body), *_ = plan.files.items()
    back, problems = check_entries([(f"entries/{name}", body.encode())], categories=CATEGORIES)
    # The entry comes back with the warnings it had (released-mismatch, ...), and nothing else.
    before = sorted((d.rule, d.message) for d in diagnostics if d.severity == "warning")
    after = sorted((d.rule, d.message) for d in problems)
    if after != before or back[0].entry is None:
        raise Finding(f"the imported entry does not check: {[d.text() for d in problems]}")
    if back[0].entry.model_dump() != entry.model_dump():
        raise Finding(f"round trip changed the entry: {entry!r} -> {back[0].entry!r}")


def panel_readme(data: bytes) -> None:
    """The panel layout's importer and linter on any bytes as a panel README."""
    from awesome_tools.fixes import CONSOLE
    from awesome_tools.layout import PANEL

    text, _ = decode(data, README_PATH)
    plan = PANEL.read(data, README_PATH, None, "categories.yaml")
    well_formed(plan.diagnostics, README_PATH, text)
    sources = [(f"entries/{name}", body.encode()) for name, body in plan.files.items()]
    _, problems = check_entries(sources, categories=[], required=PANEL.required)
    for d in problems:
        if d.rule in ("yaml-syntax", "encoding", "multiple-documents", "not-a-mapping"):
            raise Finding(f"import wrote a file that does not load: {d.text()}")
    if text is not None:
        found = PANEL.lint(text, README_PATH, None, {}, "templates/README.md.j2", CONSOLE)
        well_formed(found, README_PATH, text)


TARGETS: dict[str, Callable[[bytes], None]] = {
    "check": check_entry,
    "import": import_readme,
    "lint": lint_readme,
    "roundtrip": round_trip,
    "panel": panel_readme,
}
