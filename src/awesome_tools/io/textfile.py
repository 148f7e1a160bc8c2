"""The one way a file the tool reads becomes text: UTF-8 (a BOM allowed), or an `encoding`
diagnostic with the file's path and the place of the first byte that is not UTF-8."""

from __future__ import annotations

import codecs
from pathlib import Path

from awesome_tools.diagnostics import Diagnostic
from awesome_tools.io.rules import ENCODING

# Longest first: a UTF-32 little-endian mark starts with the UTF-16 one.
_MARKS = (
    (codecs.BOM_UTF32_LE, "UTF-32", "little-endian"),
    (codecs.BOM_UTF32_BE, "UTF-32", "big-endian"),
    (codecs.BOM_UTF16_LE, "UTF-16", "little-endian"),
    (codecs.BOM_UTF16_BE, "UTF-16", "big-endian"),
)


class EncodingProblem(Exception):
    """A file that is not UTF-8, as its diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.text())
        self.diagnostic = diagnostic


def decode(raw: bytes, path: str) -> tuple[str | None, Diagnostic | None]:
    """Decode UTF-8 (a BOM allowed); a file that is not becomes a positioned diagnostic."""
    # The mark is taken off here, not by the "utf-8-sig" codec: that one counts an error's
    # place from after the mark.
    body = raw.removeprefix(codecs.BOM_UTF8)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, _problem(body, exc.start, path)
    # UTF-16 or UTF-32 without a byte-order mark decodes as UTF-8 when it is ASCII: a NUL
    # byte beside every character. No text file the tool reads holds one.
    nul = text.find("\x00")
    if nul < 0:
        return text, None
    line, column = place(text, nul)
    message = (
        "file holds a NUL byte: it is UTF-16 or UTF-32 without a byte-order mark, or not text; "
        "save it as UTF-8"
    )
    return None, ENCODING.at(path, line, column, message)


def decoded(raw: bytes, path: str) -> str:
    """The text of a file's bytes; raises EncodingProblem when they are not UTF-8."""
    text, problem = decode(raw, path)
    if problem is not None:
        raise EncodingProblem(problem)
    assert text is not None
    return text


def read_text(path: Path, display: str) -> str:
    """Read a file as text; raises EncodingProblem (shown as `display`) when it is not UTF-8."""
    return decoded(path.read_bytes(), display)


def _problem(raw: bytes, start: int, path: str) -> Diagnostic:
    for mark, name, order in _MARKS:
        if raw.startswith(mark):
            message = f"file is {name} (a {order} byte-order mark), not UTF-8; save it as UTF-8"
            return ENCODING.at(path, 1, 1, message)
    before = raw[:start].decode("utf-8")
    line, column = place(before, len(before))
    message = f"file is not valid UTF-8 (byte 0x{raw[start]:02x}); save it as UTF-8"
    return ENCODING.at(path, line, column, message)


def place(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of text[index]: where a diagnostic points
    for a position in a file's text (YAML's marks, a JSON error, a byte that is not UTF-8)."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1
