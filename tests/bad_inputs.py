"""Makes the corpus of broken, hostile and odd inputs that tests/test_bad_input.py runs the tool over.

Everything is generated (reportlab, zlib, byte surgery on a generated sample), nothing hand-edited, so the
corpus can be rebuilt anywhere:

    python tests/bad_inputs.py /tmp/bad        # writes the files and prints each one's expected outcome

`make_corpus(folder)` returns the cases; each names the outcome the tool must give for it: an error `code`
(one line on stderr, exit status 1) or a result (exit 0) with the listed warning codes.
"""

from __future__ import annotations

import io
import random
import re
import shutil
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from corpus import REAL_CORPUS_DIR, TAIWAN

BROKEN_FONT = REAL_CORPUS_DIR / "broken-font-encoding.pdf"
OCR_SCAN = REAL_CORPUS_DIR / "scanned-with-ocr-layer.pdf"
TAIWAN_392 = REAL_CORPUS_DIR / TAIWAN

GiB = 1 << 30


@dataclass
class BadInput:
    """One input and the outcome the tool must give for it."""

    name: str
    path: Path
    code: str | None  # expected error code (exit 1), or None: a result is expected (exit 0)
    warnings: tuple[str, ...] = ()  # warning codes the result must carry
    args: tuple[str, ...] = ()  # extra command-line options for this case
    command: str = "extract"
    note: str = ""
    extra: dict = field(default_factory=dict)


# ------------------------------------------------------------------------------------------ building blocks

def _cjk_font() -> str:
    """reportlab's built-in (not embedded) Adobe-GB1 font: CJK text without any font file."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "备注"]


def _draw_table(c, rows: list[list[str]], font: str, top: float = 760.0, x0: float = 50.0,
                widths: tuple[float, ...] = (90, 90, 150, 90, 75), row_h: float = 22.0) -> None:
    """A fully ruled table: horizontal and vertical lines, one text string per cell."""
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top - i * row_h for i in range(len(rows) + 1)]
    c.setLineWidth(0.5)
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    c.setFont(font, 9)
    for r, row in enumerate(rows):
        for col, text in enumerate(row):
            c.drawString(xs[col] + 3, ys[r] - row_h + 7, text)


def sample_pdf(path: Path, pages: int = 2, rows: int = 12, title: str = "项目支出绩效目标表",
               compress: int = 1) -> Path:
    """A small, valid, text-layer PDF with a ruled CJK table on every page: the base of the byte surgery.
    The same bytes every time (reportlab's invariant mode), so fuzzing from it is repeatable."""
    from reportlab.pdfgen import canvas

    font = _cjk_font()
    c = canvas.Canvas(str(path), pagesize=(595.3, 841.9), pageCompression=compress, invariant=1)
    c.setTitle(title)
    for p in range(1, pages + 1):
        c.setFont(font, 14)
        c.drawString(50, 790, f"{title}（第{p}页）")
        body = [HEADER] + [["产出指标", "数量指标", f"完成项目{p}-{i}", f"≥{90 + i % 10}%", ""]
                           for i in range(rows)]
        _draw_table(c, body, font)
        c.showPage()
    c.save()
    return path


def truncated(src: Path, dest: Path, fraction: float) -> Path:
    data = src.read_bytes()
    dest.write_bytes(data[: int(len(data) * fraction)])
    return dest


def broken_xref(src: Path, dest: Path) -> Path:
    """Every offset in the cross-reference table wrong, and startxref pointing past the end of the file."""
    data = src.read_bytes()
    xref_at = data.rindex(b"\nxref")
    head, tail = data[:xref_at], data[xref_at:]
    tail = re.sub(rb"\n\d{10} (\d{5}) n", lambda m: b"\n0000000999 " + m.group(1) + b" n", tail)
    tail = re.sub(rb"startxref\s+\d+", b"startxref\n99999999", tail)
    dest.write_bytes(head + tail)
    return dest


def encrypted(dest: Path, user_password: str, owner_password: str) -> Path:
    """A sample PDF encrypted with reportlab's standard security handler (RC4 128).

    ASCII text only: reportlab encrypts the CJK font's nested CIDSystemInfo strings in a way pdfminer
    decrypts differently, which would turn the text into (cid:N) and test that instead.
    """
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    font = "Helvetica"
    enc = pdfencrypt.StandardEncryption(user_password, owner_password, canPrint=1, canModify=0,
                                        canCopy=0, canAnnotate=0, strength=128)
    c = canvas.Canvas(str(dest), pagesize=(595.3, 841.9), encrypt=enc, invariant=1)
    c.setFont(font, 14)
    c.drawString(50, 790, "Encrypted performance table")
    _draw_table(c, [["level1", "level2", "level3", "value", "note"], ["output", "quantity", "done", ">=90%", ""]],
                font)
    c.showPage()
    c.save()
    return dest


def _assemble(objects: list[bytes], root: int = 1) -> bytes:
    """A minimal PDF from numbered object bodies (1-based), with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref))
    return out.getvalue()


def zero_pages(dest: Path) -> Path:
    dest.write_bytes(_assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ]))
    return dest


def scanned(dest: Path) -> Path:
    """One page holding only a picture of a table (no text layer), as a scanner makes it."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    for y in range(200, 1400, 60):
        draw.line([(100, y), (1140, y)], fill=0, width=2)
    for x in (100, 400, 700, 1140):
        draw.line([(x, 200), (x, 1340)], fill=0, width=2)
    for y in range(215, 1340, 60):
        draw.rectangle([(120, y), (120 + (y % 250), y + 25)], fill=60)  # "ink" where words were
    c = canvas.Canvas(str(dest), pagesize=(595.3, 841.9))
    c.drawImage(ImageReader(img), 0, 0, width=595.3, height=841.9)
    c.showPage()
    c.save()
    return dest


def compression_bomb(dest: Path, inflated: int = 2 * GiB) -> Path:
    """A page whose content stream (FlateDecode twice) inflates to `inflated` bytes of drawing operators.

    Built by streaming: one 1 MiB block of content is deflated once with a full flush, after which every
    identical block deflates to identical bytes; the block is repeated, the zlib trailer's Adler-32 is
    computed block by block. Then the ~2-4 MB result is deflated again (to a few KB). Never holds more
    than a few MB.
    """
    block = (b"0 0 m 1 1 l S\n" * 74899)[: 1 << 20]
    n_blocks = inflated // len(block)
    comp = zlib.compressobj(9)
    first = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    repeat = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    assert comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH) == repeat, "deflate is not block-periodic"
    end = comp.flush()  # final empty block + Adler-32 of 3 blocks: replaced below
    final_block = end[:-4]
    adler = 1
    for _ in range(n_blocks):
        adler = zlib.adler32(block, adler)
    outer = zlib.compressobj(9)
    parts = [outer.compress(first)]
    for _ in range(n_blocks - 1):
        parts.append(outer.compress(repeat))
        if len(parts) > 64:
            parts = [b"".join(parts)]
    parts.append(outer.compress(final_block + adler.to_bytes(4, "big")))
    parts.append(outer.flush())
    stream = b"".join(parts)
    content = (b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(stream)
               + stream + b"\nendstream")
    dest.write_bytes(_assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        content,
    ]))
    return dest


