"""Writing a file so that a killed run never leaves it half-written under its final name.

The data goes to a temporary file in the same folder (so the rename stays on one file system), is flushed
and fsynced, then `os.replace`d onto the final name. On any error the temporary file is removed and the
final name is left as it was.

Only a regular file (or a new name) is ever replaced: a device (/dev/full, /dev/null), a FIFO, a socket, a
folder, or a symbolic link pointing out of its folder is refused with an OutputError before anything is
written (as root, os.replace would otherwise put a file where the device was). A failure to write (read-only
or full file system, no permission) is an OutputError naming the output path, never the input.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from extractor.errors import OutputError


@contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", *, encoding: str | None = "utf-8",
                 newline: str | None = None) -> Iterator[IO[Any]]:
    """Open a temporary file next to `path` for writing; on success it replaces `path` atomically.

    `mode` is "w" (text, `encoding`, `newline` as for `open`) or "wb" (bytes).
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_write: mode must be 'w' or 'wb', not {mode!r}")
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    check_output_path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the output here: {_reason(exc)}") from None
    try:
        if mode == "wb":
            fh = os.fdopen(fd, "wb")
        else:
            fh = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _keep_permissions(tmp, path)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError) and not isinstance(exc, (BrokenPipeError,)):
            raise OutputError(f"{path}: cannot write the output: {_reason(exc)}") from exc
        raise


_KINDS = ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def check_output_path(path: str | os.PathLike[str]) -> None:
    """Refuse an output path that is not a regular file or a new name (OutputError, saying what it is)."""
    path = Path(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"{path}: cannot use as output: {_reason(exc)}") from None
    if stat.S_ISLNK(st.st_mode):
        target = Path(os.path.realpath(path))
        folder = Path(os.path.realpath(path.parent if str(path.parent) else "."))
        if target.parent != folder and folder not in target.parents:
            raise OutputError(f"{path}: a symbolic link to {target}, outside the output folder; "
                              "not written through (remove the link or give another name)")
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return  # a dangling link inside the folder: replaced by the new file
    for test, kind in _KINDS:
        if test(st.st_mode):
            raise OutputError(f"{path}: {kind}, not a regular file; give the name of a file to write")


def make_folder(path: str | os.PathLike[str]) -> Path:
    """Create an output folder (and its parents); a failure is an OutputError naming it."""
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{path}: exists and is not a folder") from None
    except OSError as exc:
        raise OutputError(f"{path}: cannot make the output folder: {_reason(exc)}") from None
    return path


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _keep_permissions(tmp: str, path: Path) -> None:
    """mkstemp creates 0600; give the file the mode a plain open() would (or the old file's mode)."""
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)
