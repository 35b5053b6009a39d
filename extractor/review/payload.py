"""The data of one review page: the contract document plus, per page shown, its size and cell boxes.

Which pages get a view: every page a project, a table, the department part, a warning or a finding
names. Each grid is tied to its table in `tables` by page and bounding box (the table's `parts`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extractor.review.cells import grid_cells
from extractor.review.claims import table_owners
from extractor.review.images import open_document, render_pages
from extractor.review.regions import warning_box


def counts(doc: dict[str, Any]) -> dict[str, int]:
    """What the page and the index show in their headers (and the tests compare with the JSON)."""
    projects = doc.get("projects") or []
    return {"pages": int((doc.get("source") or {}).get("pages") or 0),
            "projects": len(projects),
            "indicators": sum(len(p.get("indicators") or []) for p in projects),
            "warnings": len(doc.get("warnings") or []),
            "findings": len(doc.get("findings") or []),
            "tables": len(doc.get("tables") or [])}


def shown_pages(doc: dict[str, Any]) -> set[int]:
    pages: set[int] = set()
    for project in doc.get("projects") or []:
        pages.update(project.get("pages") or [])
    for table in doc.get("tables") or []:
        pages.update(p["page"] for p in table.get("parts") or [])
    department = doc.get("department") or {}
    pages.update(department.get("pages") or [])
    for section in department.get("sections") or []:
        pages.update(i.get("page") for i in section.get("indicators") or [] if i.get("page"))
    for item in (doc.get("warnings") or []) + (doc.get("findings") or []):
        if item.get("page"):
            pages.add(item["page"])
    return {p for p in pages if isinstance(p, int) and p >= 1}


def _table_index(doc: dict[str, Any]) -> list[tuple[int, tuple[float, ...], int]]:
    return [(part["page"], tuple(part["bbox"]), t) for t, table in enumerate(doc.get("tables") or [])
            for part in table.get("parts") or []]


def _table_of(grid: Any, index: list[tuple[int, tuple[float, ...], int]]) -> int | None:
    for page, bbox, t in index:
        if page == grid.page and all(abs(a - b) <= 1.0 for a, b in zip(bbox, grid.bbox)):
            return t
    return None


def _line(line: Any) -> list[Any]:
    """[x0, top, x1, bottom, text]; a TextLine without its right edge or bottom gets them from its size."""
    size = line.size or 10.0
    bottom = line.bottom if line.bottom > line.top else line.top + size
    x1 = line.x1 if line.x1 > line.x0 else line.x0 + size * len(line.text)
    return [round(line.x0, 1), round(line.top, 1), round(x1, 1), round(bottom, 1), line.text]


def build_payload(doc: dict[str, Any], grids: list[Any], pdf_path: Path, password: str | None = None,
                  lines: list[Any] = ()) -> tuple[dict[str, Any], dict[int, str]]:
    """(the page's data, page -> image data URI)."""
    wanted = shown_pages(doc)
    pdf = open_document(pdf_path, password=password)
    try:
        sizes = {n: tuple(round(v, 2) for v in pdf[n - 1].get_size()) for n in wanted if n <= len(pdf)}
        images = render_pages(pdf, sizes.keys())
    finally:
        pdf.close()
    index = _table_index(doc)
    pages: dict[str, dict[str, Any]] = {}
    for n in sorted(sizes):
        pages[str(n)] = {"w": sizes[n][0], "h": sizes[n][1], "image": n in images, "grids": [], "lines": []}
    for line in lines:
        view = pages.get(str(line.page))
        if view is not None and line.text.strip():
            view["lines"].append(_line(line))
    for grid in grids:
        view = pages.get(str(grid.page))
        if view is not None:
            view["grids"].append({"table": _table_of(grid, index), "bbox": [round(v, 1) for v in grid.bbox],
                                  "cells": grid_cells(grid)})
    boxes = [warning_box(w, pages[str(w["page"])]["lines"]) if str(w.get("page")) in pages else None
             for w in doc.get("warnings") or []]
    owners = table_owners(doc)
    tables = [dict(t, owner=owners[i]) for i, t in enumerate(doc.get("tables") or [])]
    payload = {"file": (doc.get("source") or {}).get("file") or pdf_path.name,
               "source": doc.get("source"), "document": doc.get("document"),
               "department": doc.get("department"), "projects": doc.get("projects") or [],
               "warnings": doc.get("warnings") or [], "findings": doc.get("findings") or [],
               "warning_boxes": boxes, "tables": tables, "pages": pages, "counts": counts(doc)}
    return payload, images
