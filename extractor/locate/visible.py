"""What a reader sees of a page: objects inside the page's visible box, and a double-struck glyph once.

Budget books impose two-page spreads by drawing the whole spread on each page and letting the page box
show one half (Taiwan pp. 131-132: 655 of 1,138 characters lie right of the page); without the box the
spread would be read twice. Bold figures are often printed twice at a sub-point offset (double striking,
Taiwan p. 63 `11,415`); read as printed they come out `1111,,441155`.
"""

from __future__ import annotations

from extractor.model import Char

# A repeated glyph (same text, same size) closer than this (points, and half its size) is one glyph struck
# twice: pdfplumber's dedupe_chars uses 1 pt too. Real neighbours stand a glyph width apart.
DOUBLE_STRIKE_TOL = 1.0
_SQUARE = 8.0  # drop_double_struck files kept glyphs by squares this wide (points) ...
_REACH = DOUBLE_STRIKE_TOL + 0.5  # ... and looks this far around a glyph (> the tolerance: float rounding)


def visible_chars(chars: list[Char], box: tuple[float, float, float, float]) -> list[Char]:
    """Characters whose centre lies inside the page box (x0, top, x1, bottom)."""
    x0, top, x1, bottom = box
    # the centres computed inline (Char.cx, Char.cy: the same sums), the properties cost a call a glyph
    return [c for c in chars if x0 <= (c.x0 + c.x1) / 2 <= x1 and top <= (c.top + c.bottom) / 2 <= bottom]


def visible_segments(objs: list[dict], box: tuple[float, float, float, float]) -> list[dict]:
    """Line or rect objects clipped to the page box; those wholly outside it dropped."""
    x0, top, x1, bottom = box
    out = []
    for o in objs:
        if o["x1"] < x0 or o["x0"] > x1 or o["bottom"] < top or o["top"] > bottom:
            continue
        if o["x0"] < x0 or o["x1"] > x1 or o["top"] < top or o["bottom"] > bottom:
            o = dict(o, x0=max(o["x0"], x0), x1=min(o["x1"], x1), top=max(o["top"], top),
                     bottom=min(o["bottom"], bottom))
        out.append(o)
    return out


def drop_double_struck(chars: list[Char]) -> list[Char]:
    """Each glyph once: a later copy of a glyph (same text and size, offset below DOUBLE_STRIKE_TOL) is
    dropped. The glyphs kept are filed by text and 8-pt square, so each glyph is compared only with the
    same text in the (at most four) squares within 1.5 pt of it: linear in the number of characters."""
    seen: dict[tuple[str, float, float], list[Char]] = {}
    get = seen.get
    out: list[Char] = []
    for ch in chars:
        text = ch.text
        if text.isspace():
            out.append(ch)
            continue
        x0, top, size = ch.x0, ch.top, ch.size
        half = 0.5 * size
        tol = half if half < DOUBLE_STRIKE_TOL else DOUBLE_STRIKE_TOL  # min(DOUBLE_STRIKE_TOL, half)
        # a twin's x0 lies within tol (<= 1 pt) of ch's: in the square of x0 - 1.5 or of x0 + 1.5 (as top)
        xa, xb = (x0 - _REACH) // _SQUARE, (x0 + _REACH) // _SQUARE
        ya, yb = (top - _REACH) // _SQUARE, (top + _REACH) // _SQUARE
        twin = False
        for bx in (xa, xb) if xa != xb else (xa,):
            for by in (ya, yb) if ya != yb else (ya,):
                for o in get((text, bx, by), ()):
                    if abs(o.x0 - x0) < tol and abs(o.top - top) < tol and abs(o.size - size) < 0.01:
                        twin = True
                        break
        if not twin:
            out.append(ch)
            key = (text, x0 // _SQUARE, top // _SQUARE)
            bucket = get(key)
            if bucket is None:
                seen[key] = [ch]
            else:
                bucket.append(ch)
    return out
