"""File names Windows cannot check out: a model whose slug is a device name (CON, NUL, AUX,
PRN, COM1-COM9, LPT1-LPT9, any case) gets `-model` after it, alike in `new`, `import` and
`check`; an entry file named after a device is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.core.entrycheck import check_entries
from awesome_tools.core.normalize import slugify, windows_device
from awesome_tools.layouts.table import TABLE_REQUIRED
from awesome_tools.layouts.table.importer import plan_import
from conftest import entry_text

# (name, slug): a device name gets the suffix; every other slug is as it was.
SLUGS: list[tuple[str, str]] = [
    ("CON", "con-model"),
    ("con", "con-model"),
    ("Nul", "nul-model"),
    ("AUX", "aux-model"),
    ("prn", "prn-model"),
    ("COM1", "com1-model"),
    ("com0", "com0-model"),
    ("LPT9", "lpt9-model"),
    ("LPT\u00b9", "lpt1-model"),  # a superscript one folds to 1
    ("  Con  ", "con-model"),
    ("COM10", "com10"),
    ("Console", "console"),
    ("CON 2", "con-2"),
    ("AUX.1", "aux-1"),
    ("con-model", "con-model"),
    ("LLaVA 1.5", "llava-1-5"),
    ("BLIP-2", "blip-2"),
]


@pytest.mark.parametrize(("name", "slug"), SLUGS)
def test_slug(name: str, slug: str) -> None:
    assert slugify(name) == slug


# (file name, the device Windows takes it for, or None)
FILE_NAMES: list[tuple[str, str | None]] = [
    ("con.yaml", "con"),
    ("CON.yaml", "CON"),
    ("nul", "nul"),
    ("aux.tar.gz", "aux"),
    ("com1 .yaml", "com1"),
    ("lpt\u00b2.yaml", "lpt\u00b2"),
    ("con-model.yaml", None),
    ("com10.yaml", None),
    ("icon.yaml", None),
]


@pytest.mark.parametrize(("file_name", "device"), FILE_NAMES)
def test_windows_device(file_name: str, device: str | None) -> None:
    assert windows_device(file_name) == device


# (file in entries/, the model's name, diagnostics as `line:col: ...`)
CHECK_CASES: list[tuple[str, str, list[str]]] = [
    ("con-model.yaml", "CON", []),
    ("lpt1-model.yaml", "lpt1", []),
    (
        "con.yaml",
        "CON",
        [
            "2:7: error[file-name] file for 'CON' must be named 'con-model.yaml' "
            "(rename 'con.yaml': Windows reserves the name 'con' for a device)"
        ],
    ),
    (
        "com3.yaml",
        "Com3",
        [
            "2:7: error[file-name] file for 'Com3' must be named 'com3-model.yaml' "
            "(rename 'com3.yaml': Windows reserves the name 'com3' for a device)"
        ],
    ),
    (
        "nul.yaml",
        "LLaVA",
        [
            "2:7: error[file-name] file for 'LLaVA' must be named 'llava.yaml' "
            "(rename 'nul.yaml': Windows reserves the name 'nul' for a device)"
        ],
    ),
]


# (the figure path, diagnostics): a local figure is a file of the list too.
FIGURE_CASES: list[tuple[str, list[str]]] = [
    ("assets/con-model.png", []),
    (
        "assets/con.png",
        [
            "6:9: error[bad-url] figure.file: Windows reserves the name 'con' for a device, so it "
            "cannot check out 'assets/con.png': rename the file"
        ],
    ),
    (
        "Aux/diagram.png",
        [
            "6:9: error[bad-url] figure.file: Windows reserves the name 'Aux' for a device, so it "
            "cannot check out 'Aux/diagram.png': rename the file"
        ],
    ),
    (
        "assets/LPT1.arch.png",
        [
            "6:9: error[bad-url] figure.file: Windows reserves the name 'LPT1' for a device, so it "
            "cannot check out 'assets/LPT1.arch.png': rename the file"
        ],
    ),
]


@pytest.mark.parametrize(("figure", "expected"), FIGURE_CASES)
def test_figure_path(tmp_path: Path, figure: str, expected: list[str]) -> None:
    path = "entries/llava.yaml"
    text = entry_text(
        "LLaVA",
        "https://arxiv.org/abs/2304.08485",
        **{"architecture:": f"figure:\n  file: {figure}\n  alt: The model.\narchitecture:"},
    )
    _, diagnostics = check_entries(
        [(path, text.encode())], categories=["Encoders"], required=TABLE_REQUIRED
    )
    found = [d.text() for d in diagnostics if d.rule != "figure-file"]
    assert found == [f"{path}:{line}" for line in expected]


@pytest.mark.parametrize(("file_name", "name", "expected"), CHECK_CASES)
def test_check(file_name: str, name: str, expected: list[str]) -> None:
    path = f"entries/{file_name}"
    text = entry_text(name, "https://arxiv.org/abs/2304.08485")
    _, diagnostics = check_entries(
        [(path, text.encode())], categories=["Encoders"], required=TABLE_REQUIRED
    )
    assert [d.text() for d in diagnostics] == [f"{path}:{line}" for line in expected]


# (the name given to `new`, the file it writes)
NEW_CASES: list[tuple[str, str]] = [
    ("CON", "con-model.yaml"),
    ("nul", "nul-model.yaml"),
    ("Aux", "aux-model.yaml"),
    ("COM1", "com1-model.yaml"),
    ("lpt9", "lpt9-model.yaml"),
]


@pytest.mark.parametrize(("name", "file_name"), NEW_CASES)
def test_new(project: Path, capsys: pytest.CaptureFixture[str], name: str, file_name: str) -> None:
    assert main(["new", name]) == 0
    device = slugify(name).removesuffix("-model")
    assert capsys.readouterr().err == (
        f"awesome-tools: '{name}' is written to {file_name}: Windows reserves the name "
        f"'{device}' for a device\n"
        f"created entries/{file_name}: replace each TODO, then run `awesome-tools render` "
        f"(`awesome-tools check entries/{file_name}` lists what is left)\n"
    )
    assert {p.name for p in (project / "entries").iterdir()} == {file_name, "llava.yaml"}
    assert main(["new", name]) == 1  # the second time, its file is there
    assert (
        capsys.readouterr().err == f"awesome-tools: entries/{file_name} exists; nothing written\n"
    )


BLOCK = (
    "<details><summary>{}</summary><table><tr><th>Title</th></tr>"
    '<tr><td><a href="https://e.org/{}">T</a></td></tr></table></details>\n'
)


def test_import_writes_the_suffixed_file_and_says_why() -> None:
    text = BLOCK.format("LLaVA", "a") + BLOCK.format("PRN", "b") + BLOCK.format("COM7", "c")
    plan = plan_import(text.encode(), "d.md", categories_text=None, categories_path="c.yaml")
    assert [d.text() for d in plan.diagnostics] == [
        "d.md:2:1: warning[import] 'PRN' is written to prn-model.yaml: Windows reserves the name "
        "'prn' for a device",
        "d.md:3:1: warning[import] 'COM7' is written to com7-model.yaml: Windows reserves the "
        "name 'com7' for a device",
    ]
    assert sorted(plan.files) == ["com7-model.yaml", "llava.yaml", "prn-model.yaml"]


UPSTREAM = Path(__file__).resolve().parent / "fixtures" / "upstream-74897b3-README.md"


def test_panel_import_writes_the_suffixed_file_and_says_why() -> None:
    from awesome_tools.layouts.panel.read import read_panel_readme

    text = UPSTREAM.read_text("utf-8").replace("MODUS", "NUL").replace("(#modus-", "(#nul-")
    plan = read_panel_readme(text.encode(), "u.md")
    assert [d.text() for d in plan.diagnostics if "Windows" in d.message] == [
        "u.md:241:1: warning[import] 'NUL' is written to nul-model.yaml: Windows reserves the "
        "name 'nul' for a device"
    ]
    assert [name for name in plan.files if name.startswith("nul")] == ["nul-model.yaml"]
