"""Every file a command reads is decoded by one function: a file that is not UTF-8 is an
`encoding` error at its first undecodable byte (or its byte-order mark), exit 1, nothing
written, never a traceback."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from awesome_tools.cli import main
from awesome_tools.io.textfile import decode
from conftest import GOOD

UTF8 = "save it as UTF-8"
NUL = (
    "file holds a NUL byte: it is UTF-16 or UTF-32 without a byte-order mark, or not text; "
    "save it as UTF-8"
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"title: caf\xe9\n", "f:1:11: error[encoding] file is not valid UTF-8 (byte 0xe9)"),
        (b"a\nb\n\xffc", "f:3:1: error[encoding] file is not valid UTF-8 (byte 0xff)"),
        # Columns count characters: the two-byte é before the bad byte is one column.
        (b"\xc3\xa9\xc3(", "f:1:2: error[encoding] file is not valid UTF-8 (byte 0xc3)"),
        # A UTF-8 BOM is allowed, and not counted as a column.
        (codecs.BOM_UTF8 + b"ab\x80", "f:1:3: error[encoding] file is not valid UTF-8 (byte 0x80)"),
        (
            "# T\n".encode("utf-16-le").join([codecs.BOM_UTF16_LE, b""]),
            "f:1:1: error[encoding] file is UTF-16 (a little-endian byte-order mark), not UTF-8",
        ),
        (
            codecs.BOM_UTF16_BE + "# T\n".encode("utf-16-be"),
            "f:1:1: error[encoding] file is UTF-16 (a big-endian byte-order mark), not UTF-8",
        ),
        (
            codecs.BOM_UTF32_LE + "# T\n".encode("utf-32-le"),
            "f:1:1: error[encoding] file is UTF-32 (a little-endian byte-order mark), not UTF-8",
        ),
        (
            codecs.BOM_UTF32_BE + "# T\n".encode("utf-32-be"),
            "f:1:1: error[encoding] file is UTF-32 (a big-endian byte-order mark), not UTF-8",
        ),
        # Without a byte-order mark, ASCII text in UTF-16 or UTF-32 is valid UTF-8 with NULs.
        ("# T\n".encode("utf-16-le"), f"f:1:2: error[encoding] {NUL}"),
        ("# T\n".encode("utf-16-be"), f"f:1:1: error[encoding] {NUL}"),
        ("# T\n".encode("utf-32-le"), f"f:1:2: error[encoding] {NUL}"),
        (b"title: a\nname: b\x00c\n", f"f:2:8: error[encoding] {NUL}"),
    ],
)
def test_decode_names_the_first_byte_or_the_mark(raw: bytes, expected: str) -> None:
    text, problem = decode(raw, "f")
    assert text is None
    assert problem is not None
    assert problem.text() == (expected if expected.endswith(NUL) else f"{expected}; {UTF8}")


@pytest.mark.parametrize(
    ("raw", "text"),
    [(b"caf\xc3\xa9\n", "café\n"), (codecs.BOM_UTF8 + b"# T\n", "# T\n"), (b"", "")],
)
def test_utf8_decodes_without_a_diagnostic(raw: bytes, text: str) -> None:
    assert decode(raw, "f") == (text, None)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _utf16(text: str) -> bytes:
    return text.encode("utf-16")  # with the machine's byte order mark: little-endian here


def _utf32_be(text: str) -> bytes:
    return codecs.BOM_UTF32_BE + text.encode("utf-32-be")


LE16 = f"file is UTF-16 (a little-endian byte-order mark), not UTF-8; {UTF8}"
BE32 = f"file is UTF-32 (a big-endian byte-order mark), not UTF-8; {UTF8}"
README_LE16 = {"README.md": _utf16("# Awesome List\n")}
README_NO_MARK = {"README.md": "# Awesome List\n".encode("utf-16-le")}
README_3_7 = {"README.md": b"# List\n\nSome t\xffext\n"}
BAD_FRAME = {"templates/README.md.j2": b"# {{ title }}\n\n\xe9\n"}
ONE = "1 file checked: 1 error, 0 warnings\n"

# (files written over a rendered list, command, the diagnostic, the summary)
TABLE_CASES = [
    (README_LE16, ["render", "--check"], f"README.md:1:1: error[encoding] {LE16}", ONE),
    (README_LE16, ["render", "--diff"], f"README.md:1:1: error[encoding] {LE16}", ONE),
    (
        README_LE16,
        ["render", "--exit-non-zero-on-change"],
        f"README.md:1:1: error[encoding] {LE16}",
        ONE,
    ),
    (README_LE16, ["lint"], f"README.md:1:1: error[encoding] {LE16}", ONE),
    (README_NO_MARK, ["render", "--check"], f"README.md:1:2: error[encoding] {NUL}", ONE),
    (README_NO_MARK, ["render", "--diff"], f"README.md:1:2: error[encoding] {NUL}", ONE),
    (README_NO_MARK, ["lint"], f"README.md:1:2: error[encoding] {NUL}", ONE),
    (
        {"README.md": _utf32_be("# Awesome List\n")},
        ["lint"],
        f"README.md:1:1: error[encoding] {BE32}",
        ONE,
    ),
    (
        README_3_7,
        ["render", "--check"],
        f"README.md:3:7: error[encoding] file is not valid UTF-8 (byte 0xff); {UTF8}",
        ONE,
    ),
    (
        README_3_7,
        ["render", "--diff"],
        f"README.md:3:7: error[encoding] file is not valid UTF-8 (byte 0xff); {UTF8}",
        ONE,
    ),
    (
        README_3_7,
        ["lint"],
        f"README.md:3:7: error[encoding] file is not valid UTF-8 (byte 0xff); {UTF8}",
        ONE,
    ),
    (
        BAD_FRAME,
        ["render"],
        f"templates/README.md.j2:3:1: error[encoding] file is not valid UTF-8 (byte 0xe9); {UTF8}",
        ONE,
    ),
    (
        BAD_FRAME,
        ["render", "--check"],
        f"templates/README.md.j2:3:1: error[encoding] file is not valid UTF-8 (byte 0xe9); {UTF8}",
        ONE,
    ),
    (
        BAD_FRAME,
        ["lint"],
        f"templates/README.md.j2:3:1: error[encoding] file is not valid UTF-8 (byte 0xe9); {UTF8}",
        ONE,
    ),
    (
        {"templates/model.html.j2": b"<details>\n\x80\n"},
        ["render"],
        f"templates/model.html.j2:2:1: error[encoding] file is not valid UTF-8 (byte 0x80); {UTF8}",
        ONE,
    ),
    (
        {"templates/site/site.js": b"let a = 1;\n// caf\xe9\n"},
        ["site"],
        f"templates/site/site.js:2:7: error[encoding] file is not valid UTF-8 (byte 0xe9); {UTF8}",
        ONE,
    ),
    (
        {"templates/site/index.html.j2": b"<p>\n\xc3(</p>\n"},
        ["site"],
        "templates/site/index.html.j2:2:1: error[encoding] file is not valid UTF-8 "
        f"(byte 0xc3); {UTF8}",
        ONE,
    ),
    (
        {"templates/site/site.css": _utf16("a {}\n")},
        ["site"],
        f"templates/site/site.css:1:1: error[encoding] {LE16}",
        ONE,
    ),
    (
        {"awesome.yaml": b"title: caf\xe9\n"},
        ["render"],
        f"awesome.yaml:1:11: error[encoding] file is not valid UTF-8 (byte 0xe9); {UTF8}",
        "awesome-tools: README.md not written: fix the entries first\n" + ONE,
    ),
    (
        {"categories.yaml": b"- Enc\xf6ders\n"},
        ["check"],
        f"categories.yaml:1:6: error[encoding] file is not valid UTF-8 (byte 0xf6); {UTF8}",
        ONE,
    ),
    (
        {"entries/llava.yaml": _utf16(GOOD)},
        ["check"],
        f"entries/llava.yaml:1:1: error[encoding] {LE16}",
        ONE,
    ),
    (
        {"entries/llava.yaml": GOOD.encode("utf-32-be")},
        ["check"],
        f"entries/llava.yaml:1:1: error[encoding] {NUL}",
        ONE,
    ),
    (
        {"other.md": _utf16("# Awesome List\n")},
        ["import", "other.md"],
        f"other.md:1:1: error[encoding] {LE16}",
        "awesome-tools: nothing written\n" + ONE,
    ),
    (
        {"schema/entry.schema.json": b'{"caf\xe9": 1}\n'},
        ["schema", "--check"],
        f"schema/entry.schema.json:1:6: error[encoding] file is not valid UTF-8 (byte 0xe9); {UTF8}",
        # Both schemas are compared: each is counted.
        "2 files checked: 1 error, 0 warnings\n",
    ),
]


def _run(
    root: Path, files: dict[str, bytes], argv: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[dict[str, bytes], str, str]:
    for name, raw in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(raw)
    before = _tree(root)
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 1
    assert _tree(root) == before  # nothing written
    return before, out, err


@pytest.mark.parametrize(("files", "argv", "diagnostic", "summary"), TABLE_CASES)
def test_a_file_that_is_not_utf8_is_an_error_and_nothing_is_written(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, bytes],
    argv: list[str],
    diagnostic: str,
    summary: str,
) -> None:
    assert main(["render"]) == 0
    _, out, err = _run(project, files, argv, capsys)
    assert (out, err) == (diagnostic + "\n", summary)


CREDITS_LE16 = {"assets/architectures/CREDITS.md": _utf16("# Credits\n")}
PANEL_CASES = [
    (
        CREDITS_LE16,
        ["render", "--check"],
        f"assets/architectures/CREDITS.md:1:1: error[encoding] {LE16}",
        "2 files checked: 1 error, 0 warnings\n",
    ),
    (
        CREDITS_LE16,
        ["lint"],
        f"assets/architectures/CREDITS.md:1:1: error[encoding] {LE16}",
        "2 files checked: 1 error, 0 warnings\n",
    ),
    (
        {"templates/panel/panel.md.j2": b"<details>\n\n\n  \xa0\n"},
        ["render"],
        f"templates/panel/panel.md.j2:4:3: error[encoding] file is not valid UTF-8 (byte 0xa0); {UTF8}",
        ONE,
    ),
    (
        {"templates/README.md.j2": b"# {{ title }}\n\n{{ panels }}\xff\n"},
        ["render", "--check"],
        f"templates/README.md.j2:3:13: error[encoding] file is not valid UTF-8 (byte 0xff); {UTF8}",
        ONE,
    ),
]


@pytest.mark.parametrize(("files", "argv", "diagnostic", "summary"), PANEL_CASES)
def test_the_panel_layouts_files_too(
    panel_list: Path,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, bytes],
    argv: list[str],
    diagnostic: str,
    summary: str,
) -> None:
    _, out, err = _run(panel_list, files, argv, capsys)
    assert (out, err) == (diagnostic + "\n", summary)


def test_init_does_not_merge_into_a_gitignore_it_cannot_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _, out, err = _run(tmp_path, {".gitignore": b"*.pyc\n# caf\xe9\n"}, ["init"], capsys)
    expected = f".gitignore:2:6: error[encoding] file is not valid UTF-8 (byte 0xe9); {UTF8}\n"
    assert (out, err) == (expected, ONE)
