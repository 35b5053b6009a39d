"""locate's lean page reader gives exactly pdfplumber's values for what locate uses.

extractor.locate.objects reads pdfminer's layout directly instead of pdfplumber's per-object dicts (speed,
issue 8). The expected values are pdfplumber's own page.chars/.lines/.rects/.images/.curves of the same
page, compared float for float; a glyph whose font declares a descent deeper than half an em (Founder's
E-BZ: -1033) is expected where its baseline puts it instead: a quarter em below the baseline, one em tall
(extractor.locate.glyph_box); the glyphs a clip hides are kept apart, in `hidden`.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from corpus import TAIWAN, every_pdf_param
from extractor.locate.objects import read_objects


def _box(o: dict) -> tuple:
    return (o["x0"], o["top"], o["x1"], o["bottom"])


def _char_box(c: dict, page) -> tuple:
    """pdfplumber's box, or for a glyph boxed wholly (over half its height) below its baseline, the box
    from its baseline: one em tall, a quarter em of it below the baseline (PDF space y0 = f - h/4), turned
    top-down by pdfplumber's formula."""
    a, b, cc, d, _e, f = c["matrix"]
    h = c["y1"] - c["y0"]
    if b == 0 and cc == 0 and a > 0 and d > 0 and h > 0 and c["y0"] - f < -0.5 * h:
        y0 = f - 0.25 * h
        mb_top = page.mediabox[1]
        return (c["x0"], (page.height - (y0 + h)) + mb_top, c["x1"], (page.height - y0) + mb_top)
    return _box(c)


@pytest.mark.parametrize("pdf_path", every_pdf_param())
def test_read_objects_equals_pdfplumber(pdf_path: Path) -> None:
    with pdfplumber.open(pdf_path) as pdf:
        pages = pdf.pages[140:160] if pdf_path.name == TAIWAN else pdf.pages  # pages with tables and figures
        for page in pages:
            lean = read_objects(page)
            page.flush_cache()  # pdfplumber re-reads the page its own way
            want_chars = [(c["text"], *_char_box(c, page), c.get("size") or (c["bottom"] - c["top"]),
                           bool(c.get("upright", True))) for c in page.chars]
            # every char is read, those a clip path hides apart (locate.clipping; test_clipping checks which)
            shown = [tuple(c) for c in lean.chars]
            hidden = [tuple(c) for c, _clip in lean.hidden]
            assert sorted(shown + hidden) == sorted(want_chars), page.page_number
            rest = iter(want_chars)
            assert all(c in rest for c in shown), page.page_number  # in pdfplumber's order
            assert [(*_box(o), o.get("stroke", True)) for o in lean.lines] == \
                [(*_box(o), o.get("stroke", True)) for o in page.lines], page.page_number
            assert [(*_box(o), o.get("stroke"), o.get("fill")) for o in lean.rects] == \
                [(*_box(o), o.get("stroke"), o.get("fill")) for o in page.rects], page.page_number
            assert lean.images == [_box(o) for o in page.images], page.page_number
            assert lean.n_curves == len(page.curves), page.page_number
            page.close()
