"""Columns from text where a table has row rules but no column rules (list tables ruled row-wide only).

Three or more horizontal rules of one extent with text between them and no crossing rules are a table
whose columns are drawn by white space only: a column boundary is put in each vertical strip that no
character of any row touches. The boundaries become vertical edges (object_type TEXT_EDGE) added to the
page's ruling, so both engines build their grid from them like from any rule, and extract can say the grid
was inferred from text.

Measured before writing this: camelot 2.0's network/hybrid parsers re-read the page (0.5-1.3 s a page,
Taiwan p.46) and take in the headings around the table; pdfplumber's "text" vertical strategy cuts
columns through words where a column's text is short (`預 | 算數`). Between known row rules only the
vertical gaps are needed, which this finds in one pass over the characters.
"""

from __future__ import annotations

import statistics

from extractor.locate.ruling import Edge, _v
from extractor.locate.settings import TableSettings
from extractor.model import BBox, Char

TEXT_EDGE = "text_v_edge"
_MIN_RULES = 3
_MIN_WIDTH = 100.0  # points: shorter rule runs are underlines and form fields
_GAP_SIZES = 0.5  # a column gap is at least this many font sizes wide


def _extent_groups(hs: list[Edge], tol: float) -> list[list[Edge]]:
    groups: list[list[Edge]] = []
    for e in sorted(hs, key=lambda e: (round(e["x0"]), round(e["x1"]), e["top"])):
        for g in groups:
            if abs(g[0]["x0"] - e["x0"]) <= tol and abs(g[0]["x1"] - e["x1"]) <= tol:
                g.append(e)
                break
        else:
            groups.append([e])
    return groups


def _gaps(chars: list[Char], x0: float, x1: float) -> list[float]:
    """Centres of the vertical strips inside (x0, x1) that no character touches, wide enough."""
    ink = [c for c in chars if not c.text.isspace()]
    if not ink:
        return []
    min_gap = _GAP_SIZES * statistics.median(c.size for c in ink)
    spans = sorted((c.x0, c.x1) for c in ink)
    out = []
    right = x0
    for a, b in spans:
        if a - right >= min_gap and right > x0:
            out.append((right + a) / 2)
        right = max(right, b)
    return out


def text_column_edges(edges: list[Edge], chars: list[Char], taken: list[BBox],
                      settings: TableSettings) -> list[tuple[list[Edge], list[Edge]]]:
    """(row rules, inferred column edges) of each row-ruled table outside the `taken` (ruled) tables."""
    hs = [e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] >= _MIN_WIDTH
          and not any(b[0] - 2 <= e["x0"] and e["x1"] <= b[2] + 2 and b[1] - 2 <= e["top"] <= b[3] + 2
                      for b in taken)]
    vs = [e for e in edges if e["orientation"] == "v"]
    out = []
    for group in _extent_groups(hs, settings.snap_tolerance):
        if len(group) < _MIN_RULES:
            continue
        group.sort(key=lambda e: e["top"])
        x0, x1 = min(e["x0"] for e in group), max(e["x1"] for e in group)
        top, bottom = group[0]["top"], group[-1]["top"]
        # any vertical rule inside: a ruled table (found, or refused as a drawing), not this case
        if any(x0 < v["x0"] < x1 and v["top"] < bottom and v["bottom"] > top for v in vs):
            continue
        inside = [c for c in chars if x0 <= c.cx <= x1 and top <= c.cy <= bottom]
        bands = sum(1 for a, b in zip(group, group[1:])
                    if any(a["top"] <= c.cy <= b["top"] and not c.text.isspace() for c in inside))
        if bands < 2:
            continue
        gaps = _gaps(inside, x0, x1)
        if not gaps:
            continue
        cols = []
        for x in gaps:
            e = _v(x, top, bottom)
            e["object_type"] = TEXT_EDGE
            cols.append(e)
        out.append((group, cols))
    return out
