"""`extractor batch` (see spec/cli.md)."""

import click


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
def batch() -> None:
    """Not yet implemented."""
    raise click.UsageError("'batch' is not implemented yet")
