"""The table README placed without its parts passing through jinja2, as the panel layout places
its panels: the frame rendered with a mark where each part goes, the parts put in after.

Only a frame that prints its parts bare is placed this way (`prints_parts_bare`:
`{{ parts.overview }}` and, in a loop over `parts.sections`, `{{ section.blocks }}`, used in no
other way), and only where each mark stands alone on its line with more of the frame after the
last one (`placed`). The text is then the frame rendered around the parts, byte for byte, line
ends stripped where the whole would have been: the blocks were each stripped where they were
made (`marked_block`), and only the frame and the overview table are looked at here. Any other
frame is rendered around its parts (`frame.table_parts`).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING

from awesome_tools.core.templates import TemplateProblem
from awesome_tools.layouts.partrender import strip_lines

if TYPE_CHECKING:
    from jinja2 import nodes

    from awesome_tools.core.templates import Templates

# A block as the process that made it gives it: its text, the text stripped of whitespace at
# line ends where that differs (else None), and whether a space or tab ends one of its lines
# (the frame's text is stripped whole only then: `render_readme`'s rule).
Block = tuple[str, str | None, bool]

# What a loop over `parts.sections` may read of a section besides printing its blocks.
SECTION_FIELDS = frozenset(["name", "anchor", "entries"])


def marked_block(text: str) -> Block:
    """A block with what placing it needs, worked out where it was made."""
    if text.count("\n") == text.count(">\n") and not text[-1:].isspace():
        # Each line but the last ends in a tag's `>` (as the packaged block's do), the last in
        # no space: nothing to strip, found in two passes of C.
        return text, None, False
    stripped = strip_lines(text)
    spaced = " \n" in text or "\t\n" in text or text.endswith((" ", "\t"))
    return text, None if stripped == text else stripped, spaced


def prints_parts_bare(templates: Templates, name: str) -> bool:
    """Whether the frame template prints its parts only whole: `parts` read only as
    `{{ parts.overview }}` and as the loop `{% for section in parts.sections %}`, whose
    `section` is read only as `{{ section.blocks }}` and for its name, anchor and entries; no
    template included, imported or extended, no macro, block, filter block or `{% set %}`
    block (each could hand a part's text to something else)."""
    import jinja2

    loader = templates.env.loader
    try:
        source = loader.get_source(templates.env, name)[0] if loader else ""
        tree = templates.env.parse(source)
        return _bare(tree, frozenset())
    except (jinja2.TemplateError, TemplateProblem, RecursionError):
        return False  # rendering reports it


def _bare(node: nodes.Node, loops: frozenset[str]) -> bool:
    """Whether `node` reads the parts only as `prints_parts_bare` allows; `loops` are the
    names that stand for a section of `parts.sections` where node is."""
    from jinja2 import nodes

    closed = (nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport, nodes.Macro)
    if isinstance(node, (*closed, nodes.CallBlock, nodes.FilterBlock, nodes.AssignBlock)):
        return False
    if isinstance(node, nodes.Block):
        return False
    if isinstance(node, nodes.Output):
        return all(_printed(child, loops) or _bare(child, loops) for child in node.nodes)
    if isinstance(node, nodes.For):
        return _bare_loop(node, loops)
    if isinstance(node, nodes.Getattr):
        if node.attr in ("blocks", "overview"):
            return False  # not printed bare (those are `_printed`)
        if isinstance(node.node, nodes.Name) and node.node.name in loops:
            return node.attr in SECTION_FIELDS
        return _bare(node.node, loops)
    if isinstance(node, nodes.Name):
        return node.name != "parts" and node.name not in loops
    return all(_bare(child, loops) for child in node.iter_child_nodes())


def _printed(node: nodes.Node, loops: frozenset[str]) -> bool:
    """Whether an output node is a part printed bare: `parts.overview`, a section's
    `blocks`."""
    from jinja2 import nodes

    if not isinstance(node, nodes.Getattr) or not isinstance(node.node, nodes.Name):
        return False
    named = node.node.name
    return (named == "parts" and node.attr == "overview") or (
        named in loops and node.attr == "blocks"
    )


def _bare_loop(node: nodes.For, loops: frozenset[str]) -> bool:
    """A loop: over `parts.sections` (its name then stands for a section in its body), or
    over anything else, which may not rebind a name that stands for the parts."""
    from jinja2 import nodes

    over = node.iter
    sections = (
        isinstance(over, nodes.Getattr)
        and over.attr == "sections"
        and isinstance(over.node, nodes.Name)
        and over.node.name == "parts"
    )
    target = node.target
    if not sections:
        parts = [node.target, node.iter, *node.body, *node.else_]
        return all(_bare(child, loops) for child in [*parts, *([node.test] if node.test else [])])
    if node.recursive or not isinstance(target, nodes.Name) or target.name == "parts":
        return False
    inner = loops | {target.name}
    tested = node.test is None or _bare(node.test, inner)
    return (
        tested
        and all(_bare(child, inner) for child in node.body)
        and all(_bare(child, loops - {target.name}) for child in node.else_)
    )


def new_marks(sections: int) -> tuple[str, list[str]]:
    """A mark for the overview and one per section, which no text of the list can forge (a
    random token between NULs)."""
    token = secrets.token_hex(8)
    return f"\x00{token}:o\x00", [f"\x00{token}:{k}\x00" for k in range(sections)]


def placed(
    frame: str, marks: tuple[str, list[str]], overview: str, sections: Sequence[Sequence[Block]]
) -> str | None:
    """The README: the frame's text (rendered with `marks` in place of the overview table and
    each section's blocks) with them put in; None where a mark does not stand alone on its
    line, or nothing of the frame follows the last one (the frame is then rendered around the
    parts)."""
    overview_mark, section_marks = marks
    ids = {overview_mark.strip("\x00"): -1} | {
        mark.strip("\x00"): k for k, mark in enumerate(section_marks)
    }
    pieces = frame.split("\x00")
    for n in range(1, len(pieces), 2):
        if pieces[n] not in ids or not pieces[n - 1].endswith("\n"):
            return None
        if not pieces[n + 1].startswith("\n"):
            return None
    if len(pieces) % 2 == 0 or not pieces[-1].strip("\n"):
        return None
    # render_readme's rules, as they apply to the whole text: one line end at the end; lines
    # stripped where a space or a tab ends one.
    if not frame.endswith("\n") or frame.endswith("\n\n"):
        pieces[-1] = pieces[-1].rstrip("\n") + "\n"
    spaced = any(block[2] for blocks in sections for block in blocks)
    spaced = spaced or any(" \n" in p or "\t\n" in p for p in (*pieces[::2], overview))
    spaced = spaced or overview.endswith((" ", "\t"))
    if spaced:
        pieces[::2] = [strip_lines(piece) for piece in pieces[::2]]
        overview = strip_lines(overview)
    out: list[str] = []
    for n, piece in enumerate(pieces):
        if n % 2 == 0:
            out.append(piece)
        elif (k := ids[piece]) < 0:
            out.append(overview)
        else:
            blocks = sections[k]
            for i, (text, stripped, _) in enumerate(blocks):
                out += ["\n\n"] if i else []
                out.append(stripped if spaced and stripped is not None else text)
    return "".join(out)
