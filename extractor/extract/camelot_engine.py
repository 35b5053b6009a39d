"""Engine "camelot": camelot 2.0's lattice parser with its render-free vector engine, on table pages only.

Two ways to feed it, same parser code (camelot.parsers.lattice.Lattice, engine="vector"):
- `camelot_lattices` (default): camelot's vector steps run on the ruling locate already read with
  pdfplumber (same thin-rect rule, then camelot's own coalescing, joint finding, anchors, cell edges and
  border). No second parse of the PDF.
- `camelot_lattices_reparse`: what read_pdf(flavor="lattice", engine="vector") does, page by page: camelot
  re-reads the page with playa (its PDF reader) and runs layout analysis first. Kept to check that both
  give the same grid (tests) and to measure the re-parse cost (~50-65 ms a table page here).
Both pass the located regions as `table_areas` (camelot's tables and locate's regions correspond one to
one) and keep near-empty grids, which camelot's lattice drops (>= 90 % whitespace, a gate for its own text
placement) but which are real empty tables (本表为空表). Only the grid (boundaries and cell sides) is taken
from camelot; text is placed per character elsewhere.
"""

from __future__ import annotations

import functools
import logging
import warnings
from pathlib import Path

from extractor.extract.lattice import Lattice, from_open_sides
from extractor.locate.ruling import Edge
from extractor.model import BBox

_AREA_PAD = 0.2  # points around a located region, so float noise does not drop border joints


@functools.cache  # one class per process: extract_grids runs page by page
def _parser_class():
    from extractor.extract.deferred import import_camelot_lattice

    CamelotLattice = import_camelot_lattice().Lattice
    from camelot.core import Cell, Table

    class GridTable(Table):
        """camelot's Table as far as its grid (set_edges/set_border use cols, rows, cells only), without
        the empty DataFrame Table.__init__ builds: that DataFrame was the one use of pandas here."""

        def __init__(self, cols, rows):  # noqa: super().__init__ skipped on purpose (see above)
            self.cols = cols
            self.rows = rows
            self.cells = [[Cell(c[0], r[1], c[1], r[0]) for c in cols] for r in rows]
            self.df = None

    class KeepEmptyLattice(CamelotLattice):
        ruling: tuple[list, list] | None = None  # (horizontal, vertical) in PDF space, when given

        def _reject_table(self, table) -> bool:  # keep near-empty grids (see module doc)
            return False

        def _document_has_no_text(self) -> bool:  # a page may hold only ruling (an empty row run over)
            return False

        def _initialize_new_table(self, table_idx, bbox, cols, rows):
            table = GridTable(cols, rows)
            table.page = self.page
            table.order = table_idx + 1
            table.rotation = self.rotation
            table._bbox = bbox
            return table

        def record_parse_metadata(self, table) -> None:
            # Only the grid is taken; camelot's DataFrame, accuracy and whitespace (pandas) are not built.
            table.flavor = self.id
            table.filename = self.filename

        def _generate_table_bbox_vector(self):
            if self.ruling is None:
                return super()._generate_table_bbox_vector()
            from camelot.parsers.lattice import _joints_in_bbox
            from camelot.utils import bbox_from_str

            h_lines, v_lines = self.ruling
            self.pdf_image = None
            self.threshold = None
            self.vertical_segments = v_lines
            self.horizontal_segments = h_lines
            areas = [bbox_from_str(a) for a in self.table_areas]
            self.table_bbox_parses = {a: {"joints": _joints_in_bbox(h_lines, v_lines, a)} for a in areas}
            self._compute_table_anchors()

    return KeepEmptyLattice


def _to_lattice(table, page_height: float) -> Lattice:
    xs = [c[0] for c in table.cols] + [table.cols[-1][1]]
    ys = [page_height - r[0] for r in table.rows] + [page_height - table.rows[-1][1]]
    cells = table.cells
    n_r, n_c = len(table.rows), len(table.cols)
    open_right = [[not (cells[r][c].right or cells[r][c + 1].left) if c + 1 < n_c else False
                   for c in range(n_c)] for r in range(n_r)]
    open_below = [[not (cells[r][c].bottom or cells[r + 1][c].top) if r + 1 < n_r else False
                   for c in range(n_c)] for r in range(n_r)]
    return from_open_sides(xs, ys, open_right, open_below)


def _area(bbox: BBox, height: float) -> str:
    x0, top, x1, bottom = bbox
    return f"{x0 - _AREA_PAD},{height - top + _AREA_PAD},{x1 + _AREA_PAD},{height - bottom - _AREA_PAD}"


def _run(parser, path: str, number: int, dims, layout=None, images=(), h_text=(), v_text=(), rotation=""):
    parser.prepare_page_parse(path, layout, dims, number, list(images), list(h_text), list(v_text), rotation,
                              layout_kwargs={})
    with warnings.catch_warnings():  # camelot warns about text it cannot place; its text is not used
        warnings.simplefilter("ignore")
        return parser.extract_tables()


def camelot_ruling(edges: list[Edge], height: float) -> tuple[list, list]:
    """Ruling edges (pdfplumber space) as camelot's vector engine holds them: PDF space, coalesced."""
    from camelot.image_processing import coalesce_collinear_lines

    h = [(e["x0"], height - e["top"], e["x1"], height - e["top"]) for e in edges if e["orientation"] == "h"]
    v = [(e["x0"], height - e["bottom"], e["x0"], height - e["top"]) for e in edges if e["orientation"] == "v"]
    return coalesce_collinear_lines(h, "horizontal"), coalesce_collinear_lines(v, "vertical")


def camelot_lattices(pages: dict[int, tuple[float, float, list[Edge], list[BBox]]]) -> dict[int, list[Lattice | None]]:
    """For each page (width, height, ruling edges, regions): one Lattice per region (None: no grid found)."""
    parser_cls = _parser_class()
    out: dict[int, list[Lattice | None]] = {}
    for number, (width, height, edges, boxes) in sorted(pages.items()):
        ruling = camelot_ruling(edges, height)
        found: list[Lattice | None] = []
        for bbox in boxes:  # one area at a time: camelot keys tables by bbox, the order is then certain
            parser = parser_cls(engine="vector", table_areas=[_area(bbox, height)])
            parser.ruling = ruling
            tables = _run(parser, "<pdfplumber>", number, (width, height))
            found.append(_to_lattice(tables[0], height) if tables else None)
        out[number] = found
    return out


def camelot_lattices_reparse(path: str | Path, regions: dict[int, list[BBox]], password: str | None = None
                             ) -> dict[int, list[Lattice | None]]:
    """As camelot_lattices, but camelot re-reads each table page itself (read_pdf's way)."""
    parser_cls = _parser_class()  # first: camelot imported with its unused heavy imports deferred
    import playa
    from camelot.handlers import PDFHandler

    logging.getLogger("camelot").setLevel(logging.ERROR)
    handler = PDFHandler(str(path), password=password)
    out: dict[int, list[Lattice | None]] = {}
    with playa.open(str(path), space="page", password=password or "") as doc:
        for number in sorted(regions):
            if not regions[number]:
                continue
            page = doc.pages[number - 1]
            layout, dims, images, _chars, h_text, v_text, rotation = handler._get_layout(page)
            found: list[Lattice | None] = []
            for bbox in regions[number]:
                parser = parser_cls(engine="vector", table_areas=[_area(bbox, dims[1])])
                tables = _run(parser, str(path), number, dims, layout, images, h_text, v_text, rotation)
                found.append(_to_lattice(tables[0], dims[1]) if tables else None)
            out[number] = found
    return out
