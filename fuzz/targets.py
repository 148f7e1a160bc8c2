"""The fuzz targets: each takes any bytes, must never raise, and checks what it gets back.

Kept free of atheris, so the tests run every target over the seed corpus and the regressions
without it (`tests/test_fuzz.py`); `fuzz/run.py` drives them with atheris.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import zip_longest
from pathlib import Path

from awesome_tools.core.entrycheck import check_entries
from awesome_tools.core.fixes import CONSOLE, Fixes
from awesome_tools.core.schema import Entry
from awesome_tools.core.settings import Settings
from awesome_tools.core.templates import load_templates
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.engine.rulebook import RULES
from awesome_tools.io.textfile import decode
from awesome_tools.layouts.base import Layout
from awesome_tools.layouts.table import TABLE_REQUIRED
from awesome_tools.layouts.table.importer import plan_import
from awesome_tools.layouts.table.lint import lint_text
from awesome_tools.layouts.table.render import render_readme

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
    checked, diagnostics = check_entries(
        [(ENTRY_PATH, data)], categories=CATEGORIES, required=TABLE_REQUIRED
    )
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
    _, problems = check_entries(sources, categories=categories, required=TABLE_REQUIRED)
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
    checked, diagnostics = check_entries(
        [(ENTRY_PATH, data)], categories=CATEGORIES, required=TABLE_REQUIRED
    )
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
    back, problems = check_entries(
        [(f"entries/{name}", body.encode())], categories=CATEGORIES, required=TABLE_REQUIRED
    )
    # The entry comes back with the warnings it had (released-mismatch, ...), and nothing else.
    before = sorted((d.rule, d.message) for d in diagnostics if d.severity == "warning")
    after = sorted((d.rule, d.message) for d in problems)
    if after != before or back[0].entry is None:
        raise Finding(f"the imported entry does not check: {[d.text() for d in problems]}")
    if back[0].entry.model_dump() != entry.model_dump():
        raise Finding(f"round trip changed the entry: {entry!r} -> {back[0].entry!r}")


def panel_readme(data: bytes) -> None:
    """The panel layout's importer and linter on any bytes as a panel README."""
    from awesome_tools.layouts.panel import LAYOUT as PANEL

    text, _ = decode(data, README_PATH)
    plan = PANEL.read(data, README_PATH, categories=None, categories_path="categories.yaml")
    well_formed(plan.diagnostics, README_PATH, text)
    sources = [(f"entries/{name}", body.encode()) for name, body in plan.files.items()]
    _, problems = check_entries(sources, categories=[], required=PANEL.required)
    for d in problems:
        if d.rule in ("yaml-syntax", "encoding", "multiple-documents", "not-a-mapping"):
            raise Finding(f"import wrote a file that does not load: {d.text()}")
    if text is not None:
        found = PANEL.lint(
            text,
            README_PATH,
            expected=None,
            entry_files={},
            frame="templates/README.md.j2",
            fixes=CONSOLE,
        )
        well_formed(found, README_PATH, text)


# The panel-text target: the fields a panel shows as text, filled from the fuzzed bytes, in
# this order (split at NUL), around the fields of an ordinary panel.
PANEL_TEXT_FIELDS = (
    "summary",
    "authors",
    "deep_dive",
    "title",
    "name",
    "figure.alt",
    "figure.caption",
    "links.label",
    "contribution",
)
_PANEL_BASE = {
    "name": "Mid",
    "title": "a model",
    "url": "https://arxiv.org/abs/2310.00001",
    "summary": "Mid links.",
    "authors": "A. Author",
    "released": "2024-02-01",
    "contribution": "Joins.",
    "links": [{"kind": "paper", "url": "https://arxiv.org/abs/2310.00001", "label": "Paper"}],
    "figure": {
        "file": "https://example.org/mid.png",
        "alt": "Mid architecture",
        "caption": "The model",
        "source": "https://arxiv.org/pdf/2310.00001",
        "number": "2",
    },
    "deep_dive": "Deep **dive**.",
}


def _ordinary(name: str, month: int) -> dict[str, object]:
    url = f"https://arxiv.org/abs/2304.0848{month}"
    return {
        "name": name,
        "title": f"{name}: an ordinary model",
        "url": url,
        "summary": "Plain.",
        "released": f"2024-0{month}-01",
        "contribution": "Nothing new.",
        "links": [{"kind": "paper", "url": url, "label": "Paper"}],
        "deep_dive": "Deep.",
    }


