"""A picture of how a page was read: the rendered page with the table grid drawn over it.

Drawn over the page: each cell's box (red; a merged cell as one box, tinted blue), the box around the
characters that landed in each cell (green), and each cell's row,col label (0-based, as in the contract's
`spans`). When the grid lies on the printed lines and each green box sits inside its red one, the page
was read right; a shifted line or a green box crossing a red line shows where it went wrong.

The grid comes from the pipeline's own stages (locate_pages + extract_grids), so the picture shows what
`extract` saw. When those are not available, pdfplumber's table finder draws the grid instead, and the
picture's legend says so.
"""

from __future__ import annotations

import inspect
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from extractor.errors import ExtractorError
from extractor.guard import open_pdf
from extractor.locate.objects import read_objects
from extractor.model import Char
from extractor.write.atomic import atomic_write

BBox = tuple[float, float, float, float]

CELL = (220, 30, 30, 255)
MERGED_FILL = (40, 110, 240, 45)
TEXT_BOX = (0, 160, 60, 255)
LABEL = (20, 60, 200, 255)
LABEL_BG = (255, 255, 255, 150)
LEGEND_HEIGHT = 22


@dataclass
class Drawable:
    """What the picture needs of one table grid: its lines and its merged cells."""

    bbox: BBox
    col_xs: list[float]  # n_cols + 1 boundaries
    row_tops: list[float]  # n_rows
    row_bottoms: list[float]  # n_rows
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)

    @property
    def n_rows(self) -> int:
        return len(self.row_tops)

    @property
    def n_cols(self) -> int:
        return max(len(self.col_xs) - 1, 0)

    def cells(self) -> list[tuple[int, int, int, int, BBox]]:
        """Every cell (row, col, rowspan, colspan, box) once: merged cells as one, covered cells skipped."""
        covered: set[tuple[int, int]] = set()
        origin: dict[tuple[int, int], tuple[int, int]] = {}
        for r, c, rs, cs in self.spans:
            origin[(r, c)] = (rs, cs)
            covered.update((r + i, c + j) for i in range(rs) for j in range(cs) if (i, j) != (0, 0))
        out = []
        for r in range(self.n_rows):
            for c in range(self.n_cols):
                if (r, c) in covered:
                    continue
                rs, cs = origin.get((r, c), (1, 1))
                rs, cs = min(rs, self.n_rows - r), min(cs, self.n_cols - c)
                box = (self.col_xs[c], self.row_tops[r], self.col_xs[c + cs], self.row_bottoms[r + rs - 1])
                out.append((r, c, rs, cs, box))
        return out


@dataclass
class ShowResult:
    page: int
    source: str  # what drew the grid
    tables: int
    cells: int
    warnings: list[str] = field(default_factory=list)  # what the pipeline warned about on this page


def render_page(pdf_path: str | os.PathLike[str], page_no: int, out: str | os.PathLike[str], *,
                engine: str = "camelot", resolution: int = 150, password: str | None = None) -> ShowResult:
    """Render page `page_no` (1-based) of the PDF with its table grids drawn over it; write a PNG to `out`."""
    with open_pdf(pdf_path, password=password) as pdf:
        page = _page(pdf, pdf_path, page_no)
        warnings: list[Any] = []
        grids, source = page_grids(pdf, page_no, engine, warnings, password)
        image = page.to_image(resolution=resolution).original.convert("RGBA")
        picture = draw(image, page, grids, resolution, legend=f"page {page_no}: grid from {source}")
    buf = io.BytesIO()
    picture.save(buf, format="PNG")
    with atomic_write(out, "wb") as fh:
        fh.write(buf.getvalue())
    return ShowResult(page_no, source, len(grids), sum(len(g.cells()) for g in grids),
                      [getattr(w, "message", str(w)) for w in warnings])


# ---------------------------------------------------------------- where the grids come from

def _page(pdf: Any, pdf_path: str | os.PathLike[str], page_no: int) -> Any:
    if not 1 <= page_no <= len(pdf.pages):
        raise ExtractorError(f"{Path(pdf_path).name}: no page {page_no} (the PDF has {len(pdf.pages)})",
                             code="bad_page")
    return pdf.pages[page_no - 1]


def page_grids(pdf: Any, page_no: int, engine: str, warnings: list[Any],
               password: str | None = None) -> tuple[list[Drawable], str]:
    """The grids to draw on a page and what found them: the pipeline's, else pdfplumber's finder."""
    grids, source = pipeline_grids(pdf, page_no, engine, warnings, password)
    if grids is None:
        return finder_grids(pdf.pages[page_no - 1]), source
    return grids, source


def pipeline_grids(pdf: Any, page_no: int, engine: str, warnings: list[Any],
                   password: str | None = None) -> tuple[list[Drawable] | None, str]:
    """The grids `extract` finds on the page, or (None, why not) when the pipeline cannot give them."""
    try:
        from extractor.extract import extract_grids
        from extractor.locate import locate_pages
    except ImportError as exc:
        return None, f"pdfplumber find_tables (pipeline not available: {exc})"
    try:
        layouts = locate_pages(pdf, [page_no], warnings)
        kwargs = {"password": password} if "password" in inspect.signature(extract_grids).parameters else {}
        grids = extract_grids(pdf, layouts, engine, warnings, **kwargs)
    except NotImplementedError as exc:
        return None, f"pdfplumber find_tables (pipeline not available: {exc})"
    drawables = [from_grid(g) for g in grids if g.page == page_no]
    return [d for d in drawables if d is not None], f"extract_grids, engine {engine}"


