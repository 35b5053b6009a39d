"""Stitch: tables continued over page breaks joined into one Table each."""

from __future__ import annotations

from extractor.locate.settings import DEFAULT_SETTINGS, TableSettings
from extractor.model import Grid, Table, Warning
from extractor.stitch.columns import remap
from extractor.stitch.continuation import QUIET, continues, starts_again
from extractor.stitch.join import TableBuilder, TopCell, append_piece


def stitch_tables(grids: list[Grid], warnings: list[Warning], settings: TableSettings = DEFAULT_SETTINGS
                  ) -> list[Table]:
    """Tables in document order; a grid that continues the table before it is joined onto it.

    Where the producer prints a split merged cell's text after the break though the part before had room
    (TableBuilder.texts_after_break), that is its convention over the whole document, pages before the one
    that shows it included: the tables are joined again knowing it from the first page on, and knowing what
    the first row of each piece after a break prints (a merged cell's part over a whole page is then told a
    middle part of a cell going on from a new cell whose text a later part prints)."""
    stitching = Stitching(settings)
    stitching.add(grids)
    return stitching.tables()


class Stitching:
    """stitch_tables given the grids a few pages at a time: the joinings go on as they come (extract --jobs
    joins each page range as it arrives, while the workers read the next); tables() ends them. The second
    joining starts once the first has found the after-the-break convention, and goes as far as what the
    first knows of the pieces after each grid is final. The same tables either way."""

    def __init__(self, settings: TableSettings = DEFAULT_SETTINGS) -> None:
        self.settings = settings
        self.grids: list[Grid] = []
        self._top_cells: dict[int, list[TopCell]] = {}
        self._builders: list[TableBuilder] = []
        self._again: list[TableBuilder] | None = None  # the second joining, once begun
        self._again_done = 0  # grids it has joined
        self._again_tops: dict[int, list[TopCell]] = {}  # (one dict for the whole joining, as the first's)

    def add(self, grids: list[Grid]) -> None:
        """The next grids, in document order."""
        start = len(self.grids)
        self.grids += grids
        _join(self.grids, start, len(self.grids), self.settings, False, self._top_cells, None, self._builders)
        if self._again is None and any(b.texts_after_break for b in self._builders):
            self._again = []
        if self._again is not None:
            # _joined_after looks at the grids the first joining joined after each one, up to one it did not
            # join: final for every grid before the last such grid yet
            ready = next((i for i in range(len(self.grids) - 1, self._again_done, -1)
                          if id(self.grids[i]) not in self._top_cells), self._again_done)
            self._join_again(ready)

    def _join_again(self, end: int) -> None:
        _join(self.grids, self._again_done, end, self.settings, True, self._again_tops, self._top_cells,
              self._again)
        self._again_done = max(self._again_done, end)

    def tables(self) -> list[Table]:
        builders = self._builders
        if any(b.texts_after_break for b in builders):  # again, knowing what the pieces after each one print
            if self._again is None:
                self._again = []
            self._join_again(len(self.grids))
            builders = self._again
        return [b.build() for b in builders]


def _join(grids: list[Grid], start: int, end: int, settings: TableSettings, texts_after_break: bool,
          top_cells: dict[int, list[TopCell]], known: dict[int, list[TopCell]] | None,
          builders: list[TableBuilder]) -> None:
    """The tables of grids[start:end] joined onto `builders` (those of grids[:start]): each grid joined onto
    the one before or begun anew. `top_cells` collects each joined piece's first-row cells
    (TableBuilder.top_cells); `known` is that of an earlier joining."""
    for i in range(start, end):
        grid = grids[i]
        first_on_page = i == 0 or grids[i - 1].page != grid.page
        if builders and first_on_page:
            prev = builders[-1].grids[-1]
            last_on_page = grids[i - 1] is prev
            found = continues(prev, grid, first_on_page, last_on_page, builders[-1].caption, builders[-1].xs,
                              settings)
            if found is not None:
                (union, table_map, piece_map), verdict = found
                rows, spans = remap(grid.rows, grid.spans, piece_map, len(union) - 1)
                b = builders[-1]
                table_rows, table_spans = remap(b.rows, b.spans, table_map, len(union) - 1)
                new_table = bool(rows) and starts_again(table_rows[0], rows[0])
                if not new_table and (verdict == QUIET or (rows and any(rows[0]) and rows[0] == table_rows[0])):
                    b.xs, b.rows, b.spans = union, table_rows, table_spans
                    b.next_tops = None if known is None else _joined_after(grids, i, known)
                    append_piece(b, grid, rows, spans)
                    continue
        builders.append(TableBuilder.start(grid))
        builders[-1].top_cells = top_cells  # (one dict for the whole joining)
        # one producer's convention over the whole document
        builders[-1].texts_after_break = builders[-2].texts_after_break if len(builders) > 1 else texts_after_break


def _joined_after(grids: list[Grid], i: int, known: dict[int, list[TopCell]]) -> list[list[TopCell]]:
    """The first-row cells of the grids an earlier joining joined after grid i, up to the first it did not."""
    out = []
    for grid in grids[i + 1:]:
        if id(grid) not in known:
            break
        out.append(known[id(grid)])
    return out


__all__ = ["Stitching", "stitch_tables"]
