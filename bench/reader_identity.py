"""Do the two page readers (extractor.locate.reader) give the same objects? Every page of every sample and
real corpus PDF, playa's reading against pdfplumber's (pdfminer's), object by object (issue 18).

Compared per page, in order: characters (text, box within TOL points, size, font name, upright) against
pdfplumber's own `page.chars` less those a clip path hides; and the whole PageObjects (characters, lines,
rects, the straight pieces of curves, image boxes, the number of curves, the clip-hidden characters with
their clip boxes) against objects.read_objects, which locate used before.
Pages the playa reader leaves to pdfminer (uncovered fonts, playa failing) are counted, not compared.
Also times both bare reads (CPU seconds in this process, the same pages back to back).

    python bench/reader_identity.py [PDF ...] [--pages-per-pdf N]   # default: all pages of all PDFs

The last line is the summary: pages, characters, differences, fallback pages, the two read times.
tests/test_reader_identity.py runs the same comparison on a sample of pages of each PDF.
"""

from __future__ import annotations

import argparse
import ast
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
TOL = 0.01  # points


@dataclass
class Report:
    name: str
    pages: int = 0
    chars: int = 0
    fallback: list[int] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)
    pdfminer_s: float = 0.0
    playa_s: float = 0.0


def _fontname(name: str) -> str:
    """A font name as playa spells it. A FontName given as a string instead of a name: pdfminer keeps the
    bytes (pdfplumber shows their repr, "b'\\xcb\\xce'"), playa decodes them (PDFDocEncoding, which is
    Latin-1 above 0xA0). Not a difference extractor sees: Char carries no font name."""
    if name.startswith(("b'", 'b"')):
        try:
            return ast.literal_eval(name).decode("latin-1")
        except (ValueError, SyntaxError, UnicodeDecodeError):
            pass
    return name


