"""A stitched table seen as merged cells, so readers can ask "what is right of / below this label".

The Table gives `rows` ("" empty, None covered) and `spans` (row, col, rowspan, colspan). Readers work on
Cells: one per real (non-covered) cell, with its extent, so a merged 一级指标 answers for every row it covers.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractor.model import Table


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str

    @property
    def last_row(self) -> int:
        return self.row + self.rowspan - 1

    @property
    def end_col(self) -> int:
        return self.col + self.colspan


_SPACE = regex.compile(r"\s+")


def squeeze(text: str | None) -> str:
    """Text for label matching: no white space at all (labels wrap anywhere: 其中：财政\\n资金)."""
    return _SPACE.sub("", text or "")


class CellMap:
    """Merged-cell view of a Table: origin cells, and which cell covers each (row, col)."""

    def __init__(self, table: Table):
        self.table = table
        self.n_rows = table.n_rows
        self.n_cols = table.n_cols
        extent = {(r, c): (rs, cs) for r, c, rs, cs in table.spans}
        self.cover: dict[tuple[int, int], Cell] = {}
        self.cells: list[Cell] = []
        # rows known to start no indicator header (indicators.find_indicator_header): several readers scan
        # the same table for one, and a table without one (a budget book's tables) is scanned row by row
        self.headerless_rows: set[int] = set()
        for r, row in enumerate(table.rows):
            for c, text in enumerate(row):
                if text is None:
                    continue
                rs, cs = extent.get((r, c), (1, 1))
                cell = Cell(r, c, rs, cs, text)
                self.cells.append(cell)
                for rr in range(r, r + rs):
                    for cc in range(c, c + cs):
                        self.cover.setdefault((rr, cc), cell)
        # a covered position with no span recorded: belongs to the nearest real cell left of it, else above
        for r, row in enumerate(table.rows):
            for c, text in enumerate(row):
                if (r, c) in self.cover:
                    continue
                owner = None
                for cc in range(c - 1, -1, -1):
                    if (r, cc) in self.cover:
                        owner = self.cover[(r, cc)]
                        break
                if owner is None:
                    for rr in range(r - 1, -1, -1):
                        if (rr, c) in self.cover:
                            owner = self.cover[(rr, c)]
                            break
                if owner is not None:
                    self.cover[(r, c)] = owner

    def at(self, r: int, c: int) -> Cell | None:
        return self.cover.get((r, c))

    def text(self, r: int, c: int) -> str:
        cell = self.at(r, c)
        return cell.text if cell is not None else ""

    def row_cells(self, r: int) -> list[Cell]:
        """The distinct cells touching row r, left to right (merged cells from above included)."""
        out: list[Cell] = []
        for c in range(self.n_cols):
            cell = self.at(r, c)
            if cell is not None and (not out or out[-1] is not cell):
                out.append(cell)
        return out

    def right_of(self, cell: Cell) -> Cell | None:
        c = cell.end_col
        return self.at(cell.row, c) if c < self.n_cols else None

    def below(self, cell: Cell) -> Cell | None:
        r = cell.last_row + 1
        return self.at(r, cell.col) if r < self.n_rows else None

    def all_text(self) -> str:
        return "".join(squeeze(c.text) for c in self.cells)
