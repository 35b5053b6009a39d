"""Text placed per character into a Lattice's cells, with the conservation count.

Each character goes to the cell whose slot holds the character's centre (but for a line run on over a column
rule: extract.overflow). Within a cell, characters are grouped into printed lines by position and the lines
are joined by the contract's cell-text rules (extractor.normalize.text.clean_cell). Every character inside
the ruled area lands in exactly one cell, or is counted as lost (which makes the grid fail the conservation
check).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.extract.lattice import Lattice, Span
from extractor.extract.overflow import carry_overflow
from extractor.locate.lines import group_rows, join_chars
from extractor.locate.settings import TableSettings
from extractor.model import Char

from extractor.normalize.text import clean_cell, is_item_line, is_number_line

# A character whose centre is this close outside the outer ruling still belongs to the border cell
# (engines place the outer line up to a snapping tolerance apart).
BORDER_SLACK = 2.5


@dataclass
class Placement:
    rows: list[list[str | None]]
    spans: list[Span]  # merged cells only (rowspan or colspan > 1)
    n_chars: int
    lost: list[Char]
    stacked: int = 0  # cells holding several numbers on separate lines, joined into one text
    text_bottoms: dict[tuple[int, int], tuple[float, float, float, float]] = field(default_factory=dict)
    text_tops: dict[tuple[int, int], tuple[float, int]] = field(default_factory=dict)


def _lines(chars: list[Char], settings: TableSettings) -> list[str]:
    return [join_chars(row, settings) for row in group_rows(chars, settings)]


_NO_LINE_START = frozenset(".,;:%)]}，。、；：％）》」】")


def _wraps(prev: list[Char], nxt: list[Char], left: float, right: float) -> bool:
    """Did the text run on from `prev` to `nxt` because `prev` filled the cell? The next line starts where
    `prev` started, and `prev` ends as far from the right side as it starts from the left, give or take
    one glyph (Excel's padded cells: `2620` over `01` is the code 262001), two where the second is a mark
    that may not start a line. Right-aligned amounts stacked
    in a wide cell (`1,786` over `1,786`) start far from the left side and end at the right: no wrap."""
    a = [c for c in prev if not c.text.isspace()]
    b = [c for c in nxt if not c.text.isspace()]
    if not a or not b:
        return False
    p0, p1 = min(c.x0 for c in a), max(c.x1 for c in a)
    b = sorted(b, key=lambda c: c.x0)
    first = b[0]
    room = (first.x1 - first.x0) + 1.0
    if len(b) > 1 and b[1].text in _NO_LINE_START:  # the glyph carried over so that `.` does not start a
        room += b[1].x1 - b[1].x0                    # line (`1434375` over `5.27`: Word's kinsoku)
    return abs(first.x0 - p0) <= 1.0 and abs((right - p1) - (p0 - left)) <= room


_AMOUNT_PIECE = re.compile(r"[-−]?[\d,.]+")  # a piece of an amount wrapped in a narrow cell (`43` / `2,3` / `65`)


def _item_piece(line: str) -> bool:
    """An item line, or a piece of an amount a wrap cut (`2,3` of `432,365`: no amount of its own)."""
    return is_item_line(line) or _AMOUNT_PIECE.fullmatch(line) is not None


def cell_lines(chars: list[Char], settings: TableSettings, left: float, right: float) -> list[str]:
    """A cell's printed lines; an item line (an amount, a code) wrapped onto the next is one line again,
    so the cell-text rules keep apart only lines that are separate items."""
    return _cell_lines(group_rows(chars, settings), settings, left, right)


def _cell_lines(rows: list[list[Char]], settings: TableSettings, left: float, right: float) -> list[str]:
    out: list[str] = []
    for i, row in enumerate(rows):
        text = join_chars(row, settings)
        if out and _item_piece(out[-1].strip()) and _item_piece(text.strip()) \
                and _wraps(rows[i - 1], row, left, right):
            out[-1] = out[-1].strip() + text.strip()
        else:
            out.append(text)
    return out


def cell_text(chars: list[Char], settings: TableSettings) -> str:
    return clean_cell("\n".join(_lines(chars, settings))) if chars else ""


def holds_stacked_numbers(lines: list[str]) -> bool:
    """Several lines that are each a whole number (or a dash for none): a column of values in one ruled
    cell (tables without row rules), not one wrapped text. Joined by the cell-text rules they run together
    (`1,786` + `1,786` -> `1,7861,786`), so the reader must be told."""
    return sum(map(is_number_line, lines)) >= 2


def place_chars(lattice: Lattice, chars: list[Char], settings: TableSettings,
                slots: list[tuple[int, int] | None] | None = None) -> Placement:
    """`chars` placed in the lattice's cells. `slots`: the lattice's slots_of(chars, BORDER_SLACK) when the
    caller has them (text_rows.split_unruled_rows wants the same)."""
    owners = lattice.owners()
    content: dict[Span, list[Char]] = {cell: [] for cell in lattice.cells}
    lost: list[Char] = []
    n = 0
    if slots is None:
        slots = lattice.slots_of(chars, BORDER_SLACK)
    slots = carry_overflow(chars, slots)
    for ch, slot in zip(chars, slots):
        blank = ch.text.isspace()  # spaces are placed (they separate words) but not counted
        n += 0 if blank else len(ch.text)  # code points: a glyph may carry several (ligatures)
        if slot is None:
            if not blank:
                lost.append(ch)
            continue
        content[owners[slot[0]][slot[1]]].append(ch)
    rows: list[list[str | None]] = [[None] * lattice.n_cols for _ in range(lattice.n_rows)]
    stacked = 0
    bottoms: dict[tuple[int, int], tuple[float, float, float, float]] = {}
    tops: dict[tuple[int, int], tuple[float, int]] = {}
    for cell, cs in content.items():
        printed_rows = group_rows(cs, settings) if cs else []
        lines = _cell_lines(printed_rows, settings, lattice.xs[cell[1]], lattice.xs[cell[1] + cell[3]])
        rows[cell[0]][cell[1]] = clean_cell("\n".join(lines)) if lines else ""
        stacked += len(lines) > 1 and holds_stacked_numbers(lines)
        printed = [ch for ch in cs if not ch.text.isspace()]
        if printed:
            low = max(printed, key=lambda ch: ch.bottom)
            height = low.bottom - low.top
            last_line = [ch for ch in printed if ch.bottom >= low.bottom - height / 2]
            bottoms[cell[0], cell[1]] = (low.bottom, height, min(ch.x0 for ch in last_line),
                                         max(ch.x1 for ch in last_line))
            tops[cell[0], cell[1]] = (min(ch.top for ch in printed),
                                      sum(1 for r in printed_rows if any(not ch.text.isspace() for ch in r)))
    spans = [cell for cell in lattice.cells if cell[2] > 1 or cell[3] > 1]
    return Placement(rows=rows, spans=spans, n_chars=n, lost=lost, stacked=stacked, text_bottoms=bottoms,
                     text_tops=tops)
