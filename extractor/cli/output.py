"""Where `extract` writes: the -o target read into a format and a kind (stdout, one file, a folder).

The rules (spec/cli.md, and issue 17's rough edges):
  no -o, or -o -            standard output (JSON, or an XLSX workbook's bytes; one PDF)
  -o NAME.json / NAME.xlsx  that file; the format follows the extension unless --format says it
  -o DIR/ or an existing folder, or a name without extension
                            a folder: <stem>.json, <stem>.xlsx, or the CSV files
A contradiction (--format csv -o w.csv, --format json -o x.xlsx, several PDFs into one file) is a usage
error: a folder is never made under a name that looks like a file's.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import click

from extractor.errors import OutputError
from extractor.write.atomic import check_output_path

FORMATS = ("json", "csv", "xlsx")
STDOUT = "-"
EXTENSIONS = {".json": "json", ".xlsx": "xlsx", ".csv": "csv"}


@dataclass(frozen=True)
class Target:
    fmt: str
    kind: str  # "stdout", "file" or "folder"
    path: Path | None = None

    def file_for(self, pdf: Path) -> Path:
        """The output of one PDF: the file itself, or <stem>.<fmt> in the folder."""
        assert self.path is not None
        return self.path / f"{pdf.stem}.{self.fmt}" if self.kind == "folder" else self.path


def resolve(output: str | None, fmt: str | None, n_pdfs: int) -> Target:
    """The target of `extract -o OUTPUT --format FMT` for `n_pdfs` inputs; a click.UsageError for a
    contradiction, an OutputError for a path that must not be written (a device, a FIFO …)."""
    if output is None or output == STDOUT:
        fmt = fmt or "json"
        if fmt == "csv":
            raise click.UsageError("--format csv writes several files (indicators.csv, projects.csv, "
                                   "department.csv, tables/); give -o a folder")
        if n_pdfs > 1:
            raise click.UsageError(f"{n_pdfs} PDFs cannot go to standard output as one {fmt}; give -o a folder")
        if fmt == "xlsx" and (output is None or (sys.stdout is not None and sys.stdout.isatty())):
            raise click.UsageError("--format xlsx needs -o: a file NAME.xlsx, a folder, or - with standard "
                                   "output redirected (a workbook is not for a terminal)")
        return Target(fmt, "stdout")
    path = Path(output)
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        check_output_path(path)  # a device, a FIFO, a link out of its folder: OutputError before any work
    ext = path.suffix.lower()
    is_folder = output.endswith(("/", os.sep)) or path.is_dir() or (not ext and not path.exists())
    if is_folder:
        fmt = fmt or "json"
        if path.exists() and not path.is_dir():
            raise click.UsageError(f"-o {output}: exists and is not a folder")
        return Target(fmt, "folder", path)
    named = EXTENSIONS.get(ext)
    if fmt is None:
        if named is None:
            raise click.UsageError(f"-o {output}: cannot tell the format from '{ext or path.name}'; "
                                   "name a .json or .xlsx file, or give --format")
        fmt = named
    if fmt == "csv":
        raise click.UsageError(f"-o {output}: --format csv writes several files (indicators.csv, projects.csv, "
                               "department.csv, tables/); give a folder, e.g. -o out/")
    if named is not None and named != fmt:
        raise click.UsageError(f"-o {output} names a {named} file but --format is {fmt}")
    if n_pdfs > 1:
        raise click.UsageError(f"-o {output} is one file but {n_pdfs} PDFs were given; give a folder, e.g. -o out/")
    if path.parent != Path("") and not path.parent.is_dir():
        raise click.UsageError(f"-o {output}: folder {path.parent} does not exist")
    return Target(fmt, "file", path)


def stdout(binary: bool = False) -> IO:
    """Standard output, or an OutputError when it is closed (`extractor value 1 >&-`)."""
    stream = sys.stdout
    if stream is None or getattr(stream, "closed", False):
        raise OutputError("standard output is closed; nothing can be written (redirect it, or give -o FILE)")
    if binary:
        return stream.buffer
    return stream


def write_stdout(data: str | bytes) -> None:
    """Write to standard output; a closed or broken one is an OutputError (a reader gone: `| head`)."""
    stream = stdout(binary=isinstance(data, bytes))
    try:
        stream.write(data)
        stream.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)  # the reader has gone; stop quietly, as `cat` does
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError) as exc:
        raise OutputError(f"standard output: cannot write: {getattr(exc, 'strerror', None) or exc}") from None


def one_line(pdf: Path, message: str) -> str:
    """`extractor: a.pdf: not a PDF`; messages that already start with the file name are not doubled."""
    message = " ".join(str(message).split())
    prefix = f"{pdf.name}: "
    if message.startswith(prefix):
        message = message[len(prefix):]
    return f"extractor: {pdf}: {message}"


def error_line(exc: Exception, pdf: Path | None = None) -> str:
    """One line for the user: `extractor: <what>: <message> [code]`. An input's failure names the input;
    an output's failure (OutputError) names the output path and says it is the output."""
    code = getattr(exc, "code", None)
    message = " ".join(str(exc).split())
    if isinstance(exc, OutputError):
        text = f"extractor: {message}" if message.startswith("standard output") else f"extractor: output {message}"
    else:
        text = one_line(pdf, message) if pdf is not None else f"extractor: {message}"
    return f"{text} [{code}]" if code else text
