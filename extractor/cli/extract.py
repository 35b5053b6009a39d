"""`extractor extract` (see spec/cli.md): a few PDFs to the contract's JSON, CSV or XLSX.

Where the output goes (extractor/cli/output.py decides):
  one PDF, no -o or -o -    JSON on standard output (--format xlsx -o -: the workbook's bytes)
  -o FILE.json, FILE.xlsx   that file; the format follows the extension
  -o DIR/ (several PDFs, or csv)
                            a folder: <stem>.json, <stem>.xlsx, or indicators/projects/department.csv and
                            tables/<stem>-<n>.csv
A PDF that fails is reported as one line `extractor: <file>: <message> [code]` on standard error; the others
are still extracted and written, and the exit status is 1. An output that cannot be written says so:
`extractor: output <path>: … [output_error]`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from extractor.cli.limits import limit_options
from extractor.cli.options import reading_options
from extractor.cli.output import FORMATS, error_line, resolve, write_stdout


@click.command()
@click.argument("pdfs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", default=None, metavar="PATH",
              help="A file (NAME.json, NAME.xlsx: the format follows the extension), a folder (several PDFs, "
                   "or --format csv), or - for standard output. Default: JSON on standard output.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="json: the contract document; csv: indicators/projects/department.csv and tables/; "
                   "xlsx: a workbook per PDF. Default: from -o's extension, else json.")
@click.option("--progress/--no-progress", default=None,
              help="A progress bar per page (one PDF) or per PDF (several). Default: on a terminal.")
@click.option("--audit", "audit", is_flag=True,
              help="Also audit each document (extractor audit): adds `findings`, and a findings sheet in xlsx.")
@click.option("-q", "--quiet", is_flag=True,
              help="No summary line per file (projects, indicators, warnings) on standard error.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="cores",
              help="Processes reading a long PDF's pages in parallel (page ranges of 8 pages or more, joined "
                   "before tables are stitched: the same output). A PDF of under 16 pages, and --jobs 1, "
                   "are read in this process.")
@reading_options
@limit_options
@click.pass_context
def extract(ctx: click.Context, pdfs: tuple[Path, ...], output: str | None, fmt: str | None,
            progress: bool | None, audit: bool, quiet: bool, jobs: int, engine: str, reader: str,
            pages: list[int] | None, password: str | None, limits) -> None:
    """Extract the performance tables of PDF files into clean, typed data.

    \b
    Examples:
      extractor extract seed.pdf                        # JSON on standard output
      extractor extract seed.pdf -o seed.json
      extractor extract seed.pdf -o seed.xlsx           # the format follows the extension
      extractor extract samples/*.pdf -o out/           # out/<stem>.json for each PDF
      extractor extract a.pdf b.pdf -o out/ --format csv
      extractor extract budget.pdf --pages 31-35 --engine pdfplumber
      extractor extract budget.pdf --audit -o budget.xlsx   # with a findings sheet
      extractor extract book.pdf --jobs 1 -o book.json      # in one process (default: on every core)
    A folder of PDFs is `extractor batch DIR -o OUT` (parallel, resumable).
    """
    from extractor.api import read
    from extractor.errors import ExtractorError, OutputError, PageOutOfRange, Unreadable
    from extractor.write.atomic import make_folder

    debug = bool((ctx.find_root().obj or {}).get("debug"))
    for pdf in pdfs:
        if pdf.is_dir():
            raise click.UsageError(f"{pdf} is a folder; to convert every PDF in it: "
                                   f"extractor batch {pdf} -o OUTDIR")
    try:
        target = resolve(output, fmt, len(pdfs))
        if target.kind == "folder":
            make_folder(target.path)
    except OutputError as exc:
        if debug:
            raise
        click.echo(error_line(exc), err=True)
        sys.exit(1)

    if progress is None:
        progress = sys.stderr.isatty()
    bar = _bar(len(pdfs), "pdf") if progress and len(pdfs) > 1 else None
    docs = []
    failed = 0
    for pdf in pdfs:
        page_bar = None
        try:
            if not pdf.is_file():
                raise Unreadable("no such file" if not pdf.exists() else "not a regular file")
            on_page = None
            if progress and len(pdfs) == 1:
                page_bar = _bar(None, "page", desc=pdf.name)

                def on_page(done: int, total: int, bar=page_bar) -> None:
                    bar.total = total
                    bar.update(done - bar.n)
                    if done == total:
                        bar.refresh()  # the last page shown, whatever tqdm's rate limit skipped
            doc = read(pdf, engine=engine, pages=pages, password=password, limits=limits, on_page=on_page,
                       jobs=jobs, reader=reader)
            if page_bar is not None:
                page_bar.close()
                page_bar = None
            data = doc.to_dict()
            if audit:
                from extractor.audit import audit as run_audit

                data["findings"] = run_audit(data)
            if target.fmt == "json":
                _write_json(data, target, pdf)
            elif target.fmt == "xlsx":
                _write_xlsx(data, target, pdf)
            docs.append(data)
            if not quiet:
                _say_summary(pdf, data, bar)
        except PageOutOfRange as exc:
            if debug:
                raise
            raise click.UsageError(f"--pages: {exc}") from None
        except OutputError as exc:
            if debug:
                raise
            failed += 1
            click.echo(error_line(exc), err=True)
        except ExtractorError as exc:
            if debug:
                raise
            failed += 1
            click.echo(error_line(exc, pdf), err=True)  # the code, as batch prints it
        except OSError as exc:  # reading the input (writing goes through atomic_write: OutputError)
            if debug:
                raise
            failed += 1
            click.echo(f"extractor: {pdf}: cannot read the input: {exc.strerror or type(exc).__name__} "
                       "[unreadable]", err=True)
        except Exception as exc:  # a bug: one line, the other PDFs still run
            if debug:
                raise
            failed += 1
            click.echo(f"extractor: {pdf}: internal error (a bug in extractor; --debug shows where): "
                       f"{type(exc).__name__}: {exc} [internal]", err=True)
        finally:
            if page_bar is not None:
                page_bar.close()
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()
    if target.fmt == "csv" and docs:
        from extractor.write.csv_out import write_csv

        try:
            write_csv(docs, target.path)
            if audit:
                from extractor.audit.report import FINDINGS_CSV, write_findings_csv

                write_findings_csv(docs, target.path / FINDINGS_CSV)
        except OutputError as exc:
            click.echo(error_line(exc), err=True)
            sys.exit(1)
    if len(pdfs) > 1 and target.kind != "stdout":  # the one-line summary, on standard output as batch's
        click.echo(f"extract: {len(pdfs)} PDFs: {len(docs)} written into {target.path}, {failed} failed")
    if failed:
        sys.exit(1)


def _say_summary(pdf: Path, doc: dict, bar) -> None:
    """The file's summary line(s) on standard error (above the progress bar, if there is one)."""
    from extractor.summary import summary_lines

    for line in summary_lines(pdf.name, doc):
        if bar is not None:
            bar.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)


def _bar(total: int | None, unit: str, desc: str | None = None):
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, desc=desc, file=sys.stderr, leave=False, dynamic_ncols=True)


def _write_json(doc: dict, target, pdf: Path) -> None:
    from extractor.write.json_out import dumps, write_json

    if target.kind == "stdout":
        write_stdout(dumps(doc))
    else:
        write_json(doc, target.file_for(pdf))


def _write_xlsx(doc: dict, target, pdf: Path) -> None:
    from extractor.write.xlsx_out import workbook_bytes, write_xlsx

    if target.kind == "stdout":
        write_stdout(workbook_bytes([doc]))
    else:
        write_xlsx([doc], target.file_for(pdf))