def objstm_bomb(dest: Path, inflated: int = 1 * GiB) -> Path:
    """The catalog inside an object stream padded with `inflated` bytes of blanks, found through a
    cross-reference stream: pdfminer inflates it while opening the file, before any page is read."""
    header = b"3 0\n"
    catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
    block = b" " * (1 << 20)
    comp = zlib.compressobj(9)
    parts = [comp.compress(header + catalog), comp.flush(zlib.Z_FULL_FLUSH)]
    first = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    repeat = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    assert repeat == first, "deflate is not block-periodic"
    end = comp.flush()[:-4]
    adler = zlib.adler32(header + catalog)
    n_blocks = inflated // len(block)
    for _ in range(n_blocks):
        adler = zlib.adler32(block, adler)
    stream = b"".join(parts) + repeat * n_blocks + end + adler.to_bytes(4, "big")
    objstm = (b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
              % (len(header), len(stream)) + stream + b"\nendstream")
    bodies = {
        1: objstm,
        2: b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
    }
    out = io.BytesIO()
    out.write(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num, body in bodies.items():
        offsets[num] = out.tell()
        out.write(b"%d 0 obj\n" % num + body + b"\nendobj\n")
    offsets[5] = out.tell()
    rows = [(0, 0, 65535), (1, offsets[1], 0), (1, offsets[2], 0), (2, 1, 0), (1, offsets[4], 0),
            (1, offsets[5], 0)]
    table = b"".join(t.to_bytes(1, "big") + f.to_bytes(4, "big") + g.to_bytes(2, "big") for t, f, g in rows)
    out.write(b"5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 3 0 R /Length %d >>\nstream\n" % len(table)
              + table + b"\nendstream\nendobj\n")
    out.write(b"startxref\n%d\n%%%%EOF\n" % offsets[5])
    dest.write_bytes(out.getvalue())
    return dest


def compact_pdf(dest: Path) -> Path:
    """A PDF 1.5 file the way modern writers make it: dictionaries packed in a compressed object stream,
    found through a compressed cross-reference stream; one page with a ruled table. A fuzzing seed for the
    parsing paths classic xref tables never reach."""
    packed = {
        2: b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        3: b"<< /Type /Catalog /Pages 2 0 R >>",
        4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R "
           b"/Resources << /Font << /F1 6 0 R >> >> >>",
        6: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    offsets_in, body = [], b""
    for num, obj in packed.items():
        offsets_in.append(b"%d %d" % (num, len(body)))
        body += obj + b"\n"
    header = b" ".join(offsets_in) + b"\n"
    objstm_data = zlib.compress(header + body)
    ops = [b"0.5 w"]
    for i in range(6):
        ops.append(b"50 %d m 450 %d l S" % (700 - 20 * i, 700 - 20 * i))
    for x in (50, 150, 300, 450):
        ops.append(b"%d 700 m %d 600 l S" % (x, x))
    for i in range(5):
        ops.append(b"BT /F1 9 Tf 55 %d Td (row %d) Tj ET BT /F1 9 Tf 155 %d Td (>=9%d%%) Tj ET"
                   % (686 - 20 * i, i, 686 - 20 * i, i))
    content = zlib.compress(b"\n".join(ops))
    bodies = {
        1: b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
           % (len(packed), len(header), len(objstm_data)) + objstm_data + b"\nendstream",
        7: b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    }
    out = io.BytesIO()
    out.write(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num, obj in bodies.items():
        offsets[num] = out.tell()
        out.write(b"%d 0 obj\n" % num + obj + b"\nendobj\n")
    offsets[8] = out.tell()
    rows = [(0, 0, 65535)]
    index_in = {num: i for i, num in enumerate(packed)}
    for num in range(1, 9):
        if num in index_in:
            rows.append((2, 1, index_in[num]))
        else:
            rows.append((1, offsets[num], 0) if num in offsets else (0, 0, 0))
    table = zlib.compress(b"".join(t.to_bytes(1, "big") + f.to_bytes(4, "big") + g.to_bytes(2, "big")
                                   for t, f, g in rows))
    out.write(b"8 0 obj\n<< /Type /XRef /Size 9 /W [1 4 2] /Root 3 0 R /Filter /FlateDecode /Length %d >>\n"
              b"stream\n" % len(table) + table + b"\nendstream\nendobj\n")
    out.write(b"startxref\n%d\n%%%%EOF\n" % offsets[8])
    dest.write_bytes(out.getvalue())
    return dest


def font_widths_bomb(src_plain: Path, dest: Path) -> Path:
    """A font whose /W array claims widths for CIDs 2 to 99,999,999,999: pdfminer fills a dict entry for
    each (found by fuzzing). Needs the uncompressed sample, where the font dictionary is plain text."""
    data = src_plain.read_bytes()
    assert b"/W [ 1 [" in data
    dest.write_bytes(data.replace(b"/W [ 1 [", b"/W [ 2 99999999999 9 1 [", 1))
    return dest


def many_rects(dest: Path, n: int = 3000) -> Path:
    """One page with `n` tiny stroked rectangles (a hatch drawn as ruling), plus a caption line."""
    from reportlab.pdfgen import canvas

    font = _cjk_font()
    c = canvas.Canvas(str(dest), pagesize=(595.3, 841.9), pageCompression=1)
    c.setFont(font, 12)
    c.drawString(50, 800, "满页细小矩形")
    c.setLineWidth(0.2)
    cols = 80
    for i in range(n):
        x = 40 + (i % cols) * 6.5
        y = 760 - (i // cols) * 6.5
        c.rect(x, y, 3, 3, stroke=1, fill=0)
    c.showPage()
    c.save()
    return dest


def thousand_pages(dest: Path, pages: int = 1000) -> Path:
    """`pages` pages, each a ruled 16-row table (ASCII text, so reportlab writes it quickly)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(dest), pagesize=(595.3, 841.9), pageCompression=1)
    rows = [["level1", "level2", "level3", "value", "note"]]
    for p in range(1, pages + 1):
        c.setFont("Helvetica", 12)
        c.drawString(50, 790, f"Table page {p}")
        body = rows + [[f"out{p}", f"qty{i}", f"item {p}.{i}", f">={i}%", ""] for i in range(15)]
        _draw_table(c, body, "Helvetica")
        c.showPage()
    c.save()
    return dest


# -------------------------------------------------------------------------------------------------- corpus

def make_corpus(folder: str | Path, *, big: bool = True) -> dict[str, BadInput]:
    """Write every bad input under `folder`; return the cases by name.

    `big=False` leaves out the slow-to-build ones (compression bomb, 1,000 pages).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    f = folder.joinpath
    cases: list[BadInput] = []

    def add(name: str, path: Path, code: str | None, **kw) -> None:
        cases.append(BadInput(name, path, code, **kw))

    sample = sample_pdf(f("sample.pdf"))
    add("sample", sample, None, note="control: a good PDF reads without error")

    f("empty.pdf").write_bytes(b"")
    add("empty", f("empty.pdf"), "not_a_pdf")

    f("random.pdf").write_bytes(random.Random(7).randbytes(20_000))
    add("random", f("random.pdf"), "not_a_pdf")

    f("html-error-page.pdf").write_text(
        "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
        "<body><h1>404 Not Found</h1><p>The requested document was not found.</p></body></html>\n",
        encoding="utf-8")
    add("html", f("html-error-page.pdf"), "not_a_pdf")

    for pct in (10, 50, 90):
        add(f"truncated-{pct}", truncated(sample, f(f"truncated-{pct}.pdf"), pct / 100), "damaged",
            note="a failed download: no page can be trusted")

    add("broken-xref", broken_xref(sample, f("broken-xref.pdf")), None, warnings=("repaired",),
        note="pdfminer rebuilds the xref by scanning; the result says so")

    add("encrypted-owner", encrypted(f("encrypted-owner.pdf"), "", "owner-secret"), None,
        note="owner password only: opens without a password, as in any reader")
    user = encrypted(f("encrypted-user.pdf"), "user-secret", "owner-secret")
    add("encrypted-user", user, "encrypted")
    add("encrypted-user-wrong", user, "encrypted", args=("--password", "wrong"))
    add("encrypted-user-password", user, None, args=("--password", "user-secret"))

    add("zero-pages", zero_pages(f("zero-pages.pdf")), "no_pages")

    compact = compact_pdf(f("compact-xref-stream.pdf"))
    add("compact", compact, None, note="control: object and cross-reference streams read fine")
    huge = f("xref-stream-claims-1e14-objects.pdf")
    huge.write_bytes(compact.read_bytes().replace(b"/Size 9 ", b"/Size 99999999999999 ", 1))
    add("xref-size", huge, "damaged", note="found by fuzzing: reading it would enumerate 10^14 objects")
    add("scanned", scanned(f("scanned-image-only.pdf")), "no_text_layer")

    plain = sample_pdf(f("sample-uncompressed.pdf"), compress=0)
    add("font-widths-bomb", font_widths_bomb(plain, f("font-widths-bomb.pdf")), "too_large",
        note="stopped by --max-memory in seconds, not by the OOM killer")
    plain.unlink()

    if BROKEN_FONT.exists():
        dest = f("broken-font-encoding.pdf")
        shutil.copyfile(BROKEN_FONT, dest)
        add("broken-font", dest, "garbled_text", note="its only page's text is garbage: refused, not extracted")

    if OCR_SCAN.exists():
        dest = f("scanned-with-ocr-layer.pdf")
        shutil.copyfile(OCR_SCAN, dest)
        add("ocr-scan", dest, "garbled_text", note="scanned pages under an error-ridden OCR layer: not trusted")

    add("many-rects", many_rects(f("many-tiny-rectangles.pdf")), None, args=("--timeout", "60"),
        note="no table invented from the hatch; on a slow machine the time limit may stop it: `timeout`",
        extra={"or_code": "timeout", "tables": 0})

    odd = f("预算 绩效 目标表 2024.pdf")
    shutil.copyfile(sample, odd)
    add("chinese-name", odd, None)

    empty_dir = f("no-pdfs")
    empty_dir.mkdir(exist_ok=True)
    (empty_dir / "readme.txt").write_text("no PDF here\n", encoding="utf-8")
    add("empty-dir", empty_dir, "no_pdfs", command="batch")

    if big:
        add("bomb", compression_bomb(f("compression-bomb.pdf")), "too_large",
            note="2 GiB page stream in a few KB; refused before anything inflates it")
        add("objstm-bomb", objstm_bomb(f("objstm-bomb.pdf")), "too_large",
            note="1 GiB object stream holding the catalog, inflated by pdfminer while opening the file")
        big_pdf = thousand_pages(f("thousand-pages.pdf"))
        add("thousand-pages-limited", big_pdf, None, warnings=("page_limit",), args=("--max-pages", "10"))
        add("thousand-pages-timeout", big_pdf, "timeout", args=("--timeout", "2"),
            note="reading all 1,000 pages takes longer than 2 s: stopped, not hung")
    return {case.name: case for case in cases}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tests/bad_inputs.py OUTDIR", file=sys.stderr)
        return 2
    for case in make_corpus(argv[0]).values():
        outcome = f"error {case.code}" if case.code else "result" + (
            f" with warnings {', '.join(case.warnings)}" if case.warnings else "")
        args = (" " + " ".join(case.args)) if case.args else ""
        print(f"{case.name:26} {case.command}{args} {case.path.name!r}: {outcome}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
