"""`extractor show`: a picture of how a page's tables were read."""

from __future__ import annotations

from pathlib import Path

import click

from extractor.errors import ExtractorError


@click.command()
@click.argument("pdf", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--page", "page_no", type=click.IntRange(min=1), required=True, help="Page to draw (1-based).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="PNG to write. Default: <stem>-p<N>.png in the current folder.")
@click.option("--engine", type=click.Choice(["camelot", "pdfplumber"]), default="camelot", show_default=True,
              help="What finds the table grid.")
@click.option("--resolution", type=click.IntRange(36, 600), default=150, show_default=True,
              help="Pixels per inch of the picture.")
@click.option("--password", default=None, help="Password of an encrypted PDF.")
@click.pass_context
def show(ctx: click.Context, pdf: Path, page_no: int, output: Path | None, engine: str, resolution: int,
         password: str | None) -> None:
    """Draw the table grid found on a page over its picture.

    Red boxes are the cells (merged cells tinted blue), green boxes enclose the characters placed in
    each cell, and each cell is labelled row,col (0-based, as in the JSON's `spans`). The grid should lie
    on the printed lines and each green box inside its red one.

    \b
    Examples:
      extractor show samples/seed.pdf --page 7 -o page.png
      extractor show report.pdf --page 34 --engine pdfplumber --resolution 200
    """
    from extractor.show import render_page

    from extractor.cli.output import error_line
    from extractor.errors import OutputError
    from extractor.write.atomic import check_output_path

    output = output or Path(f"{pdf.stem}-p{page_no}.png")
    try:
        check_output_path(output)  # a device (/dev/full), a FIFO, a link out of the folder: never written
        result = render_page(pdf, page_no, output, engine=engine, resolution=resolution, password=password)
    except OutputError as exc:
        if (ctx.find_root().obj or {}).get("debug"):
            raise
        click.echo(error_line(exc), err=True)
        ctx.exit(1)
    except ExtractorError as exc:
        if (ctx.find_root().obj or {}).get("debug"):
            raise
        click.echo(f"extractor: {_named(pdf.name, exc)}", err=True)
        ctx.exit(1)
    click.echo(f"wrote {output}: page {result.page}, {result.tables} table(s), {result.cells} cells "
               f"(grid from {result.source})")
    for message in result.warnings:
        click.echo(f"warning: {message}", err=True)


def _named(name: str, exc: Exception) -> str:
    """The error's one line, starting with the file name (the errors from guard already do)."""
    message = str(exc)
    return message if message.startswith(f"{name}:") else f"{name}: {message}"
