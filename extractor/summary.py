"""What the person at the terminal is told about one document: one line per file, and the warnings that
change what was read (pages skipped by a limit) spelled out, so nothing stays hidden in the JSON.

    seed.pdf: 9 projects, 81 indicators, 1 warning: toc_title_mismatch p1
    big.pdf: 0 projects, 0 indicators, 3 warnings: stacked_values ×2 p46,p47; page_limit p2001
    big.pdf: read the first 2000 of 3500 pages (--max-pages); pages 2001-3500 were not read
"""

from __future__ import annotations

from typing import Any

SPELLED_OUT = ("page_limit",)  # warnings whose whole message gets a line of its own
PAGES_SHOWN = 5


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_lines(name: str, doc: dict[str, Any]) -> list[str]:
    projects = doc.get("projects") or []
    indicators = sum(len(p.get("indicators") or []) for p in projects)
    warnings = doc.get("warnings") or []
    line = f"{name}: {_plural(len(projects), 'project')}, {_plural(indicators, 'indicator')}"
    findings = doc.get("findings") or []
    if findings:
        line += f", {_plural(len(findings), 'finding')}"
    line += f", {_plural(len(warnings), 'warning')}"
    if warnings:
        line += ": " + "; ".join(_grouped(warnings))
    lines = [line]
    lines += [f"{name}: {w.get('message')}" for w in warnings if w.get("code") in SPELLED_OUT]
    return lines


def _grouped(warnings: list[dict[str, Any]]) -> list[str]:
    """Per code, in order of first appearance: `code ×N p1,p5,… (+K more pages)`."""
    pages: dict[str, list[int]] = {}
    count: dict[str, int] = {}
    for w in warnings:
        code = str(w.get("code"))
        count[code] = count.get(code, 0) + 1
        pages.setdefault(code, [])
        if w.get("page") and w["page"] not in pages[code]:
            pages[code].append(w["page"])
    out = []
    for code, n in count.items():
        text = code + (f" ×{n}" if n > 1 else "")
        shown = pages[code][:PAGES_SHOWN]
        if shown:
            text += " " + ",".join(f"p{p}" for p in shown)
            if len(pages[code]) > PAGES_SHOWN:
                text += f" (+{len(pages[code]) - PAGES_SHOWN} more pages)"
        out.append(text)
    return out
