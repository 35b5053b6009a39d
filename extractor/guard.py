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
"""

from __future__ import annotations

import logging
import signal
import sysconfig
import threading
import time
import zlib
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import pdfplumber

from extractor.errors import (
    Damaged,
    Encrypted,
    ExtractorError,
    GarbledText,
    NoPages,
    NoTextLayer,
    NotAPdf,
    Timeout,
    TooLarge,
    Unreadable,
)
from extractor.model import Warning

MiB = 1 << 20

# The PDF libraries log what they repair ("Rebuilding xref table", font tracebacks). Unless the application
# configures logging, Python would print those on stderr (the last-resort handler); the user gets our
# warnings and one-line errors instead. A NullHandler silences them and still lets a configured root
# logger (--debug, a host application) receive them.
for _name in ("pdfminer", "playa", "pdfplumber", "camelot", "pypdfium2"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


@dataclass(frozen=True)
class Limits:
    """How much one PDF may cost. The defaults pass real budget books (392 pages, scanned covers) with room
    to spare and stop hostile files quickly. `None`/0 switches a limit off."""

    timeout: float | None = 600.0  # seconds for one whole file
    max_pages: int | None = 2000  # pages read from one file; the rest get a page_limit warning
    # bytes any one stream the reader inflates (page content, forms, fonts, object streams) may reach.
    # Real budget PDFs stay under 5 MiB; pdfminer needs about 10x a content stream's size in memory and
    # ~1.5 s per MiB to parse it, so 64 MiB bounds a hostile page near 600 MB and well inside the timeout.
    max_decompressed: int | None = 64 * MiB
    # bytes of memory reading one file may add to the process (RLIMIT_DATA; Linux). A hostile font can ask
    # pdfminer for 10^11 glyph widths; this turns that into `too_large` in a second instead of swap and the
    # OOM killer. The 392-page budget book needs under 200 MB.
    max_memory: int | None = 2048 * MiB


DEFAULT_LIMITS = Limits()


def _mib(n: int) -> str:
    return f"{n / MiB:g} MiB"


# ------------------------------------------------------------------- inflation bound inside pdfminer itself
#
# check_streams() measures every stream before the pipeline reads pages, but pdfminer inflates a few streams
# while it opens the file (a cross-reference stream, the object stream holding the catalog). So pdfminer's
# zlib is replaced by one that stops at the limit in force (a context variable, set by open_pdf and guarded):
# a bomb there raises TooLarge instead of filling memory. Outside those, it is plain zlib.

_inflate_limit: ContextVar[int | None] = ContextVar("extractor_inflate_limit", default=None)


class _BoundedZlib:
    """The zlib module, except that decompress() refuses output beyond the limit in force."""

    def __getattr__(self, name: str):
        return getattr(zlib, name)

    @staticmethod
    def decompress(data, *args, **kwargs):
        limit = _inflate_limit.get()
        if limit is None or args or kwargs:
            return zlib.decompress(data, *args, **kwargs)
        d = zlib.decompressobj()
        out = d.decompress(data, limit + 1)
        if len(out) > limit or (d.unconsumed_tail and not d.eof):
            raise TooLarge(f"a stream inflates to more than {_mib(limit)} (a compression bomb?); "
                           "raise --max-decompressed to read it")
        if not d.eof:  # what zlib.decompress says of a cut stream; pdfminer then salvages what it can
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out


def _install_bounded_zlib() -> None:
    import pdfminer.pdftypes

    if not isinstance(pdfminer.pdftypes.zlib, _BoundedZlib):
        pdfminer.pdftypes.zlib = _BoundedZlib()


_install_bounded_zlib()


@contextmanager
def inflate_limit(limit: int | None) -> Iterator[None]:
    """pdfminer inflates no stream beyond `limit` bytes inside this block (TooLarge instead)."""
    token = _inflate_limit.set(limit or None)
    try:
        yield
    finally:
        _inflate_limit.reset(token)


# ---------------------------------------------------------------------------------------------------- memory

@contextmanager
def memory_limit(extra: int | None) -> Iterator[None]:
    """Let the process's data grow by at most `extra` bytes inside this block; beyond, allocations fail
    with MemoryError (classified `too_large`). Process-wide (an rlimit); does nothing where Linux's
    RLIMIT_DATA or /proc are missing."""
    try:
        import resource
    except ImportError:  # not on this platform
        yield
        return
    used = _data_size()
    if not extra or used is None or not hasattr(resource, "RLIMIT_DATA"):
        yield
        return
    old_soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    soft = used + extra
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    if old_soft != resource.RLIM_INFINITY:
        soft = min(soft, old_soft)  # an outer limit stays in force
    resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_DATA, (old_soft, hard))


def _data_size() -> int | None:
    """The process's data size as RLIMIT_DATA counts it (VmData), or None if unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


