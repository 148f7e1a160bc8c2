"""Drift in a panel README: each panel is its entry's part, reported in the shape every layout
shares (layouts/drift.py): a panel edited, moved, removed, copied or added by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from awesome_tools.cli import main

FIX = "then run `awesome-tools render`"
ENTRIES = {
    "alpha": ("Alpha", "Alpha: a first model", "2401.00001", "2024-03-01", "Alpha sees."),
    "beta": ("Beta", "Beta: a second model", "2401.00002", "2024-02-01", "Beta reads."),
    "gamma": ("Gamma", "Gamma: a third model", "2401.00003", "2024-01-01", "Gamma hears."),
}


def _panel(text: str, name: str) -> tuple[int, int]:
    """Where a model's panel starts and ends in README text (offsets)."""
    start = text.index(f"### **{name}:")
    end = text.find("\n### **", start + 1)
    return start, end + 1 if end >= 0 else len(text)


def _moved(text: str) -> str:
    """Gamma's panel moved in front of Alpha's."""
    start, end = _panel(text, "Gamma")
    rest = text[:start] + text[end:]
    place = _panel(rest, "Alpha")[0]
    return rest[:place] + text[start:end] + rest[place:]


def _removed(text: str) -> str:
    start, end = _panel(text, "Beta")
    return text[:start] + text[end:]


def _copied(text: str) -> str:
    start, end = _panel(text, "Beta")
    return text[:end] + text[start:end] + text[end:]


def _added(text: str) -> str:
    start, end = _panel(text, "Beta")
    panel = text[start:end].replace("Beta", "Delta").replace("2401.00002", "2401.00009")
    return text[:end] + panel + text[end:]


def _edited(text: str) -> str:
    return text.replace("Beta reads.", "Beta reads well.")


# Lines of the rendered README: the panels of Alpha, Beta and Gamma at 31, 39 and 47.
CASES: list[tuple[str, Callable[[str], str], list[str]]] = [
    (
        "a summary edited: at the first differing character",
        _edited,
        [
            "README.md:41:11: error[drift] panel 'Beta' differs from entries/beta.yaml (field "
            "summary): found 'reads well.' where render writes 'reads.'; edit entries/beta.yaml, "
            f"not README.md, {FIX}"
        ],
    ),
    (
        "a panel moved",
        _moved,
        [
            "README.md:31:1: error[drift] panel 'Gamma' of entries/gamma.yaml is out of order: "
            "render writes it at line 47; the order comes from the entries' release dates (and "
            f"`order` within a day), not README.md, {FIX}"
        ],
    ),
    (
        "a panel removed",
        _removed,
        [
            "README.md:21:1: error[timeline-coverage] timeline row 'Beta' names no panel",
            "README.md:39:1: error[drift] panel 'Beta' is missing: render writes it here from "
            f"entries/beta.yaml; edit entries/beta.yaml, not README.md, {FIX}",
        ],
    ),
    (
        "a panel copied",
        _copied,
        [
            "README.md:47:1: error[drift] panel 'Beta' repeats the one at line 39: render writes "
            f"each entry once; remove the copy from README.md, {FIX}",
            "README.md:47:1: error[timeline-coverage] panel 'Beta' has no release timeline row",
        ],
    ),
    (
        "a panel added by hand",
        _added,
        [
            "README.md:47:1: error[drift] panel 'Delta' has no entry file: `awesome-tools import "
            "README.md` turns it into one (or start from `awesome-tools new Delta`), "
            f"{FIX}",
            "README.md:47:1: error[timeline-coverage] panel 'Delta' has no release timeline row",
        ],
    ),
]


@pytest.fixture
def panel_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A three-panel list, rendered."""
    (tmp_path / "awesome.yaml").write_text("layout: panel\n", "utf-8")
    (tmp_path / "entries").mkdir()
    for slug, (name, title, paper, released, summary) in ENTRIES.items():
        (tmp_path / "entries" / f"{slug}.yaml").write_text(
            f"name: {name}\ntitle: '{title}'\nurl: https://arxiv.org/abs/{paper}\n"
            f"released: {released}\nsummary: {summary}\n",
            "utf-8",
        )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["render"]) == 0
    return tmp_path


@pytest.mark.parametrize(("edit", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_panel_drift(
    panel_list: Path,
    capsys: pytest.CaptureFixture[str],
    edit: Callable[[str], str],
    expected: list[str],
) -> None:
    readme = panel_list / "README.md"
    text = edit(readme.read_text("utf-8"))
    readme.write_text(text, "utf-8")
    capsys.readouterr()
    assert main(["lint"]) == 1
    assert capsys.readouterr().out.split("\n")[:-1] == expected
