"""The per-page stages (locate, then extract) over a list of pages: in this process, or split into page
ranges read by several worker processes (`extract --jobs N`) and joined, in page order, before stitching.

Why the seam is here: locate and extract look at one page at a time (a page's grids depend on that page
only), while stitch joins tables across pages. So a long document can be cut anywhere into ranges; each
worker returns its pages' layouts (characters already released), grids and warnings, and the joined lists
are exactly what one process would have built: a table continued across a range boundary is stitched as
before. Workers are forked from a pebble pool with the extraction stack imported and the PDF and its page
reader already open (nothing opened twice); the pool stops them all when the file fails or runs out of
time. The parent stitches each range as it arrives (`on_part`), while the workers read the next.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from extractor.model import Grid, PageLayout, Warning

# Pages differ in cost (a table page costs several text pages), so the ranges are handed out in turn, the
# next to the first worker free, and they shrink: each is 1/(_SHARE * jobs) of the pages left, so the
# workers start on long ranges and end on short ones, finishing within a short range of each other.
_SHARE = 2
# Below this many pages a second process costs more than it saves; no range is shorter.
MIN_PAGES_PER_RANGE = 8


@dataclass
class PageResults:
    """What the per-page stages made of some pages, in page order."""

    layouts: list[PageLayout] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


def read_pages(pdf, pages: list[int], engine: str, warnings: list[Warning],
               password: str | None = None, on_page=None, reader=None) -> PageResults:
    """Locate and extract `pages` of the open `pdf`, one page at a time: a page's characters are released
    as soon as its grids are built. Warnings go to `warnings` (also returned in the result); `on_page(done,
    total)` after each page. `reader`: a page reader of `pdf` (locate.reader.open_reader; default pdfminer)."""
    from extractor.extract import extract_grids
    from extractor.locate import iter_layouts

    out = PageResults(warnings=warnings)
    for layout in iter_layouts(pdf, pages, warnings, reader=reader):
        out.layouts.append(layout)
        out.grids += extract_grids(pdf, [layout], engine, warnings, password=password)
        if on_page is not None:
            on_page(len(out.layouts), len(pages))
    return out


def split_ranges(pages: list[int], jobs: int) -> list[list[int]]:
    """`pages` cut into consecutive ranges, each 1/(_SHARE * jobs) of the pages left after the ones before
    (so they get shorter), none under MIN_PAGES_PER_RANGE pages (so a short document stays in one range)."""
    if jobs <= 1 or len(pages) < 2 * MIN_PAGES_PER_RANGE:
        return [list(pages)] if pages else []
    ranges, start = [], 0
    while start < len(pages):
        left = len(pages) - start
        size = max(MIN_PAGES_PER_RANGE, -(-left // (_SHARE * jobs)))
        if left - size < MIN_PAGES_PER_RANGE:
            size = left  # the rest would be too short: it goes with this one
        ranges.append(pages[start:start + size])
        start += size
    return ranges


def read_pages_parallel(path: str | Path, pages: list[int], engine: str, jobs: int,
                        password: str | None = None, limits=None, reader: str = "auto", pdf=None,
                        page_reader=None, on_part=None) -> PageResults:
    """Locate and extract `pages` of the PDF at `path` in up to `jobs` worker processes.

    `pdf`, `page_reader`: the PDF as this process opened it (guard.open_pdf, pre_check=False) and its page
    reader (locate.reader.open_reader). The workers are forked with both (nothing to open again: opening
    the 392-page book costs each process ~0.35 s of CPU, its page tree read by pdfplumber and by playa) and
    each gives pdfminer a file handle of its own (_own_file). Without them they are opened here.
    `on_part(part)`: called with each range's PageResults as it is joined, in page order (this process
    stitches them while the workers read on).

    The results are joined in page order; the warnings are those one process would have appended, in the
    same order. A failure about the file in any range is raised here as the ExtractorError it means
    (the first range's failure first, as one process would have met it); the other workers are stopped.
    """
    from pebble import ProcessPool

    import extractor.extract  # noqa: F401 - imported once here, inherited by every forked worker
    import extractor.locate  # noqa: F401

    if reader != "pdfminer":
        import extractor.locate.playa_objects  # noqa: F401 - playa too

    if pdf is None:
        from extractor.guard import DEFAULT_LIMITS, inflate_limit, open_pdf
        from extractor.locate.reader import open_reader

        limits = limits or DEFAULT_LIMITS
        with inflate_limit(limits.max_decompressed):
            with open_pdf(path, password=password, limits=limits, warnings=[], pre_check=False) as pdf:
                page_reader = open_reader(pdf, reader, password=password)
                try:
                    return read_pages_parallel(path, pages, engine, jobs, password, limits, reader, pdf,
                                               page_reader, on_part)
                finally:
                    page_reader.close()
    ranges = split_ranges(pages, jobs)
    global _inherited
    _inherited = (pdf, page_reader)
    # The parent's objects are not the workers' garbage: frozen, the workers' collector skips them instead
    # of touching (and so copying) every inherited page. Workers are forked while the pool runs.
    gc.freeze()
    pool = ProcessPool(max_workers=min(jobs, len(ranges)), context=_context())
    try:
        futures = [pool.schedule(_read_range_in_worker, args=(str(path), r, engine, password, limits, reader))
                   for r in ranges]
        joined = PageResults()
        for future in futures:
            part = future.result()
            if isinstance(part, _Failure):
                raise part.error()
            joined.layouts += part.layouts
            joined.grids += part.grids
            joined.warnings += part.warnings
            if on_part is not None:
                on_part(part)
        return joined
    finally:
        pool.stop()
        _join_later(pool)
        gc.unfreeze()
        _inherited = None


def _join_later(pool) -> None:
    """Join the stopped `pool` in a thread of its own: pebble's join waits for its manager thread's next
    poll (up to 0.1 s), which would otherwise come between the last page range and stitching. The thread
    is not a daemon: the interpreter waits for it (and so for the workers' end) before it exits."""
    import threading

    threading.Thread(target=pool.join, name="extractor-pool-join").start()


@dataclass
class _Failure:
    """An ExtractorError raised in a worker, carried back as data (an exception's `code` and its
    __cause__ chain do not survive pickling)."""

    cls: type
    message: str
    code: str

    def error(self):
        return self.cls(self.message, code=self.code)


# The PDF and page reader the parent opened, inherited by each forked worker (read_pages_parallel).
_inherited: tuple[object, object] | None = None
# Whether this process has given pdfminer a file handle of its own (_own_file).
_owns_file = False


def _own_file(pdf) -> None:
    """Give the inherited pdfminer parser a file handle of this process's own. A forked worker shares the
    parent's open file, and with it one file position, which pdfminer moves (seek, then read) as it
    fetches objects: two workers doing so at once would read each other's bytes. playa reads through
    mmap (no position) and a repaired file is in memory: nothing to do for them. Once per worker (a
    worker's later ranges keep the handle it made for its first)."""
    global _owns_file
    if _owns_file:
        return
    _owns_file = True
    stream = pdf.stream
    name = getattr(stream, "name", None)
    if not isinstance(name, str) or pdf.stream_is_external:
        return  # a BytesIO (repaired in memory): this process's own copy
    own = open(name, "rb")  # noqa: SIM115 - lives as long as the worker
    pdf.stream = own
    parser = pdf.doc._parser
    parser.fp = own
    parser.seek(0)


def _read_range(path, pages: list[int], engine: str, password: str | None, limits,
                reader: str = "auto") -> PageResults:
    from extractor.guard import DEFAULT_LIMITS, inflate_limit, open_pdf
    from extractor.locate.reader import open_reader

    global _inherited
    limits = limits or DEFAULT_LIMITS
    warnings: list[Warning] = []
    with fewer_collections(), inflate_limit(limits.max_decompressed):
        if _inherited is None:  # a worker started without fork: it opens the file, once for its ranges
            opened: list[Warning] = []  # `repaired` and the like: the parent has them from its own opening
            pdf = open_pdf(path, password=password, limits=limits, warnings=opened, pre_check=False)
            _inherited = (pdf, open_reader(pdf, reader, password=password))
        else:
            _own_file(_inherited[0])
        pdf, page_reader = _inherited
        return read_pages(pdf, pages, engine, warnings, password=password, reader=page_reader)


def _read_range_in_worker(path: str, pages: list[int], engine: str, password: str | None, limits,
                          reader: str = "auto"):
    """_read_range in a worker: failures about the file come back as a _Failure; bugs are raised."""
    from extractor.errors import ExtractorError
    from extractor.guard import as_extractor_error

    try:
        return _read_range(path, pages, engine, password, limits, reader)
    except ExtractorError as exc:
        return _Failure(type(exc), str(exc), exc.code)
    except Exception as exc:  # noqa: BLE001 - classified as guarded() would classify it in the parent
        err = as_extractor_error(exc, path, password=password)
        if err is None:
            raise
        return _Failure(type(err), str(err), err.code)


def _context():
    """fork where there is one: a worker starts in milliseconds with the extraction stack imported."""
    import multiprocessing  # here, not at the top: a one-process extract does not need it

    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Reading a page allocates hundreds of thousands of short-lived objects (pdfminer's tokens), which with
    the default gen-0 threshold (700) start ~1300 collections on a 392-page PDF (1.1 s of 20 s); with 10000,
    ~60 (0.3 s). Peak memory is unchanged (103 MB). The caller's threshold is restored."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], 10_000), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)
