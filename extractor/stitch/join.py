"""Joining a continuation piece onto its table: repeated header dropped, cut row made whole, merged cells
carried across the page break."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from extractor.extract.place import clean_cell
from extractor.interpret.labels import indicator_field, is_level2_name, is_whole_label, other_level_group
from extractor.model import Grid, Table, TablePart, TextLine
from extractor.normalize.dates import DATE_PATTERN
from extractor.normalize.value import parse_value
from extractor.stitch.columns import Span, owner_map

_HEADER_SEARCH_ROWS = 12  # a repeated header is looked for among the table's first rows


class TopCell(NamedTuple):
    """A cell of a joined piece's first row: its x span, whether it has text, whether it fills the piece."""
    x0: float
    x1: float
    text: bool
    whole: bool


@dataclass
class TableBuilder:
    xs: list[float]
    rows: list[list[str | None]]
    spans: list[Span]
    row_pages: list[int]
    row_tops: list[float]
    caption: list[TextLine]
    grids: list[Grid] = field(default_factory=list)
    cut_rows: dict[int, int] = field(default_factory=dict)  # row -> the page its cut end is printed on
    # a merged cell of this table or one before it printed its text after a page break (backfilled_cells)
    # though its part before the break had as many rows: the document's producer puts a split cell's text
    # in its part after the break where it fits there
    texts_after_break: bool = False
    # the top and bottom of each row of the piece being joined (append_piece), for cell heights
    piece_rows: list[tuple[float, float]] = field(default_factory=list)
    # the first-row cells of the pieces joined after the one being joined, in order (TopCell; known when the
    # tables are joined a second time: stitch_tables), None where not known
    next_tops: list[list[TopCell]] | None = None
    # each joined piece's first-row cells, by id of its grid (filled on every joining, read on the second)
    top_cells: dict[int, list[TopCell]] = field(default_factory=dict)
    # the table cells the piece being joined printed the text of (backfilled_cells): cells going on
    moved_up: set[Span] = field(default_factory=set)

    @classmethod
    def start(cls, grid: Grid) -> TableBuilder:
        return cls(xs=list(grid.col_xs), rows=[list(r) for r in grid.rows], spans=list(grid.spans),
                   row_pages=[grid.page] * len(grid.rows), row_tops=list(grid.row_tops), caption=list(grid.caption),
                   grids=[grid])

    def merged_columns(self) -> set[int]:
        """Columns where the table has cells merged over several rows (一级/二级指标, block labels): an empty
        cell there at a page break may be part of such a cell rather than a cell of its own. Cells merged down
        from the first row are the column heads (绩效指标性质 over two header rows) and do not count."""
        head = max((r0 + rs for r0, _, rs, _ in self.spans if r0 == 0), default=1)
        return {c0 for r0, c0, rs, cs in self.spans if rs > 1 and cs == 1 and r0 >= head}

    def last_row_owners(self) -> list[Span]:
        return owner_map(len(self.rows), len(self.xs) - 1, self.spans)[-1]

    def text(self, cell: Span) -> str:
        return self.rows[cell[0]][cell[1]] or ""

    def build(self) -> Table:
        return Table(parts=[TablePart(page=g.page, bbox=g.bbox) for g in self.grids], rows=self.rows,
                     spans=sorted(self.spans), engine=self.engine(), row_pages=self.row_pages,
                     caption=self.caption, grids=self.grids, row_tops=self.row_tops, cut_rows=self.cut_rows)

    def engine(self) -> str:
        """What made the table's grids: the engine, and every inference any part needed (camelot+text_rows
        when one page's rows came from text lines), so a grid inferred on one page is not hidden."""
        base = self.grids[0].engine.split("+")[0]
        inferred = dict.fromkeys(x for g in self.grids for x in g.engine.split("+")[1:])
        return "+".join([base, *inferred])


def _meaningful(row: list[str | None]) -> bool:
    return any(v for v in row)


def repeated_header_rows(table_rows: list[list[str | None]], rows: list[list[str | None]]) -> int:
    """How many of the piece's first rows repeat, in order, rows of the table's head (its header).

    In order but not necessarily adjacent: a page may repeat the title and column-header rows without a
    row printed between them on the first page only (Taiwan 計畫內容).
    """
    head = table_rows[:_HEADER_SEARCH_ROWS]
    k, j = 0, 0
    while k < len(rows) and _meaningful(rows[k]):
        try:
            j = head.index(rows[k], j) + 1
        except ValueError:
            break
        k += 1
    return k


def _drop_rows(rows: list[list[str | None]], spans: list[Span], k: int
               ) -> tuple[list[list[str | None]], list[Span]]:
    """The piece without its first k rows; a merged cell reaching below them keeps its lower part, empty."""
    if k == 0:
        return rows, spans
    new_rows = [list(r) for r in rows[k:]]
    new_spans: list[Span] = []
    for r0, c0, rs, cs in spans:
        if r0 >= k:
            new_spans.append((r0 - k, c0, rs, cs))
        elif r0 + rs > k:
            rest = r0 + rs - k
            new_rows[0][c0] = ""
            if rest > 1 or cs > 1:
                new_spans.append((0, c0, rest, cs))
    return new_rows, new_spans


def continuing_cells(builder: TableBuilder, rows: list[list[str | None]], spans: list[Span],
                     leading: bool = True) -> dict[Span, Span]:
    """Piece cells at the top that continue a cell of the table across the break: piece cell -> table cell.

    An empty top cell under a labelled table cell of the same columns continues it when either side is
    merged over several rows (一级指标 split by the break), or - with `leading` - when it belongs to the row's
    leading run of empty cells before the row's text starts (a 二级指标 merged over the break, one row on
    each side).
    """
    if not rows:
        return {}
    top = owner_map(len(rows), len(rows[0]), spans)[0]
    above = builder.last_row_owners()
    first_text = next((c for c, v in enumerate(rows[0]) if v), None)
    # table cells under which the piece prints text of its own: a cell within the rows of one of these, to its
    # right, ended with it (a unit row at the page top, under a list group: 项目名称 anew, 绩效目标 and a merged
    # 一级指标 empty); not under an empty one, whose text the piece prints after the break (backfilled_cells: a
    # 一级指标 `产出指标` beside its 二级指标 going on)
    restarted = {above[c] for c, v in enumerate(rows[0]) if v and builder.text(above[c])}
    ended: set[Span] = set()  # table cells the after-the-break evidence below ends
    out: dict[Span, Span] = {}
    for cell in dict.fromkeys(top):
        r0, c0, rs, cs = cell
        if r0 != 0 or rows[0][c0]:
            continue
        owner = above[c0]
        if owner[1] != c0 or owner[3] != cs or not builder.text(owner):
            continue
        if any(o[0] <= owner[0] and owner[0] + owner[2] <= o[0] + o[2] and o[1] < c0 for o in restarted):
            continue
        if not is_whole_label(builder.text(owner)) and any(
                o[0] <= owner[0] and owner[0] + owner[2] <= o[0] + o[2] and o[1] < c0 for o in ended):
            continue  # (a level right of it is left to the level rules: 经济效益指标 beside 效益指标)
        if c0 + cs < len(rows[0]) and other_level_group(builder.text(owner), rows[0][c0 + cs]) \
                and _level_column(builder, c0 + cs):
            continue  # 产出指标 above, 经济效益指标 beside: a 一级指标 of its own, its text printed later
        if _ended_before(builder, rows, cell, owner):
            if owner not in builder.moved_up:  # (not a cell whose text this piece printed: it goes on)
                ended.add(owner)  # and the group's cells right of it within its rows ended with it (其他资金)
            continue  # where this table prints a split cell's text after the break, a text printed before
            # it ended there: the part after it, as tall, would have held it (质量指标 | an empty 时效指标).
            # Not a part over the whole piece that the next pieces show to end empty: a middle part of the
            # cell going on, its last part too short for the text, printed in its first (random seed 11052)
        if owner[2] > 1 or rs > 1 or (leading and first_text is not None and c0 + cs <= first_text):
            out[cell] = owner
    return out


