"""Digits of a font that declares an impossible descent stay on their printed line (issue 12, Chongqing).

Founder's E-BZ (Chongqing's budget books) declares Descent -1033, so pdfminer boxes each digit wholly under
its baseline and lines built from box centres put `15` of `建成15分钟商业服务圈` on the next line, and a
caption's `2026` on a line of its own. The page here is written by hand, byte for byte: ideographs in the
CID font STSong-Light, digits in a Type1 font whose descriptor says Descent -1033, set 0.13 em lower as
Founder's typesetting does (the Latin baseline on the ideographic em box's bottom). The truth is what the
page prints, the text as it was drawn.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from extractor.extract import extract_grids
from extractor.locate import locate_pages
from extractor.locate.glyph_box import baseline_box

PAGE_H = 842.0
CAPTION = ("2026年部门整体绩效目标表", 18.0, 150.0, 760.0)  # text, size, x, baseline
# A ruled 2 x 2 table: x 100-500 split at 380; the header row 700-680, the body row 680-640.
TABLE_X, TABLE_SPLIT, TABLE_Y = (100.0, 500.0), 380.0, (700.0, 680.0, 640.0)
HEADER = [("指标名称", 104.0, 686.0), ("指标值", 384.0, 686.0)]
BODY = [("全市网络零售额同比增速8%及以上，", 104.0, 667.0), ("建成15分钟商业服务圈63个及以上", 104.0, 653.0),
        ("63", 384.0, 667.0)]
TRUTH_ROWS = [["指标名称", "指标值"], ["全市网络零售额同比增速8%及以上，建成15分钟商业服务圈63个及以上", "63"]]
CELL_SIZE = 10.0
LATIN_DROP = 0.13  # em: how much lower the digits' baseline is set than the ideographs'


def _runs(text: str, size: float, x: float, y: float) -> list[str]:
    """Content operators drawing `text`: ideographs in /F1 (1 em wide), ASCII in /F2 (half an em)."""
    ops = []
    i = 0
    while i < len(text):
        latin = text[i].isascii()
        j = i
        while j < len(text) and text[j].isascii() == latin:
            j += 1
        run = text[i:j]
        if latin:
            ops.append(f"BT /F2 {size} Tf 1 0 0 1 {x:.2f} {y - LATIN_DROP * size:.2f} Tm ({run}) Tj ET")
            x += 0.5 * size * len(run)
        else:
            hexes = "".join(f"{ord(ch):04X}" for ch in run)
            ops.append(f"BT /F1 {size} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm <{hexes}> Tj ET")
            x += size * len(run)
        i = j
    return ops


def _write_pdf(path: Path) -> None:
    (x0, x1), (y0, ym, y1) = TABLE_X, TABLE_Y
    ops = ["0.5 w", f"{x0} {y1} {x1 - x0} {y0 - y1} re S", f"{x0} {ym} m {x1} {ym} l S",
           f"{TABLE_SPLIT} {y0} m {TABLE_SPLIT} {y1} l S"]
    ops += _runs(*CAPTION)
    for text, x, y in HEADER + BODY:
        ops += _runs(text, CELL_SIZE, x, y)
    content = "\n".join(ops).encode("ascii")
    widths = " ".join(["500"] * 95)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 {PAGE_H:g}] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R /F2 7 0 R >> >> >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (GB1) /Supplement 4 >> /DW 1000 /FontDescriptor 8 0 R >>",
        f"<< /Type /Font /Subtype /Type1 /BaseFont /DeepDescentSerif /FirstChar 32 /LastChar 126 "
        f"/Widths [{widths}] /FontDescriptor 9 0 R >>".encode(),
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
        b"<< /Type /FontDescriptor /FontName /DeepDescentSerif /Flags 34 /FontBBox [-166 -1033 1147 1333] "
        b"/ItalicAngle 0 /Ascent 1333 /Descent -1033 /CapHeight 699 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


@pytest.fixture(scope="module")
def deep_descent_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("glyph_box") / "deep-descent.pdf"
    _write_pdf(path)
    return path


def test_the_generated_font_really_declares_the_deep_descent(deep_descent_pdf):
    """The case is the real one: pdfplumber boxes every digit wholly below its baseline."""
    with pdfplumber.open(deep_descent_pdf) as pdf:
        page = pdf.pages[0]
        digits = [c for c in page.chars if c["text"].isdigit()]
        assert digits and all(c["top"] > PAGE_H - c["matrix"][5] for c in digits)


@pytest.mark.parametrize("engine", ["camelot", "pdfplumber"])
def test_digits_stay_in_their_cell_line_and_caption(deep_descent_pdf, engine):
    warnings = []
    with pdfplumber.open(deep_descent_pdf) as pdf:
        layouts = locate_pages(pdf, None, warnings)
        lines = [ln.text for ln in layouts[0].lines]
        grids = extract_grids(pdf, layouts, engine, warnings)
    assert CAPTION[0] in lines
    assert [g.rows for g in grids] == [TRUTH_ROWS]
    assert grids[0].lost_chars == 0


def test_baseline_box_judges_only_impossible_descents():
    # 10 pt glyphs at baseline 100: an ordinary descent (0.24 em) and a deep one (1.033 em)
    assert baseline_box((1, 0, 0, 1, 50, 100.0), 97.6, 107.6) is None
    assert baseline_box((1, 0, 0, 1, 50, 100.0), 89.67, 99.67) == pytest.approx((97.5, 107.5))
    # scaled text (matrix d = 2): the em is the box's height
    assert baseline_box((2, 0, 0, 2, 50, 100.0), 79.34, 99.34) == pytest.approx((95.0, 115.0))
    # rotated or mirrored text is not judged
    assert baseline_box((0, 1, -1, 0, 50, 100.0), 89.67, 99.67) is None
    assert baseline_box((-1, 0, 0, -1, 50, 100.0), 89.67, 99.67) is None
    # vertical writing: pdfminer's box starts above the origin
    assert baseline_box((1, 0, 0, 1, 50, 100.0), 101.2, 111.2) is None
