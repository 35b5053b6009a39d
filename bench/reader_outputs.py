"""Are the documents the same whichever reader reads the pages? Every sample and real corpus PDF extracted
with `--reader pdfminer` and `--reader playa`, the contract JSON compared byte for byte (issue 18).

Both in this process, one PDF after the other, the same options otherwise (engine camelot, all pages).
A PDF whose JSON differs is listed with the first differing fields; both JSONs are kept in OUT
(default /tmp/extractor-reader-outputs/<reader>/<stem>.json) to look at.

    python bench/reader_outputs.py [PDF ...] [--out DIR]

The last line is the summary: PDFs, identical, differing (named), and each reader's total wall seconds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpus" / "real"
READERS = ("pdfminer", "playa")


def _first_differences(a, b, path: str = "", out: list[str] | None = None, limit: int = 5) -> list[str]:
    out = [] if out is None else out
    if len(out) >= limit:
        return out
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                _first_differences(a.get(k), b.get(k), f"{path}.{k}", out, limit)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                _first_differences(x, y, f"{path}[{i}]", out, limit)
    else:
        out.append(f"{path}: pdfminer {str(a)[:200]!r} playa {str(b)[:200]!r}")
    return out


def _extract(pdf: Path, reader: str) -> tuple[str, float]:
    from extractor.api import read
    from extractor.errors import ExtractorError
    from extractor.write.json_out import dumps

    t0 = time.perf_counter()
    try:
        text = dumps(read(pdf, reader=reader).to_dict())
    except ExtractorError as exc:  # the same refusal from both is the same output
        text = f"error {exc.code}: {exc}"
    return text, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--out", type=Path, default=Path("/tmp/extractor-reader-outputs"))
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    pdfs = args.pdfs or sorted((ROOT / "samples").glob("*.pdf")) + (sorted(REAL.glob("*.pdf")) if REAL.is_dir() else [])
    seconds = dict.fromkeys(READERS, 0.0)
    differing: list[str] = []
    for pdf in pdfs:
        texts = {}
        for reader in READERS:
            texts[reader], dt = _extract(pdf, reader)
            seconds[reader] += dt
            folder = args.out / reader
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{pdf.stem}.json").write_text(texts[reader], encoding="utf-8")
        same = texts["pdfminer"] == texts["playa"]
        print(f"{pdf.name}: {'identical' if same else 'DIFFERENT'} ({len(texts['playa'])} bytes)", flush=True)
        if not same:
            differing.append(pdf.name)
            try:
                a, b = json.loads(texts["pdfminer"]), json.loads(texts["playa"])
                for d in _first_differences(a, b):
                    print("   ", d)
            except ValueError:
                print("   ", texts["pdfminer"][:200], "|", texts["playa"][:200])
    print(f"reader outputs: {len(pdfs)} PDFs, {len(pdfs) - len(differing)} byte-identical, {len(differing)} "
          f"differ{(' (' + ', '.join(differing) + ')') if differing else ''}; wall pdfminer "
          f"{seconds['pdfminer']:.1f} s, playa {seconds['playa']:.1f} s")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
