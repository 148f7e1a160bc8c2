"""YAML nested past the depth bound: one positioned diagnostic from every command, no traceback."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from awesome_tools.cli import main
from awesome_tools.core import loader

DEPTH = (
    "error[yaml-depth] nested more than 20 levels deep; the list's YAML files need at most "
    "3 levels (remove brackets or indentation, or quote the text)"
)

# (case id, categories.yaml, where the diagnostic stands): the list itself is level 1.
CATEGORY_CASES = [
    ("600 flow lists", "- " + "[" * 600 + "]" * 600 + "\n", "1:22"),
    ("past libyaml's limit", "- " + "[" * 1200 + "]" * 1200 + "\n", "1:22"),
    ("500 flow mappings", "- " + "{a: " * 500 + "x" + "}" * 500 + "\n", "1:79"),
    ("40 block lists", "".join("  " * i + "-\n" for i in range(40)) + "  " * 40 + "x\n", "21:41"),
]


def _commands(project: Path) -> list[tuple[list[str], str]]:
    """Every command that reads categories.yaml, with what it says on stderr."""
    assert main(["render"]) == 0
    shutil.copy(project / "README.md", project / "list.md")
    return [
        (["check"], "1 file checked: 1 error, 0 warnings\n"),
        (["new", "Some Model"], "1 file checked: 1 error, 0 warnings\n"),
        (["render"], "awesome-tools: README.md not written: fix the entries first\n"),
        (["import", "list.md", "--into", "imported"], "awesome-tools: nothing written\n"),
    ]


@pytest.mark.parametrize(("case", "text", "at"), CATEGORY_CASES, ids=[c[0] for c in CATEGORY_CASES])
def test_deep_categories_file_is_reported_by_every_command(
    project: Path, capsys: pytest.CaptureFixture[str], case: str, text: str, at: str
) -> None:
    commands = _commands(project)
    (project / "categories.yaml").write_text(text, encoding="utf-8")
    capsys.readouterr()
    for argv, tail in commands:
        code = main(argv)
        out, err = capsys.readouterr()
        assert (argv, code) == (argv, 1)
        assert out == f"categories.yaml:{at}: {DEPTH}\n"
        assert tail in err
        assert "Traceback" not in err
    assert not (project / "entries" / "some-model.yaml").exists()
    assert not (project / "imported").exists()


def test_a_deep_entry_does_not_stop_new(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "entries" / "deep.yaml").write_text("a: " + "[" * 900 + "]" * 900 + "\n", "utf-8")
    assert main(["new", "Some Model"]) == 0
    assert (project / "entries" / "some-model.yaml").is_file()
    assert main(["check", "entries/deep.yaml"]) == 1
    assert capsys.readouterr().out == f"entries/deep.yaml:1:23: {DEPTH}\n"


class _PurePythonLoader(yaml.SafeLoader):
    """The loader PyYAML falls back to without libyaml: its composer recurses."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        return (
            "tag:yaml.org,2002:"
            + {
                yaml.ScalarNode: "str",
                yaml.MappingNode: "map",
                yaml.SequenceNode: "seq",
            }[kind]
        )


@pytest.mark.parametrize("levels", [25, 5000])
def test_without_libyaml_depth_is_bounded_too(monkeypatch: pytest.MonkeyPatch, levels: int) -> None:
    monkeypatch.setattr(loader, "_StringLoader", _PurePythonLoader)
    loaded = loader.load_yaml("a: " + "[" * levels + "]" * levels + "\n", "f.yaml")
    assert loaded.data is None
    assert [d.text() for d in loaded.diagnostics] == [f"f.yaml:1:23: {DEPTH}"]


def test_positions_of_a_deep_document_are_walked_without_recursion() -> None:
    loaded = loader.load_yaml("a: " + "[" * 990 + "]" * 990 + "\n", "f.yaml")
    assert loaded.value_positions[("a", *[0] * 989)] == (1, 993)
