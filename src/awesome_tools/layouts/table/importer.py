"""README of model blocks to entry files: the migration path for any list of this shape."""

from __future__ import annotations

from typing import Any

from awesome_tools.core.blockread import read_document
from awesome_tools.core.blocks import Block, Cell, Document
from awesome_tools.core.categories import appended_categories, category_name_problem
from awesome_tools.core.crossentry import file_problem
from awesome_tools.core.entryfile import dump_entry
from awesome_tools.core.links import PAPER
from awesome_tools.core.normalize import device_note, slugify
from awesome_tools.core.ordering import DEFAULT_SECTION
from awesome_tools.core.schema import Entry
from awesome_tools.core.urls import BadUrl, split_url
from awesome_tools.diagnostics import Diagnostic
from awesome_tools.io.textfile import decode
from awesome_tools.layouts.importplan import ImportPlan, import_error, import_note
from awesome_tools.layouts.table.columns import (
    MISSING,
    OVERVIEW,
    OVERVIEW_LINKS,
    column_key,
    is_overview,
)
from awesome_tools.layouts.table.context import unreadable


class _Mapper:
    """Turn one model block into entry data, warning about what it cannot map."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    def warn(self, line: int, column: int, message: str) -> None:
        self.diagnostics.append(import_note(self.path, line, column, message))

    def title_cell(self, cell: Cell, data: dict[str, Any]) -> None:
        links = [link for link in cell.links if link.href]
        if not links:
            self.warn(cell.line, cell.column, "Title cell has no link; the entry needs a 'url'")
            if cell.text:
                data["title"] = cell.text
            return
        link = links[0]
        if len(links) > 1:
            self.warn(cell.line, cell.column, "Title cell has several links; the first is kept")
        data["url"] = link.href
        if cell.outside:
            data["title"] = cell.outside
            self.warn(
                link.line,
                link.column,
                f"text outside the link is taken as the title; link text '{link.text}' dropped",
            )
        elif link.text:
            data["title"] = link.text

    def block(self, block: Block, category: str | None) -> dict[str, Any] | None:
        if not block.summary:
            self.warn(block.line, block.column, "block has no <summary>; skipped")
            return None
        if not block.tables:
            self.warn(block.line, block.column, f"block '{block.summary}' has no table; skipped")
            return None
        table = block.tables[0]
        data: dict[str, Any] = {"name": block.summary}
        if category:
            data["category"] = category
        if block.figures:
            self.figure(block, data)
        if not table.rows:
            self.warn(table.line, table.column, "table has no data row")
            return data
        if len(table.rows) > 1:
            row = table.rows[1][0] if table.rows[1] else None
            line, column = (row.line, row.column) if row else (table.line, table.column)
            self.warn(line, column, "table has more than one row; only the first is imported")
        cells = table.rows[0]
        if len(cells) != len(table.headers):
            self.warn(
                table.line,
                table.column,
                f"row has {len(cells)} cells for {len(table.headers)} headers",
            )
        for header, cell in zip(table.headers, cells, strict=False):
            key = column_key(header.text)
            if key is None:
                self.warn(header.line, header.column, f"unknown column '{header.text}'; dropped")
            elif key == ("title",):
                self.title_cell(cell, data)
            elif cell.text:
                data.setdefault(key[0], {})[key[1]] = cell.text
        return _ordered(data)

    def figure(self, block: Block, data: dict[str, Any]) -> None:
        figure = block.figures[0]
        try:
            scheme = split_url(figure.src).scheme
        except BadUrl as exc:
            self.warn(figure.line, figure.column, f"figure {exc}; dropped")
            return
        if scheme != "https":
            self.warn(figure.line, figure.column, f"figure '{figure.src}' is not https; dropped")
            return
        data["figure"] = {"file": figure.src, "alt": figure.alt or f"{block.summary} architecture"}
        if not figure.alt:
            self.warn(figure.line, figure.column, "figure has no alt text; named after the model")
        for extra in block.figures[1:]:
            self.warn(extra.line, extra.column, "only the first figure of a block is imported")


def read_overview_row(row: str) -> dict[str, Any] | None:
    """One overview row's facts as import reads them, its name and paper link included (for
    drift); None when it is not a row of the overview."""
    headers = "".join(f"<th>{header}</th>" for _, header in OVERVIEW)
    document = read_document(f"<table>\n<tr>{headers}</tr>\n{row}\n</table>")
    mapper = _Mapper("")
    facts = _overview_facts(document, mapper)
    if len(facts) != 1 or mapper.diagnostics:
        return None
    found = next(iter(facts.values()))
    paper = found.pop("links", None)
    if paper:
        found["url"] = paper[0]["url"]  # the paper link the overview shows is the entry's url
    return {"name": document.tables[0].rows[0][0].text, **found}


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    """Order keys as the schema declares them, so files read like the table."""
    return {key: data[key] for key in Entry.model_fields if key in data}


def _overview_facts(document: Document, mapper: _Mapper) -> dict[str, dict[str, Any]]:
    """Read the overview table's rows: the facts of each model, by the anchor it links to.

    The first link is the entry's url under the label of what it is (Paper, Model card, ...),
    or, labelled Paper, a paper link of its own (`links`) when the url is not the paper.
    """
    facts: dict[str, dict[str, Any]] = {}
    for table in document.tables:
        if not is_overview([cell.text for cell in table.headers]):
            continue
        for row in table.rows:
            if len(row) != len(OVERVIEW) or not row[0].links:
                first = row[0] if row else table
                mapper.warn(first.line, first.column, "overview row not understood; skipped")
                continue
            anchor = (row[0].links[0].href or "").removeprefix("#")
            found: dict[str, Any] = {
                key: cell.text
                for (key, _), cell in zip(OVERVIEW[1:-1], row[1:-1], strict=True)
                if cell.text and cell.text != MISSING
            }
            if " + " in found.get("connector", ""):  # several, in order (`Entry.connectors`)
                found["connector"] = found["connector"].split(" + ")
            for link in row[-1].links:
                if link.text in OVERVIEW_LINKS and link.href:
                    found[OVERVIEW_LINKS[link.text]] = link.href
                elif link.text == PAPER and link.href:
                    found["links"] = [{"kind": "paper", "url": link.href}]
            facts[anchor] = found
    return facts


def _category(block: Block) -> str | None:
    if block.parent is not None and block.parent.summary:
        return block.parent.summary
    if block.section and block.section != DEFAULT_SECTION:
        return block.section
    return None


def _leftovers(path: str, facts: dict[str, Any], plan: ImportPlan) -> list[Diagnostic]:
    """What an import leaves: overview rows no block took (a warning each), or the error that
    nothing was found at all."""
    found = [
        import_note(path, 1, 1, f"overview row for '#{anchor}' has no block") for anchor in facts
    ]
    if not plan.files and not plan.diagnostics and not found:
        message = "no model blocks (<details> with a table) found"
        found.append(import_error(path, 1, 1, message))
    return found


def plan_import(
    raw: bytes, path: str, *, categories_text: str | None, categories_path: str
) -> ImportPlan:
    """Work out the entry files a README holds, without touching the disk."""
    plan = ImportPlan()
    text, problem = decode(raw, path)
    if text is None:
        plan.diagnostics.extend([problem] if problem else [])
        return plan
    document = read_document(text)
    if document.unreadable is not None:
        plan.diagnostics.append(unreadable(path, document, "nothing is imported until it is fixed"))
        return plan
    mapper = _Mapper(path)
    facts = _overview_facts(document, mapper)
    wanted: list[str] = []
    owners: dict[str, Block] = {}
    rejected: set[str] = set()
    for block in document.models:
        category = _category(block)
        data = mapper.block(block, category)
        if data is None:
            continue
        slug = slugify(data["name"])
        data = _ordered({**data, **facts.pop(block.anchor or slug, {})})
        if data.get("links") == [{"kind": "paper", "url": data.get("url")}]:
            del data["links"]  # the url is the paper: the overview links it as such
        lines = {other: first.line for other, first in owners.items()}
        refused = file_problem(path, (block.line, block.column), data["name"], lines)
        if refused is not None:
            plan.diagnostics.append(refused)
            continue
        owners[slug] = block
        if category and category not in wanted and category not in rejected:
            # categories.yaml would refuse a name of markup, and the README show it as markup.
            refusal = category_name_problem(category, path, block.line, block.column)
            if refusal:
                rejected.add(category)
                plan.diagnostics.append(refusal)
            else:
                wanted.append(category)
        if device := device_note(data["name"]):
            where = (block.line, block.column)
            plan.diagnostics.append(import_note(path, *where, device))
        plan.files[f"{slug}.yaml"] = dump_entry(data)
    plan.diagnostics.extend(_leftovers(path, facts, plan))
    plan.categories_text, problems = appended_categories(categories_text, categories_path, wanted)
    plan.diagnostics.extend(problems)
    plan.diagnostics.extend(mapper.diagnostics)
    plan.diagnostics.extend(_views_note(path, text))
    plan.diagnostics.sort()
    return plan


def _views_note(path: str, text: str) -> list[Diagnostic]:
    """The README's views render wrote are drawn from the entries, not read back: a note at
    the first saying how to show them again."""
    from awesome_tools.layouts.views import view_sections

    lines = text.split("\n")
    views = view_sections(lines, len(lines))
    if views is None:
        return []
    names = ", ".join(views[2])
    message = (
        f"the README's views ({names}) are drawn from the entries, not imported: add "
        f"'readme_views: [{names}]' to awesome.yaml to show them again"
    )
    return [import_note(path, views[0] + 1, 1, message)]
