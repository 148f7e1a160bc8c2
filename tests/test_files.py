"""The file-system edge: nothing outside the list is read; nothing a user owns is replaced."""

from __future__ import annotations

import errno
import fcntl
import fnmatch
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

import awesome_tools.io.files as files_module
from awesome_tools.cli import main
from conftest import FIXTURES, GOOD, REPO

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
    assert capsys.readouterr().out == (
        "entries/llava.yaml:1:1: error[outside-list] entries/ links outside the list's folder; "
        "the file is not read\n"
    )


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


def test_a_readme_link_inside_the_project_is_written_through(
    rich_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (rich_project / "docs").mkdir()
    (rich_project / "docs" / "list.md").write_text("old\n", encoding="utf-8")
    (rich_project / "README.md").symlink_to(Path("docs") / "list.md")
    assert main(["render"]) == 0
    assert (rich_project / "README.md").is_symlink()
    text = (rich_project / "docs" / "list.md").read_text("utf-8")
    assert text.startswith("<!-- Generated from entries/")
    assert main(["render", "--check"]) == 0
    assert sorted(p.name for p in (rich_project / "docs").iterdir()) == ["list.md"]


def test_a_readme_link_outside_the_project_is_refused(
    rich_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = rich_project.parent / "elsewhere.md"
    outside.write_text("theirs\n", encoding="utf-8")
    (rich_project / "README.md").symlink_to(outside)
    assert main(["render"]) == 1
    assert capsys.readouterr().err == (
        "awesome-tools: refusing to write README.md: it is a link out of the project; "
        "nothing written\n"
    )
    assert (rich_project / "README.md").is_symlink()
    assert outside.read_text("utf-8") == "theirs\n"


def test_new_never_replaces_a_file_created_after_its_check(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import awesome_tools.commands.new as new

    checked = new.read_categories

    def meanwhile(*args: object) -> object:
        result = checked(*args)  # type: ignore[arg-type]
        (project / "entries" / "llava-2.yaml").write_text("# theirs\n", encoding="utf-8")
        return result

    # categories.yaml is read after the clash check and before the write.
    monkeypatch.setattr(new, "read_categories", meanwhile)
    assert main(["new", "LLaVA 2"]) == 1
    assert (
        capsys.readouterr().err == "awesome-tools: entries/llava-2.yaml exists; nothing written\n"
    )
    assert (project / "entries" / "llava-2.yaml").read_text("utf-8") == "# theirs\n"
    assert sorted(p.name for p in (project / "entries").iterdir()) == ["llava-2.yaml", "llava.yaml"]


def test_new_interactive_never_replaces_a_file_created_while_it_asks(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def answer(prompt: str = "") -> str:
        target = project / "entries" / "llava-2.yaml"
        if not target.exists():
            target.write_text("# theirs\n", encoding="utf-8")
        return ""

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", answer)
    assert main(["new", "LLaVA 2", "-i"]) == 1
    assert (
        capsys.readouterr().err == "awesome-tools: entries/llava-2.yaml exists; nothing written\n"
    )
    assert (project / "entries" / "llava-2.yaml").read_text("utf-8") == "# theirs\n"


@pytest.fixture
def seed_readme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty list and the seed README of ten models beside it, as the cwd."""
    (tmp_path / "entries").mkdir()
    shutil.copy(FIXTURES / "seed-README.md", tmp_path / "seed.md")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def test_import_never_replaces_a_file_created_after_its_check(
    seed_readme: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_all = files_module.write_all

    def meanwhile(files: dict[Path, str], **options: Any) -> list[Path]:
        (seed_readme / "entries" / "llava.yaml").write_text("# theirs\n", encoding="utf-8")
        return write_all(files, **options)

    monkeypatch.setattr(files_module, "write_all", meanwhile)
    assert main(["import", "seed.md"]) == 1
    assert capsys.readouterr().err == (
        "awesome-tools: entries/llava.yaml appeared meanwhile\n"
        "awesome-tools: nothing written (use --force to overwrite)\n"
    )
    assert [p.name for p in (seed_readme / "entries").iterdir()] == ["llava.yaml"]
    assert (seed_readme / "entries" / "llava.yaml").read_text("utf-8") == "# theirs\n"
    assert sorted(p.name for p in seed_readme.iterdir()) == ["entries", "seed.md"]


def _fail_at(monkeypatch: pytest.MonkeyPatch, name: str, call: int) -> None:
    """Make files.os.NAME (or files.NAME) raise ENOSPC at its `call`-th call."""
    target = files_module if hasattr(files_module, name) else os
    original = getattr(target, name)
    calls = []

    def failing(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        if len(calls) == call:
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(*args, **kwargs)

    monkeypatch.setattr(target, name, failing)


@pytest.mark.parametrize(("name", "call"), [("_write_synced", 5), ("link", 5), ("link", 10)])
def test_an_import_that_fails_halfway_leaves_the_list_as_it_was(
    seed_readme: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    call: int,
) -> None:
    with monkeypatch.context() as patch:
        _fail_at(patch, name, call)
        assert main(["import", "seed.md"]) == 2
    out, err = capsys.readouterr()
    assert err == "awesome-tools: import failed (No space left on device); nothing written\n"
    assert "Traceback" not in out + err
    assert list((seed_readme / "entries").iterdir()) == []
    assert sorted(p.name for p in seed_readme.iterdir()) == ["entries", "seed.md"]
    assert main(["import", "seed.md"]) == 0
    assert len(list((seed_readme / "entries").iterdir())) == 10


def test_a_forced_import_that_fails_halfway_restores_what_it_replaced(
    seed_readme: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "seed.md"]) == 0
    before = {p.name: "# mine\n" for p in (seed_readme / "entries").iterdir()}
    for name, text in before.items():
        (seed_readme / "entries" / name).write_text(text, encoding="utf-8")
    with monkeypatch.context() as patch:
        _fail_at(patch, "replace", 7)
        assert main(["import", "seed.md", "--force"]) == 2
    assert capsys.readouterr().err.endswith(
        "awesome-tools: import failed (No space left on device); nothing written\n"
    )
    after = {p.name: p.read_text("utf-8") for p in (seed_readme / "entries").iterdir()}
    assert after == before
    assert sorted(p.name for p in seed_readme.iterdir()) == ["entries", "seed.md"]


def test_stale_temporary_files_of_a_killed_render_are_removed(
    rich_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = [rich_project / ".README.md.k1ll_9ab.tmp", rich_project / ".README.md.abcdefgh.tmp"]
    for path in stale:
        path.write_bytes(b"half a README")
    kept = [
        rich_project / ".README.md.short.tmp",  # not a name tempfile gives
        rich_project / ".other.md.abcdefgh.tmp",  # beside another file
        rich_project / ".README.md.held1234.tmp",  # a write in progress holds it
    ]
    for path in kept:
        path.write_bytes(b"keep")
    held = os.open(kept[2], os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)
    synced: list[int] = []
    fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or fsync(fd))
    try:
        assert main(["render"]) == 0
    finally:
        os.close(held)
    assert [path.exists() for path in stale] == [False, False]
    assert [path.exists() for path in kept] == [True, True, True]
    assert len(synced) >= 1  # the temporary file, before the rename
    assert sorted(p.name for p in rich_project.glob(".README.md.*")) == [
        ".README.md.held1234.tmp",
        ".README.md.short.tmp",
    ]


def test_git_ignores_temporary_files() -> None:
    patterns = (REPO / ".gitignore").read_text("utf-8").splitlines()
    assert any(fnmatch.fnmatch(".README.md.abcdefgh.tmp", p) for p in patterns)


TOO_LONG = "name is 240 characters long; at most 100 are allowed"


def test_new_check_and_import_agree_on_the_longest_name(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_name = "Model " + "x" * 234
    assert main(["new", long_name]) == 2
    assert capsys.readouterr().err == f"awesome-tools: {TOO_LONG}; give a shorter name\n"
    assert [p.name for p in (project / "entries").iterdir()] == ["llava.yaml"]
    (project / "entries" / "llava.yaml").write_text(
        GOOD.replace("name: LLaVA", f"name: {long_name}"), encoding="utf-8"
    )
    assert main(["check"]) == 1
    assert capsys.readouterr().out == f"entries/llava.yaml:2:7: error[name-too-long] {TOO_LONG}\n"
    block = (
        f"<details><summary>{long_name}</summary><table><tr><th>Title</th></tr>"
        '<tr><td><a href="https://e.org/a">T</a></td></tr></table></details>\n'
    )
    (project / "list.md").write_text(block, encoding="utf-8")
    (project / "entries" / "llava.yaml").unlink()
    assert main(["import", "list.md"]) == 1
    out, err = capsys.readouterr()
    assert out == f"list.md:1:1: error[name-too-long] {TOO_LONG}\n"
    assert err.startswith("awesome-tools: nothing written\n")
    assert list((project / "entries").iterdir()) == []


def test_the_longest_name_is_created_and_checked(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "M" * 100
    assert main(["new", name, "--url", "https://example.org/m"]) == 0
    assert (project / "entries" / f"{'m' * 100}.yaml").is_file()
    capsys.readouterr()
    assert main(["check", f"entries/{'m' * 100}.yaml"]) == 1
    lines = capsys.readouterr().out.splitlines()
    # Only the scaffold's TODO placeholders are left to fill in.
    assert lines and all("error[placeholder]" in line for line in lines)
