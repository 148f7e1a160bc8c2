"""HTML character references in plain text: decoded on import, written back on render, found.

An entry's plain text holds characters, not their HTML spelling: import decodes `&#x27;`,
`&amp;` and the like (`html.unescape`), and render writes each character as the README's
context needs it, escaping what would be markup (`<`, a `&` that starts a reference, `"` in an
attribute). Where an imported README spelt a character as a reference the escape does not make,
the panel layout keeps that spelling per field (`panel_quirks.references`), so that it writes
the README back byte for byte.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Literal

from awesome_tools.core.loaded import Loaded
from awesome_tools.core.rules.entries import HTML_ENTITY
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.io.textfile import decode as decode_file

# Where a text goes in the README: Markdown prose, HTML text, an HTML attribute's value. Import
# decodes the references CommonMark knows (closed by `;`); in HTML, where a parser decodes some
# without `;` too, render escapes every `&` that could start one.
Context = Literal["markdown", "html", "attribute"]

# CommonMark's reference syntax; `html.unescape` says whether it names a character.
REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# The longest reference an HTML parser decodes, `;` included, with room to spare.
_LONGEST = 40


def character(reference: str) -> str | None:
    """The one visible character a reference names, or None (unknown, invisible, several).

    Only such references are decoded: an invisible character (`&nbsp;`) is clearer written as
    its reference, and one that names no character (`&#0;`) is left as the text it is.
    """
    text = html.unescape(reference)
    if text == reference or len(text) != 1 or text == "\ufffd":
        return None
    return text if text.isprintable() and not text.isspace() else None


def found(text: str) -> Iterator[tuple[int, str, str]]:
    """Each reference to a visible character: (index, reference, character)."""
    for match in REFERENCE.finditer(text):
        char = character(match[0])
        if char is not None:
            yield match.start(), match[0], char


def _escaped(text: str, index: int, context: Context) -> bool:
    """Say whether the `&` at `index` is written `&amp;`: where it would start a reference."""
    match = REFERENCE.match(text, index)
    if match is not None:
        return character(match[0]) is not None  # one import decodes; others are kept as written
    if context == "markdown":
        return False
    end = text.find("&", index + 1)
    window = text[index : end if end != -1 else index + _LONGEST]
    return html.unescape(window) != window


def decode(text: str) -> str:
    """The text with each reference to a visible character made that character."""
    if "&" not in text:
        return text
    return REFERENCE.sub(lambda m: character(m[0]) or m[0], text)


def _default(char: str, context: Context) -> str | None:
    """The reference the escape writes for a character, if any (the `&` aside)."""
    if char == "<":
        return "&lt;"
    if char == '"' and context == "attribute":
        return "&quot;"
    return None


def encode(text: str, context: Context = "markdown", spelt: str | None = None) -> str:
    """Write plain text for its place in the README: markup escaped, the spellings kept.

    `spelt` is the field's `panel_quirks.references`: references, a space between two, each
    written for its character wherever it stands.
    """
    kept = {character(ref): ref for ref in (spelt or "").split()}
    if not kept and "&" not in text:
        # Only `<` (and `"` in an attribute) to escape: each is always written the same way.
        text = text.replace("<", "&lt;")
        return text.replace('"', "&quot;") if context == "attribute" else text

    def one(match: re.Match[str]) -> str:
        char = match[0]
        if char in kept:
            return kept[char]
        if char == "&":
            return "&amp;" if _escaped(text, match.start(), context) else "&"
        return _default(char, context) or char

    return _specials("".join(sorted(k for k in kept if k))).sub(one, text)


@cache
def _specials(kept: str) -> re.Pattern[str]:
    """The characters `encode` may write otherwise: `&`, `<`, `"` and the kept ones."""
    return re.compile("[" + re.escape("".join(sorted(set(kept) | set('&<"')))) + "]")


def spellings(written: str, context: Context = "markdown") -> str | None:
    """The references a README wrote in a field that the escape would not write, in order."""
    refs: dict[str, str] = {}
    for index, ref, char in found(written):
        # `&amp;` too: render escapes an `&` only where it would start a reference; where it
        # would (`&amp;lt;`, an entry's text holding `&lt;`), the escape wrote it.
        after = "&" + decode(written[index + len(ref) : index + len(ref) + _LONGEST])
        if ref == "&amp;" and _escaped(after, 0, context):
            continue
        if ref != _default(char, context):
            refs.setdefault(char, ref)
    return " ".join(refs.values()) or None


def fields(
    data: Mapping[str, object], plain_text: Sequence[str]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Each plain-text value of loaded entry data, with its key path: the fields `plain_text`
    names (dotted, `[]` every item of a list; the entry model's `plain_text`)."""
    for dotted in plain_text:
        head, _, rest = dotted.partition(".")
        if head.endswith("[]"):
            items = data.get(head[:-2])
            for index, item in enumerate(items if isinstance(items, list) else []):
                value = item.get(rest) if isinstance(item, dict) else None
                if isinstance(value, str):
                    yield (head[:-2], index, rest), value
            continue
        value = data.get(head)
        if rest:
            value = value.get(rest) if isinstance(value, dict) else None
        if isinstance(value, str):
            yield ((head, rest) if rest else (head,)), value


_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def references_left(loaded: Loaded, raw: bytes, plain_text: Sequence[str]) -> list[Diagnostic]:
    """Warn on an HTML character reference in a plain-text field: its character is the text."""
    if b"&" not in raw and b"\\" not in raw:
        # No `&` in the file, nor an escape that could write one (`"\x26"`): in UTF-8, -16 and
        # -32 alike, a file whose values hold an `&` holds its byte.
        return []
    data = loaded.data if isinstance(loaded.data, dict) else {}
    texts = [(path, value) for path, value in fields(data, plain_text) if "&" in value]
    if not texts:
        return []
    text = decode_file(raw, loaded.path)[0] or ""
    # Where each line starts, lines counted as YAML counts them (a lone CR, NEL, U+2028/9 too).
    starts = [0, *(m.end() for m in _YAML_BREAK.finditer(text))]
    problems: list[Diagnostic] = []
    for path, value in texts:
        node = loaded.node_at(path)
        if node is None:
            continue
        # Each reference found in the value's source, in order, from where the value starts.
        offset = starts[node.start_mark.line] + node.start_mark.column
        end = (
            starts[node.end_mark.line] + node.end_mark.column
            if node.end_mark.line < len(starts)
            else len(text)
        )
        field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)[1:]
        for _, reference, char in found(value):
            at = text.find(reference, offset, end)
            at = at if at != -1 else offset  # spelt otherwise in the YAML (an escape): its start
            line = bisect.bisect_right(starts, at)
            message = (
                f'{field}: "{reference}" is an HTML character reference; '
                f"type the character itself: {char}"
            )
            problems.append(
                HTML_ENTITY.at(loaded.path, line, at - starts[line - 1] + 1, message, "warning")
            )
            offset = at + len(reference)
    return problems
