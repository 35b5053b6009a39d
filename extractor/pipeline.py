"""One PDF in, one contract document (dict) out: locate -> extract -> stitch -> interpret.

The PDF is opened once (extractor.guard.open_pdf: every failure becomes an ExtractorError); everything a
reader should check is collected as warnings on the way and returned with the document.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from extractor import SCHEMA_VERSION
from extractor.guard import (DEFAULT_LIMITS, Limits, check_readable, checked_pages, close_pdf, inflate_limit,
                             open_pdf, select_pages)
from extractor.hashing import sha256_file
from extractor.model import Warning
from extractor.parallel import fewer_collections as _fewer_collections


def extract_pdf(path: str | Path, *, engine: str = "camelot", pages: list[int] | None = None,
                password: str | None = None, limits: Limits | None = None,
                grids_out: list | None = None, lines_out: list | None = None, jobs: int = 1,
                on_page: Callable[[int, int], None] | None = None, reader: str | None = None) -> dict[str, Any]:
    """The output contract (spec/output-contract.md) of one PDF.

    `pages`: 1-based pages to read (None: all). Raises ExtractorError for an input that cannot be read.
    `on_page(done, total)` is called after each page is read in this process, or after each page range
    the workers read (`jobs`), with the pages read so far (a progress bar).
    `grids_out`: a list that receives every page's model.Grid (cell geometry, for extractor.review);
    `lines_out` one that receives every model.TextLine read outside the tables (headings, prose).
    `jobs`: worker processes reading page ranges of a long PDF (extractor.parallel); same document as 1.
    `reader`: what reads each page's objects, "auto", "playa" or "pdfminer" (extractor.locate.reader;
    default "auto"); the same document either way.
    """
    from extractor.captions import table_dicts
    from extractor.interpret import interpret
    from extractor.locate.reader import DEFAULT_READER, expected_pages, open_reader
    from extractor.parallel import read_pages, read_pages_parallel, split_ranges
    from extractor.stitch import Stitching

    path = Path(path)
    reader = reader or DEFAULT_READER
    limits = limits or DEFAULT_LIMITS
    warnings: list[Warning] = []
    # The decompression limit is kept while the pages are read, stream by stream as pdfminer inflates
    # them (extractor.guard.streams), instead of by a first pass over every stream of the file.
    # pdfminer's page tree is read only where the reader needs it (locate.reader: not where playa lists
    # the pages), so the PDF is closed without walking it (close_pdf).
    pdf = open_pdf(path, password=password, limits=limits, warnings=warnings, pre_check=False,
                   count_pages=False)
    try:
        with _fewer_collections(), inflate_limit(limits.max_decompressed):
            page_reader = open_reader(pdf, reader, password=password, n_pages=expected_pages(pdf, pages),
                                      pages_of=lambda: checked_pages(pdf, password))
            try:
                n_pages = len(page_reader.pages)
                wanted = select_pages(n_pages, pages, limits, warnings)
                shared = len(split_ranges(wanted, jobs)) > 1
                stitching = Stitching()
                if shared:  # workers forked with the open file and reader (extractor.parallel)
                    done = 0

                    def joined(part) -> None:  # a page range read: stitched, and its pages counted
                        nonlocal done
                        stitching.add(part.grids)
                        done += len(part.layouts)
                        if on_page is not None:
                            on_page(done, len(wanted))

                    read = read_pages_parallel(path, wanted, engine, jobs, password=password, limits=limits,
                                               reader=reader, pdf=pdf, page_reader=page_reader, on_part=joined)
                    warnings += read.warnings
                else:
                    read = read_pages(pdf, wanted, engine, warnings, password=password, on_page=on_page,
                                      reader=page_reader)
            finally:
                page_reader.close()
    finally:
        close_pdf(pdf)
    layouts, grids = read.layouts, read.grids
    check_readable(layouts, path.name)
    if grids_out is not None:
        grids_out.extend(grids)
    if lines_out is not None:
        lines_out.extend(line for layout in layouts for line in layout.lines)
    with _fewer_collections():  # stitch and interpret allocate as freely as reading (the same output)
        if not shared:
            stitching.add(grids)
        tables = stitching.tables()
        parts = interpret(layouts, tables, warnings)
    doc = {
        "schema_version": SCHEMA_VERSION,
        "source": {"file": path.name, "sha256": sha256_file(path), "pages": n_pages},
        "document": parts["document"],
        "department": parts["department"],
        "projects": parts["projects"],
        "tables": table_dicts(tables, layouts),
        "warnings": [w.to_dict() for w in _ordered(warnings)],
    }
    if "department_tables" in parts:  # several department-wide tables (contract "Additions")
        doc["department_tables"] = parts["department_tables"]
    return doc


def _ordered(warnings: list[Warning]) -> list[Warning]:
    """Document order (by page; warnings about the whole file first), each distinct warning once."""
    seen: set[tuple[str, str, int | None]] = set()
    out = []
    for w in sorted(warnings, key=lambda w: (w.page or 0)):
        key = (w.code, w.message, w.page)
        if key not in seen:
            seen.add(key)
            out.append(w)
    return out
