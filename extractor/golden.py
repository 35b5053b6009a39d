"""Comparing two contract documents field by field, for `extractor golden check` and the tests.

The rules (notes/COMMON.md): table bboxes may move by up to 1.0 pt, `tables[].engine` is ignored (the
golden files say "camelot" whichever engine ran), warnings are compared by (code, page) only (messages may
be reworded), everything else must be equal. Each difference names where it is in words a person can find
in the PDF: the project (seq + name), the indicator (row + level3), the field, and old -> new.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

BBOX_TOLERANCE = 1.0
SHOW_LIMIT = 120  # characters of a value shown in a difference line
MISSING = object()
# tables[] keys added after the golden files were written (title, unit: tests/test_api.py checks them
# against the golden projects' titles and amount units); compared only where a golden file has them.
LATER_TABLE_KEYS = ("title", "unit")  # a key or list item present on one side only


@dataclass(frozen=True)
class Difference:
    where: str  # "project 1 法律顾问 › indicator 3 专业律师提供法律帮助"
    field: str  # "value.number"
    old: Any
    new: Any

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        old, new = self.old, self.new
        if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > SHOW_LIMIT:
            old, new = _from_first_difference(old, new)
        return f"{where}{self.field}: {_show(old)} -> {_show(new)}"


def compare(old: dict[str, Any], new: dict[str, Any], *, bbox_tolerance: float = BBOX_TOLERANCE) -> list[Difference]:
    """Every difference between the golden document `old` and the fresh document `new`."""
    return list(_compare(old, new, bbox_tolerance))


def _compare(old: dict[str, Any], new: dict[str, Any], tol: float) -> Iterator[Difference]:
    special = {"department", "projects", "tables", "warnings"}
    for key in _keys(old, new):
        a, b = old.get(key, MISSING), new.get(key, MISSING)
        if key in special and a is not MISSING and b is not MISSING:
            continue
        yield from _diff("", key, a, b)
    if "department" in old and "department" in new:
        yield from _department(old["department"], new["department"])
    if "projects" in old and "projects" in new:
        yield from _projects(old["projects"] or [], new["projects"] or [])
    if "tables" in old and "tables" in new:
        yield from _tables(old["tables"] or [], new["tables"] or [], tol)
    if "warnings" in old and "warnings" in new:
        yield from _warnings(old["warnings"] or [], new["warnings"] or [])


# ---------------------------------------------------------------- the parts of a document

def _department(old: dict | None, new: dict | None) -> Iterator[Difference]:
    if old is None or new is None:
        yield from _diff("department", "", old, new)
        return
    for key in _keys(old, new):
        if key != "sections":
            yield from _diff("department", key, old.get(key, MISSING), new.get(key, MISSING))
    old_s, new_s = old.get("sections") or [], new.get("sections") or []
    for i, (a, b) in enumerate(_pairs(old_s, new_s), start=1):
        ref = a if a is not MISSING else b
        where = f"department section {i} {ref.get('name')}"
        if a is MISSING or b is MISSING:
            yield Difference(where, "(section)", _summary(a), _summary(b))
            continue
        for key in _keys(a, b):
            if key != "indicators":
                yield from _diff(where, key, a.get(key, MISSING), b.get(key, MISSING))
        for j, (x, y) in enumerate(_pairs(a.get("indicators") or [], b.get("indicators") or []), start=1):
            ind = x if x is not MISSING else y
            yield from _diff(f"{where} › indicator {j} {ind.get('name')}", "", x, y)


def _projects(old: list, new: list) -> Iterator[Difference]:
    if len(old) != len(new):
        yield Difference("", "projects (count)", len(old), len(new))
    for i, (a, b) in enumerate(_pairs(old, new)):
        ref = a if a is not MISSING else b
        where = f"project {ref.get('seq', i + 1)} {ref.get('name')}"
        if a is MISSING or b is MISSING:
            yield Difference(where, "(project)", _summary(a), _summary(b))
            continue
        for key in _keys(a, b):
            if key != "indicators":
                yield from _diff(where, key, a.get(key, MISSING), b.get(key, MISSING))
        old_i, new_i = a.get("indicators") or [], b.get("indicators") or []
        if len(old_i) != len(new_i):
            yield Difference(where, "indicators (count)", len(old_i), len(new_i))
        for j, (x, y) in enumerate(_pairs(old_i, new_i), start=1):
            ind = x if x is not MISSING else y
            label = f"{where} › indicator {j} {ind.get('level3')}"
            if x is MISSING or y is MISSING:
                yield Difference(label, "(indicator)", _summary(x), _summary(y))
            else:
                yield from _diff(label, "", x, y)


def _tables(old: list, new: list, tol: float) -> Iterator[Difference]:
    if len(old) != len(new):
        yield Difference("", "tables (count)", len(old), len(new))
    for i, (a, b) in enumerate(_pairs(old, new), start=1):
        ref = a if a is not MISSING else b
        pages = sorted({p.get("page") for p in ref.get("parts") or []})
        where = f"table {i} (page {','.join(map(str, pages))})"
        if a is MISSING or b is MISSING:
            yield Difference(where, "(table)", _summary(a), _summary(b))
            continue
        for key in _keys(a, b):
            if key in ("engine", "parts", "rows"):
                continue
            if key in LATER_TABLE_KEYS and key not in a:  # golden files written before the key existed
                continue
            yield from _diff(where, key, a.get(key, MISSING), b.get(key, MISSING))
        yield from _parts(where, a.get("parts") or [], b.get("parts") or [], tol)
        for r, (x, y) in enumerate(_pairs(a.get("rows") or [], b.get("rows") or [])):
            if x is MISSING or y is MISSING:
                yield Difference(where, f"row {r}", _summary(x), _summary(y))
                continue
            for c, (u, v) in enumerate(_pairs(x, y)):
                if not _same(u, v):
                    yield Difference(where, f"row {r} col {c}", u, v)


def _parts(where: str, old: list, new: list, tol: float) -> Iterator[Difference]:
    for k, (a, b) in enumerate(_pairs(old, new)):
        field = f"parts[{k}]"
        if a is MISSING or b is MISSING:
            yield Difference(where, field, a, b)
            continue
        for key in _keys(a, b):
            x, y = a.get(key, MISSING), b.get(key, MISSING)
            if key == "bbox" and _bbox_close(x, y, tol):
                continue
            yield from _diff(where, f"{field}.{key}", x, y)


def _bbox_close(a: Any, b: Any, tol: float) -> bool:
    try:
        return len(a) == len(b) and all(abs(float(u) - float(v)) <= tol for u, v in zip(a, b))
    except (TypeError, ValueError):
        return False


def _warnings(old: list, new: list) -> Iterator[Difference]:
    def key(w: dict) -> tuple[str, Any]:
        return (w.get("code"), w.get("page"))

    a, b = Counter(map(key, old)), Counter(map(key, new))
    for code, page in sorted((a - b).elements(), key=_sort_key):
        yield Difference("warnings", f"{code} (page {page})", "present", MISSING)
    for code, page in sorted((b - a).elements(), key=_sort_key):
        yield Difference("warnings", f"{code} (page {page})", MISSING, "present")


def _sort_key(k: tuple[str, Any]) -> tuple[str, int]:
    return (k[0] or "", k[1] if isinstance(k[1], int) else -1)


# ---------------------------------------------------------------- generic walk

def _diff(where: str, field: str, a: Any, b: Any) -> Iterator[Difference]:
    """Differences between two JSON values; `field` is the dotted path below `where`."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in _keys(a, b):
            yield from _diff(where, _join(field, str(key)), a.get(key, MISSING), b.get(key, MISSING))
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b) and _nested(a, b):
        for k, (x, y) in enumerate(zip(a, b)):
            yield from _diff(where, f"{field}[{k}]", x, y)
    elif not _same(a, b):
        yield Difference(where, field or "(whole)", a, b)


