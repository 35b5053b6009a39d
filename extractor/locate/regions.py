"""Ruled table regions of a page, found by pdfplumber's table finder on the shared ruling edges."""

from __future__ import annotations

from dataclasses import dataclass

import pdfplumber
from pdfplumber.table import TableFinder

from extractor.locate.ruling import Edge
from extractor.locate.settings import TableSettings
from extractor.model import BBox


@dataclass
class FoundTable:
    bbox: BBox
    cells: list[BBox]


def finder_settings(edges: list[Edge], settings: TableSettings) -> dict:
    v = [e for e in edges if e["orientation"] == "v"]
    h = [e for e in edges if e["orientation"] == "h"]
    return {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": v,
        "explicit_horizontal_lines": h,
        "snap_tolerance": settings.snap_tolerance,
        "join_tolerance": settings.join_tolerance,
        "intersection_tolerance": settings.intersection_tolerance,
        "edge_min_length": settings.edge_min_length,
    }


def find_tables(page: pdfplumber.page.Page, edges: list[Edge], settings: TableSettings) -> list[FoundTable]:
    """Tables top to bottom; boxes smaller than `min_table_size` (underlines, stamps) are dropped."""
    v = [e for e in edges if e["orientation"] == "v"]
    h = [e for e in edges if e["orientation"] == "h"]
    if len(v) < 2 or len(h) < 2:
        return []
    finder = TableFinder(page, finder_settings(edges, settings))
    found = []
    for table in finder.tables:
        x0, top, x1, bottom = table.bbox
        if x1 - x0 < settings.min_table_size or bottom - top < settings.min_table_size:
            continue
        found.append(FoundTable(bbox=(x0, top, x1, bottom), cells=[tuple(c) for c in table.cells]))
    found.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    return found