def panel_entry_data(data: bytes) -> dict[str, object]:
    """The bytes as the text fields of a panel entry (split at NUL, in PANEL_TEXT_FIELDS order)."""
    entry: dict[str, object] = dict(_PANEL_BASE)
    parts = data.decode("utf-8", "replace").split("\x00")
    for field, value in zip(PANEL_TEXT_FIELDS, parts, strict=False):
        if field == "links.label":
            entry["links"] = [{**_PANEL_BASE["links"][0], "label": value}]  # type: ignore[index]
        elif field.startswith("figure."):
            figure = dict(entry["figure"])  # type: ignore[call-overload]
            entry["figure"] = {**figure, field.removeprefix("figure."): value}
        else:
            entry[field] = value
    entry["title"] = str(entry["title"]).strip() or "a model"
    return entry


def panel_text(data: bytes) -> None:
    """Hostile text in every field a panel writes: refused with a well-formed diagnostic, or
    rendered between two ordinary panels so that markdown-it sees each heading as a heading,
    the panel lint finds nothing, and import gives the entry back or names what it lost."""
    import yaml

    from awesome_tools.core.mdsafe import blocks
    from awesome_tools.core.normalize import slugify
    from awesome_tools.layouts.panel import LAYOUT as PANEL
    from awesome_tools.layouts.panel.parts import HEADING

    entries = [_ordinary("Newer", 3), panel_entry_data(data), _ordinary("Older", 1)]
    # Each file named as `new` would name it: a name with no file name is refused as in a list.
    sources = [
        (f"entries/{slugify(str(e['name'])) or 'x'}.yaml", yaml.safe_dump(e).encode())
        for e in entries
    ]
    checked, diagnostics = check_entries(sources, categories=[], required=PANEL.required)
    texts = {path: decode(raw, path)[0] for path, raw in sources}
    for path, text in texts.items():
        well_formed([d for d in diagnostics if d.path == path], path, text)
    errors = [d for d in diagnostics if d.severity == "error"]
    made = [c.entry for c in checked]
    if errors or any(entry is None for entry in made):
        if not errors:
            raise Finding("an entry was refused without an error")
        return
    valid = [entry for entry in made if entry is not None]
    readme = PANEL.render(valid, Settings("panel"), TEMPLATES)
    lines = readme.split("\n")
    seen = {t.map[0] for t in blocks().parse(readme) if t.type == "heading_open" and t.map}
    heads = [i for i, line in enumerate(lines) if HEADING.match(line)]
    if len(heads) != 3 or not set(heads) <= seen:
        raise Finding(f"panel headings markdown-it does not see: {sorted(set(heads) - seen)}")
    lint = PANEL.lint(
        readme,
        README_PATH,
        expected=None,
        entry_files={},
        frame="templates/README.md.j2",
        fixes=CONSOLE,
    )
    if lint:
        raise Finding(f"the panel lint of a rendered README: {[d.text() for d in lint]}")
    _panel_round_trip(readme, valid)


def _panel_round_trip(readme: str, entries: list[Entry]) -> None:
    from awesome_tools.layouts.driftfields import differing
    from awesome_tools.layouts.panel import LAYOUT as PANEL

    plan = PANEL.read(
        readme.encode(), README_PATH, categories=None, categories_path="categories.yaml"
    )
    well_formed(plan.diagnostics, README_PATH, readme)
    said = " ".join(d.message for d in plan.diagnostics)
    back: dict[str, Entry] = {}
    for name, body in plan.files.items():
        found, _ = check_entries(
            [(f"entries/{name}", body.encode())], categories=[], required=PANEL.required
        )
        if found[0].entry is not None:
            back[found[0].entry.name] = found[0].entry
    for entry in entries:
        again = back.get(entry.name)
        if again is None:
            if f"'{entry.name}'" not in said:
                raise Finding(f"import lost '{entry.name}' without a warning naming it")
            continue
        lost = differing(again.model_dump(), entry.model_dump())
        # A warning names a field by its key or in words ("deep dive").
        words = said.replace("deep dive", "deep_dive")
        unsaid = [field for field in lost if field.split(".")[0].split("[")[0] not in words]
        if unsaid:
            raise Finding(f"import changed {unsaid} of '{entry.name}' unsaid: {said!r}")


# The paths target's places in a list, and what each may become: a folder, a file, or a link
# (relative to its folder, or "/": to the same place in the folder beside the list, which holds
# SECRET in each of its files). A byte pair picks both.
PLACES = (
    "entries",
    "entries/a.yaml",
    "entries/b.yaml",
    "templates",
    "templates/README.md.j2",
    "awesome.yaml",
    "categories.yaml",
    "kept",
    "kept/a.yaml",
    "site",
    "README.md",
)
MAKES = ("dir", "file", ".", "..", "a.yaml", "../kept", "../kept/a.yaml", "missing", "kept", "/")
SECRET = "hunter2: s3cr3t\n"  # an unknown key: a check that read it would echo it


