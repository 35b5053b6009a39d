"""Text placed per character into a Lattice's cells, with the conservation count.

Each character goes to the cell whose slot holds the character's centre. Within a cell, characters are
grouped into printed lines by position and the lines are joined by the contract's cell-text rules
(extractor.normalize.text.clean_cell). Every character inside the ruled area lands in exactly one cell, or
is counted as lost (which makes the grid fail the conservation check).
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.extract.lattice import Lattice, Span
from extractor.locate.lines import group_rows, join_chars
from extractor.locate.settings import TableSettings
from extractor.model import Char

try:
    from extractor.normalize.text import clean_cell
except ImportError:  # until the normalizer lands: strip each line and join with nothing (CJK rule)
    def clean_cell(text: str) -> str:
        return "".join(part.strip() for part in text.split("\n")).strip()

# A character whose centre is this close outside the outer ruling still belongs to the border cell
# (engines place the outer line up to a snapping tolerance apart).
_BORDER_SLACK = 2.5


@dataclass
class Placement:
    rows: list[list[str | None]]
    spans: list[Span]  # merged cells only (rowspan or colspan > 1)
    n_chars: int
    lost: list[Char]


def cell_text(chars: list[Char], settings: TableSettings) -> str:
    if not chars:
        return ""
    lines = [join_chars(row, settings) for row in group_rows(chars, settings)]
    return clean_cell("\n".join(lines))


def place_chars(lattice: Lattice, chars: list[Char], settings: TableSettings) -> Placement:
    owners = lattice.owners()
    content: dict[Span, list[Char]] = {cell: [] for cell in lattice.cells}
    lost: list[Char] = []
    n = 0
    for ch in chars:
        blank = ch.text.isspace()  # spaces are placed (they separate words) but not counted
        n += not blank
        slot = lattice.slot_of(ch.cx, ch.cy, _BORDER_SLACK)
        if slot is None:
            if not blank:
                lost.append(ch)
            continue
        content[owners[slot[0]][slot[1]]].append(ch)
    rows: list[list[str | None]] = [[None] * lattice.n_cols for _ in range(lattice.n_rows)]
    for cell, cs in content.items():
        rows[cell[0]][cell[1]] = cell_text(cs, settings)
    spans = [cell for cell in lattice.cells if cell[2] > 1 or cell[3] > 1]
    return Placement(rows=rows, spans=spans, n_chars=n, lost=lost)
