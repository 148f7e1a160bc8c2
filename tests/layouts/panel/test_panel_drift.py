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


def _line(text: str, needle: str) -> int:
    return text.split("\n").index(needle) + 1


CASES: list[tuple[str, Callable[[str], str], Callable[[str], list[str]]]] = []


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


@pytest.mark.parametrize(
    ("edit", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_panel_drift(
    panel_list: Path,
    capsys: pytest.CaptureFixture[str],
    edit: Callable[[str], str],
    expected: Callable[[str], list[str]],
) -> None:
    readme = panel_list / "README.md"
    text = edit(readme.read_text("utf-8"))
    readme.write_text(text, "utf-8")
    capsys.readouterr()
    assert main(["lint"]) == 1
    assert capsys.readouterr().out.split("\n")[:-1] == expected(text)
