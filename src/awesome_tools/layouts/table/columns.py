"""The README table's columns and the entry fields they hold: one table for import, render, lint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from awesome_tools.core.normalize import canonical_text

if TYPE_CHECKING:
    from awesome_tools.core.schema import Entry

# (entry field path, header as the list writes it), in column order.
COLUMNS: list[tuple[tuple[str, ...], str]] = [
    (("title",), "Title"),
    (("architecture", "overview"), "Architecture.Overview"),
    (("architecture", "components"), "Architecture.Components"),
    (("training", "methods"), "Training.Methods"),
    (("alignment", "techniques"), "Alignment.Techniques"),
    (("alignment", "fusion_methods"), "Alignment.Fusion Methods"),
    (("datasets", "used"), "Datasets.Used"),
    (("datasets", "purpose"), "Datasets.Purpose"),
]


def _folded(header: str) -> str:
    return canonical_text(header.replace(".", " ")).casefold()


_BY_HEADER = {_folded(header): key for key, header in COLUMNS}


def column_key(header: str) -> tuple[str, ...] | None:
    """Map a header, dotted (`Datasets.Used`) or spaced (`Datasets Used`), to its field path."""
    return _BY_HEADER.get(_folded(header))


def headers(*, alignment: bool) -> list[str]:
    """Return the headers of a model table, with or without the Alignment columns."""
    return _HEADERS[alignment]


_HEADERS = {
    alignment: [header for key, header in COLUMNS if alignment or key[0] != "alignment"]
    for alignment in (True, False)
}


def cells(entry: Entry) -> list[str]:
    """The entry's text for each column after the title (which the template links), in order."""
    built, trained, data = entry.architecture, entry.training, entry.datasets
    if built is None or trained is None or data is None:
        # `check` refuses such an entry in a table-layout list before anything renders it.
        raise ValueError(f"{entry.name}: the table layout needs architecture, training, datasets")
    values = [built.overview, built.components, trained.methods]
    if entry.alignment is not None:
        values += [entry.alignment.techniques, entry.alignment.fusion_methods]
    return [*values, data.used, data.purpose]


# The overview table above the blocks: (entry field, header); the last column holds links.
OVERVIEW: list[tuple[str, str]] = [
    ("name", "Model"),
    ("released", "Released"),
    ("vision_encoder", "Vision encoder"),
    ("language_model", "Language model"),
    ("connector", "Connector"),
    ("links", "Paper / Code / Weights"),
]
# Link texts of the last column and the fields they stand for; the first link is the entry's
# url or its paper link, labelled by what it is (links.py: Paper, Model card, Project page, Blog).
OVERVIEW_LINKS = {"Code": "code", "Weights": "weights"}
MISSING = "—"


def is_overview(found: list[str]) -> bool:
    """Say whether a table's headers are those of the overview table."""
    return [h.casefold() for h in found] == [h.casefold() for _, h in OVERVIEW]
