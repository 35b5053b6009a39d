"""`extractor show`: the drawn grid must lie on the printed lines.

A PDF with a ruled 3x3 table at known coordinates (one merged cell) is drawn with reportlab; the picture
must have the cell colour exactly on those lines, none across the merged cell, and the right cell count.
On the real Shanghai page 34 the grid's every cell edge must run along a dark printed line of the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from corpus import SAMPLES_DIR, SHANGHAI_WANLI_2023, golden_files
from extractor.cli import cli
from extractor.guard import open_pdf
from extractor.show import CELL, LEGEND_HEIGHT, page_grids, render_page

COLS = [72.0, 172.0, 272.0, 372.0]  # x of the vertical lines
ROWS = [100.0, 130.0, 160.0, 190.0]  # top of the horizontal lines (pdfplumber's top-down measure)
PAGE_H = 842.0


@pytest.fixture(scope="module")
def ruled_pdf(tmp_path_factory) -> Path:
    """One page, one table: row 0's first two cells merged (no line at x=172 in row 0)."""
    from reportlab.pdfgen import canvas

    path = tmp_path_factory.mktemp("show") / "ruled.pdf"
    c = canvas.Canvas(str(path), pagesize=(595.0, PAGE_H))
    c.setLineWidth(1)
    for top in ROWS:
        c.line(COLS[0], PAGE_H - top, COLS[-1], PAGE_H - top)
    for x in COLS:
        start = ROWS[1] if x == COLS[1] else ROWS[0]
        c.line(x, PAGE_H - start, x, PAGE_H - ROWS[-1])
    c.setFont("Helvetica", 10)
    for r in range(3):
        for col in range(3):
            if r == 0 and col == 1:
                continue
            c.drawString(COLS[col] + 5, PAGE_H - ROWS[r] - 18, f"r{r}c{col}")
    c.showPage()
    c.save()
    return path


def _is_cell_colour(px) -> bool:
    r, g, b = px[:3]
    return abs(r - CELL[0]) < 40 and g < 90 and b < 90


def _near(image: Image.Image, x: float, y: float, reach: int = 2) -> bool:
    return any(_is_cell_colour(image.getpixel((int(x) + dx, int(y) + dy)))
               for dx in range(-reach, reach + 1) for dy in range(-reach, reach + 1))


@pytest.mark.parametrize("engine", ["pdfplumber", "camelot"])
def test_grid_is_drawn_on_the_printed_lines(ruled_pdf, tmp_path, engine):
    out = tmp_path / "page.png"
    result = render_page(ruled_pdf, 1, out, engine=engine, resolution=144)
    assert result.tables == 1 and result.cells == 8  # 9 cells, two of them merged into one
    image = Image.open(out).convert("RGB")
    scale = 2.0  # 144 / 72

    def at(x: float, top: float) -> tuple[float, float]:
        return x * scale, top * scale + LEGEND_HEIGHT

    mid_rows = [(a + b) / 2 for a, b in zip(ROWS, ROWS[1:])]
    mid_cols = [(a + b) / 2 for a, b in zip(COLS, COLS[1:])]
    for x in COLS:  # every vertical line, in every row it is printed
        for r, y in enumerate(mid_rows):
            printed = not (x == COLS[1] and r == 0)
            assert _near(image, *at(x, y)) == printed, (x, y)
    for top in ROWS:
        for x in mid_cols:
            assert _near(image, *at(x, top)), (x, top)
    # nothing drawn between the lines, where the text is
    assert not _near(image, *at(mid_cols[2], mid_rows[2]), reach=4)
    assert image.size == (int(595 * scale), int(PAGE_H * scale) + LEGEND_HEIGHT)


def test_finder_fallback_gives_the_same_grid(ruled_pdf, monkeypatch):
    import extractor.show as show

    monkeypatch.setattr(show, "pipeline_grids", lambda *a, **k: (None, "pdfplumber find_tables (test)"))
    with open_pdf(ruled_pdf) as pdf:
        (grid,), source = page_grids(pdf, 1, "camelot", [])
    assert source.startswith("pdfplumber find_tables")
    assert grid.col_xs == pytest.approx(COLS, abs=1) and grid.row_tops == pytest.approx(ROWS[:-1], abs=1)
    assert grid.spans == [(0, 0, 1, 2)]