# --------------------------------------------------------------------------------------------------- opening

def open_pdf(path: str | Path, password: str | None = None, limits: Limits | None = None,
             warnings: list[Warning] | None = None) -> pdfplumber.PDF:
    """Open `path` with pdfplumber after checking it is a readable, unencrypted (or unlocked), sane PDF.

    Raises NotAPdf, Encrypted, Damaged, NoPages, TooLarge or Unreadable; never anything else.
    Owner-password-only PDFs (printing/copying restrictions) open without a password, as readers do.
    A file whose cross-reference table had to be rebuilt by scanning opens with a `repaired` warning
    (appended to `warnings` when given): its pages are read, but a reader should check the result.
    """
    path = Path(path)
    limits = limits or DEFAULT_LIMITS
    _check_header(path)
    with inflate_limit(limits.max_decompressed):
        return _open_checked(path, password, limits, warnings)


def _open_checked(path: Path, password: str | None, limits: Limits,
                  warnings: list[Warning] | None) -> pdfplumber.PDF:
    try:
        pdf = pdfplumber.open(path, password=password or "")
    except BaseException as exc:  # noqa: BLE001 - classified below; _Deadline passes through
        if isinstance(exc, (_Deadline, KeyboardInterrupt)):
            raise
        raise _classify_or_damaged(exc, path, password) from exc
    try:
        _check_xrefs(pdf.doc, path.name)
        n_pages = len(pdf.pages)
        repaired = _was_repaired(pdf.doc)
        if n_pages == 0:
            if repaired:
                raise Damaged(f"{path.name}: damaged PDF (truncated?): no page could be recovered")
            raise NoPages(f"{path.name}: the PDF has no pages")
        check_streams(pdf.doc, limits, path.name)
        if repaired and warnings is not None:
            warnings.append(Warning(code="repaired", message="the cross-reference table is broken; the file "
                                    "was read by scanning it (truncated or damaged?): check the result",
                                    page=None))
    except (ExtractorError, _Deadline, KeyboardInterrupt):
        _abandon(pdf)
        raise
    except BaseException as exc:  # noqa: BLE001 - reading the page tree or the streams choked on the file
        _abandon(pdf)
        raise _classify_or_damaged(exc, path, password) from exc
    return pdf


def _abandon(pdf: pdfplumber.PDF) -> None:
    """Close a PDF we refuse. pdfplumber's close() walks every page, which is what may have failed or hung
    (a page tree of 10^14 claimed objects), so only the file is closed unless the pages are loaded."""
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


def _was_repaired(doc) -> bool:
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


# ---------------------------------------------------------------------------------------- decompressed size

_FLATE = {"FlateDecode", "Fl"}


def _a85(data: bytes) -> bytes:
    from pdfminer.ascii85 import ascii85decode

    return ascii85decode(data)


def _ahx(data: bytes) -> bytes:
    from pdfminer.ascii85 import asciihexdecode

    return asciihexdecode(data)


_TEXT_CODECS = {"ASCII85Decode": _a85, "A85": _a85, "ASCIIHexDecode": _ahx, "AHx": _ahx}
_CHUNK = 1 * MiB


def check_streams(doc, limits: Limits, name: str = "PDF") -> None:
    """Raise TooLarge if any stream of `doc` (a pdfminer PDFDocument) inflates beyond limits.max_decompressed.

    Streams are inflated in 1 MiB steps and the output is counted, not kept, so a bomb costs at most
    `max_decompressed` bytes of zlib work and no memory. Object streams go first: pdfminer inflates them
    as soon as it reads an object inside. Objects that do not parse are skipped here; if a page needs them,
    reading that page fails and is classified as damaged. Images are not measured: nothing in extraction
    inflates them (pdfminer keeps them as they are; camelot runs render-free), and scans are large.
    """
    limit = limits.max_decompressed
    if not limit:
        return
    for objid, stream in _streams(doc):
        if _is_image(stream):
            continue
        size = inflated_size(stream, limit)
        if size > limit:
            raise TooLarge(
                f"{name}: stream {objid} inflates to more than {_mib(limit)} "
                f"(a compression bomb?); raise --max-decompressed to read it"
            )


