"""Which glyphs a page's clip paths hide, read by PDFium (pypdfium2), independently of the extractor.

The extractor follows the clip through pdfminer's interpreter (extractor/locate/clipping.py); PDFium keeps
its own graphics state and gives each text object the clip path it is drawn under. A glyph is hidden when
its centre lies outside that clip (the intersection of the clip's paths; their bounding boxes, for the
rectangles the corpus uses). Tests use this to leave hidden glyphs out of what a reader sees.
"""

from __future__ import annotations

import ctypes
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


def _clip_box(obj) -> tuple[float, float, float, float] | None:
    clip = pdfium_c.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    box = None
    x, y = ctypes.c_float(), ctypes.c_float()
    for i in range(pdfium_c.FPDFClipPath_CountPaths(clip)):
        xs, ys = [], []
        for j in range(pdfium_c.FPDFClipPath_CountPathSegments(clip, i)):
            seg = pdfium_c.FPDFClipPath_GetPathSegment(clip, i, j)
            pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
            xs.append(x.value)
            ys.append(y.value)
        if xs:
            b = (min(xs), min(ys), max(xs), max(ys))
            box = b if box is None else (max(box[0], b[0]), max(box[1], b[1]), min(box[2], b[2]), min(box[3], b[3]))
    return box


@lru_cache(maxsize=64)
def hidden_glyphs(path: str | Path, page_number: int) -> tuple[tuple[str, float, float], ...]:
    """(text, centre x, centre y from the page top) of each glyph of the 1-based page its clip hides."""
    doc = pdfium.PdfDocument(str(path))
    try:
        page = doc[page_number - 1]
        height = page.get_height()
        textpage = page.get_textpage()
        out = []
        for i in range(pdfium_c.FPDFText_CountChars(textpage)):
            text = chr(pdfium_c.FPDFText_GetUnicode(textpage, i))
            if text.isspace():
                continue
            box = _clip_box(pdfium_c.FPDFText_GetTextObject(textpage, i))
            if box is None:
                continue
            rect = pdfium_c.FS_RECTF()  # the loose box: the font's box, as pdfminer measures a glyph
            pdfium_c.FPDFText_GetLooseCharBox(textpage, i, ctypes.byref(rect))
            cx, cy = (rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2
            if not (box[0] <= cx <= box[2] and box[1] <= cy <= box[3]):
                out.append((text, cx, height - cy))
        return tuple(out)
    finally:
        doc.close()


def hidden_chars(chars: list[dict], hidden: tuple[tuple[str, float, float], ...], tol: float = 2.0) -> set[int]:
    """The ids of the pdfplumber chars that are the hidden glyphs: for each, the nearest char of the same
    text whose centre is within `tol` points (one char a glyph: a visible twin beside it stays)."""
    by_text: dict[str, list[dict]] = {}
    for ch in chars:
        by_text.setdefault(ch["text"], []).append(ch)
    taken: set[int] = set()
    for text, hx, hy in hidden:
        best, best_d = None, tol
        for ch in by_text.get(text, ()):
            d = max(abs((ch["x0"] + ch["x1"]) / 2 - hx), abs((ch["top"] + ch["bottom"]) / 2 - hy))
            if d <= best_d and id(ch) not in taken:
                best, best_d = ch, d
        if best is not None:
            taken.add(id(best))
    return taken
