"""Opening a PDF safely: every failure becomes an ExtractorError with a stable code.

(First version; the bad-input work grows the checks and limits here.)
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from extractor.errors import Damaged, Encrypted, NotAPdf


def open_pdf(path: str | Path, password: str | None = None) -> pdfplumber.PDF:
    path = Path(path)
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise NotAPdf(f"{path.name}: not a PDF (no %PDF- header)")
    try:
        return pdfplumber.open(path, password=password or "")
    except Exception as exc:  # pdfminer raises many types for one cause
        name = type(exc).__name__
        if "Password" in name or "Encrypt" in name:
            raise Encrypted(f"{path.name}: encrypted; give --password") from exc
        raise Damaged(f"{path.name}: damaged PDF ({name})") from exc