def test_cli_writes_png_and_rejects_a_missing_page(ruled_pdf, tmp_path):
    out = tmp_path / "p.png"
    result = CliRunner().invoke(cli, ["show", str(ruled_pdf), "--page", "1", "-o", str(out),
                                      "--engine", "pdfplumber"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and "8 cells" in result.output
    result = CliRunner().invoke(cli, ["show", str(ruled_pdf), "--page", "3", "-o", str(out)])
    assert result.exit_code == 1 and "no page 3 (the PDF has 1)" in result.stderr
    assert "Traceback" not in result.output


SEED = SAMPLES_DIR / "seed.pdf"


def _edges_off_the_lines(grid, image) -> list:
    """Cell edges of `grid` that do not run along dark printed pixels of `image` (rendered at 144 dpi),
    sampled every 2 pt along each edge; a grid shifted by 2 pt has (nearly) all its edges here."""
    w, h = image.size

    def dark(x: float, y: float) -> bool:
        return any(0 <= int(x * 2) + d < w and 0 <= int(y * 2) + e < h
                   and image.getpixel((int(x * 2) + d, int(y * 2) + e)) < 128
                   for d in range(-2, 3) for e in range(-2, 3))

    misses = []
    for r, c, rs, cs, (x0, top, x1, bottom) in grid.cells():
        for edge in ((x0, top, x0, bottom), (x1, top, x1, bottom), (x0, top, x1, top), (x0, bottom, x1, bottom)):
            ax, ay, bx, by = edge
            n = max(int(max(bx - ax, by - ay) / 2), 1)
            points = [(ax + (bx - ax) * (i + 0.5) / n, ay + (by - ay) * (i + 0.5) / n) for i in range(n)]
            on_line = sum(dark(x, y) for x, y in points)
            if on_line < 0.95 * len(points):
                misses.append((r, c, edge, on_line, len(points)))
    return misses


@pytest.mark.parametrize("pdf, page_no, min_cells", [
    # Shanghai page 34: one long table shrunk onto the page, borders drawn as thin filled rectangles.
    pytest.param(SHANGHAI_WANLI_2023, 34, 100, id="shanghai-p34",
                 marks=pytest.mark.skipif(not SHANGHAI_WANLI_2023.exists(), reason="real corpus not present")),
    # seed sample page 9 (printed page number 7): the first project table, 法律顾问.
    pytest.param(SEED, 9, 60, id="seed-p9",
                 marks=pytest.mark.skipif(not SEED.exists(), reason="samples/seed.pdf not generated yet")),
])
@pytest.mark.parametrize("engine", ["pdfplumber", "camelot"])
def test_grid_runs_along_printed_lines(pdf, page_no, min_cells, engine):
    with open_pdf(pdf) as doc:
        page = doc.pages[page_no - 1]
        grids, source = page_grids(doc, page_no, engine, [])
        image = page.to_image(resolution=144).original.convert("L")
    assert len(grids) == 1, source
    (grid,) = grids
    assert len(grid.cells()) >= min_cells
    misses = _edges_off_the_lines(grid, image)
    assert not misses, f"{len(misses)} cell edges off the printed lines, e.g. {misses[:3]}"


GOLDEN = golden_files()


@pytest.mark.parametrize("gold", [pytest.param(g, id=g.stem) for g in GOLDEN]
                         or [pytest.param(None, id="no-golden")])
def test_every_sample_table_page_is_drawn_on_its_lines(gold):
    """On every page where the generator put a table, the drawn grid lies on the printed lines."""
    if gold is None:
        pytest.skip("no golden/*.json yet")
    import json

    doc = json.loads(gold.read_text(encoding="utf-8"))
    pdf_path = SAMPLES_DIR / doc["source"]["file"]
    pages = sorted({part["page"] for table in doc["tables"] for part in table["parts"]})
    with open_pdf(pdf_path) as pdf:
        for page_no in pages:
            grids, source = page_grids(pdf, page_no, "camelot", [])
            image = pdf.pages[page_no - 1].to_image(resolution=144).original.convert("L")
            assert grids, f"page {page_no}: no grid drawn ({source})"
            for grid in grids:
                misses = _edges_off_the_lines(grid, image)
                assert not misses, f"page {page_no}: {len(misses)} edges off the lines, e.g. {misses[:3]}"
