"""`extractor show` (see spec/cli.md)."""

import click


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
def show() -> None:
    """Not yet implemented."""
    raise click.UsageError("'show' is not implemented yet")
