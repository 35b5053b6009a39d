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

from extractor.normalize.text import clean_cell, is_number_line

# A character whose centre is this close outside the outer ruling still belongs to the border cell
# (engines place the outer line up to a snapping tolerance apart).
_BORDER_SLACK = 2.5


@dataclass
class Placement:
    rows: list[list[str | None]]
    spans: list[Span]  # merged cells only (rowspan or colspan > 1)
    n_chars: int
    lost: list[Char]
    stacked: int = 0  # cells holding several numbers on separate lines, joined into one text


def _lines(chars: list[Char], settings: TableSettings) -> list[str]:
    return [join_chars(row, settings) for row in group_rows(chars, settings)]


def cell_text(chars: list[Char], settings: TableSettings) -> str:
    return clean_cell("\n".join(_lines(chars, settings))) if chars else ""


def holds_stacked_numbers(lines: list[str]) -> bool:
    """Several lines that are each a whole number (or a dash for none): a column of values in one ruled
    cell (tables without row rules), not one wrapped text. Joined by the cell-text rules they run together
    (`1,786` + `1,786` -> `1,7861,786`), so the reader must be told."""
    return sum(map(is_number_line, lines)) >= 2


def place_chars(lattice: Lattice, chars: list[Char], settings: TableSettings) -> Placement:
    owners = lattice.owners()
    content: dict[Span, list[Char]] = {cell: [] for cell in lattice.cells}
    lost: list[Char] = []
    n = 0
    for ch in chars:
        blank = ch.text.isspace()  # spaces are placed (they separate words) but not counted
        n += 0 if blank else len(ch.text)  # code points: a glyph may carry several (ligatures)
        slot = lattice.slot_of(ch.cx, ch.cy, _BORDER_SLACK)
        if slot is None:
            if not blank:
                lost.append(ch)
            continue
        content[owners[slot[0]][slot[1]]].append(ch)
    rows: list[list[str | None]] = [[None] * lattice.n_cols for _ in range(lattice.n_rows)]
    stacked = 0
    for cell, cs in content.items():
        lines = _lines(cs, settings) if cs else []
        rows[cell[0]][cell[1]] = clean_cell("\n".join(lines)) if lines else ""
        stacked += len(lines) > 1 and holds_stacked_numbers(lines)
    spans = [cell for cell in lattice.cells if cell[2] > 1 or cell[3] > 1]
    return Placement(rows=rows, spans=spans, n_chars=n, lost=lost, stacked=stacked)
