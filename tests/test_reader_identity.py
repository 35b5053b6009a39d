"""The playa page reader gives pdfplumber's (pdfminer's) objects, and stands aside where that is not shown.

The truth is pdfplumber's own reading of the same page (`page.chars`, and objects.read_objects, itself
checked against pdfplumber by test_page_objects.py): characters with text, box (0.01 pt), size, font name
and uprightness; lines, rects, straight curve pieces, image boxes, curve counts. Every sample PDF's pages
and a spread of 4 pages of every real PDF here (first, last, two between); every page of every PDF:
`python bench/reader_identity.py` (`make reader-identity`). Generated pages cover what the corpus shows
only once or not at all: character spacing (Tc) around Tj and TJ, a font whose descriptor says Ascent =
Descent = 0, a code without a width, vertical writing (with character spacing: left to pdfminer), clip
paths and form XObjects.
"""

from __future__ import annotations

import importlib.util
import sys
import zlib
from pathlib import Path

import pytest

from bad_inputs import _assemble
from clip_truth import hidden_glyphs
from corpus import REAL_CORPUS_DIR, every_pdf_param, needs_real, sample_pdfs
from extractor.guard import Limits, open_pdf
from extractor.locate.objects import read_objects
from extractor.locate.playa_pages import PageShell
from extractor.locate.reader import PdfminerReader, PlayaReader, open_reader

_spec = importlib.util.spec_from_file_location(
    "bench_reader_identity", Path(__file__).resolve().parent.parent / "bench" / "reader_identity.py")
identity = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = identity  # its dataclasses look their module up
_spec.loader.exec_module(identity)

SAMPLES = {p.name for p in sample_pdfs()}
BEIJING = REAL_CORPUS_DIR / "beijing-city-dev-reform-2026-budget.pdf"
# Every page of the corpus is read by playa: clip paths, form XObjects, Chongqing's deep-descent font
# (glyph_box) and the OCR layer's vertical writing (scanned-with-ocr-layer.pdf pp. 3 and 6) included.


@pytest.mark.parametrize("pdf_path", every_pdf_param())
def test_playa_reads_what_pdfplumber_reads(pdf_path: Path) -> None:
    report = identity.compare_pdf(pdf_path, sample=0 if pdf_path.name in SAMPLES else 4)
    assert report.pages > 0
    assert report.differences == []
    assert report.fallback == []


@needs_real
@pytest.mark.parametrize("number", [31, 42, 79])
def test_a_clipped_page_is_read_by_playa(number):
    """Beijing dev-reform pp. 31, 42, 79 hide a cut row's (or an overflowing cell's) text under clip paths
    (test_clipping): playa reads them, and hides the glyphs PDFium's own reading of the clips hides."""
    with open_pdf(BEIJING) as pdf:
        reader = open_reader(pdf, "playa")
        got = reader.read(pdf.pages[number - 1])
        assert reader.fallback_pages == []
        reader.close()
    mine = sorted((c.text, round(c.cx), round(c.cy)) for c, _ in got.hidden if not c.text.isspace())
    theirs = sorted((t, round(x), round(y)) for t, x, y in hidden_glyphs(str(BEIJING), number))
    assert mine and [m[0] for m in mine] == [t[0] for t in theirs]
    assert all(abs(a[1] - b[1]) <= 1 and abs(a[2] - b[2]) <= 1 for a, b in zip(mine, theirs))


# ------------------------------------------------------------------------------------- generated pages

def _font_helvetica() -> bytes:
    return b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def _pdf(tmp_path: Path, content: bytes, fonts: dict[str, int], extra: list[bytes], name: str = "gen.pdf",
         xobjects: dict[str, int] | None = None) -> Path:
    """One page whose content is `content`, fonts /Fn -> object numbers (objects 5.. are `extra`), and
    XObjects /Name -> object numbers."""
    forms = b""
    if xobjects:
        forms = b" /XObject << " + b" ".join(b"/%s %d 0 R" % (k.encode(), v) for k, v in xobjects.items()) + b" >>"
    res = b"<< /Font << " + b" ".join(b"/%s %d 0 R" % (k.encode(), v) for k, v in fonts.items()) + b" >>" + forms + b" >>"
    stream = zlib.compress(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources " + res + b" >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        *extra,
    ]
    path = tmp_path / name
    path.write_bytes(_assemble(objects))
    return path


