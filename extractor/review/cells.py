"""A grid's cells as boxes with their extracted text: what the review draws on the page picture.

extractor.show already turns a model.Grid into cell boxes (show.from_grid, Drawable.cells); the text of a
cell is the grid's own `rows[r][c]`, the text extract placed there before stitching joined the pages.
"""

from __future__ import annotations

from typing import Any

from extractor.show import from_grid


def grid_cells(grid: Any) -> list[list[Any]]:
    """[[row, col, rowspan, colspan, x0, top, x1, bottom, text], ...], every cell once (merged as one)."""
    drawable = from_grid(grid)
    if drawable is None:
        return []
    out = []
    for r, c, rs, cs, box in drawable.cells():
        row = grid.rows[r] if r < len(grid.rows) else []
        text = row[c] if c < len(row) else None
        out.append([r, c, rs, cs, *(round(v, 1) for v in box), text or ""])
    return out
