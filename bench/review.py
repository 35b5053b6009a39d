"""The review page of the 392-page Taiwan book: its size (target: under 40 MB, issue 16) and the time to make it.

`extractor review` runs in its own process; the last line of stdout is the summary `make bench` records.
Exit status 1 when the page is 40 MB or more.

    python bench/review.py [PDF]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BOOK = REPO.parent / "shared" / "corpus" / "real" / "taiwan-interior-ministry-budget-392pp.pdf"
LIMIT_MB = 40.0


def main() -> int:
    pdf = Path(sys.argv[1]) if len(sys.argv) > 1 else BOOK
    if not pdf.is_file():
        print(f"review: {pdf} not present; skipped")
        return 0
    with tempfile.TemporaryDirectory() as out:
        start = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "extractor", "review", str(pdf), "-o", out, "-q"],
                              cwd=REPO, capture_output=True, text=True)
        seconds = time.monotonic() - start
        if proc.returncode:
            print(proc.stderr.strip())
            return 1
        size = (Path(out) / f"{pdf.stem}.html").stat().st_size / 1e6
    print(f"review: {pdf.name}: {size:.1f} MB (limit {LIMIT_MB:.0f} MB) in {seconds:.1f} s")
    return 0 if size < LIMIT_MB else 1


if __name__ == "__main__":
    sys.exit(main())
