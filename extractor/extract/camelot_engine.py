"""Engine "camelot": camelot 2.0's lattice parser with the render-free vector engine, on table pages only.

What read_pdf(flavor="lattice", engine="vector") does, driven page by page so that
- only the located table pages are parsed, each once, with the located regions as `table_areas`
  (so camelot's tables and locate's regions correspond one to one);
- near-empty grids are kept: camelot's lattice drops a grid whose cells are >= 90 % whitespace (a precision
  gate for its own text placement), which would lose real empty tables (本表为空表) that pdfplumber keeps.
Only the grid (boundaries and cell sides) is taken from camelot; text is placed per character elsewhere.
camelot re-parses the pages with playa (its own PDF reader): that cost is measured in the report/bench.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

from extractor.extract.lattice import Lattice, from_open_sides
from extractor.model import BBox

_AREA_PAD = 0.2  # points around a located region, so float noise does not drop border joints


def _parser_class():
    from camelot.parsers.lattice import Lattice as CamelotLattice

    class KeepEmptyLattice(CamelotLattice):
        def _reject_table(self, table) -> bool:  # keep near-empty grids (see module doc)
            return False

        def _document_has_no_text(self) -> bool:  # a page may hold only ruling (an empty row run over)
            return False

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


def camelot_lattices(path: str | Path, regions: dict[int, list[BBox]], password: str | None = None
                     ) -> dict[int, list[Lattice | None]]:
    """For each page, one Lattice per located region (None where camelot found no grid in it)."""
    import playa
    from camelot.handlers import PDFHandler

    logging.getLogger("camelot").setLevel(logging.ERROR)
    parser_cls = _parser_class()
    handler = PDFHandler(str(path), password=password)
    out: dict[int, list[Lattice | None]] = {}
    with playa.open(str(path), space="page", password=password or "") as doc:
        for number in sorted(regions):
            boxes = regions[number]
            if not boxes:
                continue
            page = doc.pages[number - 1]
            layout, dims, images, _chars, h_text, v_text, rotation = handler._get_layout(page)
            height = dims[1]
            areas = [f"{x0 - _AREA_PAD},{height - top + _AREA_PAD},{x1 + _AREA_PAD},{height - bottom - _AREA_PAD}"
                     for x0, top, x1, bottom in boxes]
            found: list[Lattice | None] = []
            for area in areas:  # one area at a time: camelot keys tables by bbox, order is then certain
                parser = parser_cls(engine="vector", table_areas=[area])
                parser.prepare_page_parse(str(path), layout, dims, number, images, h_text, v_text, rotation,
                                          layout_kwargs={})
                with warnings.catch_warnings():  # camelot warns per text line it cannot place; we do not use them
                    warnings.simplefilter("ignore")
                    tables = parser.extract_tables()
                found.append(_to_lattice(tables[0], height) if tables else None)
            out[number] = found
    return out
