"""The one settings object of the geometric steps (locate, extract, stitch), like pdfplumber's TableSettings.

Tolerances are PDF points. Both engines draw their grid from the same ruling, so the values that decide
which lines make a grid (thin-rectangle width, snapping) are shared: that is what makes camelot and
pdfplumber give the same cells.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TableSettings:
    # Ruling: a filled rectangle at most this thick is a line (WPS/Excel draw borders that way). camelot's
    # vector engine uses 1.5 (image_processing._LINE_AS_THIN_RECT_TOL), which misses Excel's thick borders
    # drawn as 1.7-1.9 pt rectangles around a cell (Xi'an 附表14/15 年度总体目标): both engines get the ruling
    # read here, so 2.5 holds for both (only `reparse`, camelot re-reading the page, keeps its 1.5).
    thin_rect_max: float = 2.5
    # Lines closer than this are one line (camelot line_tol/joint_tol = 2; pdfplumber snap/join).
    snap_tolerance: float = 2.0
    join_tolerance: float = 2.0
    # A line ending this close to a crossing line still meets it. 3 (pdfplumber's default), not camelot's 2:
    # camelot's cell edges run a line that stops short on to the table's last row (Table._set_vertical_edges),
    # so a column rule ending 2.5 pt above the bottom border (Taiwan p147) still separates cells there.
    intersection_tolerance: float = 3.0
    edge_min_length: float = 3.0
    # A ruled area smaller than this (either side) is a box or an underline, not a table.
    min_table_size: float = 8.0
    # A character whose centre lies this close outside a region's outer ruling belongs to the table: a row
    # clipped by the page's print area (Beijing p.31) prints its last line across the bottom rule.
    region_char_slack: float = 1.0
    # Text lines: characters whose vertical centres are within this fraction of the font size share a line;
    # a horizontal gap wider than `line_split_gap` font sizes starts a separate TextLine.
    line_overlap: float = 0.5
    line_split_gap: float = 4.0
    # Inside one line, a gap wider than this (points, as pdfplumber's x_tolerance) reads as a space.
    word_gap: float = 3.0
    # Text-layer health.
    garbled_repeat_share: float = 0.15  # CJK characters in runs of one repeated ideograph (佛佛佛)
    garbled_bad_share: float = 0.10  # (cid:NN), U+FFFD and private-use characters
    scan_image_share: float = 0.8  # a page-covering image under the text: an OCR layer over a scan
    # Stitching: a continuation starts within this many points of the page's first text or ruling.
    continuation_top_slack: float = 30.0
    # Column layouts match when every column boundary is within this many points (after shifting).
    column_tolerance: float = 3.0


DEFAULT_SETTINGS = TableSettings()
