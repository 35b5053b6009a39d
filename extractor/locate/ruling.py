"""The ruling lines of a page: what both engines build their grids from.

Borders come as line objects, stroked rectangles or thin filled rectangles (WPS/Excel exports). The rule is
the one camelot's vector engine applies (image_processing._ruled_lines_from_layout), so pdfplumber's table
finder, fed these edges, sees the same lines camelot does: a stroked rectangle gives its four sides, a filled
rectangle thinner than `thin_rect_max` gives its centre line, a wide filled rectangle (cell shading) nothing.
"""

from __future__ import annotations

from typing import Any

from extractor.locate.settings import TableSettings

Edge = dict[str, Any]  # pdfplumber edge: x0, x1, top, bottom, orientation ("h"/"v"), object_type

_ORTHOGONAL = 0.5  # camelot's _LINE_ORTHOGONAL_TOL


def _h(x0: float, x1: float, y: float) -> Edge:
    return {"object_type": "h_edge", "orientation": "h", "x0": min(x0, x1), "x1": max(x0, x1),
            "top": y, "bottom": y, "width": abs(x1 - x0), "height": 0.0}


def _v(x: float, top: float, bottom: float) -> Edge:
    return {"object_type": "v_edge", "orientation": "v", "x0": x, "x1": x, "top": min(top, bottom),
            "bottom": max(top, bottom), "width": 0.0, "height": abs(bottom - top)}


def _segment(x0: float, top: float, x1: float, bottom: float) -> list[Edge]:
    if abs(bottom - top) <= _ORTHOGONAL and x1 != x0:
        return [_h(x0, x1, (top + bottom) / 2)]
    if abs(x1 - x0) <= _ORTHOGONAL and bottom != top:
        return [_v((x0 + x1) / 2, top, bottom)]
    return []  # diagonal strokes are not ruling


def ruling_edges(lines: list[dict], rects: list[dict], settings: TableSettings) -> list[Edge]:
    """Horizontal and vertical ruling edges from a page's line and rect objects."""
    edges: list[Edge] = []
    for ln in lines:
        if ln.get("stroke", True):
            edges.extend(_segment(ln["x0"], ln["top"], ln["x1"], ln["bottom"]))
    for r in rects:
        x0, top, x1, bottom = r["x0"], r["top"], r["x1"], r["bottom"]
        if r.get("stroke"):
            edges += [_h(x0, x1, top), _h(x0, x1, bottom), _v(x0, top, bottom), _v(x1, top, bottom)]
        elif r.get("fill"):
            w, h = x1 - x0, bottom - top
            if min(w, h) <= settings.thin_rect_max < max(w, h):
                if w >= h:
                    edges.append(_h(x0, x1, (top + bottom) / 2))
                else:
                    edges.append(_v((x0 + x1) / 2, top, bottom))
    return edges