def _build(data: bytes, top: Path) -> Path:
    """A list at top/list shaped by data, top/outside beside it holding SECRET everywhere."""
    import os

    root, outside = top / "list", top / "outside"
    (root / "entries").mkdir(parents=True)
    for name in sorted(PLACES, key=lambda place: "." in place):
        if "." in name:
            (outside / name).write_text(SECRET, encoding="utf-8")
        else:
            (outside / name).mkdir(parents=True)
    for place, make in zip(data[::2], data[1::2], strict=False):
        path = root / PLACES[place % len(PLACES)]
        kind = MAKES[make % len(MAKES)]
        if os.path.lexists(path) or not os.path.isdir(path.parent):
            continue
        if kind == "dir":
            path.mkdir()
        elif kind == "file":
            path.write_text(f"name: {path.name}\n", encoding="utf-8")
        else:
            to = outside / PLACES[place % len(PLACES)] if kind == "/" else kind
            path.symlink_to(to)
    return root


def paths(data: bytes) -> None:
    """Any tree of folders, files and links: each path is outside the list exactly when it
    resolves there; nothing outside is read into a diagnostic or written."""
    import os
    import tempfile

    from awesome_tools.engine.project import read_project
    from awesome_tools.io.files import RefusedWrite, write_target
    from awesome_tools.io.pathcheck import dangling_link, is_inside, leads_out

    with tempfile.TemporaryDirectory() as top:
        root = _build(data[:32], Path(top))
        real_root = Path(os.path.realpath(root))
        for place in PLACES:
            path = root / place / "x.yaml"
            for asked in (root / place, path):
                inside = is_inside(Path(os.path.realpath(asked)), real_root)
                if (leads_out(asked, root) is None) != inside:
                    raise Finding(f"leads_out disagrees with realpath on {place}")
                if dangling_link(asked, root) is not None and os.path.exists(asked):
                    raise Finding(f"{place} called a link to nothing, yet it exists")
                try:
                    written = write_target(asked, root)
                except RefusedWrite:
                    written = None
                if written is not None and not is_inside(written, real_root):
                    raise Finding(f"a write to {place} would leave the list")
        if not (root / "entries").is_dir():
            return
        project = read_project(root, root)
        shown = "".join(d.text() for d in project.diagnostics)
        shown += "".join(e.model_dump_json() for e in project.entries.values())
        if "hunter2" in shown:
            raise Finding("a file outside the list was read into the output")


# The lint-diff target: the frozen table list (tests/fixtures/list), rendered in each layout.
LIST = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "list"
# What an edit near a block writes: everything that opens or closes a block of CommonMark (the
# seven kinds of raw HTML block, fences, indented code), `<details>`, cells, blank lines.
PAYLOADS = (
    *("<script>", "</script>", ">Pap<script>er<", "<style>", "</style>", "<textarea>"),
    *("</textarea>", "<pre>", "</pre>", "<!--", "-->", "<!---->", "<?php", "?>", "<![CDATA["),
    *("]]>", "<!X", "<!DOCTYPE html>", ">", "```", "~~~", "```python", "    indented code"),
    *("\tindented", "<details>", "</details>", '<details id="llava">', "<summary>X</summary>"),
    *("", " ", "|", "| a | b |", "|---|---|", "<div>", "</div>", "<table>", "</table>", "<tr>"),
    *("<td>", "</td></tr>", "<a href>", "- item", "> quote", "1. item", "[ref]: /url"),
    *("![figure][ref]", "![figure](x.png)", "&amp;", "&", "<", "<b>", "<br>", "## Heading", "---"),
)
OPENERS = 26  # the first payloads open (or close) a block of one parser or the other
EDITS = ("line before", "line instead", "text inside", "text after", "line removed", "blank after")


@dataclass(frozen=True)
class Listed:
    """A list rendered in one layout, as lint compares a README with it."""

    layout: Layout
    expected: str
    entry_files: dict[str, str]
    frame: str
    fixes: Fixes
    proven: bool
    anchors: list[int]  # the lines near blocks that edits start from