def _assert_same(path: Path) -> PlayaReader:
    with open_pdf(path) as pdf:
        reader = open_reader(pdf, "playa")
        assert isinstance(reader, PlayaReader)
        for page in pdf.pages:
            diffs, n_chars, _, _ = identity.compare_page(page, reader, [])
            assert diffs == [], diffs
            assert n_chars != 0
        reader.close()
    return reader


def test_character_spacing_as_pdfminer_places_it(tmp_path: Path) -> None:
    """pdfminer adds Tc between a string's glyphs (and after a TJ's leading number), not after its last;
    the glyphs after such a string on the same line sit where pdfminer puts them."""
    content = (b"BT /F1 12 Tf 72 700 Td -2.5 Tc (A) Tj 0 Tc (BC) Tj 3 Tc [-200 (DE) 100 (F)] TJ (G) Tj "
               b"0 Tc (H) Tj 0 -20 Td 1.5 Tc (IJ) Tj (K) Tj ET")
    reader = _assert_same(_pdf(tmp_path, content, {"F1": 5}, [_font_helvetica()]))
    assert reader.fallback_pages == []


def test_zero_ascent_and_descent_and_a_code_without_width(tmp_path: Path) -> None:
    """LibreOffice's fonts declare Ascent = Descent = 0: pdfminer's box stands on the baseline, playa's own
    would drop to the FontBBox. A code outside FirstChar..LastChar has width 0 for pdfminer (no
    MissingWidth), 1000 for playa: the next glyph's place depends on it."""
    font = (b"<< /Type /Font /Subtype /TrueType /BaseFont /Dummy /FirstChar 65 /LastChar 70 "
            b"/Widths [600 600 600 600 600 600] /FontDescriptor 6 0 R /Encoding /WinAnsiEncoding >>")
    descriptor = (b"<< /Type /FontDescriptor /FontName /Dummy /Flags 32 /Ascent 0 /Descent 0 "
                  b"/FontBBox [-100 -300 1000 900] /ItalicAngle 0 /StemV 80 /CapHeight 0 >>")
    content = b"BT /F2 22 Tf 72 700 Td (ABZCD) Tj ET"
    path = _pdf(tmp_path, content, {"F2": 5}, [font, descriptor])
    _assert_same(path)
    with open_pdf(path) as pdf:
        chars = read_objects(pdf.pages[0]).chars
    assert chars[0].bottom == pytest.approx(842 - 700)  # Descent 0: the box's bottom is the baseline
    assert chars[3].x0 == pytest.approx(chars[2].x0)  # 'Z' has no width: 'C' is drawn where it is


def test_generated_clips_and_form_read_by_playa(tmp_path: Path) -> None:
    """test_clipping's generated cut row (clip rectangles under q/Q, a cell's own clip, a form XObject clipped
    to its BBox): playa shows and hides what the generator's model says, and agrees with pdfminer's reading."""
    from test_clipping import HIDDEN, SHOWN, _draw, _words

    path = tmp_path / "cut-row.pdf"
    _draw(path)
    reader = _assert_same(path)
    assert reader.fallback_pages == []
    with open_pdf(path) as pdf:
        reader = open_reader(pdf, "playa")
        for number in (1, 2):
            got = reader.read(pdf.pages[number - 1])
            assert _words(got.chars) == SHOWN[number]
            assert _words([c for c, _ in got.hidden]) == HIDDEN[number]
        assert reader.fallback_pages == []
        reader.close()


