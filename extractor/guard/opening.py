"""Opening a PDF only after checking it is one and is sane; choosing the pages to read; refusing a document
that has no readable text layer."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import pdfplumber

from extractor.errors import (
    Damaged,
    ExtractorError,
    GarbledText,
    NoPages,
    NoTextLayer,
    NotAPdf,
    Unreadable,
)
from extractor.guard.classify import _describe, as_extractor_error
from extractor.guard.limits import DEFAULT_LIMITS, Limits, _Deadline
from extractor.guard.streams import check_streams, inflate_limit
from extractor.model import Warning


def open_pdf(path: str | Path, password: str | None = None, limits: Limits | None = None,
             warnings: list[Warning] | None = None, pre_check: bool = True,
             count_pages: bool = True) -> pdfplumber.PDF:
    """Open `path` with pdfplumber after checking it is a readable, unencrypted (or unlocked), sane PDF.

    Raises NotAPdf, Encrypted, Damaged, NoPages, TooLarge or Unreadable; never anything else.
    Owner-password-only PDFs (printing/copying restrictions) open without a password, as readers do.
    A file whose cross-reference table had to be rebuilt by scanning opens with a `repaired` warning
    (appended to `warnings` when given): its pages are read, but a reader should check the result.

    `pre_check=False` skips measuring every stream of the file (check_streams) here: for a caller that
    reads the pages inside `inflate_limit(limits.max_decompressed)`, where pdfminer's zlib refuses a stream
    beyond the limit as it inflates it (TooLarge). That keeps the limit in one pass, and costs nothing for
    the pages not read (`--pages 31-35` of a 392-page book); the streams pdfminer inflates while opening
    the file (cross-reference and object streams) are bounded the same way here.

    `count_pages=False` leaves pdfminer's page tree unread (and so NoPages unraised): for a caller whose
    page reader lists the pages itself (locate.reader), or reads them through `checked_pages`.
    """
    path = Path(path)
    limits = limits or DEFAULT_LIMITS
    _check_header(path)
    with inflate_limit(limits.max_decompressed):
        return _open_checked(path, password, limits, warnings, pre_check, count_pages)


def checked_pages(pdf: pdfplumber.PDF, password: str | None = None) -> list:
    """pdfplumber's pages of a PDF opened with `count_pages=False`, with open_pdf's checks: NoPages, or
    Damaged for a file none of whose pages could be recovered; whatever reading the tree throws classified.
    The PDF stays open (its opener closes it)."""
    path = Path(getattr(pdf.stream, "name", None) or "PDF")
    try:
        return _counted(pdf, path)
    except (ExtractorError, _Deadline, KeyboardInterrupt):
        raise
    except BaseException as exc:  # noqa: BLE001 - reading the page tree choked on the file
        raise _classify_or_damaged(exc, path, password) from exc


def _counted(pdf: pdfplumber.PDF, path: Path) -> list:
    pages = pdf.pages
    if not pages:
        if was_repaired(pdf.doc):
            raise Damaged(f"{path.name}: damaged PDF (truncated?): no page could be recovered")
        raise NoPages(f"{path.name}: the PDF has no pages")
    return pages


def _open_checked(path: Path, password: str | None, limits: Limits,
                  warnings: list[Warning] | None, pre_check: bool = True,
                  count_pages: bool = True) -> pdfplumber.PDF:
    try:
        pdf = pdfplumber.open(path, password=password or "")
    except BaseException as exc:  # noqa: BLE001 - classified below; _Deadline passes through
        if isinstance(exc, (_Deadline, KeyboardInterrupt)):
            raise
        raise _classify_or_damaged(exc, path, password) from exc
    try:
        _check_xrefs(pdf.doc, path.name)
        if count_pages:
            _counted(pdf, path)
        repaired = was_repaired(pdf.doc)
        if pre_check:
            check_streams(pdf.doc, limits, path.name)
        if repaired and warnings is not None:
            warnings.append(Warning(code="repaired", message="the cross-reference table is broken; the file "
                                    "was read by scanning it (truncated or damaged?): check the result",
                                    page=None))
    except (ExtractorError, _Deadline, KeyboardInterrupt):
        close_pdf(pdf)
        raise
    except BaseException as exc:  # noqa: BLE001 - reading the page tree or the streams choked on the file
        close_pdf(pdf)
        raise _classify_or_damaged(exc, path, password) from exc
    return pdf


def close_pdf(pdf: pdfplumber.PDF) -> None:
    """Close a PDF without reading its page tree. pdfplumber's close() walks every page: what may have
    failed or hung in a PDF we refuse (a page tree of 10^14 claimed objects), and work for nothing where
    the pages were read through playa's tree (open_pdf's count_pages=False). So only the file is closed
    unless the pages are loaded."""
    try:
        if hasattr(pdf, "_pages"):
            pdf.close()
        elif not pdf.stream_is_external:
            pdf.stream.close()
    except Exception:  # noqa: BLE001 - closing a broken file must not hide why it was refused
        pass


def _check_xrefs(doc, name: str) -> None:
    """Refuse a cross-reference stream that claims far more objects than its data holds (/Size 10^14, found
    by fuzzing): pdfminer would enumerate every claimed number when it looks for pages."""
    for xref in getattr(doc, "xrefs", []):
        ranges, data, entlen = (getattr(xref, "ranges", None), getattr(xref, "data", None),
                                getattr(xref, "entlen", None))
        if not ranges or data is None or not entlen:
            continue
        held = len(data) // entlen
        claimed = sum(max(int(n), 0) for _start, n in ranges)
        if claimed > held + 1024:
            raise Damaged(f"{name}: damaged PDF: its cross-reference stream claims {claimed} objects but "
                          f"holds {held}")


def declared_page_count(doc) -> int | None:
    """The page count the pdfminer document's page tree declares (its root's /Count), or None where it
    declares none that is usable. Nothing is read but the root: a count to check against, not the pages."""
    try:
        from pdfminer.pdftypes import resolve1

        count = resolve1(resolve1(doc.catalog.get("Pages")).get("Count"))
    except Exception:  # noqa: BLE001 - no usable /Count
        return None
    return count if isinstance(count, int) and count >= 0 else None


def was_repaired(doc) -> bool:
    """Was the cross-reference table rebuilt by scanning the file (pdfminer's fallback)?"""
    from pdfminer.pdfdocument import PDFXRefFallback

    return any(isinstance(x, PDFXRefFallback) for x in getattr(doc, "xrefs", []))


def _check_header(path: Path) -> None:
    try:
        if path.is_dir():
            raise Unreadable(f"{path.name}: is a folder, not a PDF file")
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise Unreadable(f"{path.name}: cannot read ({exc.strerror or exc})") from exc
    if not head:
        raise NotAPdf(f"{path.name}: empty file, not a PDF")
    if b"%PDF-" not in head:
        lowered = head.lstrip().lower()
        if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered:
            raise NotAPdf(f"{path.name}: a web page (HTML), not a PDF; the download probably failed")
        raise NotAPdf(f"{path.name}: not a PDF (no %PDF- header)")


def _classify_or_damaged(exc: BaseException, path: Path, password: str | None) -> ExtractorError:
    err = as_extractor_error(exc, path, password=password)
    if err is None:  # anything pdfminer throws while opening is about the file, whatever its type
        err = Damaged(f"{path.name}: damaged PDF, cannot be read ({_describe(exc)})")
    return err


# ----------------------------------------------------------------------------------------------------- pages

def select_pages(n_pages: int, pages: Sequence[int] | None, limits: Limits | None,
                 warnings: list[Warning]) -> list[int]:
    """The 1-based pages to read: the requested ones that exist, at most limits.max_pages of them.

    Pages past the limit are not read; one `page_limit` warning names the first page skipped.
    """
    limits = limits or DEFAULT_LIMITS
    wanted = list(range(1, n_pages + 1)) if pages is None else sorted({p for p in pages if 1 <= p <= n_pages})
    cap = limits.max_pages
    if cap and len(wanted) > cap:
        skipped = wanted[cap:]
        warnings.append(Warning(
            code="page_limit",
            message=f"read the first {cap} of {len(wanted)} pages (--max-pages); pages {skipped[0]}-"
                    f"{skipped[-1]} were not read",
            page=skipped[0],
        ))
        wanted = wanted[:cap]
    return wanted


def check_readable(layouts: Sequence, name: str = "PDF") -> None:
    """Refuse a document none of whose pages has a usable text layer.

    `layouts` are locate's PageLayouts (`has_text`, `garbled`). All pages without text -> NoTextLayer
    (a scan: OCR it first); all pages without text or garbled, at least one garbled -> GarbledText.
    Partly readable documents pass; locate's per-page warnings (no_text_layer, garbled_text) say which pages
    were not read.
    """
    if not layouts:
        return
    if all(not layout.has_text for layout in layouts):
        raise NoTextLayer(f"{name}: no page has a text layer (scanned or blank pages); OCR it first")
    if all(not layout.has_text or layout.garbled for layout in layouts):
        raise GarbledText(f"{name}: no page has a trustworthy text layer (a broken font map, or an OCR "
                          "layer over a scan); nothing extracted")
