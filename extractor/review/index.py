"""index.html over the reviews of a batch: pages, projects, indicators, warnings and findings per file;
failures with their error code. Links are relative, so the folder can be moved or zipped as a whole."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from extractor.review.payload import counts
from extractor.write.atomic import atomic_write

INDEX_HTML = "index.html"


def index_entry(file: str, review: Path | None, index_dir: Path, doc: dict[str, Any] | None = None,
                error_code: str | None = None, message: str | None = None) -> dict[str, Any]:
    href = None
    if review is not None:
        rel = os.path.relpath(review, index_dir)
        href = "/".join(quote(part) for part in Path(rel).parts)  # a relative URL: never a scheme
    return {"file": file, "href": href, "status": "failed" if error_code else "ok",
            "counts": counts(doc) if doc is not None else None, "error_code": error_code, "message": message}


def write_index(entries: list[dict[str, Any]], outdir: str | os.PathLike[str]) -> Path:
    from extractor.review.page import render_index

    entries = sorted(entries, key=lambda e: e["file"])
    totals = {"documents": len(entries), "failed": sum(1 for e in entries if e["status"] != "ok")}
    for key in ("pages", "projects", "indicators", "warnings", "findings"):
        totals[key] = sum((e["counts"] or {}).get(key, 0) for e in entries)
    path = Path(outdir) / INDEX_HTML
    with atomic_write(path, "w", encoding="utf-8") as fh:
        fh.write(render_index({"documents": entries, "totals": totals}))
    return path