def test_form_xobject_matrix_bbox_and_fresh_state(tmp_path: Path) -> None:
    """A form XObject drawn through its Matrix (scale 2, moved to 100, 500), clipped to its BBox (0 0 50 20 in
    form space: 100-200 x 500-540 on the page); pdfminer interprets it from a fresh text state (no Tc from
    the page: pdfminer's render_contents starts over), and playa's reading matches. 'I' at form x 5 shows,
    'O' at form x 60 (page x 220) is hidden."""
    form_content = b"BT /F1 6 Tf 5 5 Td (I) Tj 55 0 Td (O) Tj ET"
    form = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 50 20] /Matrix [2 0 0 2 100 500] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Length %d >>\nstream\n" % len(form_content)
            + form_content + b"\nendstream")
    content = b"BT /F1 12 Tf 3 Tc 72 700 Td (AB) Tj ET q /Fm1 Do Q BT /F1 12 Tf 72 650 Td (C) Tj ET"
    path = _pdf(tmp_path, content, {"F1": 5}, [_font_helvetica(), form], xobjects={"Fm1": 6})
    reader = _assert_same(path)
    assert reader.fallback_pages == []
    with open_pdf(path) as pdf:
        reader = open_reader(pdf, "playa")
        got = reader.read(pdf.pages[0])
        reader.close()
    assert [c.text for c in got.chars] == ["A", "B", "I", "C"]
    i = got.chars[2]
    assert i.x0 == pytest.approx(110) and i.bottom - i.top == pytest.approx(12)  # 6 pt scaled by 2
    ((o, clip),) = got.hidden
    assert o.text == "O" and o.x0 == pytest.approx(220)
    assert clip == pytest.approx((100, 842 - 540, 200, 842 - 500))


def test_form_drawing_itself_is_drawn_once(tmp_path: Path) -> None:
    """A form XObject whose content draws the form again: pdfminer refuses the circular reference (its text
    is drawn once, by the page's Do); playa's reading does the same instead of recursing."""
    form_content = b"BT /F1 10 Tf 5 5 Td (R) Tj ET /Fm1 Do"
    form = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] "
            b"/Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >> /Length %d >>\nstream\n"
            % len(form_content) + form_content + b"\nendstream")
    path = _pdf(tmp_path, b"q 1 0 0 1 100 100 cm /Fm1 Do Q", {"F1": 5}, [_font_helvetica(), form],
                xobjects={"Fm1": 6})
    reader = _assert_same(path)
    assert reader.fallback_pages == []
    with open_pdf(path) as pdf:
        reader = open_reader(pdf, "playa")
        assert [c.text for c in reader.read(pdf.pages[0]).chars] == ["R"]
        assert reader.fallback_pages == []
        reader.close()


def test_form_without_resources_uses_its_callers(tmp_path: Path) -> None:
    """A form without Resources drawn by a form that has them: pdfminer looks the inner form's font up in its
    caller's resources (the outer form's /F9, which the page does not have); so does playa's reading."""
    inner_content = b"BT /F9 10 Tf 10 10 Td (N) Tj ET"
    inner = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Length %d >>\nstream\n"
             % len(inner_content) + inner_content + b"\nendstream")
    outer_content = b"BT /F9 10 Tf 10 40 Td (M) Tj ET /In Do"
    outer = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] "
             b"/Resources << /Font << /F9 5 0 R >> /XObject << /In 7 0 R >> >> /Length %d >>\nstream\n"
             % len(outer_content) + outer_content + b"\nendstream")
    path = _pdf(tmp_path, b"q 1 0 0 1 100 100 cm /Out Do Q", {"F1": 5}, [_font_helvetica(), outer, inner],
                xobjects={"Out": 6})
    reader = _assert_same(path)
    assert reader.fallback_pages == []
    with open_pdf(path) as pdf:
        reader = open_reader(pdf, "playa")
        assert [c.text for c in reader.read(pdf.pages[0]).chars] == ["M", "N"]
        reader.close()


