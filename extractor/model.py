"""The typed objects passed between the pipeline's stages.

locate  -> PageLayout (per page: text lines outside tables, table regions, text-layer health)
extract -> Grid       (one table piece on one page: rows, spans, where each character went)
stitch  -> Table      (grids joined across page breaks; what the contract's `tables` entries are made of)
interpret -> Document (the output contract; `to_dict()` gives the JSON of spec/output-contract.md)

Coordinates are PDF points as pdfplumber measures them: (x0, top, x1, bottom), top-down.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class Value:
    """A normalized indicator value (contract: VALUE)."""

    raw: str
    op: str | None = None  # ">=", "<=", ">", "<", "=", "range" or None
    number: float | None = None
    upper: float | None = None
    unit: str | None = None
    text: str | None = None
    change: str | None = None  # "increase" / "decrease" where the value states a change (较上年提高5%)
    parts: tuple[Value, ...] = ()  # one VALUE per quantity where a cell states several (contract)

    def to_dict(self) -> dict[str, Any]:
        """The contract's VALUE; `change` and `parts` are optional keys, present only when they say something."""
        out: dict[str, Any] = {"raw": self.raw, "op": self.op, "number": self.number, "upper": self.upper,
                               "unit": self.unit, "text": self.text}
        if self.change is not None:
            out["change"] = self.change
        if self.parts:
            out["parts"] = [p.to_dict() for p in self.parts]
        return out


@dataclass(frozen=True)
class TextLine:
    """One line of text outside any table (headings, unit lines, TOC entries, prose).

    A printed line with a wide gap (e.g. the unit name left and `单位：万元` right) comes as two TextLines.
    """

    page: int  # 1-based
    top: float
    x0: float
    text: str
    x1: float = 0.0
    bottom: float = 0.0
    size: float = 0.0  # median font size of the line's characters


class Char(NamedTuple):
    """One printed character, kept small (a 392-page PDF holds many): pdfplumber's geometry and text."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    upright: bool = True

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class TableRegion:
    """A ruled area that locate found on a page, with what extract needs to read it.

    `cells` are pdfplumber's table-finder cells (used by engine "pdfplumber"); `chars` every character whose
    centre lies inside `bbox`. Both are released (set to None) by extract once the grid is built.
    `hidden_below` are the glyphs drawn below the table's bottom edge but hidden by a clip along it: the
    part of a cut last row that the next page prints (locate.clipping).
    """

    bbox: BBox
    cells: list[BBox] | None = None
    chars: list[Char] | None = None
    hidden_below: list[Char] = field(default_factory=list)


@dataclass
class Warning:
    code: str
    message: str
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "page": self.page}


@dataclass
class PageLayout:
    """What locate found on one page."""

    number: int  # 1-based
    width: float
    height: float
    lines: list[TextLine] = field(default_factory=list)  # text outside table regions, top to bottom
    table_regions: list[BBox] = field(default_factory=list)
    has_text: bool = True
    garbled: bool = False  # text layer present but unreadable (broken font map, OCR over a scan)
    regions: list[TableRegion] = field(default_factory=list)  # same order as table_regions
    ruling: list[dict] | None = None  # the page's ruling edges (pdfplumber edge dicts), kept for table pages

    def release(self) -> None:
        """Drop the per-character data once the grids are built (memory on long PDFs)."""
        self.ruling = None
        for region in self.regions:
            region.cells = None
            region.chars = None


@dataclass
class Grid:
    """One ruled table piece on one page.

    `rows[r][c]` is the cell text ("" empty, None covered by a merged cell); `spans` lists merged cells as
    (row, col, rowspan, colspan). `row_tops[r]` is the top of row r in points. `caption` holds the text lines
    between the previous table (or the page top) and this one: heading, unit line, 单位：万元.
    """

    page: int
    bbox: BBox
    rows: list[list[str | None]]
    spans: list[tuple[int, int, int, int]]
    engine: str
    row_tops: list[float] = field(default_factory=list)
    # x-ranges of the rules drawn along the piece's top and bottom edge (not a border an engine implies): a
    # cell merged over a page break has no rule at the break, one that ends there has (stitch.join)
    top_rules: list[tuple[float, float]] = field(default_factory=list)
    bottom_rules: list[tuple[float, float]] = field(default_factory=list)
    caption: list[TextLine] = field(default_factory=list)
    lost_chars: int = 0  # characters inside the ruled area that landed in no cell (conservation check)
    col_xs: list[float] = field(default_factory=list)  # column boundaries, n_cols + 1 values, left to right
    row_bottoms: list[float] = field(default_factory=list)  # bottom of each row
    n_chars: int = 0  # characters inside the ruled area (all of them are in `rows` when lost_chars == 0)
    trailer: list[TextLine] = field(default_factory=list)  # text below the page's last table (notes, footer)
    # glyphs a clip along the bottom edge hides: the rest of a row cut by the page break (TableRegion)
    hidden_below: list[Char] = field(default_factory=list)
    # (row, col) of a cell with text -> (bottom of its lowest character, that character's height, left and
    # right end of its last line): how far down and across its cell a text reaches (one cut by the page
    # break fills its part of the cell to the bottom, its last line wrapped at the cell's width)
    text_bottoms: dict[tuple[int, int], tuple[float, float, float, float]] = field(default_factory=dict)
    # (row, col) of a cell with text -> (top of its highest character, its number of printed lines): with
    # text_bottoms, how much of its cell's height a text leaves free (one split by the page break, none)
    text_tops: dict[tuple[int, int], tuple[float, int]] = field(default_factory=dict)


@dataclass
class TablePart:
    page: int
    bbox: BBox

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "bbox": [round(v, 1) for v in self.bbox]}


@dataclass
class Table:
    """A table after stitching: one or more Grids joined. `row_pages[r]` is the page row r starts on."""

    parts: list[TablePart]
    rows: list[list[str | None]]
    spans: list[tuple[int, int, int, int]]
    engine: str
    row_pages: list[int]
    caption: list[TextLine] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)  # the page pieces it was joined from, in order
    row_tops: list[float] = field(default_factory=list)  # top of row r on page row_pages[r]
    cut_rows: dict[int, int] = field(default_factory=dict)  # row r cut by a page break -> the page it ends on

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def row_span_pages(self, r: int) -> set[int]:
        """The pages row r is printed on: where it starts, and where it ends when a page break cut it."""
        pages = {self.row_pages[r]} if r < len(self.row_pages) else set()
        if r in self.cut_rows:
            pages.add(self.cut_rows[r])
        return pages

    def to_dict(self) -> dict[str, Any]:
        return {
            "parts": [p.to_dict() for p in self.parts],
            "n_rows": self.n_rows,
            "n_cols": self.n_cols,
            "rows": [list(r) for r in self.rows],
            "spans": [list(s) for s in self.spans],
            "engine": self.engine,
        }
