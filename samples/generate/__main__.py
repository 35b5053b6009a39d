"""`python -m samples.generate [NAME ...] [--out DIR]`: regenerate sample PDFs and golden JSON."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from . import libreoffice
from .build import SAMPLES, build
from .lo_samples import SAMPLES as LO_SAMPLES

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m samples.generate", description=__doc__)
    ap.add_argument("names", nargs="*", help=f"samples to build (default all: {', '.join([*SAMPLES, *LO_SAMPLES])})")
    ap.add_argument("--out", type=Path, default=None, help="write PDFs and JSON here instead of samples/ and golden/")
    args = ap.parse_args()
    for name in args.names or [*SAMPLES, *LO_SAMPLES]:
        if name in LO_SAMPLES:  # rendered by LibreOffice (libreoffice.py); skipped where it is not installed
            if libreoffice.soffice_path() is None:
                print(f"{name}: skipped, LibreOffice (soffice) not installed; the committed files stay")
                continue
            pdf, expected = libreoffice.build(name)
        else:
            pdf, expected = build(name)
        pdf_dir = args.out or ROOT / "samples"
        json_dir = args.out or ROOT / "golden"
        (pdf_dir / f"{name}.pdf").write_bytes(pdf)
        (json_dir / f"{name}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n",
                                               encoding="utf-8")
        print(f"{name}: {len(pdf) // 1024} KB, {expected['source']['pages']} pages")


if __name__ == "__main__":
    main()
