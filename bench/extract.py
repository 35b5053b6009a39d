"""Extraction speed against what a user would otherwise run (issue 8).

Times, over the same PDFs (every sample and the real PDFs in ../shared/corpus/real/), each as one fresh
process per PDF, as users run them:
  a. `extractor extract PDF` (as users run it: a long PDF's pages on every core, `--jobs` cores)
  b. camelot's default `read_pdf(pages="all")` lattice (renders every page)
  v. camelot's lattice on the PDF's vector ruling, `read_pdf(pages="all", engine="vector")` (camelot 2.0;
     no rendering: what a user who knows camelot would run, and faster than b; issue 18)
  c. pdfplumber's `extract_tables()` over every page (reading the text layer and ruling: a floor for Python)
  m. `extractor extract PDF --reader pdfminer` (the reference reader, for comparison)
  j. `extractor extract PDF --jobs 1` (every page in one process)
  r. the chosen reader's bare read: every page's characters, lines, rects and curves read by the reader
     `extract` uses by default (extractor.locate.reader, "auto"), and nothing else (issue 18)
  p. the same bare read by pdfminer (objects.read_objects over pdfplumber's layout)
and prints pages a second for each and the ratios of total time a/b, a/v, a/r, a/c, medians of --runs runs.
Within a run the three tools take turns PDF by PDF, so a change in the machine's load (2 shared cores)
falls on all three alike. Besides wall time, each tool's CPU time (its processes' user + system) is shown:
it varies less with other processes' load; the targets are on wall time.

Then the peak memory (resident set) of `extractor extract` on the 392-page book, with each reader
(issue 18 target: no higher than 107 MB). The load average is printed before and after.

    python bench/extract.py [--runs 3] [--skip-big] [--tools extractor,pdfplumber] [--no-memory] [--only a,b]
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
# The extractor of this checkout, not whichever the environment's editable install points at.
ENV["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])

# The bare read: the PDF opened as extract opens it (its pages listed by the reader), every page's objects
# read by the reader, nothing more.
BARE_READ = """import sys
from extractor.guard import checked_pages, close_pdf, open_pdf
from extractor.locate.reader import expected_pages, open_reader
pdf = open_pdf(sys.argv[1], pre_check=False, count_pages=False)
reader = open_reader(pdf, sys.argv[2], n_pages=expected_pages(pdf), pages_of=lambda: checked_pages(pdf))
for page in reader.pages:
    reader.read(page)
    page.close()
reader.close()
close_pdf(pdf)
"""
BOOK = REAL / "taiwan-interior-ministry-budget-392pp.pdf"

TOOLS = {
    "extractor": lambda pdf: [str(Path(PY).with_name("extractor")), "extract", str(pdf), "-o",
                              str(Path(tempfile.gettempdir()) / "extractor-bench.json")],
    "camelot": lambda pdf: [PY, "-c", "import sys, camelot; camelot.read_pdf(sys.argv[1], pages='all')", str(pdf)],
    "camelot-vector": lambda pdf: [PY, "-c", "import sys, camelot; camelot.read_pdf(sys.argv[1], pages='all', "
                                   "engine='vector')", str(pdf)],
    "pdfplumber": lambda pdf: [PY, "-c", "import sys, pdfplumber\nwith pdfplumber.open(sys.argv[1]) as p:\n"
                               " for page in p.pages:\n  page.extract_tables(); page.close()", str(pdf)],
    "extractor-jobs1": lambda pdf: [str(Path(PY).with_name("extractor")), "extract", str(pdf), "--jobs", "1", "-o",
                                    str(Path(tempfile.gettempdir()) / "extractor-bench-j.json")],
    "extractor-pdfminer": lambda pdf: [str(Path(PY).with_name("extractor")), "extract", str(pdf), "--reader",
                                       "pdfminer", "-o", str(Path(tempfile.gettempdir()) / "extractor-bench-m.json")],
    "read": lambda pdf: [PY, "-c", BARE_READ, str(pdf), "auto"],
    "read-pdfminer": lambda pdf: [PY, "-c", BARE_READ, str(pdf), "pdfminer"],
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


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak resident set of one process or of its largest worker (wait4 reports the larger), in MB."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return usage.ru_maxrss / 1024


def load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-big", action="store_true", help="leave out the 392-page PDF")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of: " + ", ".join(TOOLS))
    parser.add_argument("--no-memory", action="store_true", help="skip the 392-page book's peak memory")
    parser.add_argument("--only", default="", help="comma-separated parts of file names: a subset of the set "
                                                   "(a quick comparison; the targets are on the whole set)")
    args = parser.parse_args()
    tools = [t for t in args.tools.split(",") if t]
    unknown = set(tools) - set(TOOLS)
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")

    pdfs = bench_set(args.skip_big)
    if args.only:
        pdfs = [p for p in pdfs if any(part in p.name for part in args.only.split(","))]
    pages = sum(page_count(p) for p in pdfs)
    print(f"extract: {len(pdfs)} PDFs, {pages} pages, median of {args.runs} runs; load average {load()}")
    runs = [one_run(tools, pdfs) for _ in range(args.runs)]
    print(f"  load average after the runs: {load()}")
    medians, cpus = {}, {}
    for tool in tools:
        walls = [r[tool][0] for r in runs]
        medians[tool] = statistics.median(walls)
        cpus[tool] = statistics.median(r[tool][1] for r in runs)
        print(f"  {tool:<11} {medians[tool]:8.2f} s  {pages / medians[tool]:8.1f} pages/s  cpu {cpus[tool]:8.2f} s"
              f"  (runs: {', '.join(f'{w:.2f}' for w in walls)})")
    if not args.no_memory and BOOK.exists():
        ext = str(Path(PY).with_name("extractor"))
        out = str(Path(tempfile.gettempdir()) / "extractor-bench-mem.json")
        for reader, jobs in (("auto", None), ("auto", "1"), ("pdfminer", "1")):
            mb = peak_rss_mb([ext, "extract", str(BOOK), "--reader", reader, "-o", out]
                             + (["--jobs", jobs] if jobs else []))
            print(f"memory: peak RSS of extract on the 392-page book, reader {reader}, "
                  f"--jobs {jobs or 'cores (the default)'}: {mb:.1f} MB (target <= 107)")
    a = medians.get("extractor")
    if a and "read" in tools:
        r = medians["read"]
        print(f"extract vs the chosen reader's bare read: a/r = {a / r:.3f} (issue 18 target <= 2.0); cpu a/r = "
              f"{cpus['extractor'] / cpus['read']:.3f}")
    if a and "extractor-pdfminer" in tools:
        m = medians["extractor-pdfminer"]
        print(f"extract, default reader vs --reader pdfminer: a/m = {a / m:.3f}; cpu a/m = "
              f"{cpus['extractor'] / cpus['extractor-pdfminer']:.3f}")
    if a and "extractor-jobs1" in tools:
        j = medians["extractor-jobs1"]
        print(f"extract --jobs 1 (one process) vs the default: j/a = {j / a:.3f}; cpu j/a = "
              f"{cpus['extractor-jobs1'] / cpus['extractor']:.3f}" + (
                  f"; --jobs 1 vs camelot: j/b = {j / medians['camelot']:.3f}, cpu "
                  f"{cpus['extractor-jobs1'] / cpus['camelot']:.3f}" if "camelot" in tools else ""))
    if "read" in tools and "read-pdfminer" in tools:
        print(f"bare read, chosen reader vs pdfminer: r/p = {medians['read'] / medians['read-pdfminer']:.3f}; cpu "
              f"{cpus['read'] / cpus['read-pdfminer']:.3f}")
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
