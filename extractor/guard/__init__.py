"""Opening a PDF safely, and the limits that keep one hostile file from hanging or exhausting a run.

Every failure of one input becomes an ExtractorError with a stable `code` (extractor/errors.py), so the CLI
prints one line and `batch` writes it to errors.csv. Four limits, each a command-line option
(extractor/cli/limits.py):

* time   - `time_limit()` stops the work on one file after `Limits.timeout` seconds (SIGALRM, main thread);
* pages  - `select_pages()` reads at most `Limits.max_pages` pages and says so with a `page_limit` warning;
* size   - a stream inflating beyond `Limits.max_decompressed` bytes (a compression bomb) is refused: inside
           `inflate_limit()` (open_pdf(), guarded(), extract_pdf's reading) pdfminer's own zlib stops at
           that limit as it inflates each stream. `open_pdf()` also measures every Flate stream of the
           file first (check_streams), unless the caller reads under the limit and says `pre_check=False`,
           as extract_pdf does: one pass over the streams it reads, none over pages not read;
* memory - `guarded()` caps how much the process's data may grow while reading one file (RLIMIT_DATA).

How a command runs one file::

    limits = Limits(timeout=..., max_pages=..., max_decompressed=...)
    with guarded(path, limits):          # time limit + every exception classified into an ExtractorError
        doc = extract_pdf(path, ..., limits=limits)

and inside extract_pdf::

    with inflate_limit(limits.max_decompressed), open_pdf(path, ..., pre_check=False) as pdf:
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
from extractor.guard.opening import check_readable, checked_pages, close_pdf, open_pdf, select_pages
from extractor.guard.streams import check_streams, inflate_limit, inflated_size

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "MiB",
    "as_extractor_error",
    "check_readable",
    "checked_pages",
    "close_pdf",
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
