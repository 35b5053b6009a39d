"""`extractor review`: one self-contained HTML page per PDF to compare print and data cell by cell."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import click

from extractor.cli.limits import limit_options
from extractor.cli.options import reading_options


@click.command()
@click.argument("pdfs", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the review pages (<stem>.html; created if missing).")
@click.option("-q", "--quiet", is_flag=True, help="No per-file summary line on standard error.")
@click.option("--audit", "audit", is_flag=True, help="Audit each document too (extractor audit): findings boxed.")
@reading_options
@limit_options
@click.pass_context
def review(ctx: click.Context, pdfs: tuple[Path, ...], outdir: Path, quiet: bool, audit: bool, engine: str,
           reader: str, pages: list[int] | None, password: str | None, limits) -> None:
    """Write a review page per PDF: the projects, indicators, warnings and findings as tables, and each
    page's picture with the cells read drawn on it beside each cell's extracted text.

    The page opens offline in any browser (no server, nothing fetched; page pictures embedded).

    \b
    Examples:
      extractor review samples/seed.pdf -o review/     # review/seed.html
      extractor review a.pdf b.pdf -o review/ --pages 1-40
      extractor review budget.pdf -o review/ --audit   # with the audit's findings boxed
    """
    from extractor.cli.output import error_line, one_line
    from extractor.errors import ExtractorError, Unreadable
    from extractor.guard import guarded
    from extractor.review import review_pdf, write_review
    from extractor.summary import summary_lines

    debug = bool((ctx.find_root().obj or {}).get("debug"))
    outdir.mkdir(parents=True, exist_ok=True)
    failed = 0
    for pdf in pdfs:
        try:
            if not pdf.is_file():
                raise Unreadable("no such file" if not pdf.exists() else "not a file")
            with guarded(pdf, limits), warnings.catch_warnings():
                if not debug:
                    warnings.simplefilter("ignore")
                doc, html = review_pdf(pdf, engine=engine, pages=pages, password=password, limits=limits,
                                       audit=audit, reader=reader)
            path = write_review(html, outdir / f"{pdf.stem}.html")
            if not quiet:
                for line in summary_lines(pdf.name, doc):
                    click.echo(line, err=True)
            click.echo(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
        except ExtractorError as exc:
            if debug:
                raise
            failed += 1
            click.echo(error_line(exc, pdf), err=True)
        except OSError as exc:
            if debug:
                raise
            failed += 1
            click.echo(one_line(pdf, exc.strerror or type(exc).__name__), err=True)
    if failed:
        sys.exit(1)
