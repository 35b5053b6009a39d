"""Extraction speed against what a user would otherwise run (issue 8).

Times, over the same PDFs (every sample and the real PDFs in ../shared/corpus/real/), each as one fresh
process per PDF, as users run them:
  a. `extractor extract PDF`
  b. camelot's default `read_pdf(pages="all")` lattice (renders every page)
  v. camelot's lattice on the PDF's vector ruling, `read_pdf(pages="all", engine="vector")` (camelot 2.0;
     no rendering: what a user who knows camelot would run, and faster than b; issue 18)
  c. pdfplumber's `extract_tables()` over every page (reading the text layer and ruling: a floor for Python)
and prints pages a second for each and the ratios of total time a/b, a/v and a/c, medians of --runs runs.
Within a run the three tools take turns PDF by PDF, so a change in the machine's load (2 shared cores)
falls on all three alike. Besides wall time, each tool's CPU time (its processes' user + system) is shown:
it varies less with other processes' load; the targets are on wall time.

    python bench/extract.py [--runs 3] [--skip-big] [--tools extractor,pdfplumber]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
PY = sys.executable
# As installed for users: Python caches bytecode. (This machine's sessions set PYTHONDONTWRITEBYTECODE, so
# the editable extractor package, unlike pip-installed camelot and pdfplumber, would be recompiled from
# source in every process.)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

TOOLS = {
    "extractor": lambda pdf: [str(Path(PY).with_name("extractor")), "extract", str(pdf), "-o",
                              str(Path(tempfile.gettempdir()) / "extractor-bench.json")],
    "camelot": lambda pdf: [PY, "-c", "import sys, camelot; camelot.read_pdf(sys.argv[1], pages='all')", str(pdf)],
    "camelot-vector": lambda pdf: [PY, "-c", "import sys, camelot; camelot.read_pdf(sys.argv[1], pages='all', "
                                   "engine='vector')", str(pdf)],
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


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_one(tool: str, pdf: Path) -> tuple[float, float]:
    """Wall and CPU time of one fresh process on one PDF. A failing PDF still counts its time."""
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(TOOLS[tool](pdf), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    return time.perf_counter() - start, _children_cpu() - cpu


def one_run(tools: list[str], pdfs: list[Path]) -> dict[str, tuple[float, float]]:
    """Per tool: (wall, cpu) seconds summed over the PDFs; the tools take turns on each PDF."""
    totals = {tool: [0.0, 0.0] for tool in tools}
    for pdf in pdfs:
        for tool in tools:
            wall, cpu = time_one(tool, pdf)
            totals[tool][0] += wall
            totals[tool][1] += cpu
    return {tool: (w, c) for tool, (w, c) in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-big", action="store_true", help="leave out the 392-page PDF")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of: " + ", ".join(TOOLS))
    args = parser.parse_args()
    tools = [t for t in args.tools.split(",") if t]
    unknown = set(tools) - set(TOOLS)
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")

    pdfs = bench_set(args.skip_big)
    pages = sum(page_count(p) for p in pdfs)
    print(f"extract: {len(pdfs)} PDFs, {pages} pages, median of {args.runs} runs")
    runs = [one_run(tools, pdfs) for _ in range(args.runs)]
    medians, cpus = {}, {}
    for tool in tools:
        walls = [r[tool][0] for r in runs]
        medians[tool] = statistics.median(walls)
        cpus[tool] = statistics.median(r[tool][1] for r in runs)
        print(f"  {tool:<11} {medians[tool]:8.2f} s  {pages / medians[tool]:8.1f} pages/s  cpu {cpus[tool]:8.2f} s"
              f"  (runs: {', '.join(f'{w:.2f}' for w in walls)})")
    if not {"extractor", "camelot", "pdfplumber"} <= set(tools):
        return
    a, b, c = medians["extractor"], medians["camelot"], medians["pdfplumber"]
    print(f"extract: a/b = {a / b:.3f} (target <= 0.2), a/c = {a / c:.3f} (target <= 1.5), "
          f"extractor {pages / a:.1f} pages/s; cpu a/b = {cpus['extractor'] / cpus['camelot']:.3f}, "
          f"a/c = {cpus['extractor'] / cpus['pdfplumber']:.3f}")
    if "camelot-vector" in tools:
        v = medians["camelot-vector"]
        print(f"extract vs camelot's vector lattice: a/v = {a / v:.3f} (issue 18 target <= 0.75), "
              f"a/b = {a / b:.3f} (issue 18 target <= 0.10); cpu a/v = {cpus['extractor'] / cpus['camelot-vector']:.3f}")


if __name__ == "__main__":
    main()
