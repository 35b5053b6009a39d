"""`python -m samples.generate [NAME ...] [--out DIR]`: regenerate sample PDFs and their golden JSON.

reportlab samples (build.SAMPLES) need reportlab and the Debian CJK TrueType fonts; the LibreOffice samples
(lo_samples.SAMPLES, `lo-*`) also need `soffice` and are skipped with a message where it is missing.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, Callable

from .build import SAMPLES
from .build import build as rl_build

ROOT = Path(__file__).resolve().parents[2]


def _lo_builders() -> dict[str, Callable[[], tuple[bytes, dict[str, Any]] | None]]:
    """LibreOffice samples by name; each builder returns None where soffice is not installed."""
    try:
        from . import libreoffice
        from .lo_samples import SAMPLES as LO
    except ImportError:
        return {}

    def make(name: str) -> Callable[[], tuple[bytes, dict[str, Any]] | None]:
        return lambda: libreoffice.build(name) if libreoffice.soffice_path() else None

    return {name: make(name) for name in LO}


def main() -> None:
    lo = _lo_builders()
    ap = argparse.ArgumentParser(prog="python -m samples.generate", description=__doc__)
    ap.add_argument("names", nargs="*", help=f"samples to build (default all: {', '.join([*SAMPLES, *lo])})")
    ap.add_argument("--out", type=Path, default=None, help="write PDFs and JSON here instead of samples/ and golden/")
    args = ap.parse_args()
    for name in args.names or [*SAMPLES, *lo]:
        if name in SAMPLES:
            made = rl_build(name)
        elif name in lo:
            made = lo[name]()
            if made is None:
                print(f"{name}: skipped (LibreOffice's soffice not found)")
                continue
        else:
            ap.error(f"unknown sample {name!r}")
        pdf, expected = made
        pdf_dir = args.out or ROOT / "samples"
        json_dir = args.out or ROOT / "golden"
        (pdf_dir / f"{name}.pdf").write_bytes(pdf)
        (json_dir / f"{name}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n",
                                               encoding="utf-8")
        print(f"{name}: {len(pdf) // 1024} KB, {expected['source']['pages']} pages")


if __name__ == "__main__":
    main()
