"""A page's objects read straight from pdfminer's layout: only what locate uses, in pdfplumber's geometry.

pdfplumber's `page.chars` / `.lines` / `.rects` turn every layout object into a dict of ~20 resolved
attributes (colours, font name, matrix, marked content, path points); on a text-heavy page that is about a
fifth of the time spent reading the page, and locate uses five numbers and the text of each character.
This reader walks the same layout (pdfplumber's `page.layout`, so the same interpreter, device and
errors) and computes the coordinates with pdfplumber's own formulas (Page.process_object: `top =
(height - y1) + mediabox top`, x shifted by the mediabox's x0), so every value is the float pdfplumber
would give, except a glyph whose font declares an impossible descent: its box is set from its baseline
(extractor.locate.glyph_box). tests/test_page_objects.py checks it against pdfplumber on every sample and
real PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pdfplumber
from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTLine, LTRect

from extractor.locate.clipping import char_visible, clipped_layout
from extractor.locate.glyph_box import baseline_box
from extractor.model import Char


@dataclass
class PageObjects:
    chars: list[Char] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)  # x0, top, x1, bottom, stroke (pdfplumber's keys)
    rects: list[dict] = field(default_factory=list)  # x0, top, x1, bottom, stroke, fill
    images: list[tuple[float, float, float, float]] = field(default_factory=list)  # x0, top, x1, bottom
    n_curves: int = 0
    curve_lines: list[dict] = field(default_factory=list)  # straight pieces of stroked curves, as lines
    # glyphs drawn outside their clip path (locate.clipping), not on the visible page, each with its clip box
    # (x0, top, x1, bottom)
    hidden: list[tuple[Char, tuple[float, float, float, float]]] = field(default_factory=list)


def straight_pieces(path: list[tuple], tol: float = 0.5) -> list[tuple[float, float, float, float]]:
    """The straight segments (x0, y0, x1, y1, PDF space) of a curve's path: `l` pieces, and `c` pieces whose
    control points lie on the chord (a Bézier drawn straight). Some exporters draw all ruling this way."""
    out = []
    start = cur = None
    for seg in path:
        op = seg[0]
        if op == "m":
            start = cur = seg[1]
        elif op == "l" and cur is not None:
            out.append((*cur, *seg[1]))
            cur = seg[1]
        elif op == "c" and cur is not None:
            (ax, ay), (bx, by), end = seg[1], seg[2], seg[3]
            (x0, y0), (x1, y1) = cur, end
            flat = (abs(x1 - x0) <= tol and abs(ax - x0) <= tol and abs(bx - x0) <= tol) or \
                   (abs(y1 - y0) <= tol and abs(ay - y0) <= tol and abs(by - y0) <= tol)
            if flat:
                out.append((x0, y0, x1, y1))
            cur = end
        elif op == "h" and cur is not None and start is not None:
            out.append((*cur, *start))
            cur = start
        elif op in ("v", "y") and cur is not None:
            cur = seg[-1]
    return out


def curve_lines(path: list[tuple], height: float, mb_x0: float, mb_top: float) -> list[dict]:
    """A stroked curve's straight pieces as ruling lines in page space (pdfplumber's top-down boxes, the
    media box's origin added), as both readers give them."""
    out = []
    for ax, ay, bx, by in straight_pieces(path):
        if mb_x0 != 0:
            ax, bx = ax + mb_x0, bx + mb_x0
        out.append({"x0": min(ax, bx), "x1": max(ax, bx), "stroke": True,
                    "top": (height - max(ay, by)) + mb_top, "bottom": (height - min(ay, by)) + mb_top})
    return out


def read_objects(page: pdfplumber.page.Page) -> PageObjects:
    """Characters, ruling candidates, image boxes and the number of curves of one page. A glyph its clip
    path hides is not read (locate.clipping)."""
    out = PageObjects()
    height = page.height
    mb_x0, mb_top = page.mediabox[:2]
    norm = page.pdf.unicode_norm
    if norm is not None:
        from pdfplumber.utils.text import normalize_unicode
    chars = out.chars

    def box(obj) -> tuple[float, float, float, float]:
        x0, x1 = obj.x0, obj.x1
        if mb_x0 != 0:
            x0, x1 = x0 + mb_x0, x1 + mb_x0
        return x0, (height - obj.y1) + mb_top, x1, (height - obj.y0) + mb_top

    def walk(objs) -> None:
        for obj in objs:
            kind = type(obj)
            if kind is LTChar:
                x0, top, x1, bottom = box(obj)
                reboxed = baseline_box(obj.matrix, obj.y0, obj.y1)
                if reboxed is not None:
                    top, bottom = (height - reboxed[1]) + mb_top, (height - reboxed[0]) + mb_top
                text = obj.get_text()
                if norm is not None:
                    text = normalize_unicode(norm, text)
                ch = Char(text, x0, top, x1, bottom, obj.size or (bottom - top), bool(obj.upright))
                if char_visible(obj):
                    chars.append(ch)
                else:
                    cx0, cy0, cx1, cy1 = obj.clip
                    if mb_x0 != 0:
                        cx0, cx1 = cx0 + mb_x0, cx1 + mb_x0
                    out.hidden.append((ch, (cx0, (height - cy1) + mb_top, cx1, (height - cy0) + mb_top)))
            elif kind is LTLine:
                x0, top, x1, bottom = box(obj)
                out.lines.append({"x0": x0, "top": top, "x1": x1, "bottom": bottom, "stroke": obj.stroke})
            elif kind is LTRect:
                x0, top, x1, bottom = box(obj)
                out.rects.append({"x0": x0, "top": top, "x1": x1, "bottom": bottom, "stroke": obj.stroke,
                                  "fill": obj.fill})
            elif kind is LTCurve:
                out.n_curves += 1
                if obj.stroke and obj.original_path:
                    out.curve_lines += curve_lines(obj.original_path, height, mb_x0, mb_top)
            elif kind is LTImage:
                out.images.append(box(obj))
            elif isinstance(obj, LTContainer):  # a figure (form XObject): pdfplumber lists its children
                walk(obj._objs)

    walk(clipped_layout(page)._objs)
    return out