AMOUNT = regex.compile(r"[-+]?[\d,，.]+%?")  # 4,620,000 / 48.5 / 90%: a figure, never a merged label
_GOES_ON = regex.compile(r"[\d,，.]")  # how the rest of a figure cut by the break begins
_VALUE_START = regex.compile(r"\s*[≥≤=＝<>＜＞≦≧⩾⩽]")  # how a value with its comparison begins


def _level_column(builder: TableBuilder, col: int) -> bool:
    """Is the table's column one of second-level names: is its last text above the break a name the
    vocabulary knows? Only beside such a column does a name of another level group show a level ended: a
    三级指标 may read as a level name (服务对象满意度指标 as an indicator's name, beside 二级指标 成本指标
    going on; random seed 40338)."""
    last = next((row[col] for row in reversed(builder.rows) if col < len(row) and row[col]), None)
    return is_level2_name(last)


def _ended_before(builder: TableBuilder, rows: list[list[str | None]], cell: Span, owner: Span) -> bool:
    """Did the table cell's text, printed before the break, end there, though the piece's empty cell at the
    top lies under it? So where this table prints a split cell's text after the break: the piece's part, as
    tall, would have held it. Not a part over the whole piece that the next pieces show to end empty: a middle
    part of the cell going on, its last part too short for the text, printed in its first (random seed 11052)."""
    return (builder.texts_after_break and cell[2] > 1
            and not (cell[2] >= len(rows) and _ends_empty(builder, cell[1], cell[3])) and _as_tall(builder, cell, owner))


def _heights(builder: TableBuilder, piece_cell: Span, owner: Span) -> tuple[float, float] | None:
    """(height of the table cell's part on the page before the break, height of the piece's cell after
    it), or None where not known."""
    grid = builder.grids[-1]
    page = builder.row_pages[-1]
    first = next((r for r in range(owner[0], len(builder.rows)) if builder.row_pages[r] == page), None)
    end = piece_cell[0] + piece_cell[2] - 1
    if first is None or not grid.row_bottoms or grid.page != page or end >= len(builder.piece_rows):
        return None
    return (grid.row_bottoms[-1] - builder.row_tops[first],
            builder.piece_rows[end][1] - builder.piece_rows[piece_cell[0]][0])


def _as_tall(builder: TableBuilder, piece_cell: Span, owner: Span) -> bool:
    """Would the piece's cell hold the table cell's text: is it at least as tall as the table cell's part
    before the break (which held it), or as that text with the padding the page's rows leave? False where
    not known."""
    h = _heights(builder, piece_cell, owner)
    if h is None:
        return False
    need = _text_height(builder, owner)
    return h[1] >= h[0] - 0.5 or (need is not None and h[1] >= need - 0.5)


def _text_height(builder: TableBuilder, owner: Span, tol: float = 2.0) -> float | None:
    """The height the text of a cell of the table's last row takes on its page, with the padding most of
    the page's rows leave (_padding); None where not known."""
    grid = builder.grids[-1]
    if not grid.col_xs or builder.row_pages[-1] != grid.page or len(grid.row_bottoms) != len(grid.rows):
        return None
    owners = owner_map(len(grid.rows), len(grid.col_xs) - 1, grid.spans)
    pad = _padding(grid, owners)
    dx = builder.xs[0] - grid.col_xs[0]
    for r0, c0, _, _ in dict.fromkeys(owners[-1]):
        if abs(builder.xs[owner[1]] - grid.col_xs[c0] - dx) <= tol and (r0, c0) in grid.text_tops \
                and (r0, c0) in grid.text_bottoms and pad is not None:
            return grid.text_bottoms[r0, c0][0] - grid.text_tops[r0, c0][0] + pad
    return None


def _piece_text_height(builder: TableBuilder, grid: Grid, k: int, cell: Span, tol: float = 2.0) -> float | None:
    """The height the text of a piece cell at the top (below k repeated header rows) takes on the piece's
    page, with the padding most of its rows leave; None where not known."""
    if not grid.col_xs or len(grid.row_bottoms) != len(grid.rows) or k >= len(grid.rows):
        return None
    dx = builder.xs[0] - grid.col_xs[0]
    col = next((c for c, x in enumerate(grid.col_xs) if abs(builder.xs[cell[1]] - x - dx) <= tol), None)
    pad = _padding(grid, owner_map(len(grid.rows), len(grid.col_xs) - 1, grid.spans))
    if col is None or pad is None or (k, col) not in grid.text_tops or (k, col) not in grid.text_bottoms:
        return None
    return grid.text_bottoms[k, col][0] - grid.text_tops[k, col][0] + pad


def _first_part_height(builder: TableBuilder, owner: Span) -> float | None:
    """The height of a table cell's part on the page it begins on, where it runs over a break; None where not
    known."""
    page = builder.row_pages[owner[0]]
    grid = next((g for g in builder.grids if g.page == page and g.row_bottoms), None)
    if grid is None or builder.row_pages[owner[0] + owner[2] - 1] == page:
        return None
    return grid.row_bottoms[-1] - builder.row_tops[owner[0]]


