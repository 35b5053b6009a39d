"""--timeout, --max-pages, --max-decompressed, --max-memory: what one PDF may cost, the same on every command.

    @click.command()
    @limit_options
    def extract(..., limits: Limits): ...

The decorated command receives one `limits` argument (extractor.guard.Limits) instead of four numbers.
0 switches a limit off.
"""

from __future__ import annotations

import functools

import click

from extractor.guard import DEFAULT_LIMITS, MiB, Limits


def limit_options(func):
    """Add the limit options; the command gets them as `limits: Limits`."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        timeout = kwargs.pop("timeout")
        max_pages = kwargs.pop("max_pages")
        max_mib = kwargs.pop("max_decompressed")
        memory_mib = kwargs.pop("max_memory")
        kwargs["limits"] = Limits(timeout=timeout or None, max_pages=max_pages or None,
                                  max_decompressed=int(max_mib * MiB) or None,
                                  max_memory=int(memory_mib * MiB) or None)
        return func(*args, **kwargs)

    wrapper = click.option(
        "--max-memory", type=click.FloatRange(min=0), default=DEFAULT_LIMITS.max_memory // MiB,
        show_default=True, metavar="MIB",
        help="Memory reading one PDF may take beyond what the program holds, in each process (--jobs) "
             "('too_large'; Linux).",
    )(wrapper)
    wrapper = click.option(
        "--max-decompressed", type=click.FloatRange(min=0), default=DEFAULT_LIMITS.max_decompressed // MiB,
        show_default=True, metavar="MIB",
        help="Refuse a PDF with a stream inflating beyond this many MiB ('too_large'; compression bombs).",
    )(wrapper)
    wrapper = click.option(
        "--max-pages", type=click.IntRange(min=0), default=DEFAULT_LIMITS.max_pages, show_default=True,
        metavar="N", help="Read at most N pages of one PDF; the rest get a 'page_limit' warning.",
    )(wrapper)
    wrapper = click.option(
        "--timeout", type=click.FloatRange(min=0), default=DEFAULT_LIMITS.timeout, show_default=True,
        metavar="S", help="Seconds one PDF may take before it is stopped with error 'timeout'.",
    )(wrapper)
    return wrapper