def test_deep_descent_font_boxed_on_its_baseline(tmp_path: Path) -> None:
    """A font declaring Descent -1033 (Chongqing's E-BZ): its glyphs are boxed from their baseline with a
    quarter-em descent (locate.glyph_box) by playa as by pdfminer: 20-pt digits on the baseline y = 700 span
    695-715, top-down 127-147."""
    font = (b"<< /Type /Font /Subtype /TrueType /BaseFont /Deep /FirstChar 48 /LastChar 57 "
            b"/Widths [500 500 500 500 500 500 500 500 500 500] /FontDescriptor 6 0 R "
            b"/Encoding /WinAnsiEncoding >>")
    descriptor = (b"<< /Type /FontDescriptor /FontName /Deep /Flags 32 /Ascent 1000 /Descent -1033 "
                  b"/FontBBox [0 -1033 1000 1000] /ItalicAngle 0 /StemV 80 /CapHeight 700 >>")
    content = b"BT /F2 20 Tf 72 700 Td (15) Tj ET"
    path = _pdf(tmp_path, content, {"F2": 5}, [font, descriptor])
    reader = _assert_same(path)
    assert reader.fallback_pages == []
    with open_pdf(path) as pdf:
        reader = open_reader(pdf, "playa")
        chars = reader.read(pdf.pages[0]).chars
        reader.close()
    assert [c.text for c in chars] == ["1", "5"]
    assert all(c.top == pytest.approx(127) and c.bottom == pytest.approx(147) for c in chars)


def _vertical_font() -> tuple[bytes, bytes, bytes]:
    """A vertical-writing (-V) CID font as objects 5, 6, 7: the font, its descendant, its descriptor."""
    cid = (b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-V "
           b"/DescendantFonts [6 0 R] >>")
    desc = (b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
            b"/Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>")
    fd = (b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /Ascent 857 /Descent -143 "
          b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /StemV 93 /CapHeight 857 >>")
    return cid, desc, fd


def test_vertical_writing(tmp_path: Path) -> None:
    """A vertical (-V) font: playa's reading gives pdfminer's boxes (x half an em either side of the origin,
    y from 0.12 em above it to 0.88 below with the default DW2, then re-boxed on the baseline by glyph_box as
    read_objects does); with character spacing the page is left to pdfminer (which adds Tc, scaled by Tz,
    where playa does not)."""
    cid, desc, fd = _vertical_font()
    content = b"BT /F3 20 Tf 300 700 Td <4E2D6587> Tj ET"
    path = _pdf(tmp_path, content, {"F3": 5}, [cid, desc, fd])
    reader = _assert_same(path)
    assert reader.fallback_pages == []
    with open_pdf(path) as pdf:
        reader = open_reader(pdf, "playa")
        got = reader.read(pdf.pages[0])
        assert reader.fallback_pages == []
        assert got.chars == read_objects(pdf.pages[0]).chars
        assert [c.text for c in got.chars] == ["中", "文"]
        assert got.chars[0].x0 == pytest.approx(290) and got.chars[0].x1 == pytest.approx(310)
        assert got.chars[1].top > got.chars[0].top  # written downwards
        reader.close()
    spaced = _pdf(tmp_path, b"BT /F3 20 Tf 2 Tc 300 700 Td <4E2D6587> Tj ET", {"F3": 5}, [cid, desc, fd],
                  name="spaced.pdf")
    with open_pdf(spaced) as pdf:
        reader = open_reader(pdf, "playa")
        got = reader.read(pdf.pages[0])
        assert reader.fallback_pages == [1]
        assert got.chars == read_objects(pdf.pages[0]).chars
        reader.close()


def test_decompression_limit_holds_for_playa(tmp_path: Path) -> None:
    """playa inflates content streams with the standard zlib (it is compiled): the limit still holds."""
    from extractor.errors import TooLarge
    from extractor.guard import inflate_limit

    content = b"0 0 m 1 1 l S\n%" + b"x" * (3 << 19) + b"\n"  # a line, then 1.5 MB of comment
    path = _pdf(tmp_path, content, {"F1": 5}, [_font_helvetica()])
    with inflate_limit(1 << 20), open_pdf(path, limits=Limits(max_decompressed=1 << 20), pre_check=False) as pdf:
        reader = open_reader(pdf, "playa")
        with pytest.raises(TooLarge):
            reader.read(pdf.pages[0])
        reader.close()
    with open_pdf(path) as pdf:  # no limit in force: read
        reader = open_reader(pdf, "playa")
        assert len(reader.read(pdf.pages[0]).lines) == 1
        reader.close()


def test_pdfminer_reader_and_unknown_name(tmp_path: Path) -> None:
    path = _pdf(tmp_path, b"BT /F1 12 Tf 72 700 Td (A) Tj ET", {"F1": 5}, [_font_helvetica()])
    with open_pdf(path) as pdf:
        assert isinstance(open_reader(pdf, "pdfminer"), PdfminerReader)
        with pytest.raises(ValueError):
            open_reader(pdf, "pypdfium2")


def test_reader_option_same_document(tmp_path: Path) -> None:
    """`--reader` on extract (and the API's reader=) gives the same document either way."""
    import extractor

    pdf = sample_pdfs()[0]
    a = extractor.read(pdf, reader="playa").to_dict()
    b = extractor.read(pdf, reader="pdfminer").to_dict()
    assert a == b
    with pytest.raises(ValueError):
        extractor.read(pdf, reader="fast")


def test_reader_option_on_extract_and_batch(tmp_path: Path) -> None:
    """`--reader` is an option of extract and batch (cli/options.py reading_options); same JSON."""
    import json

    from click.testing import CliRunner

    from extractor.cli import cli

    pdf = sample_pdfs()[0]
    outs = {}
    for reader in ("playa", "pdfminer"):
        out = tmp_path / f"{reader}.json"
        result = CliRunner().invoke(cli, ["extract", str(pdf), "--reader", reader, "-o", str(out), "-q"])
        assert result.exit_code == 0, result.output
        outs[reader] = out.read_bytes()
    assert outs["playa"] == outs["pdfminer"]
    result = CliRunner().invoke(cli, ["batch", str(pdf), "-o", str(tmp_path / "b"), "--reader", "pdfminer", "-q"])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "b" / f"{pdf.stem}.json").read_text())["source"]["file"] == pdf.name
    result = CliRunner().invoke(cli, ["extract", str(pdf), "--reader", "pypdfium2"])
    assert result.exit_code == 2 and "--reader" in result.output


