"""`extractor batch` (see spec/cli.md): whole folders of PDFs, in parallel, resumable, nothing lost."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from extractor.cli.limits import limit_options
from extractor.cli.options import reading_options

FORMATS = ("json", "csv", "xlsx")


def parse_formats(ctx: click.Context, param: click.Parameter, value: str) -> frozenset[str]:
    names = {part.strip().lower() for part in value.split(",") if part.strip()}
    unknown = names - set(FORMATS)
    if unknown or not names:
        raise click.BadParameter(f"{value!r}: expected a comma-separated list of {', '.join(FORMATS)}")
    return frozenset(names | {"json"})  # the per-PDF JSON is always written: it is what --resume reuses


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the outputs (created if missing).")
@click.option("--format", "formats", default="json,csv", show_default=True, callback=parse_formats,
              metavar="json,csv,xlsx",
              help="What to write: json (one per PDF, always), csv (indicators/projects/department.csv "
                   "across all PDFs), xlsx (batch.xlsx across all PDFs).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="cores",
              help="Worker processes.")
@click.option("--resume", is_flag=True,
              help="Skip PDFs whose JSON is already in OUTDIR for the same content (SHA-256).")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Run on this Dask distributed cluster instead of local processes (workers must "
                   "see the input paths; needs the 'cluster' extra).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.option("--audit", "audit", is_flag=True,
              help="Audit each document (extractor audit): `findings` in each JSON, and findings.csv.")
@click.option("--review", is_flag=True,
              help="Also write a review page per PDF (OUTDIR/review/<name>.html) and OUTDIR/index.html over them.")
@click.option("-q", "--quiet", is_flag=True, help="No summary line per converted file on standard error.")
@reading_options
@limit_options
@click.pass_context
def batch(ctx: click.Context, paths: tuple[str, ...], outdir: Path, formats: frozenset[str], jobs: int,
          resume: bool, scheduler: str | None, progress: bool | None, audit: bool, review: bool, quiet: bool,
          engine: str, reader: str,
          pages: list[int] | None, password: str | None, limits) -> None:
    """Convert every *.pdf under PATHS (files or folders, recursively) into OUTDIR.

    Writes one JSON per PDF under OUTDIR (mirroring the input folders), combined CSV files with a
    `file` column, errors.csv (file, error_code, message) naming every PDF that failed and why, and
    warnings.csv (file, page, code, message). Each converted file gets a summary line on standard
    error (-q: none).
    Exit status 1 when any PDF failed; the others are converted all the same. A PDF past --timeout
    is stopped (its worker ended if need be) and listed as 'timeout'.

    \b
    Examples:
      extractor batch pdfs/ -o out/
      extractor batch hebei/ shanghai/ -o out/ --jobs 2 --format json,csv,xlsx
      extractor batch pdfs/ -o out/ --resume          # after an interruption: finish the rest
      extractor batch pdfs/ -o out/ --review          # and out/index.html, out/review/*.html
      extractor batch /shared/pdfs -o out/ --scheduler tcp://scheduler-host:8786
    """
    from extractor.batch.cluster import ClusterUnavailable
    from extractor.batch.discover import NoPdfs
    from extractor.batch.plan import Options
    from extractor.batch.run import BatchSettings, run_batch

    debug = bool((ctx.obj or {}).get("debug"))
    settings = BatchSettings(outdir=outdir, formats=formats, jobs=jobs, resume=resume, scheduler=scheduler,
                             options=Options(engine=engine, reader=reader, pages=tuple(pages) if pages else None,
                                             password=password, limits=limits, audit=audit, review=review),
                             progress=progress, quiet=quiet)
    from extractor.cli.output import error_line
    from extractor.errors import OutputError

    try:
        summary = run_batch(list(paths), settings)
    except OutputError as exc:  # OUTDIR (or a file in it) cannot be written: the output's fault, not an input's
        if debug:
            raise
        click.echo(error_line(exc), err=True)
        sys.exit(1)
    except ClusterUnavailable as exc:
        if debug:
            raise
        click.echo(f"extractor: {exc}", err=True)
        sys.exit(1)
    except NoPdfs as exc:
        click.echo(f"extractor: {exc} [{exc.code}]", err=True)
        sys.exit(1)
    if summary.interrupted:
        click.echo(summary.line(), err=True)
        sys.exit(130)
    click.echo(summary.line())
    if summary.failed:
        sys.exit(1)
