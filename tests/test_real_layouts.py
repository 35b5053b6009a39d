"""The published layouts of every province, field for field against truth read from the rendered pages.

Each tests/data/real/{built_on,checked_on}/<pdf stem>.json was written by a person reading the rendered pages
(/work/TRUTH_FORMAT.md), never from the extractor: the exact project count, several projects written
completely, and the department-wide table. Texts are compared with white space removed and look-alikes
folded (as tests/test_shanghai.py does), VALUEs by `raw` only, attributes as truth ⊆ output; a key the
output leaves out counts as its default (null, [], {}, "target").

Cases that fail only because the table grid is wrong (issue 12) are strict expected failures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import REAL_CORPUS_DIR

HERE = Path(__file__).parent
TRUTH_DIRS = [HERE / "data" / "real" / "built_on", HERE / "data" / "real" / "checked_on"]
TRUTHS = {p.stem: json.loads(p.read_text(encoding="utf-8")) for d in TRUTH_DIRS if d.exists()
          for p in sorted(d.glob("*.json"))}

_FOLD = str.maketrans({"⩾": "≥", "≧": "≥", "⩽": "≤", "≦": "≤", "“": '"', "”": '"', "″": '"', "＂": '"',
                       "‘": "'", "’": "'", "，": ",", "（": "(", "）": ")", "：": ":", "；": ";"})
DEFAULTS = {"kind": "target", "attributes": {}, "spending_plan": [], "goals": [], "tasks": [], "indicators": [],
            "pages": [], "sections": [], "duty_goals": [], "measures": []}
VALUE_KEYS = {"value", "period_value", "actual"}
SKIP = {"doubts", "note", "notes"}

# (stem, what) -> reason; `what` is "count", a project seq, or "department"
XFAIL: dict[tuple[str, object], str] = {
}


def norm(text):
    if not isinstance(text, str):
        return text
    return "".join(text.split()).translate(_FOLD) or None  # an empty cell is no text


def _same_scalar(t, g) -> bool:
    if isinstance(t, bool) or isinstance(g, bool):
        return t is g
    if isinstance(t, (int, float)) and isinstance(g, (int, float)):
        return abs(float(t) - float(g)) <= 1e-6
    return norm(t) == norm(g)


def compare(truth, got, where: str = "") -> tuple[int, list[str]]:
    """(fields checked, differences) between a truth object and the output's."""
    checked, diffs = 0, []
    if isinstance(truth, dict):
        got = got if isinstance(got, dict) else {}
        for key, t in truth.items():
            if key in SKIP:
                continue
            path = f"{where}.{key}" if where else key
            g = got.get(key, DEFAULTS.get(key))
            if key in VALUE_KEYS:
                checked += 1
                traw = t.get("raw") if isinstance(t, dict) else None
                graw = g.get("raw") if isinstance(g, dict) else None
                if norm(traw) != norm(graw) and not (traw is None and graw in (None, "")):
                    diffs.append(f"{path}: {traw!r} != {graw!r}")
            elif key == "attributes":
                gattr = {norm(k): v for k, v in (g or {}).items()}
                for label, value in (t or {}).items():
                    checked += 1
                    if norm(label) not in gattr:
                        diffs.append(f"{path}[{label}] missing (have {sorted(g or {})})")
                    elif value is not None and norm(gattr[norm(label)]) != norm(value):
                        diffs.append(f"{path}[{label}]: {value!r} != {gattr[norm(label)]!r}")
            elif isinstance(t, (dict, list)):
                c, d = compare(t, g, path)
                checked, diffs = checked + c, diffs + d
            else:
                checked += 1
                if not _same_scalar(t, g):
                    diffs.append(f"{path}: {t!r} != {g!r}")
    elif isinstance(truth, list):
        got = got if isinstance(got, list) else []
        if any(isinstance(x, (dict, list)) for x in truth):
            checked += 1
            if len(truth) != len(got):
                diffs.append(f"{where}: {len(truth)} items != {len(got)}")
            for i, t in enumerate(truth):
                c, d = compare(t, got[i] if i < len(got) else {}, f"{where}[{i}]")
                checked, diffs = checked + c, diffs + d
        else:
            checked += 1
            if len(truth) != len(got) or not all(_same_scalar(a, b) for a, b in zip(truth, got)):
                diffs.append(f"{where}: {truth!r} != {got!r}")
    return checked, diffs


