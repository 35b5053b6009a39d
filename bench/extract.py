"""Extraction speed against what a user would otherwise run (issue 8).

Times, over the same PDFs (every sample and the real PDFs in ../shared/corpus/real/), each as one fresh
process per PDF, as users run them:
  a. `extractor extract PDF`
  b. camelot's default `read_pdf(pages="all")` lattice (renders every page)
  c. pdfplumber's `extract_tables()` over every page (reading the text layer and ruling: a floor for Python)
and prints pages a second for each and the ratios of total time a/b and a/c, medians of --runs runs.

    python bench/extract.py [--runs 3] [--skip-big]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
PY = sys.executable

TOOLS = {
    "extractor": lambda pdf: [str(Path(PY).with_name("extractor")), "extract", str(pdf), "-o",
                              str(Path(tempfile.gettempdir()) / "extractor-bench.json")],
    "camelot": lambda pdf: [PY, "-c", "import sys, camelot; camelot.read_pdf(sys.argv[1], pages='all')", str(pdf)],
    "pdfplumber": lambda pdf: [PY, "-c", "import sys, pdfplumber\nwith pdfplumber.open(sys.argv[1]) as p:\n"
                               " for page in p.pages:\n  page.extract_tables(); page.close()", str(pdf)],
}


def bench_set(skip_big: bool) -> list[Path]:
    pdfs = sorted((ROOT / "samples").glob("*.pdf"))
    if REAL.is_dir():
        pdfs += sorted(p for p in REAL.glob("*.pdf") if not (skip_big and "392pp" in p.name))
    return pdfs


def page_count(pdf: Path) -> int:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


def time_tool(tool: str, pdfs: list[Path]) -> float:
    """Wall time of one fresh process per PDF, summed. A failing PDF still counts its time."""
    total = 0.0
    for pdf in pdfs:
        start = time.perf_counter()
        subprocess.run(TOOLS[tool](pdf), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        total += time.perf_counter() - start
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-big", action="store_true", help="leave out the 392-page PDF")
    args = parser.parse_args()

    pdfs = bench_set(args.skip_big)
    pages = sum(page_count(p) for p in pdfs)
    print(f"extract: {len(pdfs)} PDFs, {pages} pages, median of {args.runs} runs")
    medians = {}
    for tool in TOOLS:
        runs = [time_tool(tool, pdfs) for _ in range(args.runs)]
        medians[tool] = statistics.median(runs)
        print(f"  {tool:<11} {medians[tool]:8.2f} s  {pages / medians[tool]:8.1f} pages/s"
              f"  (runs: {', '.join(f'{r:.2f}' for r in runs)})")
    a, b, c = medians["extractor"], medians["camelot"], medians["pdfplumber"]
    print(f"extract: a/b = {a / b:.3f} (target <= 0.2), a/c = {a / c:.3f} (target <= 1.5), "
          f"extractor {pages / a:.1f} pages/s")


if __name__ == "__main__":
    main()
