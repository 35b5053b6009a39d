"""`extractor value` (see spec/cli.md)."""

import click


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
def value() -> None:
    """Not yet implemented."""
    raise click.UsageError("'value' is not implemented yet")
