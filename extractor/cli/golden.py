"""`extractor golden` (see spec/cli.md)."""

import click


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
def golden() -> None:
    """Not yet implemented."""
    raise click.UsageError("'golden' is not implemented yet")