def from_grid(grid: Any) -> Drawable | None:
    """A model.Grid as a Drawable (needs its col_xs and row_tops/row_bottoms)."""
    col_xs = list(getattr(grid, "col_xs", None) or [])
    tops = list(getattr(grid, "row_tops", None) or [])
    bottoms = list(getattr(grid, "row_bottoms", None) or [])
    if len(col_xs) < 2 or not tops:
        return None
    if len(bottoms) != len(tops):  # older Grid without row_bottoms: each row ends where the next begins
        bottoms = tops[1:] + [grid.bbox[3]]
    return Drawable(tuple(grid.bbox), col_xs, tops, bottoms, [tuple(s) for s in grid.spans])


def finder_grids(page: Any) -> list[Drawable]:
    """pdfplumber's table finder: its cells turned into column/row boundaries and merged cells."""
    out = []
    for table in page.find_tables():
        cells = [c for c in table.cells if c]
        xs = _cluster([v for c in cells for v in (c[0], c[2])])
        ys = _cluster([v for c in cells for v in (c[1], c[3])])
        if len(xs) < 2 or len(ys) < 2:
            continue
        spans = []
        for x0, top, x1, bottom in cells:
            c0, c1 = _nearest(xs, x0), _nearest(xs, x1)
            r0, r1 = _nearest(ys, top), _nearest(ys, bottom)
            if c1 > c0 and r1 > r0 and (c1 - c0 > 1 or r1 - r0 > 1):
                spans.append((r0, c0, r1 - r0, c1 - c0))
        out.append(Drawable(tuple(table.bbox), xs, ys[:-1], ys[1:], spans))
    return out


def _cluster(values: Sequence[float], tol: float = 1.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _nearest(values: Sequence[float], v: float) -> int:
    return min(range(len(values)), key=lambda i: abs(values[i] - v))


# ---------------------------------------------------------------- drawing

def draw(image: Image.Image, page: Any, grids: Sequence[Drawable], resolution: int, legend: str) -> Image.Image:
    scale = resolution / 72
    ox, oy = page.bbox[0], page.bbox[1]

    def px(box: BBox) -> tuple[float, float, float, float]:
        return ((box[0] - ox) * scale, (box[1] - oy) * scale, (box[2] - ox) * scale, (box[3] - oy) * scale)

    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    pen = ImageDraw.Draw(overlay)
    label_font = _font(max(8, int(5 * scale)))
    width = max(1, round(scale * 0.8))
    chars = read_objects(page).chars  # the boxes extract places (a glyph of a deep-descent font reboxed)
    labels = []
    for grid in grids:
        for r, c, rs, cs, box in grid.cells():
            if rs > 1 or cs > 1:
                pen.rectangle(px(box), fill=MERGED_FILL)
            text_box = _text_box(chars, box)
            if text_box:
                pen.rectangle(px(text_box), outline=TEXT_BOX, width=1)
            pen.rectangle(px(box), outline=CELL, width=width)
            labels.append((px(box), f"{r},{c}"))
    for (x0, y0, _, _), text in labels:  # labels last, so no line crosses them
        tb = pen.textbbox((x0 + 2, y0 + 1), text, font=label_font)
        pen.rectangle(tb, fill=LABEL_BG)
        pen.text((x0 + 2, y0 + 1), text, fill=LABEL, font=label_font)
    picture = Image.alpha_composite(image, overlay)
    canvas = Image.new("RGBA", (picture.width, picture.height + LEGEND_HEIGHT), (255, 255, 255, 255))
    canvas.paste(picture, (0, LEGEND_HEIGHT))
    key = ImageDraw.Draw(canvas)
    text = f"{legend} | {sum(len(g.cells()) for g in grids)} cells in {len(grids)} table(s) | "
    key.text((4, 4), text, fill=(0, 0, 0, 255), font=_font(12))
    x = 4 + key.textlength(text, font=_font(12))
    for word, colour in (("cell ", CELL), ("merged ", MERGED_FILL[:3] + (255,)), ("text box ", TEXT_BOX),
                         ("row,col", LABEL)):
        key.text((x, 4), word, fill=colour, font=_font(12))
        x += key.textlength(word, font=_font(12))
    return canvas.convert("RGB")


def _text_box(chars: Sequence[Char], box: BBox) -> BBox | None:
    """The box around the characters whose centre lies in `box` (how extract assigns them to cells)."""
    x0, top, x1, bottom = box
    inside = [ch for ch in chars if ch.text.strip() and x0 <= ch.cx < x1 and top <= ch.cy < bottom]
    if not inside:
        return None
    return (min(ch.x0 for ch in inside), min(ch.top for ch in inside),
            max(ch.x1 for ch in inside), max(ch.bottom for ch in inside))


def _font(size: int) -> ImageFont.ImageFont:
    return ImageFont.load_default(size=size)
