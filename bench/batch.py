"""Batch throughput with 1 and 2 jobs (pages a second) and a worker's peak memory (issue 6).

The inputs are the sample PDFs and the real PDFs of ../shared/corpus/real (not the 392-page one, which
has a benchmark of its own), linked under distinct names into a temporary folder, each `--repeat` times.
Each run is a whole `extractor batch` in its own process; pages a second are the pages converted over the
command's wall time, start-up included. The last line of stdout is the summary `make bench` records.

    python bench/batch.py [--repeat 2] [--jobs-max 2]
    python bench/batch.py --check200      # the issue's 200-PDF check (10% broken files); slow

Also used by tests/test_batch.py's slow test (EXTRACTOR_SLOW=1) through `build_corpus`.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REAL = REPO.parent / "shared" / "corpus" / "real"
# Real PDFs that are not budget tables with a text layer: their defined outcome is an error (garbled_text /
# no text layer), so they are not among the "good" inputs here.
NOT_GOOD = {"taiwan-interior-ministry-budget-392pp.pdf", "broken-font-encoding.pdf", "scanned-with-ocr-layer.pdf"}
SUMMARY = re.compile(r"batch: (\d+) files: (\d+) converted, (\d+) failed.*?; (\d+) pages in")


def good_sources() -> list[Path]:
    found = sorted((REPO / "samples").glob("*.pdf"))
    if REAL.is_dir():
        found += [p for p in sorted(REAL.glob("*.pdf")) if p.name not in NOT_GOOD]
    return found


def build_corpus(dest: Path, total: int = 200, broken_share: float = 0.10, seed: int = 6) -> dict:
    """`total` inputs in `dest` (in sub-folders): good PDFs linked under new names, and broken files
    (truncated copies, random bytes, empty files) making up `broken_share` of them.

    Returns {"good": {rel: source path}, "broken": {rel: kind}}.
    """
    rng = random.Random(seed)
    sources = good_sources()
    if not sources:
        raise SystemExit("no sample or real PDFs found")
    n_broken = max(1, round(total * broken_share))
    good: dict[str, Path] = {}
    broken: dict[str, str] = {}
    for i in range(total - n_broken):
        src = sources[i % len(sources)]
        rel = f"dept{i % 7}/{i:04d}-{src.stem[:20]}.pdf"
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(src, dest / rel)
        good[rel] = src
    for i in range(n_broken):
        kind = ["truncated", "random", "empty"][i % 3]
        rel = f"dept{i % 7}/broken-{i:03d}-{kind}.pdf"
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        if kind == "truncated":
            data = sources[i % len(sources)].read_bytes()
            data = data[: int(len(data) * rng.uniform(0.05, 0.6))]
        elif kind == "random":
            data = rng.randbytes(rng.randint(100, 50_000))
        else:
            data = b""
        (dest / rel).write_bytes(data)
        broken[rel] = kind
    return {"good": good, "broken": broken}


def run_batch(inputs: Path, outdir: Path, jobs: int) -> tuple[float, subprocess.CompletedProcess]:
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "extractor", "batch", str(inputs), "-o", str(outdir),
                           "--jobs", str(jobs), "--no-progress"], capture_output=True, text=True)
    return time.monotonic() - start, proc


def cpu_seconds() -> tuple[float, float]:
    """(CPU seconds used by this script's finished children, CPU seconds used by the whole machine)."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    mine = ru.ru_utime + ru.ru_stime
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        busy = (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # less idle and iowait
    except (OSError, ValueError, IndexError):
        busy = float("nan")
    return mine, busy


def peak_worker_mb(outdir: Path) -> float:
    """The largest peak memory a worker reported (the manifest keeps each file's record)."""
    data = json.loads((outdir / ".extractor-batch.json").read_text(encoding="utf-8"))
    return max((e.get("peak_rss_mb") or 0.0) for e in data["files"].values())


def throughput(repeat: int, jobs_max: int) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        tmp = Path(tmp)
        sources = good_sources()
        (tmp / "in").mkdir()
        for r in range(repeat):
            for src in sources:
                os.symlink(src, tmp / "in" / f"{r}-{src.name}")
        rates = {}
        peak = 0.0
        for jobs in range(1, jobs_max + 1):
            mine0, busy0 = cpu_seconds()
            seconds, proc = run_batch(tmp / "in", tmp / f"out{jobs}", jobs)
            mine1, busy1 = cpu_seconds()
            m = SUMMARY.search(proc.stdout)
            if not m:
                print(proc.stdout, proc.stderr[-2000:], file=sys.stderr)
                return 1
            files, converted, failed, pages = (int(x) for x in m.groups())
            rates[jobs] = pages / seconds
            peak = max(peak, peak_worker_mb(tmp / f"out{jobs}"))
            # Other processes on the machine take cores from the workers; say how much, so a low ratio
            # on a busy machine is not read as the batch's own fault.
            others = max(0.0, (busy1 - busy0) - (mine1 - mine0)) / seconds
            print(f"{jobs} job(s): {files} files ({failed} failed), {pages} pages in {seconds:.1f} s "
                  f"= {rates[jobs]:.2f} pages/s; batch used {(mine1 - mine0) / seconds:.2f} cores, "
                  f"other processes {others:.2f} cores", flush=True)
        ratio = rates[jobs_max] / rates[1] if rates[1] else 0.0
        print(f"batch: 1 job {rates[1]:.2f} pages/s, {jobs_max} jobs {rates[jobs_max]:.2f} pages/s "
              f"({ratio:.2f}×), worker peak {peak:.0f} MB")
    return 0


def check200(total: int, jobs: int) -> int:
    """The issue's check: every good file converted, every broken one in errors.csv, exit 1, no traceback."""
    with tempfile.TemporaryDirectory(prefix="check-batch-") as tmp:
        tmp = Path(tmp)
        made = build_corpus(tmp / "in", total=total)
        seconds, proc = run_batch(tmp / "in", tmp / "out", jobs)
        ok = check_outcome(made, tmp / "out", proc)
        print(proc.stdout.strip())
        print(f"check200: {total} inputs ({len(made['broken'])} broken), exit {proc.returncode}, "
              f"{seconds:.0f} s wall, {'PASS' if ok else 'FAIL'}")
        return 0 if ok else 1


def check_outcome(made: dict, out: Path, proc: subprocess.CompletedProcess) -> bool:
    problems = []
    if proc.returncode != 1:
        problems.append(f"exit status {proc.returncode}, expected 1")
    if "Traceback" in proc.stderr or "Traceback" in proc.stdout:
        problems.append("a traceback reached the terminal")
    with open(out / "errors.csv", encoding="utf-8-sig", newline="") as fh:
        errors = {row["file"]: row for row in csv.DictReader(fh)}
    for rel in made["good"]:
        if not (out / rel).with_suffix(".json").exists():
            problems.append(f"good file not converted: {rel} {errors.get(rel)}")
    missing = set(made["broken"]) - set(errors)
    if missing:
        problems.append(f"broken files not in errors.csv: {sorted(missing)}")
    for rel in made["broken"]:
        if (out / rel).with_suffix(".json").exists():
            problems.append(f"broken file has an output: {rel}")
    codes: dict[str, int] = {}
    for row in errors.values():
        codes[row["error_code"]] = codes.get(row["error_code"], 0) + 1
    print(f"errors.csv codes: {codes}")
    for p in problems[:20]:
        print("PROBLEM:", p)
    return not problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=2, help="copies of each input PDF (default 2)")
    ap.add_argument("--jobs-max", type=int, default=2)
    ap.add_argument("--check200", action="store_true", help="run the 200-PDF check instead")
    ap.add_argument("--total", type=int, default=200)
    args = ap.parse_args()
    if args.check200:
        return check200(args.total, args.jobs_max)
    return throughput(args.repeat, args.jobs_max)


if __name__ == "__main__":
    sys.exit(main())
