"""`extractor golden check|update` (see spec/cli.md): the samples' outputs against golden/."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from extractor.errors import ExtractorError

MAX_LINES = 200  # differences printed per PDF; the count is always printed


@click.command()
@click.argument("action", type=click.Choice(["check", "update"]))
@click.option("--samples", "samples_dir", default="samples", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder of sample PDFs.")
@click.option("--golden", "golden_dir", default="golden", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder of expected <stem>.json files.")
@click.pass_context
def golden(ctx: click.Context, action: str, samples_dir: Path, golden_dir: Path) -> None:
    """Compare the samples' extraction with golden/ (check), or rewrite golden/ (update).

    `check` extracts every PDF in the samples folder and compares it with golden/<stem>.json: table
    boxes may move by 1 pt, the engine name and warning messages are ignored, everything else must be
    equal. Each difference is printed as one line naming the project, indicator and field, old -> new.
    Exit status 1 on any difference. `update` writes the current extraction as golden files: for a
    scratch folder (--golden DIR) to compare two versions of the code, never for the repository's
    golden/, which is the sample generator's model (make samples), never the extractor's output.

    \b
    Examples:
      extractor golden check
      extractor golden check --samples samples/ --golden golden/
      extractor golden update --golden /tmp/before     # then change the code, check --golden /tmp/before
    """
    from extractor.golden import compare
    from extractor.pipeline import extract_pdf
    from extractor.write.json_out import write_json

    debug = bool((ctx.find_root().obj or {}).get("debug"))
    pdfs = sorted(samples_dir.glob("*.pdf")) if samples_dir.is_dir() else []
    if not pdfs:
        raise click.UsageError(f"no PDF in {samples_dir}/")
    if action == "update":
        golden_dir.mkdir(parents=True, exist_ok=True)
    failed = changed = 0
    for pdf in pdfs:
        expected_path = golden_dir / f"{pdf.stem}.json"
        try:
            doc = extract_pdf(pdf)
        except ExtractorError as exc:
            if debug:
                raise
            click.echo(f"extractor: {_named(pdf.name, exc)}", err=True)
            failed += 1
            continue
        if action == "update":
            write_json(doc, expected_path)
            click.echo(f"wrote {expected_path}")
            continue
        if not expected_path.exists():
            click.echo(f"{pdf.name}: no golden file {expected_path}")
            changed += 1
            continue
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        diffs = compare(expected, doc)
        if not diffs:
            click.echo(f"{pdf.name}: ok")
            continue
        changed += 1
        click.echo(f"{pdf.name}: {len(diffs)} difference{'s' if len(diffs) != 1 else ''}")
        for d in diffs[:MAX_LINES]:
            click.echo(f"  {d}")
        if len(diffs) > MAX_LINES:
            click.echo(f"  … and {len(diffs) - MAX_LINES} more")
    if action == "check":
        for stale in sorted(set(p.stem for p in golden_dir.glob("*.json")) - {p.stem for p in pdfs}):
            click.echo(f"note: golden/{stale}.json has no sample PDF", err=True)
        ok = len(pdfs) - changed - failed
        click.echo(f"{len(pdfs)} samples: {ok} match, {changed} differ, {failed} failed")
    if failed or changed:
        sys.exit(1)


def _named(name: str, exc: Exception) -> str:
    """The error's one line, starting with the file name (the errors from guard already do)."""
    message = str(exc)
    return message if message.startswith(f"{name}:") else f"{name}: {message}"
