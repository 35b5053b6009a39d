"""Opening a PDF safely, and the limits that keep one hostile file from hanging or exhausting a run.

Every failure of one input becomes an ExtractorError with a stable `code` (extractor/errors.py), so the CLI
prints one line and `batch` writes it to errors.csv. Four limits, each a command-line option
(extractor/cli/limits.py):

* time   - `time_limit()` stops the work on one file after `Limits.timeout` seconds (SIGALRM, main thread);
* pages  - `select_pages()` reads at most `Limits.max_pages` pages and says so with a `page_limit` warning;
* size   - `open_pdf()` inflates every Flate stream once, bounded, before pdfminer or camelot does, and refuses
           a file with a stream larger than `Limits.max_decompressed` bytes (a compression bomb); inside
           open_pdf() and guarded(), pdfminer's own zlib stops at that limit too;
* memory - `guarded()` caps how much the process's data may grow while reading one file (RLIMIT_DATA).

How a command runs one file::

    limits = Limits(timeout=..., max_pages=..., max_decompressed=...)
    with guarded(path, limits):          # time limit + every exception classified into an ExtractorError
        doc = extract_pdf(path, ..., limits=limits)

and inside extract_pdf::

    with open_pdf(path, password=password, limits=limits) as pdf:
        pages = select_pages(len(pdf.pages), pages, limits, warnings)
        layouts = locate_pages(pdf, pages, warnings)
        check_readable(layouts)          # every page scanned or garbled -> error, never invented text

The modules, one topic each:
  limits    Limits (what one file may cost) and DEFAULT_LIMITS; time_limit() and memory_limit()
  streams   the decompressed size of streams: check_streams(), inflated_size(), and inflate_limit(), the
            bound on pdfminer's own zlib
  opening   open_pdf() (header, cross-reference and stream checks), select_pages(), check_readable()
  classify  as_extractor_error() and guarded(): every failure about the file becomes an ExtractorError
"""

import logging

from extractor.guard.classify import as_extractor_error, guarded
from extractor.guard.limits import DEFAULT_LIMITS, Limits, MiB, memory_limit, time_limit
from extractor.guard.opening import check_readable, open_pdf, select_pages
from extractor.guard.streams import check_streams, inflate_limit, inflated_size

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "MiB",
    "as_extractor_error",
    "check_readable",
    "check_streams",
    "guarded",
    "inflate_limit",
    "inflated_size",
    "memory_limit",
    "open_pdf",
    "select_pages",
    "time_limit",
]

# The PDF libraries log what they repair ("Rebuilding xref table", font tracebacks). Unless the application
# configures logging, Python would print those on stderr (the last-resort handler); the user gets our
# warnings and one-line errors instead. A NullHandler silences them and still lets a configured root
# logger (--debug, a host application) receive them.
for _name in ("pdfminer", "playa", "pdfplumber", "camelot", "pypdfium2"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
