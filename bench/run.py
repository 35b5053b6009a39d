"""`make bench`: every benchmark of the project, one after another; the output is appended to bench/RESULTS.md.

Each benchmark is a script in bench/ whose last stdout line is its summary:
  extract.py     extraction vs camelot's default and vector lattice, pdfplumber's extract_tables, the chosen
                 reader's bare read; peak memory on the 392-page book (issues 8, 18)
  normalizer.py  indicator values parsed a second (issue 3)
  stages.py      CPU ms/page of each stage after reading: locate, grid, placement, stitch, interpret (issue 18)
  jobs.py        extract --jobs 1 vs 2 on the 392-page book: wall, CPU, identical output (issue 18)
  batch.py       batch throughput with 1 and 2 jobs, worker peak memory (issue 6)
  baseline.py    extraction per page against the code before the published-layout work (issues 11, 12: <= 1.1x)
  review.py      the review page of the 392-page book: size under 40 MB, time (issue 16)
"""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ["normalizer.py", "extract.py", "stages.py", "jobs.py", "batch.py", "baseline.py", "review.py"]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def main() -> int:
    extra = sys.argv[1:]
    lines = [f"## {datetime.datetime.now().isoformat(timespec='minutes')} — {machine()}", ""]
    status = 0
    for name in BENCHMARKS:
        script = HERE / name
        if not script.exists():
            lines.append(f"- {name}: not present")
            continue
        print(f"== {name}", flush=True)
        proc = subprocess.run([sys.executable, str(script), *extra] if name == "extract.py" else
                              [sys.executable, str(script)], capture_output=True, text=True)
        sys.stdout.write(proc.stdout)
        sys.stderr.write(proc.stderr[-2000:])
        if proc.returncode:
            status = 1
            lines.append(f"- {name}: FAILED (exit {proc.returncode})")
            continue
        lines += ["```", proc.stdout.strip(), "```", ""]
    with open(HERE / "RESULTS.md", "a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"appended to {HERE / 'RESULTS.md'}")
    return status


if __name__ == "__main__":
    sys.exit(main())
