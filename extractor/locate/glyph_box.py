"""A glyph's box set from its baseline when the font's declared descent cannot be a descent.

pdfminer (so pdfplumber) boxes a horizontal glyph as one em tall, starting the font's declared descent
below the baseline. Some fonts declare the depth of their bounding box there: Founder's E-BZ, which sets
the digits and Latin of Chongqing's budget books, says Descent -1033 (per 1000), so every digit's box lies
wholly under its baseline, most of a line below the ideographs printed beside it. Lines are built from box
centres, so `建成15分钟商业服务圈` read `建成 分钟商业服务圈` over `15`, and a caption's `2026` became a
line of its own. No face descends half its size (the corpus's ordinary fonts: 0.14-0.33 em), so such a
glyph is boxed with a typical descent instead, from its own baseline (the text matrix's origin); every
other glyph keeps pdfminer's box.
"""

from __future__ import annotations

# A descent deeper than this share of the em is not one (the deepest ordinary one seen is 0.44 em).
DEEPEST_DESCENT = 0.5
# The descent used instead: about the common Latin and CJK faces' (Times 0.22, 方正仿宋 0.24, Calibri 0.25).
TYPICAL_DESCENT = 0.25


def baseline_box(matrix: tuple, y0: float, y1: float) -> tuple[float, float] | None:
    """The glyph's (y0, y1) in PDF space set from its baseline, or None when pdfminer's box stands.

    Only glyphs set upright and unrotated (matrix b = c = 0, a, d > 0) are judged. pdfminer's box of a
    vertical-writing glyph reaches from (1000 - vy) / 1000 em above its origin to an em below that (0.88 em
    below the origin with the default DW2), so such a glyph is re-boxed here too (the OCR layer of
    scanned-with-ocr-layer.pdf pp. 3 and 6); both readers do it alike. A text rise moves pdfminer's box with
    it and cannot be told from the descent here: a glyph lowered so far that descent and rise together pass
    half an em (a deep subscript, over 0.25 em below an ordinary font's baseline) is boxed on its baseline.
    """
    a, b, c, d, _e, f = matrix
    height = y1 - y0
    if b != 0 or c != 0 or a <= 0 or d <= 0 or height <= 0 or y0 - f >= -DEEPEST_DESCENT * height:
        return None
    bottom = f - TYPICAL_DESCENT * height
    return bottom, bottom + height
