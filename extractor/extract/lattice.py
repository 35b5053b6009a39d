"""The grid skeleton both engines reduce to: column and row boundaries plus the merged-cell rectangles.

Keeping the engines' output in this one shape is what lets the rest (text placement, conservation,
stitching) be shared, and lets the tests compare the engines cell for cell.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from extractor.model import BBox, Char

Span = tuple[int, int, int, int]  # row, col, rowspan, colspan


@dataclass
class Lattice:
    xs: list[float]  # column boundaries, left to right (n_cols + 1)
    ys: list[float]  # row boundaries, top to bottom (n_rows + 1)
    cells: list[Span]  # every cell, merged or not, each slot covered exactly once

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1

    @property
    def bbox(self) -> BBox:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    def owners(self) -> list[list[Span]]:
        """owner[r][c]: the cell covering slot (r, c)."""
        grid: list[list[Span | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            r, c, rs, cs = cell
            for i in range(r, r + rs):
                for j in range(c, c + cs):
                    grid[i][j] = cell
        return grid  # type: ignore[return-value]

    def slot_of(self, x: float, y: float, slack: float) -> tuple[int, int] | None:
        """The (row, col) slot a point falls in; points within `slack` outside the border count as inside."""
        xs, ys = self.xs, self.ys
        if not (xs[0] - slack <= x <= xs[-1] + slack and ys[0] - slack <= y <= ys[-1] + slack):
            return None
        c = min(max(bisect_right(xs, x) - 1, 0), len(xs) - 2)
        r = min(max(bisect_right(ys, y) - 1, 0), len(ys) - 2)
        return r, c

    def slots_of(self, chars: list[Char], slack: float) -> list[tuple[int, int] | None]:
        """slot_of each character's centre, in one pass (a big table places thousands)."""
        xs, ys = self.xs, self.ys
        left, right, top, bottom = xs[0] - slack, xs[-1] + slack, ys[0] - slack, ys[-1] + slack
        last_c, last_r = len(xs) - 2, len(ys) - 2
        out: list[tuple[int, int] | None] = []
        for ch in chars:
            x, y = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2  # Char.cx, Char.cy
            if not (left <= x <= right and top <= y <= bottom):
                out.append(None)
                continue
            r, c = bisect_right(ys, y) - 1, bisect_right(xs, x) - 1  # clamped into the grid, as slot_of
            out.append((0 if r < 0 else last_r if r > last_r else r, 0 if c < 0 else last_c if c > last_c else c))
        return out


def cluster(values: list[float], tol: float) -> list[float]:
    """Sorted distinct positions, values within `tol` of the previous one folded into it (mean)."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _index(anchors: list[float], v: float) -> int:
    return min(range(len(anchors)), key=lambda i: abs(anchors[i] - v))


def from_cell_boxes(boxes: list[BBox], tol: float) -> Lattice:
    """pdfplumber's cells (one box per cell, merged cells as one larger box) as a Lattice.

    A slot no box covers (a gap in the ruling) becomes a cell of its own, so every slot is covered once.
    """
    xs = cluster([b[0] for b in boxes] + [b[2] for b in boxes], tol)
    ys = cluster([b[1] for b in boxes] + [b[3] for b in boxes], tol)
    taken = [[False] * (len(xs) - 1) for _ in range(len(ys) - 1)]
    cells: list[Span] = []
    for x0, top, x1, bottom in boxes:
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        if c1 <= c0 or r1 <= r0:
            continue
        if any(taken[r][c] for r in range(r0, r1) for c in range(c0, c1)):
            continue
        for r in range(r0, r1):
            for c in range(c0, c1):
                taken[r][c] = True
        cells.append((r0, c0, r1 - r0, c1 - c0))
    for r, row in enumerate(taken):
        for c, t in enumerate(row):
            if not t:
                cells.append((r, c, 1, 1))
    cells.sort()
    return Lattice(xs=xs, ys=ys, cells=cells)


def from_open_sides(xs: list[float], ys: list[float], open_right: list[list[bool]],
                    open_below: list[list[bool]]) -> Lattice:
    """A Lattice from slot boundaries and which slot sides have no ruling (camelot's cell edges).

    Slots joined through open sides form one merged cell; a joined group that is not a rectangle is
    split back into its bounding rows (it cannot be one cell), keeping every slot covered once.
    """
    n_r, n_c = len(ys) - 1, len(xs) - 1
    parent = list(range(n_r * n_c))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_r):
        for c in range(n_c):
            if c + 1 < n_c and open_right[r][c]:
                parent[find(r * n_c + c)] = find(r * n_c + c + 1)
            if r + 1 < n_r and open_below[r][c]:
                parent[find(r * n_c + c)] = find((r + 1) * n_c + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(n_r):
        for c in range(n_c):
            groups.setdefault(find(r * n_c + c), []).append((r, c))
    cells: list[Span] = []
    for slots in groups.values():
        r0 = min(r for r, _ in slots)
        r1 = max(r for r, _ in slots)
        c0 = min(c for _, c in slots)
        c1 = max(c for _, c in slots)
        if len(slots) == (r1 - r0 + 1) * (c1 - c0 + 1):
            cells.append((r0, c0, r1 - r0 + 1, c1 - c0 + 1))
        else:
            cells.extend((r, c, 1, 1) for r, c in slots)
    cells.sort()
    return Lattice(xs=list(xs), ys=list(ys), cells=cells)
