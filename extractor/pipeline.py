"""One PDF in, one contract document (dict) out: locate -> extract -> stitch -> interpret.

(Stub until the extraction work lands.)
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from extractor import SCHEMA_VERSION
from extractor.guard import open_pdf


def extract_pdf(path: str | Path, *, engine: str = "camelot", pages: list[int] | None = None,
                password: str | None = None) -> dict[str, Any]:
    path = Path(path)
    data = path.read_bytes()
    with open_pdf(path, password=password) as pdf:
        n_pages = len(pdf.pages)
    return {
        "schema_version": SCHEMA_VERSION,
        "source": {"file": path.name, "sha256": hashlib.sha256(data).hexdigest(), "pages": n_pages},
        "document": {"title": None, "year": None, "organization": None, "organization_code": None},
        "department": None,
        "projects": [],
        "tables": [],
        "warnings": [],
    }