@lru_cache(maxsize=1)
def listed() -> tuple[Listed, ...]:
    """The frozen list in the table and the panel layout, with its templates' proof."""
    from awesome_tools.engine.project import read_project
    from awesome_tools.engine.proof import templates_proven
    from awesome_tools.layouts.panel import LAYOUT as PANEL
    from awesome_tools.layouts.table import LAYOUT as TABLE

    project = read_project(LIST, LIST)
    entries, templates = list(project.entries.values()), load_templates(LIST)
    entry_files = {e.name.casefold(): path for path, e in project.entries.items()}
    found = []
    fixes = project.fixes
    for layout in (TABLE, PANEL):
        frame = templates.frame(layout.frame(templates))
        settings = replace(project.settings, layout=layout.name, figure_markers="slug")
        expected = layout.render(entries, settings, templates)

        def lint(text: str, layout: Layout = layout, frame: str = frame) -> list[Diagnostic]:
            return layout.lint(
                text, README_PATH, expected=None, entry_files={}, frame=frame, fixes=fixes
            )

        proven = layout.lint_part is not None and templates_proven(
            layout, entries, settings, templates, lint
        )
        lines = expected.split("\n")
        anchors = [i for i, line in enumerate(lines) if not line.strip() or line[0] in "<|#`~"]
        found.append(Listed(layout, expected, entry_files, frame, fixes, proven, anchors))
    return tuple(found)


def near_edit(data: bytes) -> tuple[Listed, str, list[str]]:
    """The README that the bytes make of a rendered list: a layout, then up to three edits of
    five bytes each (two for the line, near a block, then the edit, the payload, the column)."""
    choice = listed()[data[0] % 2] if data else listed()[0]
    lines = choice.expected.split("\n")
    done = []
    for at in range(1, len(data) - 4, 5)[:3]:
        anchor, kind, payload, column = data[at] * 256 + data[at + 1], *data[at + 2 : at + 5]
        line = min(choice.anchors[anchor % len(choice.anchors)] + kind // 64 - 1, len(lines) - 1)
        line, edit, text = max(line, 0), EDITS[kind % len(EDITS)], PAYLOADS[payload % len(PAYLOADS)]
        done.append(
            f"{edit} {line + 1}: {text!r}" + (f" at {column}" if edit == "text inside" else "")
        )
        old = lines[line]
        if edit == "line before":
            lines.insert(line, text)
        elif edit == "line instead":
            lines[line] = text
        elif edit == "text inside":
            lines[line] = old[: column % (len(old) + 1)] + text + old[column % (len(old) + 1) :]
        elif edit == "text after":
            lines[line] = old + text
        elif edit == "line removed" and len(lines) > 1:
            del lines[line]
        else:
            lines[line + 1 : line + 1] = ["", text]
    return choice, "\n".join(lines), done


def near_edit_inputs(count: int, seed: int, layout: int) -> list[bytes]:
    """Inputs of `near_edit` drawn at random for one layout (0 table, 1 panel), one or two
    edits each, most writing what opens a block."""
    import random

    rng = random.Random(seed)
    inputs = []
    for _ in range(count):
        data = [layout]
        for _ in range(rng.randint(1, 2)):
            opener = rng.random() < 0.7
            payload = rng.randrange(OPENERS) if opener else rng.randrange(len(PAYLOADS))
            data += [rng.randrange(256), rng.randrange(256), rng.randrange(256), payload]
            data.append(rng.randrange(256))
        inputs.append(bytes(data))
    return inputs


def lint_diff(data: bytes) -> None:
    """An edit near a block of a rendered README: lint with its shortcuts (the proof, the part,
    drift's window) reports exactly what `lint --no-shortcut` does."""
    from awesome_tools.engine import lint as engine

    choice, text, edits = near_edit(data)
    found = []
    for shortcuts in (True, False):
        found.append(
            engine.lint_text(
                choice.layout,
                text,
                README_PATH,
                choice.expected,
                choice.entry_files,
                choice.frame,
                choice.fixes,
                proven=choice.proven,
                shortcuts=shortcuts,
            )[0]
        )
    well_formed(found[1], README_PATH, text)
    fast, full = ([d.text() for d in diagnostics] for diagnostics in found)
    if fast != full:
        raise Finding(
            f"{choice.layout.name} README, {'; '.join(edits)}: the shortcut reports {len(fast)} "
            f"problems, the full lint {len(full)}; first difference: "
            f"{next((a, b) for a, b in zip_longest(fast, full) if a != b)}"
        )


TARGETS: dict[str, Callable[[bytes], None]] = {
    "check": check_entry,
    "import": import_readme,
    "lint": lint_readme,
    "roundtrip": round_trip,
    "panel": panel_readme,
    "paths": paths,
    "lint-diff": lint_diff,
    "panel-text": panel_text,
}