def _near(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return abs(a - b) <= TOL
    return a == b


def _diff_dicts(kind: str, a: list[dict], b: list[dict]) -> str | None:
    if len(a) != len(b):
        return f"{len(a)} {kind} by pdfminer, {len(b)} by playa"
    for i, (x, y) in enumerate(zip(a, b)):
        if x.keys() != y.keys() or not all(_near(x[k], y[k]) for k in x):
            return f"{kind}[{i}]: pdfminer {x} playa {y}"
    return None


def compare_page(page, reader, fontnames: list[str], listed=None) -> tuple[list[str], int, float, float]:
    """(differences, characters, pdfminer seconds, playa seconds) for one pdfplumber page; fallback
    pages give ([], -1, ...). `listed`: the page as the reader lists it (reader.pages; a PageShell where
    playa lists the pages), what the reader reads; default the pdfplumber page."""
    from extractor.locate.objects import read_objects

    t0 = time.process_time()
    ref = read_objects(page)
    t1 = time.process_time()
    before = len(reader.fallback_pages)
    fontnames.clear()
    got = reader.read(page if listed is None else listed, fontnames=fontnames)
    t2 = time.process_time()
    if len(reader.fallback_pages) > before:
        return [], -1, t1 - t0, t2 - t1
    out: list[str] = []
    plumber = _shown(page.chars, page)
    if len(plumber) != len(got.chars):
        out.append(f"{len(plumber)} characters by pdfplumber, {len(got.chars)} by playa")
    for i, (p, c) in enumerate(zip(plumber, got.chars)):
        want = (p["text"], p["x0"], p["top"], p["x1"], p["bottom"], p["size"], _fontname(p["fontname"]), bool(p["upright"]))
        have = (c.text, c.x0, c.top, c.x1, c.bottom, c.size, fontnames[i], c.upright)
        if not all(_near(x, y) for x, y in zip(want, have)):
            out.append(f"char[{i}]: pdfplumber {want} playa {have}")
            break
    if ref.chars != got.chars and not out:
        bad = [i for i, (x, y) in enumerate(zip(ref.chars, got.chars))
               if x.text != y.text or not all(_near(u, v) for u, v in zip(x[1:], y[1:]))]
        if bad:
            out.append(f"char[{bad[0]}]: read_objects {ref.chars[bad[0]]} playa {got.chars[bad[0]]}")
    for kind in ("lines", "rects", "curve_lines"):
        d = _diff_dicts(kind, getattr(ref, kind), getattr(got, kind))
        if d:
            out.append(d)
    images = [dict(zip(("x0", "top", "x1", "bottom"), map(float, b))) for b in ref.images]
    d = _diff_dicts("images", images, [dict(zip(("x0", "top", "x1", "bottom"), map(float, b))) for b in got.images])
    if d:
        out.append(d)
    if ref.n_curves != got.n_curves:
        out.append(f"{ref.n_curves} curves by pdfminer, {got.n_curves} by playa")
    d = _diff_hidden(ref.hidden, got.hidden)
    if d:
        out.append(d)
    return out, len(got.chars), t1 - t0, t2 - t1


def _shown(chars: list[dict], page) -> list[dict]:
    """pdfplumber's characters of the page as locate reads them: without those their clip hides
    (locate.clipping: read_objects built the page's layout with the clipping interpreter, so each LTChar
    carries its clip), and a glyph of a font declaring an impossible descent boxed from its baseline
    (locate.glyph_box). pdfplumber lists the layout's characters in the order of a walk of the layout,
    figures included."""
    from pdfminer.layout import LTChar, LTContainer

    from extractor.locate.clipping import char_visible
    from extractor.locate.glyph_box import baseline_box

    glyphs: list = []

    def walk(objs) -> None:
        for obj in objs:
            if type(obj) is LTChar:
                glyphs.append(obj)
            elif isinstance(obj, LTContainer):
                walk(obj._objs)

    walk(page.layout._objs)
    if len(glyphs) != len(chars):
        return chars  # (then the counts differ below)
    out = []
    mb_top = page.mediabox[1]
    for c, obj in zip(chars, glyphs):
        if not char_visible(obj):
            continue
        reboxed = baseline_box(obj.matrix, obj.y0, obj.y1)
        if reboxed is not None:
            c = dict(c, top=(page.height - reboxed[1]) + mb_top, bottom=(page.height - reboxed[0]) + mb_top)
        out.append(c)
    return out


def _diff_hidden(a: list, b: list) -> str | None:
    """The glyphs a clip hides (character and clip box), pdfminer's against playa's."""
    if len(a) != len(b):
        return f"{len(a)} clip-hidden characters by pdfminer, {len(b)} by playa"
    for i, ((ca, ka), (cb, kb)) in enumerate(zip(a, b)):
        if ca.text != cb.text or not all(_near(u, v) for u, v in zip((*ca[1:], *ka), (*cb[1:], *kb))):
            return f"hidden[{i}]: pdfminer {ca} {ka} playa {cb} {kb}"
    return None


def compare_pdf(path: Path, pages: list[int] | None = None, sample: int = 0) -> Report:
    """Compare the readers on `pages` (1-based; None: all), or a spread `sample` of pages, of the PDF."""
    from extractor.guard import open_pdf
    from extractor.locate.reader import PlayaReader, open_reader

    report = Report(path.name)
    with open_pdf(path, pre_check=False) as pdf:
        if sample:
            pages = sample_pages(len(pdf.pages), sample)
        reader = open_reader(pdf, "playa")
        if not isinstance(reader, PlayaReader):
            report.differences.append("playa cannot open it: read by pdfminer")
            return report
        fontnames: list[str] = []
        try:
            for n in pages or range(1, len(pdf.pages) + 1):
                if not 1 <= n <= len(pdf.pages):
                    continue
                page = pdf.pages[n - 1]
                diffs, n_chars, t_miner, t_playa = compare_page(page, reader, fontnames, reader.pages[n - 1])
                page.close()
                report.pages += 1
                report.pdfminer_s += t_miner
                report.playa_s += t_playa
                if n_chars < 0:
                    report.fallback.append(n)
                    continue
                report.chars += n_chars
                report.differences += [f"p. {n}: {d}" for d in diffs]
        finally:
            reader.close()
    return report


def sample_pages(n_pages: int, k: int) -> list[int]:
    """k pages spread over the document: first, last, and evenly between."""
    if n_pages <= k:
        return list(range(1, n_pages + 1))
    return sorted({1 + round(i * (n_pages - 1) / (k - 1)) for i in range(k)})


def corpus_pdfs() -> list[Path]:
    pdfs = sorted((ROOT / "samples").glob("*.pdf"))
    if REAL.is_dir():
        pdfs += sorted(REAL.glob("*.pdf"))
    return pdfs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--pages-per-pdf", type=int, default=0, help="a spread sample of N pages (0: all)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))

    total = Report("all")
    for pdf in args.pdfs or corpus_pdfs():
        r = compare_pdf(pdf, sample=args.pages_per_pdf)
        print(f"{r.name}: {r.pages} pages, {r.chars} chars, {len(r.differences)} differences, "
              f"{len(r.fallback)} pages by pdfminer {r.fallback or ''}; read CPU pdfminer {r.pdfminer_s:.2f} s, "
              f"playa {r.playa_s:.2f} s", flush=True)
        for d in r.differences[:5]:
            print("   ", d[:400])
        total.pages += r.pages
        total.chars += r.chars
        total.differences += r.differences
        total.fallback += r.fallback
        total.pdfminer_s += r.pdfminer_s
        total.playa_s += r.playa_s
    ratio = total.playa_s / total.pdfminer_s if total.pdfminer_s else 0
    print(f"reader identity: {total.pages} pages, {total.chars} characters, {len(total.differences)} "
          f"pages differ, {len(total.fallback)} pages read by pdfminer (fallback); bare read CPU pdfminer "
          f"{total.pdfminer_s:.1f} s ({1000 * total.pdfminer_s / max(total.pages, 1):.1f} ms/page), playa "
          f"{total.playa_s:.1f} s ({1000 * total.playa_s / max(total.pages, 1):.1f} ms/page), ratio {ratio:.2f}")
    return 1 if total.differences else 0


if __name__ == "__main__":
    sys.exit(main())
