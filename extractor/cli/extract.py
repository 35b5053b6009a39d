"""`extractor extract` (see spec/cli.md): a few PDFs to the contract's JSON, CSV or XLSX.

Where the output goes:
  one PDF, no -o            JSON on standard output
  one PDF, -o FILE.json     that file (FILE.xlsx with --format xlsx)
  several PDFs, or csv      -o names a folder: <stem>.json, indicators/projects/department.csv, <stem>.xlsx
A PDF that fails is reported as one line `extractor: <file>: <message>` on standard error; the others are
still extracted and written, and the exit status is 1.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

import click

from extractor.cli.limits import limit_options
from extractor.cli.options import reading_options

FORMATS = ("json", "csv", "xlsx")


def _is_folder_target(output: Path, n_pdfs: int, fmt: str) -> bool:
    if fmt == "csv" or n_pdfs > 1:
        return True
    if str(output).endswith((os.sep, "/")) or output.is_dir():
        return True
    return output.suffix.lower() != f".{fmt}"


def _one_line(pdf: Path, message: str) -> str:
    """`extractor: a.pdf: not a PDF`; messages that already start with the file name are not doubled."""
    message = " ".join(str(message).split())
    prefix = f"{pdf.name}: "
    if message.startswith(prefix):
        message = message[len(prefix):]
    return f"extractor: {pdf}: {message}"


@click.command()
@click.argument("pdfs", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Output file (one PDF) or folder (several PDFs, or --format csv). Default: JSON on stdout.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json: the contract document; csv: indicators/projects/department.csv; xlsx: a workbook.")
@click.option("--audit", "audit", is_flag=True,
              help="Also audit each document (extractor audit): adds `findings`, and a findings sheet in xlsx.")
@click.option("-q", "--quiet", is_flag=True,
              help="No summary line per file (projects, indicators, warnings) on standard error.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes reading one long PDF's pages in parallel (page ranges, joined before tables "
                   "are stitched: the same output).")
@reading_options
@limit_options
@click.pass_context
def extract(ctx: click.Context, pdfs: tuple[Path, ...], output: Path | None, fmt: str, audit: bool, engine: str,
            pages: list[int] | None, password: str | None, limits, quiet: bool = False, jobs: int = 1) -> None:
    """Extract the performance tables of PDF files into clean, typed data.

    Each file read gets one line on standard error (`seed.pdf: 9 projects, 81 indicators, 1 warning:
    toc_title_mismatch p1`), and pages skipped by --max-pages a line of their own; -q silences them.

    \b
    Examples:
      extractor extract seed.pdf                        # JSON on standard output
      extractor extract seed.pdf -o seed.json
      extractor extract samples/*.pdf -o out/           # out/<stem>.json for each PDF
      extractor extract a.pdf b.pdf -o out/ --format csv
      extractor extract budget.pdf --pages 31-35 --engine pdfplumber
      extractor extract book.pdf --jobs 2 -o book.json  # one long PDF on two cores
    """
    from extractor.errors import ExtractorError, Unreadable
    from extractor.guard import guarded
    from extractor.pipeline import extract_pdf

    debug = bool((ctx.find_root().obj or {}).get("debug"))
    if output is None and (len(pdfs) > 1 or fmt != "json"):
        raise click.UsageError(f"{'several PDFs' if len(pdfs) > 1 else '--format ' + fmt} need -o "
                               "(a folder; or a file for one PDF)")
    folder = output is not None and _is_folder_target(output, len(pdfs), fmt)
    if folder:
        output.mkdir(parents=True, exist_ok=True)
    elif output is not None and output.parent and not output.parent.is_dir():
        raise click.UsageError(f"-o {output}: folder {output.parent} does not exist")

    progress = None
    if len(pdfs) > 1 and sys.stderr.isatty():
        from tqdm import tqdm

        progress = tqdm(total=len(pdfs), unit="pdf", file=sys.stderr, leave=False)
    docs = []
    failed = 0
    for pdf in pdfs:
        try:
            if not pdf.is_file():
                raise Unreadable("no such file" if not pdf.exists() else "not a file")
            with guarded(pdf, limits), warnings.catch_warnings():
                if not debug:  # camelot's and pdfminer's chatter is not for the user; our warnings are
                    warnings.simplefilter("ignore")
                doc = extract_pdf(pdf, engine=engine, pages=pages, password=password, limits=limits,
                                  jobs=jobs)
            if audit:
                from extractor.audit import audit as run_audit

                doc["findings"] = run_audit(doc)
            if fmt == "json":
                _write_json(doc, output, pdf, folder)
            elif fmt == "xlsx":
                _write_xlsx(doc, output / f"{pdf.stem}.xlsx" if folder else output)
            docs.append(doc)
            if not quiet:
                _say_summary(pdf, doc, progress)
        except ExtractorError as exc:
            if debug:
                raise
            failed += 1
            click.echo(_one_line(pdf, f"{exc} [{exc.code}]"), err=True)  # the code, as batch prints it
        except OSError as exc:
            if debug:
                raise
            failed += 1
            click.echo(_one_line(pdf, exc.strerror or type(exc).__name__), err=True)
        except Exception as exc:  # a bug: one line, the other PDFs still run
            if debug:
                raise
            failed += 1
            click.echo(_one_line(pdf, f"internal error: {type(exc).__name__}: {exc}"), err=True)
        finally:
            if progress is not None:
                progress.update(1)
    if progress is not None:
        progress.close()
    if fmt == "csv" and docs:
        from extractor.write.csv_out import write_csv

        write_csv(docs, output)
        if audit:
            from extractor.audit.report import FINDINGS_CSV, write_findings_csv

            write_findings_csv(docs, output / FINDINGS_CSV)
    if failed:
        sys.exit(1)


def _say_summary(pdf: Path, doc: dict, progress) -> None:
    """The file's summary line(s) on standard error (above the progress bar, if there is one)."""
    from extractor.summary import summary_lines

    for line in summary_lines(pdf.name, doc):
        if progress is not None:
            progress.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)


def _write_json(doc: dict, output: Path | None, pdf: Path, folder: bool) -> None:
    from extractor.write.json_out import dumps, write_json

    if output is None:
        sys.stdout.write(dumps(doc))
        sys.stdout.flush()
    else:
        write_json(doc, output / f"{pdf.stem}.json" if folder else output)


def _write_xlsx(doc: dict, path: Path) -> None:
    from extractor.write.xlsx_out import write_xlsx

    write_xlsx([doc], path)
