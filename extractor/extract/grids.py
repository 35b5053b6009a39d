"""extract_grids: each located table region read into a Grid, by the chosen engine's ruling + per-char text."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from extractor.extract.lattice import Lattice, from_cell_boxes
from extractor.extract.place import BORDER_SLACK, place_chars
from extractor.extract.text_rows import split_unruled_rows
from extractor.locate.regions import IMPLIED_EDGE
from extractor.locate.settings import DEFAULT_SETTINGS, TableSettings
from extractor.locate.text_columns import TEXT_EDGE
from extractor.model import Grid, PageLayout, TableRegion, TextLine, Warning

ENGINES = ("camelot", "pdfplumber")


def _pdf_path(pdf: pdfplumber.PDF) -> Path:
    name = getattr(pdf.stream, "name", None)
    if not isinstance(name, str):
        raise ValueError("engine 'camelot' needs a PDF opened from a file path")
    return Path(name)


def _has_text_columns(layout: PageLayout, region: TableRegion) -> bool:
    """Were this region's columns inferred from text (locate.text_columns put their edges in the ruling)?"""
    x0, top, x1, bottom = region.bbox
    return any(e.get("object_type") == TEXT_EDGE and x0 - 1 <= e["x0"] <= x1 + 1 and top - 1 <= e["top"] <= bottom + 1
               for e in layout.ruling or ())


def drawn_rules(layout: PageLayout, x0: float, x1: float, y: float, tol: float) -> list[tuple[float, float]]:
    """x-ranges of the page's horizontal rules along y within (x0, x1); inferred edges are not rules."""
    return sorted((max(e["x0"], x0), min(e["x1"], x1)) for e in layout.ruling or ()
                  if e["orientation"] == "h" and e.get("object_type") != IMPLIED_EDGE
                  and abs(e["top"] - y) <= tol and e["x0"] < x1 and e["x1"] > x0)


def captions(layout: PageLayout, region: TableRegion, previous_bottom: float) -> list[TextLine]:
    """Text lines between the previous table on the page (or the page top) and this table."""
    top = region.bbox[1]
    return [ln for ln in layout.lines if ln.top >= previous_bottom - 1 and ln.bottom <= top + 1]


def _lattices(pdf: pdfplumber.PDF, layouts: list[PageLayout], engine: str, settings: TableSettings,
              password: str | None, reparse: bool) -> dict[int, list[Lattice | None]]:
    if engine == "pdfplumber":
        return {lay.number: [from_cell_boxes(r.cells or [], settings.snap_tolerance) if r.cells else None
                             for r in lay.regions]
                for lay in layouts if lay.regions}
    from extractor.extract import camelot_engine

    if reparse:
        regions = {lay.number: [r.bbox for r in lay.regions] for lay in layouts if lay.regions}
        return camelot_engine.camelot_lattices_reparse(_pdf_path(pdf), regions, password=password) if regions else {}
    return camelot_engine.camelot_lattices({lay.number: (lay.width, lay.height, lay.ruling or [],
                                                         [r.bbox for r in lay.regions])
                                            for lay in layouts if lay.regions})


def extract_grids(pdf: pdfplumber.PDF, layouts: list[PageLayout], engine: str, warnings: list[Warning],
                  settings: TableSettings = DEFAULT_SETTINGS, password: str | None = None,
                  reparse: bool = False) -> list[Grid]:
    """Grids of every located region, in page order. Releases the layouts' per-character data.

    `reparse` (engine camelot only) lets camelot re-read the table pages itself, as read_pdf does, instead
    of working on the ruling locate read: same grids, ~50-65 ms more a table page.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    lattices = _lattices(pdf, layouts, engine, settings, password, reparse)
    grids: list[Grid] = []
    for layout in layouts:
        previous_bottom = 0.0
        page_lattices = lattices.get(layout.number, [])
        for i, region in enumerate(layout.regions):
            lattice = page_lattices[i] if i < len(page_lattices) else None
            caption = captions(layout, region, previous_bottom)
            previous_bottom = region.bbox[3]
            chars = region.chars or []
            if lattice is None or lattice.n_rows < 1 or lattice.n_cols < 1:
                n = sum(1 for c in chars if not c.text.isspace())
                warnings.append(Warning("conservation_failed", f"page {layout.number}: engine {engine} found no "
                                        f"grid in the ruled area {tuple(round(v, 1) for v in region.bbox)}; "
                                        f"its {n} characters are not in any table", layout.number))
                continue
            slots = lattice.slots_of(chars, BORDER_SLACK)  # each character's slot, for both steps below
            split, n_split = split_unruled_rows(lattice, chars, settings, slots)
            if split is not lattice:
                lattice, slots = split, None
            text_cols = _has_text_columns(layout, region)
            label = engine + ("+text_cols" if text_cols else "") + ("+text_rows" if n_split else "")
            if text_cols or n_split:
                how = []
                if text_cols:
                    how.append(f"its {lattice.n_cols} columns from the text's alignment (no column rules)")
                if n_split:
                    how.append(f"its rows from the text lines ({n_split} ruled row(s) without row rules, "
                               f"{lattice.n_rows} rows in all)")
                warnings.append(Warning("grid_from_text", f"page {layout.number}: the table at "
                                        f"{tuple(round(v, 1) for v in lattice.bbox)} was read with "
                                        + " and ".join(how), layout.number))
            placed = place_chars(lattice, chars, settings, slots)
            grid = Grid(page=layout.number, bbox=lattice.bbox, rows=placed.rows, spans=placed.spans,
                        engine=label, row_tops=list(lattice.ys[:-1]), caption=caption,
                        top_rules=drawn_rules(layout, lattice.xs[0], lattice.xs[-1], lattice.ys[0],
                                              settings.snap_tolerance),
                        bottom_rules=drawn_rules(layout, lattice.xs[0], lattice.xs[-1], lattice.ys[-1],
                                                 settings.snap_tolerance),
                        lost_chars=len(placed.lost), col_xs=list(lattice.xs), row_bottoms=list(lattice.ys[1:]),
                        n_chars=placed.n_chars, hidden_below=region.hidden_below,
                        text_bottoms=placed.text_bottoms, text_tops=placed.text_tops)
            if placed.lost:
                sample = "".join(c.text for c in placed.lost[:20])
                warnings.append(Warning("conservation_failed", f"page {layout.number}: {len(placed.lost)} of "
                                        f"{placed.n_chars} characters in the ruled area fell in no cell of the "
                                        f"{engine} grid ({sample!r}…)", layout.number))
            if placed.stacked:
                warnings.append(Warning("stacked_values", f"page {layout.number}: {placed.stacked} cell(s) hold "
                                        "several numbers on separate lines; they are kept apart by line breaks "
                                        "in one cell, so check which row each belongs to", layout.number))
            grids.append(grid)
        if layout.regions and grids and grids[-1].page == layout.number:
            bottom = grids[-1].bbox[3]
            grids[-1].trailer = [ln for ln in layout.lines if ln.top >= bottom - 1]
        layout.release()
    return grids
