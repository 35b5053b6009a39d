"""Text that runs over a column rule: glyphs that continue a printed line across the rule stay in its cell.

Spreadsheet exports print a cell's text as one run of glyphs; a line too long for its cell runs on over
the column rule (into an empty neighbour, or hidden there by the cell's clip). Placed by their centres, the
glyphs past the rule would land in the next cell: Xi'an 附表14 p.36 `…达到一流水` | `平 完成率100%`. Glyphs of
one run stand flush (each starts where the one before ends), while text of two cells never touches: each
cell pads its text away from the rule. So a glyph flush with the glyph before it, on the same line in the
same font size, goes to that glyph's cell.
"""

from __future__ import annotations

from extractor.model import Char

Slot = tuple[int, int]  # row, col of a Lattice

FLUSH = 0.5  # points: a glyph starting this close to where the one before ends is the same run
SAME_LINE = 0.5  # points: the tops of two glyphs of one run (same font size) agree to within this


def carry_overflow(chars: list[Char], slots: list[Slot | None]) -> list[Slot | None]:
    """`slots` (the slot of each of `chars` by its centre) with each glyph that continues a run begun in
    the cell left of it, in the same row, given that cell's slot instead."""
    order = sorted((i for i, ch in enumerate(chars) if not ch.text.isspace() and slots[i] is not None),
                   key=lambda i: (round(chars[i].top), chars[i].x0))
    out = list(slots)
    prev: int | None = None
    for i in order:
        ch = chars[i]
        if prev is not None:
            p = chars[prev]
            here, there = out[i], out[prev]
            if (here[0] == there[0] and here[1] > there[1] and abs(ch.x0 - p.x1) <= FLUSH
                    and abs(ch.top - p.top) <= SAME_LINE and abs(ch.size - p.size) < 0.01):
                out[i] = there
        prev = i
    return out
