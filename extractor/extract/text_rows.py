"""Rows from text where a table has column rules but no row rules (budget books: 歲入來源別預算表).

Such a table is one ruled row holding a column of amounts in every amount column (`1,786` over `1,786`
over `-`). Placed as one cell each, the amounts would run together; the contract wants one row per printed
line. A ruled row is split when at least two of its cells each print several separate amounts on separate
lines, or one does and another cell's lines stand level with them (one column of stacked lines beside
single-line cells is a cell with several items, kept as one cell with line breaks):
the row's characters are grouped into printed lines across the whole row, and a row boundary is put in the
gap between each two lines. Merged cells spanning several ruled rows stay whole.

Measured before writing this (Taiwan p.46, 2 shared cores): camelot 2.0 hybrid 1.32 s a page and network
0.46 s, both re-reading the page and spreading the headings and title into the grid (54x10, 52x5 with 款項目節
run into the name column); pdfplumber lines/text 0.29 s (64x8: the open left side and the 說明 column lost,
empty rows between lines) and text/text 0.11 s (columns cut through words: `預 | 算數`). The located column
rules are right; only the rows are missing, so only the rows are inferred, in ~1 ms a page.
"""

from __future__ import annotations

from extractor.extract.lattice import Lattice, Span
from extractor.extract.place import cell_lines
from extractor.locate.lines import group_rows
from extractor.locate.settings import TableSettings
from extractor.model import Char
from extractor.normalize.text import is_number_line

_MIN_STACKED_CELLS = 2  # cells of one ruled row printing a column of amounts before the row is split


def _several_lines_with_digits(chars: list[Char]) -> bool:
    """Cheap pre-check before grouping lines: centres more than a font size apart, and a digit."""
    centres = [(c.top + c.bottom) / 2 for c in chars]  # Char.cy
    return max(centres) - min(centres) > max(c.size for c in chars) and any(c.text.isdigit() for c in chars)


def _stacked(chars: list[Char], settings: TableSettings, left: float, right: float) -> bool:
    lines = [t.strip() for t in cell_lines(chars, settings, left, right)]
    return sum(map(is_number_line, lines)) >= 2


def _centres(chars: list[Char], settings: TableSettings) -> list[tuple[float, float]]:
    """(centre, font size) of each printed line of a cell."""
    return [(sum(c.cy for c in r) / len(r), max(c.size for c in r)) for r in group_rows(chars, settings)]


def _aligned(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> int:
    """How many lines of `b` stand level with a line of `a` (centres within half a font size)."""
    return sum(1 for y, s in b if any(abs(y - y2) <= 0.5 * max(s, s2) for y2, s2 in a))


def _cuts(chars: list[Char], settings: TableSettings) -> list[float]:
    """y positions between the printed lines of a row: in the gap between two lines, strictly between the
    last centre of the one and the first centre of the next (chars are placed by centre)."""
    bands = group_rows(chars, settings)
    cuts = []
    for a, b in zip(bands, bands[1:]):
        lo, hi = max(c.cy for c in a), min(c.cy for c in b)
        if hi - lo < 0.5:
            continue
        gap = (max(c.bottom for c in a) + min(c.top for c in b)) / 2
        cuts.append(min(max(gap, lo + 0.25), hi - 0.25))
    return cuts


def split_unruled_rows(lattice: Lattice, chars: list[Char], settings: TableSettings,
                       slots: list[tuple[int, int] | None]) -> tuple[Lattice, int]:
    """The lattice with each ruled row that holds stacked amounts in several cells split into its printed
    lines, and the number of ruled rows split (0: the lattice itself, unchanged). `slots`: the lattice's
    slots_of(chars, BORDER_SLACK), which the caller also gives place_chars when the lattice is unchanged."""
    owners = lattice.owners()
    in_cell: dict[Span, list[Char]] = {}
    for ch, slot in zip(chars, slots):
        if slot is None or ch.text.isspace():
            continue
        cell = owners[slot[0]][slot[1]]
        if cell[2] == 1:
            in_cell.setdefault(cell, []).append(ch)
    by_row: dict[int, list[Span]] = {}
    for cell in in_cell:
        by_row.setdefault(cell[0], []).append(cell)
    cuts: dict[int, list[float]] = {}
    for r, cells in by_row.items():
        multi = [c for c in cells if len(in_cell[c]) > 1 and _several_lines_with_digits(in_cell[c])]
        stacked = [c for c in multi
                   if _stacked(in_cell[c], settings, lattice.xs[c[1]], lattice.xs[c[1] + c[3]])]
        if not stacked:
            continue
        if len(stacked) < _MIN_STACKED_CELLS:
            # one column of amounts: split only where another cell's lines stand level with them
            # (歲出計畫提要: `1000 人事費` beside `1,640,215`), not beside a single label
            ref = _centres(in_cell[stacked[0]], settings)
            if not any(_aligned(ref, _centres(in_cell[c], settings)) >= 2 for c in cells
                       if c != stacked[0] and len(in_cell[c]) > 1):
                continue
        row_cuts = _cuts([ch for c in cells for ch in in_cell[c]], settings)
        if row_cuts:
            cuts[r] = row_cuts
    if not cuts:
        return lattice, 0
    ys: list[float] = []
    start: list[int] = []  # new index of each old row's first sub-row
    for r in range(lattice.n_rows):
        start.append(len(ys))
        ys.append(lattice.ys[r])
        ys.extend(cuts.get(r, []))
    ys.append(lattice.ys[-1])
    start.append(len(ys) - 1)
    new_cells: list[Span] = []
    for r, c, rs, cs in lattice.cells:
        if rs == 1 and r in cuts:
            new_cells.extend((start[r] + j, c, 1, cs) for j in range(len(cuts[r]) + 1))
        else:
            new_cells.append((start[r], c, start[r + rs] - start[r], cs))
    new_cells.sort()
    return Lattice(xs=list(lattice.xs), ys=ys, cells=new_cells), len(cuts)
