"""Which failures are about the input file, and the ExtractorError each one means for the user.

`guarded()` runs the work on one file under its limits and classifies whatever escapes; failures that are not
about the file (bugs in extractor) pass through unchanged.
"""

from __future__ import annotations

import sysconfig
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from extractor.errors import Damaged, Encrypted, ExtractorError, TooLarge
from extractor.guard.limits import DEFAULT_LIMITS, Limits, _Deadline, memory_limit, time_limit
from extractor.guard.streams import inflate_limit


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
