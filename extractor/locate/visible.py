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


def visible_chars(chars: list[Char], box: tuple[float, float, float, float]) -> list[Char]:
    """Characters whose centre lies inside the page box (x0, top, x1, bottom)."""
    x0, top, x1, bottom = box
    return [c for c in chars if x0 <= c.cx <= x1 and top <= c.cy <= bottom]


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
    dropped. Buckets of 1 pt keep this linear in the number of characters."""
    seen: dict[tuple[int, int], list[Char]] = {}
    out: list[Char] = []
    for ch in chars:
        if ch.text.isspace():
            out.append(ch)
            continue
        tol = min(DOUBLE_STRIKE_TOL, 0.5 * ch.size)
        kx, ky = int(ch.x0), int(ch.top)
        twin = False
        for bx in (kx - 1, kx, kx + 1):
            for by in (ky - 1, ky, ky + 1):
                for o in seen.get((bx, by), ()):
                    if o.text == ch.text and abs(o.x0 - ch.x0) < tol and abs(o.top - ch.top) < tol \
                            and abs(o.size - ch.size) < 0.01:
                        twin = True
                        break
        if not twin:
            out.append(ch)
            seen.setdefault((kx, ky), []).append(ch)
    return out