def _is_image(stream) -> bool:
    subtype = stream.attrs.get("Subtype") if isinstance(getattr(stream, "attrs", None), dict) else None
    return getattr(subtype, "name", None) == "Image"


def _streams(doc) -> Iterator[tuple[int, object]]:
    from pdfminer.pdftypes import PDFStream

    objids: list[int] = []
    containers: list[int] = []
    for xref in getattr(doc, "xrefs", []):
        try:
            ids = list(xref.get_objids())
        except Exception:  # noqa: BLE001 - a broken xref section lists nothing
            continue
        for objid in ids:
            objids.append(objid)
            try:
                strmid, _index, _gen = xref.get_pos(objid)
            except Exception:  # noqa: BLE001
                continue
            if strmid is not None:
                containers.append(strmid)
    seen: set[int] = set()
    for objid in dict.fromkeys(containers + objids):
        if objid in seen:
            continue
        seen.add(objid)
        try:
            obj = doc.getobj(objid)
        except (ExtractorError, _Deadline, KeyboardInterrupt, MemoryError):
            raise
        except Exception:  # noqa: BLE001 - unparsable object: not our business unless a page uses it
            continue
        if isinstance(obj, PDFStream):
            yield objid, obj


def inflated_size(stream, limit: int) -> int:
    """Bytes `stream` decodes to through its leading Flate filters, counted up to limit + 1."""
    if stream.data is not None:  # pdfminer already decoded it
        return len(stream.data)
    data = stream.rawdata or b""
    try:
        filters = [f for f, _params in stream.get_filters()]
    except Exception:  # noqa: BLE001
        return len(data)
    names = [getattr(f, "name", f) for f in filters]
    if not any(name in _FLATE for name in names):
        return len(data)
    if stream.decipher:
        try:
            data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
        except Exception:  # noqa: BLE001
            return len(data)
    # Text encodings first (they only shrink data: reportlab writes /ASCII85Decode /FlateDecode)
    while names and names[0] in _TEXT_CODECS:
        try:
            data = _TEXT_CODECS[names.pop(0)](data)
        except Exception:  # noqa: BLE001 - undecodable: pdfminer will fail on it too
            return len(data)
    n_flate = 0
    for fname in names:
        if fname not in _FLATE:
            break
        n_flate += 1
    if n_flate == 0:
        return len(data)
    chunks: Iterable[bytes] = _split(data)
    for _ in range(n_flate):
        chunks = _inflate(chunks)
    total = 0
    for out in chunks:
        total += len(out)
        if total > limit:
            break
    return total


def _split(data: bytes) -> Iterator[bytes]:
    view = memoryview(data)
    for i in range(0, len(view), _CHUNK):
        yield bytes(view[i:i + _CHUNK])