def _padding(grid: Grid, owners: list[list[Span]]) -> float | None:
    """What most rows of the page piece leave free of their height besides their fullest one-row cell's
    text: the cells' padding (a row is as tall as its fullest cell but where a merged cell made it taller)."""
    fullest: dict[int, float] = {}
    for (r, c), (bottom, _, _, _) in grid.text_bottoms.items():
        cell = owners[r][c]
        if (r, c) in grid.text_tops and cell[2] == 1 and r < len(grid.row_bottoms):
            free = grid.row_bottoms[r] - grid.row_tops[r] - (bottom - grid.text_tops[r, c][0])
            fullest[r] = min(fullest.get(r, free), free)
    return sorted(fullest.values())[len(fullest) // 2] if fullest else None


def backfilled_cells(builder: TableBuilder, rows: list[list[str | None]], spans: list[Span],
                     carried: dict[Span, Span]) -> dict[Span, Span]:
    """Piece cells at the top whose text belongs to an empty cell of the table's last row: piece cell ->
    table cell.

    A merged cell split by the page break may print its text in the part after the break (一级指标 over two
    rows, one on each page, its text on the second): the table's part is then an empty cell in its row's
    leading run (before the row's own text starts; cells merged from above are passed over), under the
    piece's text in the same columns, or under an empty cell of the piece's leading run (the text comes on
    a later page).
    """
    if not rows or not builder.rows:
        return {}
    top = owner_map(len(rows), len(rows[0]), spans)[0]
    last = len(builder.rows) - 1
    piece_text_start = next((c for c, v in enumerate(rows[0]) if v), len(rows[0]))
    # (or the piece merges: a table's first group, of one row before the break)
    merged_columns = builder.merged_columns() | {c0 for _, c0, rs, cs in spans if rs > 1 and cs == 1}
    owners = list(dict.fromkeys(builder.last_row_owners()))
    # a row group complete before the break: a cell merged over exactly the same rows, left of the empty one,
    # has its text (a list table's group: 项目名称, 项目总额 printed, 其他资金 empty as the project has none;
    # a label split by the break is the coarser one, left of its filled finer labels)
    # (only where that cell does not go on over the break: the piece's cell under it has text of its own, the
    # next group's; where it goes on, the group goes on, and its empty cells may be split like any other)
    # (or where the after-the-break evidence ends it: its text printed before the break though the piece's
    # part, as tall, would have held it; the next group's texts come on a later page. Not a cell found going
    # on, `carried`: its text clipped at the page's foot and printed on after the break)
    going_on = set(carried.values())
    filled_from_above = [o for o in owners if o[0] < last and builder.text(o) and (
        rows[0][o[1]] or (o not in going_on and top[o[1]][0] == 0 and top[o[1]][1] == o[1]
                          and top[o[1]][3] == o[3] and top[o[1]][2] >= len(rows)
                          and _ended_before(builder, rows, top[o[1]], o)))]
    text_right_of = {o[1]: any(builder.text(r) for r in owners if r[1] >= o[1] + o[3]) for o in owners}
    out: dict[Span, Span] = {}
    leading = True
    for owner in owners:
        text = builder.text(owner)
        if owner[0] < last and text:
            continue  # merged from above with its text: passed over
        if text:
            leading = False  # the row's own text starts
            continue
        below = top[owner[1]]
        if any(o[0] == owner[0] and o[2] == owner[2] and o[1] < owner[1] for o in filled_from_above) \
                and not (below[0] == 0 and is_whole_label(rows[0][below[1]])):
            continue  # right of a filled cell over the same rows: empty as printed, not split (but a level
            # name after the break is this cell's: 效益指标 | empty, 经济效益指标 after the break)
        cell = top[owner[1]]
        value_of_label = not leading and _beside_going_label(builder, rows, top, owners, owner, cell, out)
        if not leading and (owner[1] not in merged_columns or not text_right_of[owner[1]]) \
                and not (cell[0] == 0 and text_right_of[owner[1]] and is_whole_label(rows[0][cell[1]])) \
                and not value_of_label:
            continue  # beside the row's own text only a merged label, left of the row's leaf cells (known by
            # the table merging cells in its column, or by its text: 服务对象满意度指标 after the break), or
            # a label's value, going on over the break with it
        if cell[0] == 0 and cell[1] == owner[1] and cell[3] == owner[3] and cell not in carried:
            if rows[0][cell[1]]:
                if not leading and AMOUNT.fullmatch(rows[0][cell[1]]) and not value_of_label and not _group_goes_on(
                        builder, rows, top, owners, owner, cell, merged_columns):
                    continue  # a merged label is words; an amount beside the row's text is the next row's
                    # (but where the row group's filled cells go on empty, printed once: its 项目总额; or where
                    # it is the value of a label going on with it)
                out[cell] = owner
            elif cell[1] < piece_text_start:
                out[cell] = owner  # empty on both sides: one cell whose text comes on a later page
    # an empty merged cell of a group whose other cells go on over the break (over the same rows on each side)
    # goes on with them (其他资金 empty where a project has none, its 项目名称 and 项目总额 printed after the break;
    # a cell of one row on each side where the table merges cells in its column: a group's one row each side)
    for owner in owners:
        cell = top[owner[1]]
        if (cell not in out and cell not in carried and cell[0] == 0 and cell[1] == owner[1] and cell[3] == owner[3]
                and (max(owner[2], cell[2]) > 1 or owner[1] in merged_columns)
                and not builder.text(owner) and not rows[0][cell[1]]
                and any(o[0] == owner[0] and o[2] == owner[2] and c[2] == cell[2] for c, o in out.items())):
            out[cell] = owner
    if not any(builder.rows[last][c] for c in range(len(builder.rows[last]))) or piece_text_start == len(rows[0]):
        return {}  # an empty row is not a row of merged cells
    return out


def _beside_going_label(builder: TableBuilder, rows: list[list[str | None]], top: list[Span], owners: list[Span],
                        owner: Span, cell: Span, moved: dict[Span, Span]) -> bool:
    """Is the empty table cell `owner` the value of the label left of it, over the same rows, that goes on
    over the break: the label's part after it empty and as many rows as the value's part `cell`, which holds
    a value (a form's 其中：财政资金 | empty, then empty | `33,679,798.48`: the amount printed in the part after
    the break of a cell merged over two rows)? Only where the piece's first row prints nothing left of the
    label but texts moved up (`moved`: 项目资金（元） printed after the break too)."""
    left = next((o for o in owners if o[1] + o[3] == owner[1] and o[0] == owner[0] and o[2] == owner[2]), None)
    if left is None or not is_whole_label(builder.text(left)) or cell[0] != 0 or not rows[0][cell[1]] \
            or is_whole_label(rows[0][cell[1]]):
        return False
    under = top[left[1]]
    return (under[0] == 0 and under[1] == left[1] and under[3] == left[3] and under[2] == cell[2]
            and not rows[0][left[1]] and all(not rows[0][c] or top[c] in moved for c in range(left[1])))


def _group_goes_on(builder: TableBuilder, rows: list[list[str | None]], top: list[Span], owners: list[Span],
                   owner: Span, cell: Span, merged: set[int]) -> bool:
    """Do the cells of the table's last row over the same rows as `owner`, in merged columns, go on over
    the break: some filled one has an empty piece cell under it over the same rows as `cell`, and none has
    a text of its own there (a new group prints its cells anew)?"""
    under = [(o, top[o[1]]) for o in owners if o[0] == owner[0] and o[2] == owner[2] and o[1] in merged
             and builder.text(o) and not is_whole_label(builder.text(o))]  # (a level name is the indicator
    # row's, not the group's: a new row after the break prints its own 一级/二级指标 beside the group going on)
    under = [(o, c) for o, c in under if c[0] == 0 and c[1] == o[1] and c[3] == o[3] and c[2] == cell[2]]
    return bool(under) and all(not rows[0][c[1]] for _, c in under)


def _bare(text: str) -> str:
    return regex.sub(r"\s+", "", text)


def clipped_cells(builder: TableBuilder, rows: list[list[str | None]], spans: list[Span]) -> dict[Span, Span]:
    """Piece cells at the top that print the part of a table cell its page hid below the break: piece cell ->
    table cell.

    Some exporters cut the row at the page break and draw each cut cell's whole text on both pages, each
    page clipping it to its own part (Beijing 预算表12: `11000022T000000` over the break, `456102-成本监审工作
    经费` after it). The glyphs the table's page hid under its bottom edge (Grid.hidden_below) then read as
    the piece cell's text, or begin with it when the cell runs on over a further page: that is one cell.
    """
    grid = builder.grids[-1]
    if not rows or not grid.hidden_below:
        return {}
    from extractor.extract.place import cell_text
    from extractor.locate.settings import DEFAULT_SETTINGS

    top = owner_map(len(rows), len(rows[0]), spans)[0]
    above = builder.last_row_owners()
    xs = builder.xs
    out: dict[Span, Span] = {}
    for cell in dict.fromkeys(top):
        r0, c0, rs, cs = cell
        if r0 != 0 or not rows[0][c0]:
            continue
        owner = above[c0]
        if owner[1] != c0 or owner[3] != cs:
            continue
        left, right = xs[c0], xs[c0 + cs]
        hidden = [ch for ch in grid.hidden_below if left <= ch.cx <= right]
        if hidden and _bare(cell_text(hidden, DEFAULT_SETTINGS)).startswith(_bare(rows[0][c0])):
            out[cell] = owner
    return out


def split_labels(builder: TableBuilder, rows: list[list[str | None]], spans: list[Span],
                 taken: dict[Span, Span]) -> dict[Span, Span]:
    """Piece cells at the top holding the rest of a label cut by the page break: piece cell -> table cell.

    A merged label whose text does not fit in its part before the break goes on in the part after it
    (`项目资金（` | `元）`, `资金支` | `出计划（%）`, `满意度` | `指标`): a cell of the table's last row and the
    piece's top cell in the same columns both have text, and joined they make one label the vocabulary
    knows whole (labels.is_whole_label). Two labels of their own (`产出指标` | `效益指标`) never make one.
    """
    if not rows or not builder.rows:
        return {}
    top = owner_map(len(rows), len(rows[0]), spans)[0]
    above = builder.last_row_owners()
    out: dict[Span, Span] = {}
    for cell in dict.fromkeys(top):
        r0, c0, rs, cs = cell
        if cell in taken or r0 != 0 or not rows[0][c0]:
            continue
        owner = above[c0]
        if owner[1] != c0 or owner[3] != cs or not builder.text(owner):
            continue
        joined = _joined(builder.text(owner), rows[0][c0] or "")
        if is_whole_label(joined) or (builder.text(owner)[-1] in ".,，" and AMOUNT.fullmatch(joined)):
            out[cell] = owner  # (or an amount cut after its point or a separator: `12120371.` | `51`)
    return out


def _ends_empty(builder: TableBuilder, c0: int, cs: int) -> bool:
    """Do the pieces after the one being joined show an empty cell under these columns in their first row,
    going on over each whole piece until it ends in one (no text of its own printed in any part)?"""
    x0, x1 = builder.xs[c0], builder.xs[c0 + cs]
    for tops in builder.next_tops or []:
        cell = next((t for t in tops if t.x0 < x1 - 1 and t.x1 > x0 + 1), None)
        if cell is None or cell.text:
            return False
        if not cell.whole:
            return True
    return False


def _whole_value(text: str) -> bool:
    """Does the text read as one VALUE, a figure and nothing left over (`90%-100%`, `低于80%`, `15个`)?"""
    value = parse_value(text)
    return value.number is not None and value.text is None


def _date_goes_on(first: str, rest: str) -> bool:
    """Does a figure go on over the break as a date (`2025` | `年11月17日前`): the two read as one date
    reaching into the rest?"""
    m = DATE_PATTERN.match(_joined(first, rest))
    return m is not None and m.end() > len(first.strip())


def _joined(first: str, rest: str) -> str:
    """The text of a cell printed in two parts, one on each side of a page break."""
    return clean_cell(first + "\n" + rest)


def cut_row(builder: TableBuilder, rows: list[list[str | None]], spans: list[Span],
            carried: dict[Span, Span]) -> dict[Span, Span] | None:
    """If the piece's first row is the end of the table's last row (cut by the page break), the pairs
    piece cell -> table cell whose texts join; else None.

    Such a row holds text only in some cells, each under a filled cell of the last row, and is mostly empty
    where the last row has text (`稿)》` alone under the end of a long basis text).
    """
    if not rows:
        return None
    top = owner_map(len(rows), len(rows[0]), spans)[0]
    above = builder.last_row_owners()
    joins: dict[Span, Span] = {}
    empty_under_text: list[int] = []
    for cell in dict.fromkeys(top):
        if cell in carried:
            continue
        r0, c0, rs, cs = cell
        if r0 != 0 or rs > 1:
            return None
        owner = above[c0]
        same_columns = owner[1] == c0 and owner[3] == cs
        if rows[0][c0]:
            if not same_columns or not builder.text(owner):
                return None
            rest = rows[0][c0].strip()
            if AMOUNT.fullmatch(builder.text(owner).strip()) and (AMOUNT.fullmatch(rest) or not (
                    _GOES_ON.match(rest) or _whole_value(_joined(builder.text(owner), rest))
                    or _date_goes_on(builder.text(owner), rest))):
                return None  # an amount never goes on in another (a unit row at the page top, under a group),
                # nor in words (`263.5` | `基本消除`: a row of its own); its own digits may (`211,20` | `5％以下`),
                # its unit (`799,407` | `元`), and a date's year its months (`2025` | `年11月17日前`)
            if is_whole_label(rows[0][c0]) and is_whole_label(builder.text(owner)):
                return None  # nor a label in another (`产出指标` | `效益指标`: a row of its own)
            if _VALUE_START.match(rest) and _VALUE_START.match(builder.text(owner)):
                return None  # nor a value in another (`＝18人次` | `＞711,038份`)
            if _whole_value(rest) and _whole_value(builder.text(owner)) and not _whole_value(
                    _joined(builder.text(owner), rest)):
                return None  # nor two figures that do not make one (`90%-100%` | `100%`: a new grade row)
            joins[cell] = owner
        elif same_columns and builder.text(owner):
            empty_under_text.append(c0)
    if not joins:
        return None
    first_text = min(c for _, c, _, _ in joins)
    inner = [c for c in empty_under_text if c > first_text]
    if (len(joins) < len(empty_under_text) and not _one_ended(builder, rows[0], joins)) or (
            len(joins) == len(empty_under_text) and all_full(builder, rows[0], joins)):
        return joins  # (as many texts as empty cells: cut only where each text goes on from a cell printed
        # full: not `<26工作日` | `按时完成` under merged 一级/二级指标 going on, nor `17` | `有效提升` beside an
        # empty 指标性质 and 度量单位)
    if carried and len(joins) == len(set(top)) - len(carried) == 1 and all_full(builder, rows[0], joins):
        return joins  # one text cell beside a merged label continuing over the break: the rest of a cut
        # 资金用途 or 绩效目标 text, which has no cell of its own to be a new row with (where it was printed to
        # its cell's end: not `12月底` | `100%` under 资金支出计划（%）, a row of labels and one of figures)
    # Every text goes on from a cell printed full to the page's end (all_full), and the row is empty only
    # where every other row has text (指标值, 绩效指标描述) or nowhere: no row of its own. (An empty cell left
    # of its text may be a merged 一级/二级指标 going on over the break: no evidence either way.)
    if not all_full(builder, rows[0], joins, unknown=False):
        return None
    if not inner and len(joins) >= 2 or any(every_row_fills(builder, rows, spans, c) for c in inner):
        return joins
    return None


def _one_ended(builder: TableBuilder, top: list[str | None], joins: dict[Span, Span]) -> bool:
    """Does some value of the table's last row that `joins` would go on show that it ended before the break
    (all_full false for it, its geometry known)? A new row beside merged levels going on (`良` |
    `持续有效运行`, `优` | `每季度末` beside an empty 一级/二级指标) leaves as many empty cells as a cut row's
    rest, but a value cut by the break fills its part."""
    texts = last_row_texts(builder)
    if not texts:
        return False
    lowest = max(t.bottom for t in texts.values())
    for cell, owner in joins.items():
        t = texts.get(owner[1])
        if t is None or t.lines > 1 or not _value_column(builder, owner[1]):
            continue  # only a one-line 指标值 says so: other texts wrap where their producer breaks words and
            # items (Xi'an `(5)资本性支出` | `(基本建设)`, Taiwan's `…服務。` | `三、…`), or where written (the
            # seed's `《承德高新区全` / `员招商实施办法` / `(征求意见` | `稿)》`)
        if not _printed_full(t, lowest, top[cell[1]] or ""):
            return True
    return False


def _value_column(builder: TableBuilder, col: int) -> bool:
    """Is the table's column headed as the indicator's value (指标值, 本年绩效指标值)?"""
    return any(col < len(row) and row[col] and indicator_field(row[col]) == "value" for row in builder.rows)


class LastText(NamedTuple):
    """Where a text of the table's last row ends in its cell, on the page piece that row was printed on."""
    bottom: float  # of its lowest character
    height: float  # of that character
    room: float  # the cell's width its last line leaves free
    free: float  # that width less the cell padding both sides
    lines: int  # printed lines


def last_row_texts(builder: TableBuilder, tol: float = 2.0) -> dict[int, LastText]:
    """Table column -> where the text of each cell of the table's last row with text ends ({} where it is
    not known).

    The padding is the least room any cell of the piece leaves left of its last line (a left-aligned or a
    full line shows it; a short centred one leaves more): never less than the true padding, so the free
    width is never overstated."""
    grid = builder.grids[-1]
    if (not grid.rows or not grid.col_xs or builder.row_pages[-1] != grid.page or not grid.row_tops
            or abs(builder.row_tops[-1] - grid.row_tops[-1]) > 0.5):
        return {}
    last = len(grid.rows) - 1
    owners = owner_map(len(grid.rows), len(grid.col_xs) - 1, grid.spans)[last]
    dx = builder.xs[0] - grid.col_xs[0]
    gaps = [(left - grid.col_xs[c], right - left > 1.5 * height)
            for (_, c), (_, height, left, right) in grid.text_bottoms.items()
            if c < len(grid.col_xs) and left >= grid.col_xs[c]]
    # (a line of one character says nothing where the column is narrower than it and its padding: it
    # overflows the padding, as a wrap never breaks inside a character: a one-character 一级指标 column)
    padding = min((g for g, wide in gaps if wide), default=min((g for g, _ in gaps), default=0.0))
    out: dict[int, LastText] = {}
    for r0, c0, _, cs in dict.fromkeys(owners):
        found = grid.text_bottoms.get((r0, c0))
        col = next((k for k, x in enumerate(builder.xs) if abs(x - grid.col_xs[c0] - dx) <= tol), None)
        if found is not None and col is not None:
            bottom, height, left, right = found
            x0, x1 = grid.col_xs[c0], grid.col_xs[c0 + cs]
            room = x1 - x0 - (right - left)
            lines = grid.text_tops.get((r0, c0), (0.0, 1))[1]
            out[col] = LastText(bottom, height, room, room - 2 * padding if gaps else 0.0, lines)
    return out


_FULL_BOTTOM = 0.4  # of a character's height: how far above the row's lowest text a full cell's text may end
_FULL_WIDTH = 2.0  # characters a wrapped line may leave free (the one that did not fit, one carried over
_PADDING = 8.0     # so that a closing mark does not start a line), besides the cell's padding both sides
_NO_LINE_START = frozenset("，。、；：？！）》」』】〕%％,.;:?!)]")  # marks a wrap never puts first on a line


# an item of a numbered list that goes on (`3、`, `（2）`; a `1.` begins a list of its own)
_ITEM_START = regex.compile(r"^\s*(?:0*(?:[2-9]|\d\d)\s*[.．、](?!\d)|[（(]\s*(?:0*(?:[2-9]|\d\d)|[二三四五六七八九十]"
                            r"|十[一二三四五六七八九])\s*[)）])")


def all_full(builder: TableBuilder, top: list[str | None], joins: dict[Span, Span], unknown: bool = True) -> bool:
    """Is the text of each of these cells of the table's last row printed to the end of its part of the
    cell: down to the row's lowest text, its last line wrapped at the cell's width? A text that goes
    on over the page break fills its cell to the page's end; one that ended before it (a short 一级指标 or
    指标值, `6242` in a wide cell) stops higher or leaves its cell's width free - unless the rest begins an
    item of its own (`3、…` after `2、履行办公室职`: a line broken before it on purpose). `joins`: piece cell ->
    table cell, as cut_row pairs them; `top` the piece's first row; `unknown` the answer without geometry."""
    texts = last_row_texts(builder)
    if not texts or any(owner[1] not in texts for owner in joins.values()):
        return unknown
    lowest = max(t.bottom for t in texts.values())
    return all(_printed_full(texts[owner[1]], lowest, top[cell[1]] or "") for cell, owner in joins.items())


def _printed_full(text: LastText, lowest: float, rest: str) -> bool:
    """all_full for one text of the last row, `lowest` the bottom of the row's lowest text, `rest` what the
    piece prints under it."""
    if text.bottom < lowest - _FULL_BOTTOM * text.height:
        return False
    if _ITEM_START.match(rest):
        return True
    if text.room > _PADDING + _FULL_WIDTH * text.height:
        return False
    # a wrapped line leaves less free than the character that did not fit (two, where one was carried
    # over with a closing mark that may not start a line): room for one more means the text ended there
    carried = len(rest) > 1 and rest[1] in _NO_LINE_START
    return text.free <= (2 if carried else 1) * text.height + 0.25


_LINE_SLACK = 0.02  # pt: how much less than a line a part's free room must be to hold no further line


def filled_parts(builder: TableBuilder, tol: float = 2.0) -> set[int]:
    """Table columns whose cell in the table's last row prints its text over the whole of its part of the
    cell on the page before the break: no room left for another line (its cell's height less its text's
    is within a line of what the row's fullest cell leaves in most rows of the page piece: the padding),
    and its last line wrapped at the cell's width. A text split by the break fills its part so (the producer prints there as many
    lines as fit); one that ended before it fills it only where it made the cell as tall (a long 绩效目标
    beside fewer indicator rows) and its last line happens to be full. Empty where not known."""
    grid = builder.grids[-1]
    if (not grid.rows or not grid.col_xs or builder.row_pages[-1] != grid.page or not grid.row_tops
            or len(grid.row_bottoms) != len(grid.rows) or abs(builder.row_tops[-1] - grid.row_tops[-1]) > 0.5):
        return set()
    owners = owner_map(len(grid.rows), len(grid.col_xs) - 1, grid.spans)
    free: dict[tuple[int, int], float] = {}
    pitches: list[float] = []
    for (r, c), (bottom, height, _, _) in grid.text_bottoms.items():
        if (r, c) not in grid.text_tops:
            continue
        top, n = grid.text_tops[r, c]
        cell = owners[r][c]
        free[r, c] = grid.row_bottoms[cell[0] + cell[2] - 1] - grid.row_tops[cell[0]] - (bottom - top)
        if n > 1:
            pitches.append((bottom - top - height) / (n - 1))
    least = _padding(grid, owners)
    if least is None:
        return set()
    # (a piece of one-line cells shows no line pitch: a line takes at least its characters' height)
    pitch = sorted(pitches)[len(pitches) // 2] if pitches else None
    dx = builder.xs[0] - grid.col_xs[0]
    out: set[int] = set()
    for r0, c0, _, cs in dict.fromkeys(owners[-1]):
        if (r0, c0) not in free:
            continue
        bottom, height, left, right = grid.text_bottoms[r0, c0]
        room = grid.col_xs[c0 + cs] - grid.col_xs[c0] - (right - left)
        col = next((k for k, x in enumerate(builder.xs) if abs(x - grid.col_xs[c0] - dx) <= tol), None)
        if col is not None and free[r0, c0] - least < (pitch or height) - _LINE_SLACK \
                and room <= _PADDING + _FULL_WIDTH * height:
            out.add(col)
    return out


def split_texts(builder: TableBuilder, rows: list[list[str | None]], spans: list[Span]) -> dict[Span, Span]:
    """Piece cells at the top that go on from a cell of a row group cut by the page break: piece cell ->
    table cell.

    A list prints a row group per project, its columns (项目名称, 项目总额, 绩效目标) merged over the group's
    rows. Cut by the break, each of its cells prints its text on one side of it, or - where the text fits
    on neither - as much as fits before the break (filled_parts) and the rest after it (`油烟检经` | `费`).
    The group goes on where such a split text is found, and no cell of the group's (over the same rows on
    each side, in columns the table merges) holds a text of its own on both sides: a new group at the page
    top prints its amounts anew, a group going on prints each amount once. Then every cell of the group
    goes on, its text joined or moved up (a split cell's rest is the piece cell's text)."""
    if not rows or not builder.rows:
        return {}
    full = filled_parts(builder)
    if not full:
        return {}
    top = owner_map(len(rows), len(rows[0]), spans)[0]
    above = list(dict.fromkeys(builder.last_row_owners()))
    merged = builder.merged_columns() | {c0 for _, c0, rs, cs in spans if rs > 1 and cs == 1}

    def under(owner: Span) -> Span | None:
        cell = top[owner[1]]
        return cell if cell[0] == 0 and cell[1] == owner[1] and cell[3] == owner[3] else None

    def own_text(text: str) -> bool:  # a text no split cell's rest can be: an amount, a label of its own
        return bool(AMOUNT.fullmatch(text.strip())) or is_whole_label(text)

    split: dict[Span, Span] = {}
    for owner in above:
        cell = under(owner)
        first, rest = builder.text(owner), rows[0][owner[1]] if cell else None
        if cell and owner[1] in merged and owner[1] in full and first and rest \
                and not own_text(first) and not own_text(rest) and not is_whole_label(_joined(first, rest)):
            split[cell] = owner
    out: dict[Span, Span] = {}
    for cell, owner in split.items():
        group = [(o, under(o)) for o in above if o[0] == owner[0] and o[2] == owner[2] and o[1] in merged]
        group = [(o, c) for o, c in group if c is not None and c[2] == cell[2]]
        both = [(o, c) for o, c in group if builder.text(o) and rows[0][c[1]] and c not in split
                and not is_whole_label(_joined(builder.text(o), rows[0][c[1]]))]  # (a label split too: 产出指 | 标)
        if any(not is_whole_label(rows[0][c[1]] or "") for _, c in both):
            continue  # a cell of the group printed anew: a new group
        if max(owner[2], cell[2]) == 1 and not any(bool(builder.text(o)) != bool(rows[0][c[1]])
                                                   and not is_whole_label(builder.text(o) or rows[0][c[1]] or "")
                                                   for o, c in group):
            continue  # one row on each side, and no cell printed on one side only: no evidence of a group (the
            # two may be rows of their own, the text a 三级指标 that ended at the break; a level name printed
            # before the break only is a merged 二级指标 going on over it, as a form prints it)
        out.update({c: o for o, c in group if (o, c) not in both})
    return out


def group_mates(builder: TableBuilder, rows: list[list[str | None]], spans: list[Span], moved: dict[Span, Span],
                taken: dict[Span, Span]) -> dict[Span, Span]:
    """Empty piece cells at the top that go on from a filled cell of a row group which `moved` (piece cell ->
    table cell: texts printed after the break, backfilled_cells) shows going on over the break: piece cell ->
    table cell. In a column the table merges, over the same rows on each side as a cell of `moved` (a list
    group of one row each side: 项目名称 printed after the break, 项目总额 and 一级指标 before it)."""
    if not rows or not moved:
        return {}
    top = owner_map(len(rows), len(rows[0]), spans)[0]
    merged = builder.merged_columns()
    groups = {(o[0], o[2], c[2]) for c, o in moved.items() if o[1] in merged}
    out: dict[Span, Span] = {}
    for owner in dict.fromkeys(builder.last_row_owners()):
        cell = top[owner[1]]
        if (cell not in taken and cell[0] == 0 and cell[1] == owner[1] and cell[3] == owner[3]
                and owner[1] in merged and not rows[0][cell[1]] and builder.text(owner)
                and (owner[0], owner[2], cell[2]) in groups):
            out[cell] = owner
    return out


_FILLED_EVIDENCE = 2  # rows of the table's own, besides the one cut, that show a column is always filled


def every_row_fills(builder: TableBuilder, rows: list[list[str | None]], spans: list[Span], col: int) -> bool:
    """Does every row laid out like the table's last row - its run of rows of the same cells, up to the
    break, and the piece's rows below its first - have text of its own in the cell at `col`?

    A row cut by the page break may go on in most of its cells (its 三级指标, description and basis are all
    long) and leave empty only the cells whose text ended before the break (a short 指标值). A row of its
    own is filled where all the rows around it are: an indicator row always has a value.
    """
    def layout(owners: list[Span]) -> list[tuple[int, int]]:
        return [(o[1], o[3]) for o in dict.fromkeys(owners)]

    def fills(owners: list[Span], r: int, texts: list[list[str | None]]) -> bool:
        o = owners[col]
        return o[:2] == (r, col) and o[2] == 1 and bool(texts[r][col])

    table = owner_map(len(builder.rows), len(builder.xs) - 1, builder.spans)
    shape = layout(table[-1])
    others = -1  # the last row itself is the one cut
    for r in range(len(table) - 1, -1, -1):
        if layout(table[r]) != shape:
            break
        if not fills(table[r], r, builder.rows):
            return False
        others += 1
    piece = owner_map(len(rows), len(rows[0]), spans)
    for r in range(1, len(piece)):
        if layout(piece[r]) != shape:
            break
        if not fills(piece[r], r, rows):
            return False
        others += 1
    return others >= _FILLED_EVIDENCE


def heads_columns(row: list[str | None]) -> bool:
    """Is this a row of indicator column heads (一级指标 | 二级指标 | 三级指标 | 指标值 …), every text in it?"""
    texts = [v for v in row if v]
    return len(texts) >= 3 and all(indicator_field(v) for v in texts)


def cut_heads(builder: TableBuilder, rows: list[list[str | None]], spans: list[Span]) -> dict[Span, Span] | None:
    """If the table's last row is a row of column heads cut by the page break and the piece's first row
    holds only the rest of some of them (`指标` | `值` in a narrow 指标值 column), the pairs piece cell ->
    table cell whose texts join; else None.

    Each text of the piece's first row lies under a head of the same columns and the two joined name an
    indicator column as well; every other cell of that row is empty and of one row (nothing merged runs
    down from a head row).
    """
    if not rows or not heads_columns(builder.rows[-1]):
        return None
    top = owner_map(len(rows), len(rows[0]), spans)[0]
    above = builder.last_row_owners()
    joins: dict[Span, Span] = {}
    for cell in dict.fromkeys(top):
        r0, c0, rs, cs = cell
        if r0 != 0 or rs > 1:
            return None
        if not rows[0][c0]:
            continue
        owner = above[c0]
        if owner[1] != c0 or owner[3] != cs or not builder.text(owner) \
                or not indicator_field(_joined(builder.text(owner), rows[0][c0] or "")):
            return None
        joins[cell] = owner
    return joins or None


def regroup_levels(builder: TableBuilder, rows: list[list[str | None]], spans: list[Span]) -> list[Span]:
    """Split the table's merged level cells that a second-level name after the break shows to have ended:
    the new cells (empty, their text still to come), in table rows.

    A cell of the table's last row, empty, begun below the top of the merged cell left of it (which a
    page break before made go on), gets its text from the piece (a 二级指标 printed after the break:
    服务对象满意度指标). Where the vocabulary puts that name only under first-level names other than the
    left cell's (效益指标), the left cell ended where this one began: a 一级指标 of its own starts there, empty
    (its text, 满意度指标, printed after this break or a later one).
    """
    if not rows or not builder.rows:
        return []
    above = builder.last_row_owners()
    out: list[Span] = []
    for c in range(1, len(rows[0])):
        owner, left = above[c], above[c - 1]
        text = rows[0][c]
        if (not text or owner[1] != c or builder.text(owner) or left[1] != c - 1 or left[0] >= owner[0]
                or left in out or not other_level_group(builder.text(left), text) or not _level_column(builder, c)):
            continue
        r0, c0, rs, cs = left
        if left in builder.spans:
            builder.spans.remove(left)
        if owner[0] - r0 > 1 or cs > 1:
            builder.spans.append((r0, c0, owner[0] - r0, cs))
        lower = (owner[0], c0, r0 + rs - owner[0], cs)
        if lower[2] > 1 or cs > 1:
            builder.spans.append(lower)
        builder.rows[owner[0]][c0] = ""
        out.append(lower)
    return out


def _covered(rules: list[tuple[float, float]], x: float) -> bool:
    return any(a <= x <= b for a, b in rules)


def ruled_off_columns(builder: TableBuilder, grid: Grid) -> set[int]:
    """Table columns ruled on both sides of the page break: under the table's last piece and over the new
    one. A cell cannot run over a break there (Xi'an 附表15 pp.39-40: 年度总体目标 ends at p.39's foot, p.40's
    left column is the next block's vertical label). Columns are matched by their middle, each piece's
    boundaries aligned on its first one as the column layouts are (columns.merge_columns)."""
    prev = builder.grids[-1]
    if not prev.bottom_rules or not grid.top_rules or not prev.col_xs or not grid.col_xs:
        return set()
    out = set()
    for c in range(len(builder.xs) - 1):
        mid = (builder.xs[c] + builder.xs[c + 1]) / 2 - builder.xs[0]
        if _covered(prev.bottom_rules, mid + prev.col_xs[0]) and _covered(grid.top_rules, mid + grid.col_xs[0]):
            out.add(c)
    return out


def _boundaries(owners: list[Span], start: int) -> list[int]:
    return sorted({o[1] for o in owners if o[1] >= start} | {o[1] + o[3] for o in owners if o[1] >= start})


def _open(found: dict[Span, Span], closed: set[int], builder: TableBuilder, rows: list[list[str | None]],
          spans: list[Span]) -> dict[Span, Span]:
    """The continuing cells of `found` but those ruled off at the break where a new block begins beside
    them: every column of the cell ruled on both sides, the piece's part merged down over several rows (the
    new block's label), and the cells right of it on the piece's first row divided otherwise than those on
    the table's last row (p.39's goal in one cell, p.40's header in four). An empty cell of one row beside
    them is no label of a new block, which would print its text there: a head cell merged over two header
    rows split by the break (绩效指标 | 评价标准, then empty | 优 良 中 差). Some producers rule a merged label off at every break with the rows beside it going on alike
    (random documents): that label still runs over the break."""
    if not closed or not found or not rows:
        return found
    above = builder.last_row_owners()
    top = owner_map(len(rows), len(rows[0]), spans)[0]
    out = {}
    for cell, owner in found.items():
        end = cell[1] + cell[3]
        ruled = all(c in closed for c in range(cell[1], end))
        if ruled and cell[2] > 1 and _boundaries(above, end) != _boundaries(top, end):
            continue
        out[cell] = owner
    return out


def append_piece(builder: TableBuilder, grid: Grid, rows: list[list[str | None]], spans: list[Span]) -> None:
    """Join a (column-remapped) continuation piece onto the table."""
    tops, pages = list(grid.row_tops), [grid.page] * len(rows)
    builder.moved_up = set()
    k = repeated_header_rows(builder.rows, rows)
    # the table broke right under its header row (printed again on this page, or a row of column heads the
    # vocabulary knows: 一级指标 | 二级指标 | …): nothing runs over the break
    at_header = (k > 0 and rows[k - 1] == builder.rows[-1]) or heads_columns(builder.rows[-1])
    rows, spans = _drop_rows(rows, spans, k)
    tops = tops[k:]
    bottoms = list(grid.row_bottoms)[k:]
    heads_rest = None if k else cut_heads(builder, rows, spans)
    if heads_rest:  # the head row cut by the break: its rest joins it, the indicator rows start below
        for cell, owner in heads_rest.items():
            builder.rows[owner[0]][owner[1]] = _joined(builder.text(owner), rows[0][cell[1]] or "")
        builder.cut_rows[len(builder.rows) - 1] = grid.page
        rows, spans = _drop_rows(rows, spans, 1)
        tops, bottoms = tops[1:], bottoms[1:]
    builder.piece_rows = list(zip(tops, bottoms)) if len(bottoms) == len(tops) == len(rows) else []
    if rows:
        top = owner_map(len(rows), len(rows[0]), spans)[0]
        builder.top_cells[id(grid)] = [TopCell(builder.xs[c], builder.xs[c + cs], bool(rows[0][c]), rs >= len(rows))
                                       for _, c, rs, cs in dict.fromkeys(top)]
    clipped = {} if at_header else clipped_cells(builder, rows, spans)
    for cell, owner in clipped.items():  # the two parts of one cell cut by the break, joined
        r, c = owner[0], owner[1]
        builder.rows[r][c] = clean_cell(builder.text(owner) + "\n" + rows[0][c])
        rows[0][c] = ""
    if not at_header:
        regroup_levels(builder, rows, spans)
    group = {} if at_header or clipped else split_texts(builder, rows, spans)
    for cell, owner in group.items():  # a row group going on: split texts joined, texts printed after moved up
        if rows[0][cell[1]]:
            builder.rows[owner[0]][owner[1]] = _joined(builder.text(owner), rows[0][cell[1]] or "")
            rows[0][cell[1]] = ""
    closed = set() if k else ruled_off_columns(builder, grid)  # under a repeated header: its own rules
    merged_over = {} if at_header else _open(continuing_cells(builder, rows, spans, leading=False), closed,
                                              builder, rows, spans)
    merged_over.update(group)
    backfilled = {} if at_header else backfilled_cells(builder, rows, spans, {**merged_over, **clipped})
    mates = group_mates(builder, rows, spans, {c: o for c, o in backfilled.items() if rows[0][c[1]]},
                        {**merged_over, **clipped, **backfilled})
    group.update(mates)
    merged_over.update(mates)
    builder.moved_up = set(backfilled.values())
    for cell, owner in backfilled.items():  # the text moves up into the table's part of the cell
        builder.rows[owner[0]][owner[1]] = rows[0][cell[1]]
        h = _heights(builder, cell, owner)
        need = _piece_text_height(builder, grid, k, cell)
        first = _first_part_height(builder, owner)
        if rows[0][cell[1]] and need is not None and first is not None and first >= need - 0.5 \
                and builder.row_pages[owner[0]] != builder.row_pages[-1]:
            builder.texts_after_break = True  # printed in its last part though its first part (not the one
            # before this break) held it: by choice, not for want of room
        if rows[0][cell[1]] and h is not None and h[0] >= h[1] - 0.5 and (need is None or h[0] >= need - 0.5) \
                and builder.row_pages[owner[0]] == builder.row_pages[-1]:
            builder.texts_after_break = True  # printed after the break by choice: the part before was as tall
            # (and would have held it: a text that did not fit before it goes after it by need; and the
            # cell began there: a producer may pass over a middle part of a cell over three pages)
        rows[0][cell[1]] = ""
    backfilled.update(clipped)
    merged_over.update(backfilled)
    # where the next page prints what the page hid under its bottom edge, the hidden glyphs told which cells
    # run on (clipped_cells); a cell that hid nothing is whole, however its text looks
    joins = None if at_header or clipped else cut_row(builder, rows, spans, merged_over)
    split: dict[Span, Span] = {}
    if not joins and not at_header and not clipped:  # a label in the row may be the rest of one cut by the break
        split = split_labels(builder, rows, spans, merged_over)
        for cell, owner in split.items():  # the label's rest joins its first part
            builder.rows[owner[0]][owner[1]] = _joined(builder.text(owner), rows[0][cell[1]] or "")
            rows[0][cell[1]] = ""
        # beside it, the row may be the rest of a cut one (`绩效目` | `标` beside the goals text cut too)
        joins = cut_row(builder, rows, spans, {**merged_over, **split}) if split else None
        if not joins:
            backfilled.update(split)  # a row of its own: the label's cell goes on over the break
    if not joins and group and not at_header and not any(
            rows[0][c0] for r0, c0, rs, _ in dict.fromkeys(owner_map(len(rows), len(rows[0]), spans)[0])
            if r0 == 0 and rs == 1):
        joins = {cell: owner for cell, owner in group.items() if cell[2] == 1}  # the group's texts were all
        # the piece's first row printed, the rest of a row cut by the break (an indicator row has a 三级指标)
    if joins:
        for cell, owner in joins.items():
            r, c = owner[0], owner[1]
            builder.rows[r][c] = _joined(builder.text(owner), rows[0][cell[1]] or "")
        builder.cut_rows[len(builder.rows) - 1] = grid.page
        # cells merged over the break lose their first row with the cut row and go on below it (only a cell
        # of the piece merged below the cut row: one of one row ended with it, as does one whose part ends
        # with the cut row: a rule under it, so the cell below is another (年度总体目标 over the vertical
        # label 年度绩效指标, Xi'an 附表14 p.34))
        merged_cols = {cell[1]: owner for cell, owner in {**merged_over, **split}.items() if cell[2] > 1}
        ended = {cell[1] for cell in merged_over if cell[2] == 1}
        # below the cut row only the piece's cells merged down from it may go on from the table's cells: one
        # that starts under it is a cell of its own (a rule between them on the page)
        through = {c0 for r0, c0, rs, _ in spans if r0 == 0 and rs > 1}
        rows, spans = _drop_rows(rows, spans, 1)
        tops = tops[1:]
        carried = {cell: owner for cell, owner in continuing_cells(builder, rows, spans).items()
                   if cell[1] in through and cell[1] not in ended}
        if rows:
            top = owner_map(len(rows), len(rows[0]), spans)[0]
            for cell in dict.fromkeys(top):
                if cell[0] == 0 and cell[1] in merged_cols and not rows[0][cell[1]]:
                    carried[cell] = merged_cols[cell[1]]
    else:
        carried = {} if at_header else _open(continuing_cells(builder, rows, spans), closed, builder, rows, spans)
        carried.update(backfilled)
        carried.update(group)
    offset = len(builder.rows)
    grown: dict[Span, int] = {}
    for cell, owner in carried.items():
        grown[owner] = grown.get(owner, 0) + cell[2]
    builder.spans = [(r0, c0, rs + grown.get((r0, c0, rs, cs), 0), cs) for r0, c0, rs, cs in builder.spans] + \
        [o[:2] + (1 + grown[o], o[3]) for o in grown if o not in builder.spans]
    for cell in carried:
        rows[cell[0]][cell[1]] = None
    builder.spans += [(r0 + offset, c0, rs, cs) for r0, c0, rs, cs in spans
                      if (r0, c0, rs, cs) not in carried]
    builder.rows.extend(rows)
    builder.row_pages.extend(pages[:len(rows)])
    builder.row_tops.extend(tops[:len(rows)])
    builder.grids.append(grid)
