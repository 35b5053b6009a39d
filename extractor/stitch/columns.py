"""Column layouts: does a page piece have the table's columns, and where does each of its columns go."""

from __future__ import annotations

from collections.abc import Sequence

Span = tuple[int, int, int, int]


def column_map(table_xs: list[float], piece_xs: list[float], tol: float) -> list[int] | None:
    """Index into `table_xs` of each of the piece's column boundaries, or None when the layouts differ.

    The piece may be shifted sideways as a whole (different page margins) and may lack boundaries the
    table has (a header that splits columns the body does not), never have boundaries of its own, and must
    span the same width.
    """
    merged = merge_columns(table_xs, piece_xs, tol)
    if merged is None or len(merged[0]) != len(table_xs):
        return None
    return merged[2]


def merge_columns(table_xs: list[float], piece_xs: list[float], tol: float
                  ) -> tuple[list[float], list[int], list[int]] | None:
    """(the union of both column layouts, index into it of each table boundary, of each piece boundary), or
    None when the two do not span the same width.

    Either side may have boundaries the other lacks, but not both: a header block whose rows split the
    page more coarsely than the indicator rows may stand alone at a page foot (5 columns) with the rows
    on the next page (7 columns, the 5 among them), and a piece of body rows may lack a boundary only the
    header uses. The piece may be shifted sideways as a whole (different page margins); the union is in
    the table's coordinates.
    """
    if len(piece_xs) < 2 or len(table_xs) < 2:
        return None
    dx = table_xs[0] - piece_xs[0]
    shifted = [x + dx for x in piece_xs]
    if abs(shifted[-1] - table_xs[-1]) > tol:
        return None
    new = [x for x in shifted if all(abs(x - t) > tol for t in table_xs)]
    if new and any(all(abs(t - x) > tol for x in shifted) for t in table_xs):
        return None  # each side has boundaries of its own: two different tables
    union: list[float] = []
    for x in sorted(list(table_xs) + new):
        if union and abs(x - union[-1]) <= tol:
            continue
        union.append(x)

    def index(xs: list[float]) -> list[int]:
        return [min(range(len(union)), key=lambda i: abs(union[i] - x)) for x in xs]

    return union, index(table_xs), index(shifted)


def owner_map(n_rows: int, n_cols: int, spans: list[Span]) -> OwnerMap:
    """owner[r][c]: the cell (row, col, rowspan, colspan) covering slot (r, c); 1x1 where no span covers it."""
    return OwnerMap(n_rows, n_cols, spans)


class OwnerMap(Sequence):
    """The rows of owner_map, each built when first asked for: the stitcher mostly wants the first or the
    last row, and building every row of a long table for each page break made stitching quadratic. The
    spans covering each row are indexed when a second row is asked for: one row (the last, at each page
    break) only needs the spans over it."""

    def __init__(self, n_rows: int, n_cols: int, spans: list[Span]):
        self.n_rows, self.n_cols = n_rows, n_cols
        self._spans = list(spans)  # (a caller may extend its list later: the map is of the spans given)
        self._by_row: dict[int, list[Span]] | None = None  # the spans covering each row, in the order given
        self._rows: dict[int, list[Span]] = {}

    def _spans_over(self, r: int) -> list[Span]:
        if self._by_row is None and not self._rows:  # the first row asked for: the spans over it, in order
            return [s for s in self._spans if s[0] <= r < s[0] + s[2]]
        return self.by_row().get(r, [])

    def by_row(self) -> dict[int, list[Span]]:
        """The spans covering each row (rows no span covers left out), each row's in the order given."""
        if self._by_row is None:
            self._by_row = {}
            for span in self._spans:
                for r in range(span[0], min(span[0] + span[2], self.n_rows)):
                    self._by_row.setdefault(r, []).append(span)
        return self._by_row

    def __len__(self) -> int:
        return self.n_rows

    def __getitem__(self, r):
        if isinstance(r, slice):
            return [self[i] for i in range(*r.indices(self.n_rows))]
        if r < 0:
            r += self.n_rows
        if not 0 <= r < self.n_rows:
            raise IndexError("owner map row out of range")
        row = self._rows.get(r)
        if row is None:
            row = [(r, c, 1, 1) for c in range(self.n_cols)]
            for span in self._spans_over(r):  # a later span over a slot wins, as it always did
                for c in range(span[1], min(span[1] + span[3], self.n_cols)):
                    row[c] = span
            self._rows[r] = row
        return row

    def __iter__(self):
        return (self[r] for r in range(self.n_rows))


def remap(rows: list[list[str | None]], spans: list[Span], cmap: list[int], n_cols: int
          ) -> tuple[list[list[str | None]], list[Span]]:
    """A piece's rows and merged cells laid onto the table's columns (a piece column may widen to several).

    Each page break remaps the whole table so far, so this walks owner_map's rows without building them:
    a slot no span covers is its own 1x1 cell, met there only once; a span is laid out where first met
    (the later of two spans over a slot owns it, as in owner_map)."""
    n_rows, n_piece_cols = len(rows), len(rows[0]) if rows else 0
    spanned = owner_map(n_rows, n_piece_cols, spans).by_row()
    new_rows: list[list[str | None]] = [[None] * n_cols for _ in rows]
    new_spans: list[Span] = []
    seen: set[Span] = set()
    same = n_cols == n_piece_cols and all(cmap[c] == c for c in range(n_cols + 1))
    for r in range(n_rows):
        over = spanned.get(r)
        row = rows[r]
        if same and not over and len(row) == n_cols:  # the columns unchanged (most page breaks): a row of
            new_rows[r] = ["" if text is None else text for text in row]  # 1x1 cells is copied, "" for None
            continue
        owners: dict[int, Span] = {}
        if over:
            for span in over:
                for c in range(span[1], min(span[1] + span[3], n_piece_cols)):
                    owners[c if c >= 0 else c + n_piece_cols] = span  # (a list's index, as owner_map's)
        new_row = new_rows[r]
        for c0 in range(n_piece_cols):
            cell = owners.get(c0) if owners else None
            if cell is None:  # a 1x1 cell of its own
                nc0, nc1 = cmap[c0], cmap[c0 + 1]
                text = row[c0]
                new_row[nc0] = text if text is not None else ""
                if nc1 - nc0 > 1:
                    new_spans.append((r, nc0, 1, nc1 - nc0))
                continue
            if cell in seen:
                continue
            seen.add(cell)
            r0, c1, rs, cs = cell
            nc0, nc1 = cmap[c1], cmap[c1 + cs]
            new_rows[r0][nc0] = rows[r0][c1] if rows[r0][c1] is not None else ""
            if rs > 1 or nc1 - nc0 > 1:
                new_spans.append((r0, nc0, rs, nc1 - nc0))
    return new_rows, new_spans
