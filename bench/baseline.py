"""Extraction time per page against the code of an earlier commit (issues 11 and 12: no more than 1.1× "today's").

The baseline commit is checked out into a temporary git worktree; both trees then extract the same PDFs (every
sample and real PDF, as bench/extract.py), one fresh process per PDF, the two taking turns PDF by PDF so that a
change in the machine's load falls on both alike. CPU time (user + system of the child) is the main figure: it
varies less with other processes' load than wall time. The output of each tree is not compared here (the tests
do that); a PDF one tree fails on still counts its time.

    python bench/baseline.py [--base 38a600f] [--runs 1] [--skip-big]
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract import ENV, bench_set, page_count  # noqa: E402  (same PDFs, same environment as bench/extract.py)

ROOT = Path(__file__).resolve().parent.parent
# The main line before the published-layout work (issues 11-18 filed against it).
DEFAULT_BASE = "38a600f"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_tree(tree: Path, pdf: Path, out: Path, extra: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of `python -m extractor extract PDF` run inside `tree` (its package comes first)."""
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "extractor", "extract", str(pdf), "-o", str(out), *extra], cwd=tree,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    return time.perf_counter() - start, _children_cpu() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default=DEFAULT_BASE, help="baseline commit (default %(default)s)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--skip-big", action="store_true", help="leave out the 392-page book")
    args = parser.parse_args()
    pdfs = bench_set(args.skip_big)
    pages = sum(page_count(p) for p in pdfs)
    with tempfile.TemporaryDirectory(prefix="extractor-base-") as tmp:
        base = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.base],
                       check=True)
        try:
            trees = {"now": ROOT, "base": base}
            # one process each, like for like: the baseline has no --jobs (one process), now's default is
            # every core for a long PDF
            extra = {"now": ["--jobs", "1"], "base": []}
            runs: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
            for _ in range(args.runs):
                totals = {name: [0.0, 0.0] for name in trees}
                for pdf in pdfs:
                    for name, tree in trees.items():
                        wall, cpu = time_tree(tree, pdf, Path(tmp) / f"{name}.json", extra[name])
                        totals[name][0] += wall
                        totals[name][1] += cpu
                for name in trees:
                    runs[name].append(tuple(totals[name]))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
    med = {name: (statistics.median(w for w, _ in r), statistics.median(c for _, c in r)) for name, r in runs.items()}
    for name, (wall, cpu) in med.items():
        print(f"  {name:5} {wall:8.2f} s wall  {1000 * wall / pages:6.1f} ms/page   cpu {cpu:8.2f} s "
              f"{1000 * cpu / pages:6.1f} ms/page")
    print(f"baseline {args.base}: {len(pdfs)} PDFs, {pages} pages, median of {args.runs}; now/base cpu = "
          f"{med['now'][1] / med['base'][1]:.3f}, wall = {med['now'][0] / med['base'][0]:.3f} (target <= 1.1), "
          f"load {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
