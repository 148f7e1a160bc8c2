"""Read the block structure of a README into a `Document` (`blocks.py`).

markdown-it-py finds where HTML blocks and Markdown blocks are; the standard library's HTML
parser reads the HTML. The parser is fed the whole document with every line outside an HTML
block blanked (unless a `<details>` is open), so its line numbers are the document's own.
`parse_blocks` is the one block parse the panel rules share.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

from awesome_tools.core.blocks import (
    TABLE_TAGS,
    Block,
    Break,
    Cell,
    Document,
    Figure,
    Link,
    Table,
    Unreadable,
)
from awesome_tools.core.normalize import canonical_text


class _Reader(HTMLParser):
    """Collect blocks, tables and cells; positions come from the parser itself."""

    def __init__(self, document: Document) -> None:
        super().__init__(convert_charrefs=True)
        self.document = document
        self.stack: list[Block] = []
        self.section: str | None = None
        self.in_summary = False
        self.table: Table | None = None
        self.row: list[Cell] | None = None
        self.row_is_header = False
        self.cell: Cell | None = None
        self.link: Link | None = None

    def at_rest(self) -> bool:
        """Whether nothing is open: no `<details>`, table, row, cell, link or summary, and no
        comment, raw text (`<script>`, `<style>`) or markup waiting for its end."""
        return not (
            self.stack
            or self.rawdata
            or self.cdata_elem
            or self.in_summary
            or self.table is not None
            or self.row is not None
            or self.cell is not None
            or self.link is not None
        )

    def position(self) -> tuple[int, int]:
        line, offset = self.getpos()
        return line, offset + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        top = self.stack[-1] if self.stack else None
        if tag == "details":
            values = dict(attrs)
            block = Block(*self.position(), open="open" in values, parent=top)
            block.anchor = values.get("id")
            block.section = self.section
            self.in_summary = False  # an unclosed <summary> does not name the blocks inside
            if top is not None:
                top.children.append(block)
            self.stack.append(block)
            self.document.blocks.append(block)
        elif tag == "table" and self.table is None:
            self.table = Table(*self.position())
            (top.tables if top is not None else self.document.tables).append(self.table)
        elif tag == "tr" and self.table is not None:
            self.row, self.row_is_header = [], False
        elif tag in ("td", "th") and self.row is not None:
            self.cell = Cell(*self.position())
            self.row.append(self.cell)
            self.row_is_header = self.row_is_header or tag == "th"
        elif tag == "a" and self.cell is not None:
            self.link = Link(dict(attrs).get("href"), *self.position())
            self.cell.links.append(self.link)
        elif tag == "br":
            self.handle_data(" ")
        elif top is None:
            return
        elif tag == "summary":
            top.summaries.append(self.position())
            self.in_summary = len(top.summaries) == 1
        elif tag == "img" and self.table is None:
            values = dict(attrs)
            src, alt = values.get("src") or "", values.get("alt") or ""
            top.figures.append(Figure(src, alt, *self.position()))

    def handle_endtag(self, tag: str) -> None:
        if tag == "details":
            if not self.stack:
                self.document.stray_closes.append(self.position())
                return
            block = self.stack.pop()
            block.end_line = self.position()[0]
            self.in_summary, self.table, self.row, self.cell, self.link = (
                False,
                None,
                None,
                None,
                None,
            )
        elif tag == "summary":
            self.in_summary = False
        elif tag == "a":
            self.link = None
        elif tag in ("td", "th"):
            self.cell, self.link = None, None
        elif tag == "tr" and self.table is not None and self.row is not None:
            target = self.table.headers if self.row_is_header else None
            if target is not None and not self.table.headers:
                self.table.headers.extend(self.row)
            else:
                self.table.rows.append(self.row)
            self.row = None
        elif tag == "table":
            self.table, self.row, self.cell = None, None, None

    def handle_data(self, data: str) -> None:
        if self.in_summary and self.stack:
            self.stack[-1].summary_parts.append(data)
        if self.cell is not None:
            self.cell.parts.append(data)
            if self.link is not None:
                self.link.parts.append(data)
            else:
                self.cell.outside_parts.append(data)


@cache
def _markdown() -> MarkdownIt:
    # Block structure only: the inline parse of every paragraph (links, emphasis, images) was
    # most of the parse of a panel README, and only h2 headings and paragraphs inside a
    # `<details>` need it (`_inline`).
    return MarkdownIt("commonmark").disable("inline")


@dataclass(frozen=True)
class Parsed:
    """A README's block structure as markdown-it reads it (CommonMark, no inline parse): its
    text (line ends made LF), its tokens and the link reference definitions the parse found.

    One parse serves every reader of the same text (read_document, the panel headings, the
    panel lint): at 10,000 panels a parse is a second and a half.
    """

    text: str
    tokens: list[Token]
    env: dict[str, object]


def parse_blocks(text: str) -> Parsed:
    """Parse README text (any line ends) into its blocks; `_inline` fills an inline token."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
    env: dict[str, object] = {}
    return Parsed(text, _markdown().parse(text, env), env)