# ------------------------------------------------------------------------- the pages the reader lists

_SHELL_ATTRS = ("page_number", "rotation", "mediabox", "cropbox", "bbox", "width", "height")


def _assert_shells_are_pdfplumbers_pages(path: Path) -> list:
    """The playa reader lists PageShells, and each has pdfplumber's page number, boxes (values and types)
    and page object."""
    with open_pdf(path) as pdf:
        reader = open_reader(pdf, "playa")
        shells = list(reader.pages)
        assert shells and all(isinstance(s, PageShell) for s in shells)
        assert len(shells) == len(pdf.pages)
        for shell, page in zip(shells, pdf.pages):
            for name in _SHELL_ATTRS:
                mine, theirs = getattr(shell, name), getattr(page, name)
                assert (mine, type(mine)) == (theirs, type(theirs)), (page.page_number, name)
            assert shell.playa_page.pageid == page.page_obj.pageid
        reader.close()
    return shells


@pytest.mark.parametrize("pdf_path", every_pdf_param())
def test_playa_lists_the_pages_pdfplumber_lists(pdf_path: Path) -> None:
    """Every corpus and sample PDF: where playa reads, pdfminer's page tree is not read to list the pages
    (locate.playa_pages), and what is listed instead is what pdfplumber would have given."""
    _assert_shells_are_pdfplumbers_pages(pdf_path)


