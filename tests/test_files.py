"""The file-system edge: nothing outside the list is read; nothing a user owns is replaced."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from awesome_tools.cli import main
from conftest import GOOD

SECRET = "root:$6$saltsalt$hashhashhash:19000:0:99999:7:::\n"
OUTSIDE = "entries/llava.yaml:1:1: error[outside-list] the file links outside the list's folder; it is not read\n"


@pytest.fixture
def linked_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose only entry links to a secret file beside the project."""
    (tmp_path / "secret").write_text(SECRET, encoding="utf-8")
    root = tmp_path / "list"
    (root / "entries").mkdir(parents=True)
    (root / "categories.yaml").write_text("- Encoders\n", encoding="utf-8")
    (root / "entries" / "llava.yaml").symlink_to(tmp_path / "secret")
    monkeypatch.chdir(root)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return root


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check"], OUTSIDE),
        (["check", "entries/llava.yaml"], OUTSIDE),
        (["render"], OUTSIDE),
        (
            ["lint", "--strict"],
            "README.md:1:1: warning[drift] drift not checked: entries/ has errors (run `awesome-tools check`)\n",
        ),
    ],
)
def test_an_entry_linking_outside_the_list_is_not_read(
    linked_out: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    if argv[0] == "lint":
        (linked_out / "README.md").write_text("# x\n", encoding="utf-8")
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert out == expected
    assert "saltsalt" not in out + err
    assert main(["check", "--format", "json"]) == 1
    out = capsys.readouterr().out
    assert '"rule": "outside-list"' in out and "saltsalt" not in out
    assert (linked_out / "README.md").exists() == (argv[0] == "lint")


def test_a_given_link_outside_the_project_is_not_read(
    linked_out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (linked_out / "elsewhere.yaml").symlink_to(linked_out.parent / "secret")
    assert main(["check", "elsewhere.yaml"]) == 1
    out, err = capsys.readouterr()
    assert out == OUTSIDE.replace("entries/llava.yaml", "elsewhere.yaml")
    assert "saltsalt" not in out + err


def test_links_inside_the_project_are_read(
    linked_out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (linked_out / "drafts").mkdir()
    (linked_out / "drafts" / "llava.yaml").write_text(GOOD, encoding="utf-8")
    (linked_out / "entries" / "llava.yaml").unlink()
    (linked_out / "entries" / "llava.yaml").symlink_to(Path("..") / "drafts" / "llava.yaml")
    assert main(["check"]) == 0
    assert capsys.readouterr().out == ""


def test_an_entries_folder_linking_outside_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "llava.yaml").write_text(GOOD + "x: 1\n", encoding="utf-8")
    (tmp_path / "list").mkdir()
    (tmp_path / "list" / "entries").symlink_to(tmp_path / "elsewhere")
    monkeypatch.chdir(tmp_path / "list")
    assert main(["check"]) == 1
    assert capsys.readouterr().out == OUTSIDE


@pytest.mark.parametrize("name", ["llava.YAML", "llava.Yaml", "llava.YML", "llava.yml"])
def test_an_entry_file_with_another_extension_is_reported_not_skipped(
    project: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    os.rename(project / "entries" / "llava.yaml", project / "entries" / name)
    (project / "entries" / "llava.yml.bak").write_text("ignored: [\n", encoding="utf-8")
    (project / "entries" / "notes.txt").write_text("ignored: [\n", encoding="utf-8")
    assert main(["check"]) == 1
    assert capsys.readouterr().out == (
        f"entries/{name}:2:7: error[file-name] file for 'LLaVA' must be named 'llava.yaml' "
        f"(rename '{name}')\n"
    )
    assert main(["render"]) == 1
    assert not (project / "README.md").exists()