def _inflate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Streaming zlib: at most _CHUNK bytes of output at a time; stops quietly at corrupt data, as pdfminer
    keeps what inflated before the error."""
    d = zlib.decompressobj()
    try:
        for chunk in chunks:
            buf = chunk
            while buf:
                out = d.decompress(buf, _CHUNK)
                if out:
                    yield out
                if d.eof:
                    return
                tail = d.unconsumed_tail
                if not out and tail == buf:
                    return
                buf = tail
        out = d.flush()
        if out:
            yield out
    except zlib.error:
        return


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


# ------------------------------------------------------------------------------------------------------ time

class _Deadline(BaseException):
    """Raised by the alarm. A BaseException, so the PDF libraries' `except Exception` cannot swallow it;
    time_limit turns it into Timeout at its boundary."""


@contextmanager
def time_limit(seconds: float | None, what: str = "file") -> Iterator[None]:
    """Stop the body with Timeout after `seconds` (wall clock).

    Uses SIGALRM, so it works only in a process's main thread (the CLI, and each worker process of a
    process pool); elsewhere it does nothing and the caller's own watchdog must apply (e.g. batch kills a
    worker). The alarm repeats every second until the body has stopped, in case library code catches it.
    Nesting keeps the outer deadline.
    """
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise _Deadline()

    start = time.monotonic()
    old_handler = signal.signal(signal.SIGALRM, on_alarm)
    old_delay, old_interval = signal.getitimer(signal.ITIMER_REAL)
    delay = min(seconds, old_delay) if old_delay else seconds
    finished = False
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, delay, 1.0)
            yield
            finished = True
        finally:
            _disarm(old_handler)
    except _Deadline:
        if finished:  # the alarm rang just as the work ended: keep the work
            pass
        elif old_delay and time.monotonic() - start >= old_delay - 0.01:  # the outer deadline, not ours
            raise
        else:
            raise Timeout(f"{what}: stopped after {seconds:g} s (raise --timeout to allow more)") from None
    if old_delay:  # give the outer time_limit back the rest of its time
        remaining = old_delay - (time.monotonic() - start)
        signal.signal(signal.SIGALRM, old_handler)
        signal.setitimer(signal.ITIMER_REAL, max(remaining, 0.001), old_interval)


def _disarm(old_handler) -> None:
    """Stop the alarm and restore the handler; an alarm ringing meanwhile cannot interrupt this."""
    while True:
        try:
            signal.signal(signal.SIGALRM, signal.SIG_IGN)  # from here on a pending alarm is ignored
            break
        except _Deadline:
            continue
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, old_handler)


# ---------------------------------------------------------------------------------------- classifying errors

_READERS = ("pdfminer", "pdfplumber", "playa", "pypdfium2", "camelot")


def as_extractor_error(exc: BaseException, path: str | Path | None = None,
                       password: str | None = None) -> ExtractorError | None:
    """The ExtractorError that `exc` means for the user, or None if it is not about the input file
    (a bug in extractor itself, to be reported as such)."""
    name = Path(path).name if path is not None else "PDF"
    for e in _chain(exc):
        if isinstance(e, ExtractorError):
            if path is not None and not str(e).startswith(f"{name}: "):  # raised deep inside a reader
                return type(e)(f"{name}: {e}", code=e.code)
            return e
        if isinstance(e, MemoryError):
            return TooLarge(f"{name}: reading it needs more memory than allowed (--max-memory)")
        tname = type(e).__name__
        if "PasswordIncorrect" in tname:
            if password:
                return Encrypted(f"{name}: wrong password")
            return Encrypted(f"{name}: encrypted with a password; give --password")
        if "Encryption" in tname or "Crypt" in str(e)[:100] and "unsupported" in str(e).lower():
            return Encrypted(f"{name}: encrypted in a way that cannot be read ({_describe(e)})")
    for e in _chain(exc):
        module = type(e).__module__ or ""
        if (module.split(".")[0] in _READERS or isinstance(e, (zlib.error, RecursionError))
                or _raised_in_reader(e)):
            return Damaged(f"{name}: damaged PDF, cannot be read ({_describe(e)})")
    return None


@contextmanager
def guarded(path: str | Path, limits: Limits | None = None) -> Iterator[None]:
    """Run the work on one file under its time limit; any failure about the file leaves as an ExtractorError.

    Exceptions that are not about the file (bugs in extractor) pass through unchanged.
    """
    limits = limits or DEFAULT_LIMITS
    name = Path(path).name
    try:
        with (time_limit(limits.timeout, name), inflate_limit(limits.max_decompressed),
              memory_limit(limits.max_memory)):
            yield
    except ExtractorError:
        raise
    except (KeyboardInterrupt, SystemExit, _Deadline):
        raise
    except BaseException as exc:  # noqa: BLE001
        err = as_extractor_error(exc, path)
        if err is None:
            raise
        if any(isinstance(e, MemoryError) for e in _chain(exc)):
            for e in _chain(exc):  # the frames hold what the failed read allocated: let it go now
                e.__traceback__ = None
        raise err from exc


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo = [exc]
    while todo:
        e = todo.pop(0)
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo.extend([e.__cause__, e.__context__])
        todo.extend(a for a in getattr(e, "args", ()) if isinstance(a, BaseException))


def _raised_in_reader(exc: BaseException) -> bool:
    """True if the innermost frame outside the standard library is inside a PDF library: it choked on the
    file (directly, or through e.g. base64/struct/zlib it called)."""
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame.f_code.co_filename)
        tb = tb.tb_next
    for filename in reversed(frames):
        in_stdlib = filename.startswith(_STDLIB) and "-packages" not in filename
        if in_stdlib or filename.startswith("<"):
            continue
        # "…/site-packages/playa/xref.py", or "playa/xref.py" for playa's compiled (mypyc) modules
        parts = filename.replace("\\", "/").split("/")
        return any(lib in parts[:-1] for lib in _READERS)
    return False


_STDLIB = tuple({sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"]})


def _describe(exc: BaseException) -> str:
    while type(exc).__name__ == "PdfminerException" and exc.args and isinstance(exc.args[0], BaseException):
        exc = exc.args[0]  # pdfplumber's wrapper: name what pdfminer said
    text = " ".join(str(exc).split())
    if len(text) > 120:
        text = text[:117] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