def _nested(a: list, b: list) -> bool:
    """Lists of objects are walked item by item; lists of plain values are shown whole (pages, goals)."""
    return any(isinstance(x, (dict, list)) for x in a + b)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if a is MISSING or b is MISSING:
        return a is b
    return type(a) is type(b) and a == b or (_is_num(a) and _is_num(b) and a == b)


def _is_num(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _keys(a: dict, b: dict) -> list[str]:
    return list(a) + [k for k in b if k not in a]


def _pairs(a: list, b: list) -> list[tuple[Any, Any]]:
    n = max(len(a), len(b))
    return [(a[i] if i < len(a) else MISSING, b[i] if i < len(b) else MISSING) for i in range(n)]


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


def _summary(x: Any) -> Any:
    if x is MISSING:
        return MISSING
    if isinstance(x, dict):
        for key in ("name", "level3", "raw"):
            if x.get(key):
                return f"{{{key}: {x[key]}}}"
        return "{…}"
    return x


def _from_first_difference(a: str, b: str, before: int = 20) -> tuple[str, str]:
    """Long texts shown from a little before where they first differ ("…" marks what was cut)."""
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    start = max(i - before, 0)
    cut = "…" if start else ""
    return cut + a[start:], cut + b[start:]


def _show(x: Any, limit: int = SHOW_LIMIT) -> str:
    if x is MISSING:
        return "(absent)"
    text = json.dumps(x, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"