_DOCS: dict[str, dict] = {}
MAX_PAGE = 100_000  # pages past the document's end are not read


def first_page(truth: dict) -> int:
    """Where the performance part starts: the page before the first written record (seq 1 is always written,
    so no project precedes it; the page before may hold its heading). Keeps the test fast on long books."""
    pages = [p for project in truth.get("projects") or [] for p in project.get("pages") or []]
    for dept in [truth.get("department")] + list(truth.get("department_tables") or []):
        pages += (dept or {}).get("pages") or []
    return max(1, min(pages, default=1) - 1)


def document(stem: str) -> dict:
    if stem not in _DOCS:
        from extractor.pipeline import extract_pdf

        pdf = REAL_CORPUS_DIR / TRUTHS[stem]["file"]
        if not pdf.exists():
            pytest.skip("real corpus not present (../shared/corpus/real)")
        _DOCS[stem] = extract_pdf(pdf, pages=list(range(first_page(TRUTHS[stem]), MAX_PAGE)))
    return _DOCS[stem]


def _mark(stem, what):
    reason = XFAIL.get((stem, what))
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


def _cases():
    for stem, truth in TRUTHS.items():
        yield pytest.param(stem, "count", id=f"{stem}-count", marks=_mark(stem, "count"))
        for project in truth.get("projects") or []:
            seq = project["seq"]
            yield pytest.param(stem, seq, id=f"{stem}-project{seq}", marks=_mark(stem, seq))
        if truth.get("department") is not None:
            yield pytest.param(stem, "department", id=f"{stem}-department", marks=_mark(stem, "department"))
        if truth.get("department_tables"):
            yield pytest.param(stem, "department_tables", id=f"{stem}-department_tables",
                               marks=_mark(stem, "department_tables"))


def check(stem: str, what) -> tuple[int, list[str]]:
    truth, doc = TRUTHS[stem], document(stem)
    if what == "count":
        return 1, ([] if len(doc["projects"]) == truth["project_count"]
                   else [f"project count {truth['project_count']} != {len(doc['projects'])}"])
    if what in ("department", "department_tables"):
        return compare(truth[what], doc.get(what), what)
    project = next(p for p in truth["projects"] if p["seq"] == what)
    got = next((p for p in doc["projects"] if p["seq"] == what), None)
    if got is None:
        return 1, [f"project {what} missing ({len(doc['projects'])} projects)"]
    return compare(project, got, f"project {what}")


@pytest.mark.parametrize(("stem", "what"), list(_cases()))
def test_real_layout(stem, what):
    checked, diffs = check(stem, what)
    assert not diffs, f"{len(diffs)} of {checked} fields differ:\n" + "\n".join(diffs[:40])


def score(stems=None) -> dict[str, tuple[int, int, bool]]:
    """{stem: (fields right, fields checked, project count right)}: the first-run score of checked-on cases."""
    out = {}
    for stem in stems or TRUTHS:
        right = total = 0
        truth = TRUTHS[stem]
        whats = ["count"] + [p["seq"] for p in truth.get("projects") or []]
        whats += [w for w in ("department", "department_tables") if truth.get(w)]
        count_ok = False
        for what in whats:
            checked, diffs = check(stem, what)
            total += checked
            right += checked - len(diffs)
            if what == "count":
                count_ok = not diffs
        out[stem] = (right, total, count_ok)
    return out


if __name__ == "__main__":
    import sys

    for stem, (right, total, ok) in score(sys.argv[1:] or None).items():
        print(f"{stem}: {right}/{total} fields, project count {'right' if ok else 'wrong'}")
