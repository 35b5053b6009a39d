"""The decompressed size of a PDF's streams, held to Limits.max_decompressed: a compression bomb becomes
`too_large` instead of filling memory. check_streams() measures every stream once, bounded, when open_pdf
opens the file; inflate_limit() bounds pdfminer's own zlib for the few streams it inflates before that.
"""
from __future__ import annotations

import threading
import zlib
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterable, Iterator

from extractor.errors import ExtractorError, TooLarge
from extractor.guard.limits import MiB, Limits, _Deadline


def _mib(n: int) -> str:
    return f"{n / MiB:g} MiB"


# ------------------------------------------------------------------- inflation bound inside pdfminer itself
#
# check_streams() measures every stream before the pipeline reads pages, but pdfminer inflates a few streams
# while it opens the file (a cross-reference stream, the object stream holding the catalog). So pdfminer's
# zlib is replaced by one that stops at the limit in force (a context variable, set by open_pdf and guarded):
# a bomb there raises TooLarge instead of filling memory. Outside those, it is plain zlib.

_inflate_limit: ContextVar[int | None] = ContextVar("extractor_inflate_limit", default=None)
_zlib_decompress = zlib.decompress  # zlib's own, whatever stdlib_zlib_bounded() has put in its place


class _BoundedZlib:
    """The zlib module, except that decompress() refuses output beyond the limit in force."""

    def __getattr__(self, name: str):
        return getattr(zlib, name)

    @staticmethod
    def decompress(data, *args, **kwargs):
        limit = _inflate_limit.get()
        if limit is None or args or kwargs:
            return _zlib_decompress(data, *args, **kwargs)
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


_swap_lock = threading.Lock()
_swap_users = 0


@contextmanager
def stdlib_zlib_bounded() -> Iterator[None]:
    """The standard zlib's decompress() bounded by the limit in force (inflate_limit) inside this block.

    For readers that are compiled (playa-pdf, mypyc): they reach zlib.decompress through the zlib module
    itself, so the module-level swap that bounds pdfminer (_BoundedZlib) does not reach them. The bounded
    function reads the calling thread's limit (none: zlib's own behaviour), and stays in place while any
    thread is inside such a block (batch's cluster workers read in threads).
    """
    global _swap_users
    with _swap_lock:
        if _swap_users == 0:
            zlib.decompress = _bounded_stdlib_decompress
        _swap_users += 1
    try:
        yield
    finally:
        with _swap_lock:
            _swap_users -= 1
            if _swap_users == 0:
                zlib.decompress = _zlib_decompress


def _bounded_stdlib_decompress(data, *args, **kwargs):
    if args or kwargs:
        return _zlib_decompress(data, *args, **kwargs)
    return _BoundedZlib.decompress(data)