def _inline(md: MarkdownIt, token: Token, env: dict[str, object]) -> Token:
    """The inline token with its children, parsed as the full parse would (the same env)."""
    if not token.children:  # the block parse leaves an empty list
        children: list[Token] = []
        md.inline.parse(token.content, md, env, children)
        token.children = children
    return token


def _inline_text(token: Token) -> str:
    kinds = ("text", "text_special", "code_inline")
    return "".join(c.content for c in token.children or [] if c.type in kinds)


def _markdown_figures(inline: Token, lines: list[str], start: int) -> list[Figure]:
    figures = []
    for child in inline.children or []:
        if child.type == "image":
            src = str(child.attrs.get("src", ""))
            row = next((i for i in range(start, len(lines)) if "![" in lines[i]), start)
            column = lines[row].find("![") + 1 if row < len(lines) else 1
            figures.append(Figure(src, child.content, row + 1, max(column, 1)))
    return figures


def read_document(text: str | Parsed) -> Document:
    """Parse README text (or read its parse) into its `<details>` blocks, with 1-based
    positions."""
    parsed = text if isinstance(text, Parsed) else parse_blocks(text)
    lines = parsed.text.split("\n")
    document = Document()
    reader = _Reader(document)
    try:
        _read(parsed, lines, document, reader)
    # html.parser asserts on markup it has no rule for (`<![foo [x]]>`); any failure of it
    # is a problem of the README, reported where the parser stood, never a traceback.
    except Exception:
        document.unreadable = _unreadable(lines, *reader.position())
    document.unclosed = list(reader.stack)
    return document


def _unreadable(lines: list[str], line: int, column: int) -> Unreadable:
    """Locate the markup the parser failed on and quote it, up to its `>` or 30 characters."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    # A marked section with no name (`<![[`) is reported after its `<![`; point at the `<`.
    if column > 3 and text[column - 4 : column - 1] == "<![":
        column -= 3
    rest = text[column - 1 :]
    end = rest.find(">")
    markup = rest[: end + 1] if 0 <= end < 30 else rest[:30]
    return Unreadable(line, column, markup)


def _read(parsed: Parsed, lines: list[str], document: Document, reader: _Reader) -> None:
    """Feed the HTML blocks, and the Markdown blocks inside an open `<details>`, to the reader."""
    md = _markdown()
    env = parsed.env  # the block parse's link reference definitions, for _inline
    tokens = parsed.tokens
    fed = 0  # lines handed to the HTML parser so far
    last: Token | None = None  # the last top-level block
    for index, token in enumerate(tokens):
        if token.level != 0 or token.nesting < 0 or token.map is None:
            continue
        start, end = token.map
        last = token
        if reader.at_rest():
            document.rests.add(start)
        if token.type == "heading_open" and token.tag == "h2":
            reader.section = canonical_text(_inline_text(_inline(md, tokens[index + 1], env)))
        inside = bool(reader.stack)
        if token.type != "html_block" and not inside:
            continue
        if start > fed:
            reader.feed("\n" * (start - fed))
        if inside and token.type != "html_block":
            inline = tokens[index + 1] if token.type == "paragraph_open" else None
            if token.type in ("code_block", "fence"):
                document.breaks.append(Break(start + 1, "code block", token.type == "fence"))
            elif inline is not None and TABLE_TAGS.search(inline.content):
                document.breaks.append(Break(start + 1, "paragraph"))
            # An image needs `![`: other paragraphs need no inline parse.
            figured = inline is not None and "![" in inline.content
            if inline is not None and figured and reader.table is None and reader.stack:
                figures = _markdown_figures(_inline(md, inline, env), lines, start)
                reader.stack[-1].figures.extend(figures)
        reader.feed("".join(line + "\n" for line in lines[start:end]))
        fed = end
    document.settled = _settled(lines, last) and reader.at_rest()
    reader.close()


def _settled(lines: list[str], last: Token | None) -> bool:
    """Whether the Markdown ends so that nothing runs on: a blank last line, in no block, after
    a block that is not indented code."""
    count = len(lines) - 1 if lines[-1] == "" else len(lines)  # a final newline starts no line
    if count and lines[count - 1].strip():
        return False
    if last is None or last.map is None:
        return True
    return last.map[1] < count and last.type != "code_block"
