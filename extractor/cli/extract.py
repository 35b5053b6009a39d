"""`extractor extract` (see spec/cli.md)."""

import click


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
def extract() -> None:
    """Not yet implemented."""
    raise click.UsageError("'extract' is not implemented yet")
