"""`extract --jobs N` on the 392-page book (issue 18): wall and CPU time of --jobs 1 and --jobs 2, and whether
the two outputs are byte-identical. Target: --jobs 2 at least 1.8x faster in wall time.

The machine's two cores are shared: the load average before each run is printed beside it, and the runs
alternate (1, 2, 1, 2, ...) so a change in load falls on both alike; medians of --runs.

    python bench/jobs.py [--runs 1]
"""

from __future__ import annotations

import argparse
import filecmp
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT.parent / "shared" / "corpus" / "real" / "taiwan-interior-ministry-budget-392pp.pdf"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(jobs: int, out: Path) -> tuple[float, float, float]:
    """(wall, cpu, load average before) of one fresh `python -m extractor extract BOOK --jobs N` of this tree."""
    load = os.getloadavg()[0]
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "extractor", "extract", str(BOOK), "-q", "--jobs", str(jobs), "-o",
                    str(out)], cwd=ROOT, env=ENV, check=True)
    return time.perf_counter() - start, _children_cpu() - cpu, load


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    if not BOOK.is_file():
        print(f"jobs: {BOOK.name} not present")
        return
    tmp = Path(tempfile.mkdtemp(prefix="extractor-jobs-"))
    times: dict[int, list[tuple[float, float, float]]] = {1: [], 2: []}
    for _ in range(args.runs):
        for jobs in (1, 2):
            times[jobs].append(run(jobs, tmp / f"jobs{jobs}.json"))
    identical = filecmp.cmp(tmp / "jobs1.json", tmp / "jobs2.json", shallow=False)
    shutil.rmtree(tmp, ignore_errors=True)
    wall = {}
    for jobs, rows in times.items():
        wall[jobs] = statistics.median(w for w, _c, _l in rows)
        print(f"  --jobs {jobs}: {wall[jobs]:6.2f} s wall, cpu {statistics.median(c for _w, c, _l in rows):6.2f} s"
              f"  (runs: {', '.join(f'{w:.2f} s at load {l:.2f}' for w, _c, l in rows)})")
    print(f"jobs: --jobs 2 is {wall[1] / wall[2]:.2f}x --jobs 1 on {BOOK.name} (target >= 1.8), "
          f"output {'identical' if identical else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
