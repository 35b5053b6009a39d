"""Where an extraction's time goes after the pages are read (issue 18): CPU milliseconds a page for reading
(the page reader), locate (everything locate_page does besides reading: visibility and double strikes,
ruling edges, the text-health check, table regions, text lines, the rest), grid (the table grid: camelot's lattice or pdfplumber's cells, rows from text), placement (the
characters placed in cells), the rest of extract, stitch, and interpret (with the captions), over every
PDF of the bench set, in this process (imports excluded). Target: everything after reading under 10 ms a
page.

    python bench/stages.py [PDF ...] [--reader auto|playa|pdfminer] [--skip-big]

The last line is the summary.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"

SPENT: dict[str, float] = defaultdict(float)
_stack: list[str] = []


@contextmanager
def _stage(name: str):
    """CPU time into SPENT[name], less what inner stages took (each second counted once)."""
    _stack.append(name)
    t0 = time.process_time()
    inner_before = SPENT["_inner_" + name]
    try:
        yield
    finally:
        dt = time.process_time() - t0
        _stack.pop()
        inner = SPENT["_inner_" + name] - inner_before
        SPENT[name] += dt - inner
        if _stack:
            SPENT["_inner_" + _stack[-1]] += dt


def _timed(owner, attr: str, name: str) -> None:
    fn = getattr(owner, attr)

    def wrapper(*args, **kwargs):
        with _stage(name):
            return fn(*args, **kwargs)

    setattr(owner, attr, wrapper)


def instrument() -> None:
    import extractor.captions
    import extractor.extract
    import extractor.extract.grids as grids
    import extractor.interpret
    import extractor.locate.pages as pages
    import extractor.stitch
    from extractor.locate import reader

    _timed(reader.PdfminerReader, "read", "read")
    _timed(reader.PlayaReader, "read", "read")
    _timed(pages, "locate_page", "locate (rest)")
    for attr, name in (("visible_chars", "locate: visible"), ("drop_double_struck", "locate: visible"),
                       ("visible_segments", "locate: ruling"), ("ruling_edges", "locate: ruling"),
                       ("text_health", "locate: health"), ("find_tables", "locate: regions"),
                       ("text_lines", "locate: lines")):
        _timed(pages, attr, name)
    _timed(extractor.extract, "extract_grids", "extract (rest)")
    _timed(grids, "_lattices", "grid")
    _timed(grids, "split_unruled_rows", "grid")
    _timed(grids, "place_chars", "placement")
    _timed(extractor.stitch.Stitching, "add", "stitch")  # (extract --jobs: as each page range arrives)
    _timed(extractor.stitch.Stitching, "tables", "stitch")
    _timed(extractor.interpret, "interpret", "interpret")
    _timed(extractor.captions, "table_dicts", "interpret")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--reader", default="auto")
    ap.add_argument("--skip-big", action="store_true", help="leave out the 392-page PDF")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from extractor.errors import ExtractorError
    from extractor.pipeline import extract_pdf

    instrument()
    pdfs = args.pdfs or sorted((ROOT / "samples").glob("*.pdf")) + sorted(
        p for p in REAL.glob("*.pdf") if not (args.skip_big and "392pp" in p.name))
    n_pages = 0
    total = 0.0
    for pdf in pdfs:
        t0 = time.process_time()
        try:
            doc = extract_pdf(pdf, reader=args.reader)
            n_pages += doc["source"]["pages"]
        except ExtractorError as exc:
            print(f"{pdf.name}: {exc.code}")
        total += time.process_time() - t0
    stages = ["read", "locate: visible", "locate: ruling", "locate: health", "locate: regions", "locate: lines",
              "locate (rest)", "grid", "placement", "extract (rest)", "stitch", "interpret"]
    per = {s: 1000 * SPENT[s] / max(n_pages, 1) for s in stages}
    other = 1000 * (total - sum(SPENT[s] for s in stages)) / max(n_pages, 1)
    after = sum(per[s] for s in stages[1:])
    for s in stages:
        print(f"  {s:<16} {per[s]:7.2f} ms/page")
    print(f"  {'other':<16} {other:7.2f} ms/page (opening, hashing, guard)")
    locate = sum(v for k, v in per.items() if k.startswith("locate"))
    print(f"stages ({args.reader} reader): {len(pdfs)} PDFs, {n_pages} pages, {1000 * total / max(n_pages, 1):.1f} "
          f"ms/page CPU; after reading {after:.2f} ms/page (target < 10): locate {locate:.2f}, "
          + ", ".join(f"{s} {per[s]:.2f}" for s in stages[7:]) + f"; read {per['read']:.2f}; load average "
          + " ".join(f"{v:.2f}" for v in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
