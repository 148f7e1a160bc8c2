"""The page's matrix views: the models counted by two facets (encoder family by language-model
family, connector by year), each cell naming its models. An entry with several values of a
facet is in each of their cells."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from awesome_tools.core.normalize import slugify
from awesome_tools.core.ordering import sort_key
from awesome_tools.core.schema import Entry
from awesome_tools.core.vocabulary import connectors, language_families, vision_families


@dataclass(frozen=True)
class Cell:
    """The models at one row and column, by name order: their names and card slugs."""

    names: list[str]
    slugs: list[str]


@dataclass(frozen=True)
class Matrix:
    """Rows by columns of cells (None where no model is); the models it counts, of how many."""

    key: str  # the page's id for it
    title: str
    rows_label: str
    columns_label: str
    rows: list[str]
    columns: list[str]
    cells: list[list[Cell | None]]
    counted: int
    total: int


def _matrix(
    entries: Sequence[Entry],
    key: str,
    titles: tuple[str, str, str],
    axes: tuple[Callable[[Entry], list[str]], Callable[[Entry], list[str]]],
    orders: tuple[list[str], list[str]],
) -> Matrix:
    """Count each entry in every cell of its row values by its column values."""
    found: dict[tuple[str, str], list[Entry]] = {}
    counted = 0
    for entry in sorted(entries, key=sort_key):
        pairs = [(row, column) for row in axes[0](entry) for column in axes[1](entry)]
        counted += bool(pairs)
        for pair in pairs:
            found.setdefault(pair, []).append(entry)
    rows = [row for row in orders[0] if any(r == row for r, _ in found)]
    columns = [column for column in orders[1] if any(c == column for _, c in found)]
    cells = [
        [
            Cell(
                [e.name for e in found[(row, column)]],
                [slugify(e.name) for e in found[(row, column)]],
            )
            if (row, column) in found
            else None
            for column in columns
        ]
        for row in rows
    ]
    return Matrix(key, *titles, rows, columns, cells, counted, len(entries))


def _year(entry: Entry) -> list[str]:
    return [entry.released[:4]] if entry.released else []


def matrices(entries: Sequence[Entry]) -> list[Matrix]:
    """The matrices the entries fill (a matrix no entry has both facets of is left out)."""
    years = sorted({year for entry in entries for year in _year(entry)})
    made = [
        _matrix(
            entries,
            "families",
            (
                "Encoder family \N{MULTIPLICATION SIGN} language-model family",
                "Encoder family",
                "Language-model family",
            ),
            (lambda e: e.vision_families, lambda e: e.language_families),
            (list(vision_families()), list(language_families())),
        ),
        _matrix(
            entries,
            "connectors",
            ("Connector \N{MULTIPLICATION SIGN} year", "Connector", "Year"),
            (lambda e: e.connectors, _year),
            (list(connectors()), years),
        ),
    ]
    return [matrix for matrix in made if matrix.counted]
