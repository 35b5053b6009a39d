"""Options shared by `extract` and `batch`, so both commands spell and mean them the same way."""

from __future__ import annotations

import click


def parse_pages(text: str | None) -> list[int] | None:
    """'1-5,8' -> [1, 2, 3, 4, 5, 8] (1-based). None means every page."""
    if not text:
        return None
    pages: set[int] = set()
    for part in text.split(","):
        part = part.strip()
        try:
            if "-" in part:
                lo, hi = (int(x) for x in part.split("-", 1))
                if lo < 1 or hi < lo:
                    raise ValueError
                pages.update(range(lo, hi + 1))
            else:
                n = int(part)
                if n < 1:
                    raise ValueError
                pages.add(n)
        except ValueError:
            raise click.BadParameter(f"{text!r}: expected page numbers like 1-5,8") from None
    return sorted(pages)


def reading_options(func):
    """--engine, --reader, --pages, --password: how a PDF is read."""
    func = click.option("--password", default=None, help="Password of an encrypted PDF.")(func)
    func = click.option("--pages", "pages", default=None, metavar="1-5,8",
                        callback=lambda ctx, param, v: parse_pages(v),
                        help="Only these pages (1-based). Default: all.")(func)
    func = click.option("--reader", type=click.Choice(["auto", "playa", "pdfminer"]), default="auto",
                        show_default=True,
                        help="What reads each page's characters and ruling: playa (faster), pdfminer "
                             "(the reference), auto (playa from 4 pages on); the same output.")(func)
    func = click.option("--engine", type=click.Choice(["camelot", "pdfplumber"]), default="camelot",
                        show_default=True, help="What finds the table grid.")(func)
    return func
