"""`python -m samples.generate [NAME ...] [--out DIR]`: regenerate sample PDFs and golden JSON."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .build import SAMPLES, build

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m samples.generate", description=__doc__)
    ap.add_argument("names", nargs="*", help=f"samples to build (default all: {', '.join(SAMPLES)})")
    ap.add_argument("--out", type=Path, default=None, help="write PDFs and JSON here instead of samples/ and golden/")
    args = ap.parse_args()
    for name in args.names or list(SAMPLES):
        pdf, expected = build(name)
        pdf_dir = args.out or ROOT / "samples"
        json_dir = args.out or ROOT / "golden"
        (pdf_dir / f"{name}.pdf").write_bytes(pdf)
        (json_dir / f"{name}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n",
                                               encoding="utf-8")
        print(f"{name}: {len(pdf) // 1024} KB, {expected['source']['pages']} pages")


if __name__ == "__main__":
    main()
