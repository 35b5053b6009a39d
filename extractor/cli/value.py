"""`extractor value` (spec/cli.md): show how indicator values are read, one VALUE JSON per line."""

from __future__ import annotations

import io
import json
import os
import sys

import click


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("texts", nargs=-1, metavar="[TEXT ...]")
@click.option("--stdin", "from_stdin", is_flag=True,
              help="Also read values from standard input, one per line (after any TEXT arguments).")
def value(texts: tuple[str, ...], from_stdin: bool) -> None:
    """Parse indicator values and print one VALUE JSON object per line, in input order.

    Each VALUE has raw, op (>=, <=, >, <, =, range or null), number, upper, unit and text,
    as the output contract defines it; "change" (increase or decrease) where the value states
    a change (较上年提高5%), and "parts" (one VALUE per quantity) where a cell states several
    (1份；13份).

    \b
    Examples:
      extractor value "≥90百分比" "60%以下" "按时完成"
      {"raw": "≥90百分比", "op": ">=", "number": 90.0, "upper": null, "unit": "%", "text": null}
      ...
      extractor value "≥330 台（套）" "较上年提高5%" "慰问人数不少于100人,宣传用品不少于20000份"
      cut -f5 values.tsv | extractor value --stdin
    """
    from extractor.normalize.value import parse_value  # light: no pandas/camelot on this path

    if not texts and not from_stdin:
        raise click.UsageError("give values as arguments, or --stdin to read them one per line")
    from extractor.cli.output import stdout

    out = stdout()  # closed (`>&-`): OutputError, one line from main()
    try:
        for text in texts:
            out.write(json.dumps(parse_value(text).to_dict(), ensure_ascii=False) + "\n")
        if from_stdin:
            # UTF-8 (a byte-order mark from Excel/Notepad is skipped); a broken byte becomes U+FFFD, not a crash.
            stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors="replace")
            for line in stdin:
                line = line.rstrip("\r\n")
                out.write(json.dumps(parse_value(line).to_dict(), ensure_ascii=False) + "\n")
        out.flush()
    except BrokenPipeError:  # `| head`: the reader has what it wanted; stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
