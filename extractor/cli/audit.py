"""`extractor audit`: the checks an auditor makes by hand, as findings with their page and place.

Each input is a PDF (extracted first) or a contract JSON written by `extract`/`batch` (read as is). The
rules read the contract document only (extractor.audit). Output:
  json  (default) a list of {"file", "findings"}, one per input: standard output, or -o FILE.json
  csv   findings.csv: -o FILE.csv, or -o FOLDER (FOLDER/findings.csv)
  xlsx  the workbook of `extract --format xlsx` with a 问题 (findings) sheet: -o FILE.xlsx
Findings do not change the exit status; an input that cannot be read does (1), as in `extract`.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

import click

from extractor.cli.output import error_line, one_line
from extractor.cli.limits import limit_options
from extractor.cli.options import reading_options

FORMATS = ("json", "csv", "xlsx")


class NotAContract(Exception):
    pass


def read_contract(path: Path) -> dict:
    """A contract document from a JSON file (one line of error for anything else)."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise NotAContract("not UTF-8 JSON") from None
    except json.JSONDecodeError as exc:
        raise NotAContract(f"not JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(doc, dict) or "projects" not in doc or doc.get("schema_version") != 1:
        raise NotAContract("not an extractor document (schema_version 1 with projects)")
    return doc


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Output file (or a folder for csv). Default: JSON on standard output.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json: findings per input; csv: findings.csv; xlsx: the workbook with a findings sheet.")
@click.option("--rules", "rules_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              default=None, help="A TOML rules file overriding the shipped thresholds (extractor/audit/rules.toml).")
@reading_options
@limit_options
@click.pass_context
def audit(ctx: click.Context, inputs: tuple[Path, ...], output: Path | None, fmt: str, rules_file: Path | None,
          engine: str, reader: str, pages: list[int] | None, password: str | None, limits) -> None:
    """Check budget-performance tables the way an auditor does: sums, categories, values, years.

    \b
    Examples:
      extractor audit budget.pdf                          # findings as JSON on standard output
      extractor audit out/budget.json                     # a document `extract` wrote
      extractor audit a.pdf b.pdf -o findings.csv --format csv
      extractor audit budget.pdf -o budget.xlsx --format xlsx --rules my-rules.toml
    """
    from extractor.audit import audit as run_audit
    from extractor.audit import load_rules
    from extractor.errors import ExtractorError, Unreadable
    from extractor.guard import guarded
    from extractor.pipeline import extract_pdf

    debug = bool((ctx.find_root().obj or {}).get("debug"))
    if output is None and fmt != "json":
        raise click.UsageError(f"--format {fmt} needs -o")
    try:
        rules = load_rules(rules_file)
    except ExtractorError as exc:
        raise click.UsageError(f"--rules {exc}") from None

    docs, failed = [], 0
    for path in inputs:
        try:
            if not path.is_file():
                raise Unreadable("no such file" if not path.exists() else "not a file")
            if path.suffix.lower() == ".json":
                doc = read_contract(path)
            else:
                with guarded(path, limits), warnings.catch_warnings():
                    if not debug:
                        warnings.simplefilter("ignore")
                    doc = extract_pdf(path, engine=engine, pages=pages, password=password, limits=limits,
                                      reader=reader)
            doc["findings"] = run_audit(doc, rules)
            docs.append(doc)
        except (ExtractorError, NotAContract) as exc:
            if debug:
                raise
            failed += 1
            click.echo(error_line(exc, path), err=True)  # NotAContract has no code: no [code]
        except OSError as exc:
            if debug:
                raise
            failed += 1
            click.echo(one_line(path, exc.strerror or type(exc).__name__), err=True)
        except Exception as exc:  # a bug: one line, the other inputs still run
            if debug:
                raise
            failed += 1
            click.echo(one_line(path, f"internal error: {type(exc).__name__}: {exc}"), err=True)
    _write(docs, output, fmt)
    if failed:
        sys.exit(1)


def _write(docs: list[dict], output: Path | None, fmt: str) -> None:
    if fmt == "json":
        text = json.dumps([{"file": (d.get("source") or {}).get("file"), "findings": d["findings"]}
                           for d in docs], ensure_ascii=False, indent=2) + "\n"
        if output is None:
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            from extractor.write.atomic import atomic_write

            with atomic_write(output, "w", encoding="utf-8") as fh:
                fh.write(text)
    elif fmt == "csv":
        from extractor.audit.report import FINDINGS_CSV, write_findings_csv

        if output.is_dir() or output.suffix.lower() != ".csv":
            output.mkdir(parents=True, exist_ok=True)
            output = output / FINDINGS_CSV
        write_findings_csv(docs, output)
    else:
        from extractor.write.xlsx_out import write_xlsx

        write_xlsx(docs, output)
