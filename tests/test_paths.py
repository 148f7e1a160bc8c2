"""Every path the tool reads or writes, resolved whole (every component), stays in the project:
a link out of it is never read or written through, a link to nothing is an error naming it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import awesome_tools
from awesome_tools.cli import main
from conftest import FIXTURES

SECRET = "CI_TOKEN=hunter2-s3cr3t\n"
PACKAGE = Path(awesome_tools.__file__).parent
ENTRY = """\
name: LLaVA
title: 'LLaVA: Large Language and Vision Assistant'
url: https://arxiv.org/abs/2304.08485
released: 2023-04-17
summary: Pairs a vision encoder with a language model.
figure:
  file: figures/llava.png
  alt: LLaVA's diagram
  source: https://arxiv.org/abs/2304.08485
architecture:
  overview: Combines a vision encoder with a language model.
  components: CLIP ViT-L/14, Vicuna, a linear projection.
training:
  methods: Two-stage instruction tuning.
alignment:
  techniques: Instruction tuning on GPT-4 generated data.
  fusion_methods: A trainable projection matrix.
datasets:
  used: CC3M, LLaVA-Instruct-158K
  purpose: Pre-training and instruction tuning.
"""


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A panel list of one model (valid in the table layout too) with its own templates, its
    README and credits file rendered, as the cwd; `outside/` beside it."""
    root = tmp_path / "list"
    (root / "entries").mkdir(parents=True)
    (root / "entries" / "llava.yaml").write_text(ENTRY, encoding="utf-8")
    (root / "awesome.yaml").write_text("layout: panel\ntitle: Paths\n", encoding="utf-8")
    (root / "categories.yaml").write_text("- Encoders\n", encoding="utf-8")
    (root / "figures").mkdir()
    (root / "figures" / "llava.png").write_bytes(b"png")
    for name, packaged in (
        ("panel/README.md.j2", "layouts/panel/templates/README.md.j2"),
        ("site/site.js", "templates/site/site.js"),
    ):
        (root / "templates" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PACKAGE / packaged, root / "templates" / name)
    (tmp_path / "outside").mkdir()
    monkeypatch.chdir(root)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["render"]) == 0
    assert main(["schema"]) == 0
    return root


