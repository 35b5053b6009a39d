"""The `extractor` command group. Subcommands are imported only when run, so `--help` starts fast."""

from __future__ import annotations

import importlib
import sys

import click

# name -> "module:attribute"; each subcommand lives in its own module under extractor/cli/.
COMMANDS = {
    "extract": "extractor.cli.extract:extract",
    "batch": "extractor.cli.batch:batch",
    "value": "extractor.cli.value:value",
    "golden": "extractor.cli.golden:golden",
    "show": "extractor.cli.show:show",
    "audit": "extractor.cli.audit:audit",
    "review": "extractor.cli.review:review",
}

SHORT_HELP = {
    "extract": "Extract PDFs to the contract's JSON, CSV or XLSX.",
    "batch": "Convert whole folders of PDFs in parallel, resumably.",
    "value": "Show how indicator values (≥90百分比 …) are read.",
    "golden": "Compare sample outputs with golden/ (check|update).",
    "show": "Draw the table grid found on a page over its picture.",
    "audit": "Check tables as an auditor does: findings with page and place.",
    "review": "Write an HTML review page per PDF (print and data side by side).",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr = COMMANDS[name].split(":")
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, SHORT_HELP[name]) for name in COMMANDS])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show Python tracebacks instead of one-line errors.")
@click.version_option(package_name="extractor")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Read Chinese budget-performance PDFs (绩效目标表) into clean, typed data.

    \b
    Examples:
      extractor extract seed.pdf                  # JSON document on standard output
      extractor extract a.pdf b.pdf -o out/ --format csv
      extractor batch pdfs/ -o out/ --jobs 2 --resume
      extractor value "≥90百分比" "60%以下" "按时完成"
      extractor golden check
      extractor audit budget.pdf -o findings.csv --format csv
      extractor review seed.pdf -o review/       # review/seed.html, opens offline
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main() -> None:
    debug = "--debug" in sys.argv[1:]
    try:
        cli.main(prog_name="extractor", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("extractor: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # the last guard: one line, no traceback, unless --debug
        if debug:
            raise
        from extractor.errors import ExtractorError

        if isinstance(exc, ExtractorError):
            from extractor.cli.output import error_line

            click.echo(error_line(exc), err=True)
        elif isinstance(exc, OSError):  # not classified further down: say which file, in words
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"extractor: {where}{exc.strerror or 'input/output error'} [os_error]", err=True)
        else:
            click.echo(f"extractor: internal error (a bug in extractor; --debug shows where): {exc} [internal]",
                       err=True)
        sys.exit(1)
