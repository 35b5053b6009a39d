"""Run the pipeline once and keep what the review needs beside the document: every page's Grid.

The contract's `tables` hold each table's bounding boxes, not its row and column lines; the grids that
extract built (model.Grid: col_xs, row_tops, row_bottoms, spans, rows) do, so they are taken from
pipeline.extract_pdf through its `grids_out` list, and the text lines locate read outside the tables
(model.TextLine: headings, prose, the table of contents) through `lines_out`. No stage is run twice.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from extractor.guard import Limits
from extractor.write.atomic import atomic_write


def review_pdf(pdf: str | os.PathLike[str], *, engine: str = "camelot", pages: list[int] | None = None,
               password: str | None = None, limits: Limits | None = None,
               findings: list[dict[str, Any]] | None = None, audit: bool = False,
               reader: str | None = None) -> tuple[dict[str, Any], str]:
    """Extract `pdf`; return its contract document and the review HTML (a str). `audit` adds the audit's
    findings to the document (and so to the page); `findings` gives them instead."""
    from extractor.pipeline import extract_pdf
    from extractor.review.page import render_html
    from extractor.review.payload import build_payload

    grids: list[Any] = []
    lines: list[Any] = []
    doc = extract_pdf(pdf, engine=engine, pages=pages, password=password, limits=limits, grids_out=grids,
                      lines_out=lines, reader=reader)
    if findings is None and audit:
        from extractor.audit import audit as audit_document

        findings = audit_document(doc)
    if findings is not None:
        doc["findings"] = findings
    payload, images = build_payload(doc, grids, Path(pdf), password=password, lines=lines)
    return doc, render_html(payload, images)


def write_review(html: str, path: str | os.PathLike[str]) -> Path:
    """Write the review HTML atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path, "w", encoding="utf-8") as fh:
        fh.write(html)
    return path