def _link(path: Path, to: Path | str) -> None:
    """Replace path (a file or a folder) with a symbolic link to `to`."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()
    path.symlink_to(to)


def _arrange(root: Path, path: str, folder: str | None, variant: str) -> None:
    """Make root/path a direct file, a link inside the list, or a link out of it or to nothing.

    What leads out holds the file's text and SECRET, so that any echo of it shows.
    """
    outside, file = root.parent / "outside", root / path
    if variant == "inside":
        (root / "kept").mkdir()
        shutil.move(file, root / "kept" / file.name)
        file.symlink_to(os.path.relpath(root / "kept" / file.name, file.parent))
    elif variant == "outside":
        (outside / file.name).write_bytes(file.read_bytes() + SECRET.encode())
        _link(file, outside / file.name)
    elif variant == "folder":
        assert folder is not None
        shutil.copytree(root / folder, outside / "folder")
        held = outside / "folder" / os.path.relpath(file, root / folder)
        held.write_bytes(held.read_bytes() + SECRET.encode())
        _link(root / folder, outside / "folder")
    elif variant == "dangling":
        _link(file, "missing.txt")
    elif variant == "loop":
        _link(file, file.name)


def _snapshot(folder: Path) -> dict[str, str | bytes]:
    """Every file and link under folder (links not followed): its bytes, or where it points."""
    found: dict[str, str | bytes] = {}
    for top, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(top, name)
            if path.is_symlink():
                found[path.relative_to(folder).as_posix()] = os.readlink(path)
            elif path.is_file():
                found[path.relative_to(folder).as_posix()] = path.read_bytes()
    return found


def _refusal(path: str, folder: str | None, variant: str, figure: bool) -> str:
    """What a command prints of a read refused: a link out of the list, or to nothing."""
    if variant == "folder":
        # The folder's first file read is the one refused: the page's CSS before its script.
        path = path.replace("site.js", "site.css")
    rule, message = {
        "outside": ("outside-list", "the file links outside the list's folder; it is not read"),
        "folder": (
            "outside-list",
            f"{folder}/ links outside the list's folder; the file is not read",
        ),
        "dangling": (
            "dangling-link",
            "the file is a link to 'missing.txt', which does not exist; it is not read",
        ),
        "loop": (
            "dangling-link",
            f"the file is a link to '{Path(path).name}', which leads round in a loop of links; "
            "it is not read",
        ),
    }[variant]
    if figure:
        return f"entries/llava.yaml:7:9: error[figure-file] figure file '{path}' is refused: {message}\n"
    if variant == "folder" and folder == "schema":
        # Both schemas lie in the folder: each is refused.
        return "".join(
            f"schema/{name}.schema.json:1:1: error[{rule}] {message}\n"
            for name in ("entry", "export")
        )
    return f"{path}:1:1: error[{rule}] {message}\n"


# (path kind, the path, the command that reads it, the folder on its way, whether the path is a
# figure: an entry's figure-file error, at the entry's `figure`, says why).
READS = [
    ("entry", "entries/llava.yaml", ["check"], "entries", False),
    ("template", "templates/panel/README.md.j2", ["render", "--check"], "templates/panel", False),
    ("template (lint)", "templates/panel/README.md.j2", ["lint"], "templates/panel", False),
    ("site template", "templates/site/site.js", ["site"], "templates/site", False),
    ("settings", "awesome.yaml", ["check"], None, False),
    ("categories", "categories.yaml", ["check"], None, False),
    ("README (render)", "README.md", ["render", "--check"], None, False),
    ("README (lint)", "README.md", ["lint"], None, False),
    ("schema", "schema/entry.schema.json", ["schema", "--check"], "schema", False),
    (
        "credits",
        "assets/architectures/CREDITS.md",
        ["render", "--check"],
        "assets/architectures",
        False,
    ),
    ("figure (check)", "figures/llava.png", ["check"], "figures", True),
    ("figure (site)", "figures/llava.png", ["site"], "figures", True),
]
GENERATED = ("README.md", "assets/architectures/CREDITS.md")
READ_CASES = [
    pytest.param(path, argv, folder, figure, variant, id=f"{kind}-{variant}")
    for kind, path, argv, folder, figure in READS
    for variant in ("file", "inside", "outside", "folder", "dangling", "loop")
    if folder is not None or variant != "folder"
]


@pytest.mark.parametrize(("path", "argv", "folder", "figure", "variant"), READ_CASES)
def test_a_read_path_stays_in_the_list(
    root: Path,
    capsys: pytest.CaptureFixture[str],
    path: str,
    argv: list[str],
    folder: str | None,
    figure: bool,
    variant: str,
) -> None:
    _arrange(root, path, folder, variant)
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    assert SECRET.strip() not in out + err
    if variant in ("file", "inside"):
        assert (code, out) == (0, "")
        return
    assert (code, out) == (1, _refusal(path, folder, variant, figure))
    # render --check compares README.md and the credits file, schema --check both schemas:
    # each is counted.
    two = (path in GENERATED and argv[0] == "render") or argv[0] == "schema"
    errors = "2 errors" if variant == "folder" and folder == "schema" else "1 error"
    refused = "awesome-tools: the page was not written: fix the entries first\n"
    assert err == (refused if figure and argv == ["site"] else "") + (
        f"{'2 files' if two else '1 file'} checked: {errors}, 0 warnings\n"
    )
    assert "Traceback" not in err


def _arrange_write(root: Path, path: str, folder: str | None, variant: str) -> None:
    """Make root/path (which may not exist yet) a link inside the list to a file to be, or a link
    out of it: the file itself, a folder on its way, or a link to nothing outside."""
    outside, file = root.parent / "outside", root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    if variant == "inside":
        _link(file, f"kept-{file.name}")
    elif variant == "outside":
        (outside / file.name).write_text("theirs\n", encoding="utf-8")
        _link(file, outside / file.name)
    elif variant == "folder":
        assert folder is not None
        shutil.copytree(root / folder, outside / "folder")
        _link(root / folder, outside / "folder")
    elif variant == "dangling":
        _link(file, outside / "missing" / file.name)


# (path kind, the path, the command that writes it, the folder on its way).
WRITES = [
    ("README", "README.md", ["render"], None),
    ("credits", "assets/architectures/CREDITS.md", ["render"], "assets/architectures"),
    ("page", "site/index.html", ["site"], "site"),
    ("page figure", "site/figures/llava.png", ["site"], "site/figures"),
    ("schema", "schema/entry.schema.json", ["schema"], "schema"),
    ("new entry", "entries/beta.yaml", ["new", "Beta"], "entries"),
    ("imported entry", "entries/tinyllava.yaml", ["import", "unseen.md"], "entries"),
]
WRITE_CASES = [
    pytest.param(path, argv, folder, variant, id=f"{kind}-{variant}")
    for kind, path, argv, folder in WRITES
    for variant in ("inside", "outside", "folder", "dangling")
    if folder is not None or variant != "folder"
]


@pytest.mark.parametrize(("path", "argv", "folder", "variant"), WRITE_CASES)
def test_a_written_path_stays_in_the_list(
    root: Path,
    capsys: pytest.CaptureFixture[str],
    path: str,
    argv: list[str],
    folder: str | None,
    variant: str,
) -> None:
    shutil.copy(FIXTURES / "panel-unseen-README.md", root / "unseen.md")
    # A stale README: render would write it if it wrote anything.
    with open(root / "README.md", "a", encoding="utf-8") as readme:
        readme.write("stale\n")
    _arrange_write(root, path, folder, variant)
    before, outside = _snapshot(root), _snapshot(root.parent / "outside")
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    if variant == "inside":
        assert code == 0, err
        assert (root / path).is_symlink()
        assert (root / path).resolve() == root / Path(path).with_name(f"kept-{Path(path).name}")
        assert (root / path).resolve().is_file()
        return
    link = path if variant != "folder" else folder
    how = "it is a link" if link == path else f"{link} is a link"
    assert (code, out, err) == (
        1,
        "",
        f"awesome-tools: refusing to write {path}: {how} out of the project; nothing written\n",
    )
    assert _snapshot(root) == before
    assert _snapshot(root.parent / "outside") == outside


# (links made under root: name -> target, relative to root unless absolute; the path asked
# about; the link `leads_out` names, or None; the link `dangling_link` names, or None).
LINKS = [
    ({}, "a/b.txt", None, None),
    ({"a": "kept"}, "a/b.txt", None, None),
    ({"a": "/outside"}, "a/b.txt", "a", None),
    ({"a": "kept", "kept/b.txt": "/outside/b.txt"}, "a/b.txt", "a/b.txt", None),
    ({"a": "../list/kept"}, "a/b.txt", None, None),
    ({"a": "missing"}, "a/b.txt", None, "a"),
    ({"a": "kept", "kept/b.txt": "nothing.txt"}, "a/b.txt", None, "a/b.txt"),
    ({"a": "/outside/missing"}, "a/b.txt", "a", "a"),
    ({}, "../outside/b.txt", "../outside/b.txt", None),
]


@pytest.mark.parametrize(("links", "asked", "out", "dangling"), LINKS)
def test_a_path_is_resolved_whole(
    tmp_path: Path, links: dict[str, str], asked: str, out: str | None, dangling: str | None
) -> None:
    from awesome_tools.io.pathcheck import dangling_link, leads_out

    root = tmp_path / "list"
    (root / "kept").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "b.txt").write_text(SECRET, encoding="utf-8")
    for name, target in links.items():
        to = tmp_path / target.lstrip("/") if target.startswith("/") else target
        (root / name).symlink_to(to)
    found = leads_out(root / asked, root)
    assert found == (None if out is None else Path(os.path.abspath(root / out)))
    broken = dangling_link(root / asked, root)
    assert broken == (None if dangling is None else root / dangling)