def _pages_pdf(tmp_path: Path, pages: list[bytes], count: int | None = None, name: str = "pages.pdf",
               tree_extra: bytes = b"") -> Path:
    """A PDF of the given page dictionaries (each gets /Parent and /Contents: one line of text)."""
    stream = zlib.compress(b"BT /F1 12 Tf 100 500 Td (Page) Tj ET")
    n = len(pages)
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d" % (n if count is None else count) + tree_extra
        + b" /Resources << /Font << /F1 3 0 R >> >> >>",
        _font_helvetica(),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        *(b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R " + body + b" >>" for body in pages),
    ]
    path = tmp_path / name
    path.write_bytes(_assemble(objects))
    return path


def test_shells_of_rotated_cropped_and_inherited_boxes(tmp_path: Path) -> None:
    """Boxes the corpus shows seldom or never: a media box inherited from the page tree, one not at the
    origin, reversed corners, a crop box, Rotate 90 and 270 (inherited too), real numbers."""
    path = _pages_pdf(tmp_path, [
        b"",
        b"/MediaBox [10 20 605 862]",
        b"/MediaBox [595 842 0 0] /CropBox [20 30 500 800]",
        b"/Rotate 90 /CropBox [0 0 400.5 600.25]",
        b"/Rotate 270 /MediaBox [0 0 841.89 595.28]",
        b"/Rotate -90",
    ], tree_extra=b" /MediaBox [0 0 595 842]")
    shells = _assert_shells_are_pdfplumbers_pages(path)
    assert [s.rotation for s in shells] == [0, 0, 0, 90, 270, 270]
    import extractor

    assert extractor.read(path, reader="playa").to_dict() == extractor.read(path, reader="pdfminer").to_dict()


@pytest.mark.parametrize("case", ["wrong count", "missing page", "no count"])
def test_pdfminers_pages_where_the_trees_may_differ(tmp_path: Path, case: str) -> None:
    """Where playa's page list might not be pdfminer's (a /Count that does not match the leaves, a page
    object missing: playa would make up an empty page), the reader lists pdfplumber's pages, and the
    document is the one the pdfminer reader gives."""
    import extractor

    pages = [b"/MediaBox [0 0 595 842]"] * 5
    if case == "wrong count":
        path = _pages_pdf(tmp_path, pages, count=4)
    elif case == "no count":
        path = _pages_pdf(tmp_path, pages, tree_extra=b" /Count null")
        path.write_bytes(path.read_bytes().replace(b"/Count 5 /Count null", b"/Count null"))
    else:
        path = _pages_pdf(tmp_path, pages)
        path.write_bytes(path.read_bytes().replace(b"[5 0 R 6 0 R", b"[5 0 R 99 0 R"))
    with open_pdf(path) as pdf:
        reader = open_reader(pdf, "playa")
        assert not any(isinstance(p, PageShell) for p in reader.pages)
        reader.close()
    assert extractor.read(path, reader="playa").to_dict() == extractor.read(path, reader="pdfminer").to_dict()


def test_a_listed_page_left_to_pdfminer(tmp_path: Path) -> None:
    """A page the playa reader leaves to pdfminer (here vertical writing with Tc), listed as a PageShell:
    pdfminer's page tree is read then, and the page comes out as pdfminer reads it, in the document too."""
    import extractor

    cid, desc, fd = _vertical_font()
    path = _pdf(tmp_path, b"BT /F3 20 Tf 2 Tc 300 700 Td <4E2D6587> Tj ET", {"F3": 5}, [cid, desc, fd])
    with open_pdf(path) as pdf:
        reader = open_reader(pdf, "playa")
        shell = reader.pages[0]
        assert isinstance(shell, PageShell)
        got = reader.read(shell)
        assert reader.fallback_pages == [1]
        assert got.chars == read_objects(pdf.pages[0]).chars and [c.text for c in got.chars] == ["中", "文"]
        reader.close()
    assert extractor.read(path, reader="playa").to_dict() == extractor.read(path, reader="pdfminer").to_dict()
