"""Where on the page a finding points: the bounding box of the project's table part on that page.

The document's `tables` carry a bbox per page part, not per cell, so a finding is boxed by the part of
its project's table on the finding's page (or null where no table is known there). Cell boxes would need
the extract stage to keep them in the document.
"""

from __future__ import annotations

from typing import Any


def squeeze(text: Any) -> str:
    return "".join(str(text).split()) if text else ""


class TablePlaces:
    def __init__(self, tables: list[dict[str, Any]]):
        self.tables = [t for t in tables if isinstance(t, dict)]
        self._texts: dict[int, str] = {}

    def _text(self, i: int) -> str:
        if i not in self._texts:
            self._texts[i] = "\x00".join(squeeze(c) for row in self.tables[i].get("rows") or []
                                         for c in row if c)
        return self._texts[i]

    def parts_on(self, page: int | None) -> list[tuple[int, dict[str, Any]]]:
        return [(i, part) for i, t in enumerate(self.tables) for part in t.get("parts") or []
                if part.get("page") == page]

    def bbox(self, project: dict[str, Any], page: int | None) -> list[float] | None:
        """The part, on `page`, of the table that prints this project (by its code or name)."""
        if page is None:
            return None
        parts = self.parts_on(page)
        if len(parts) == 1:
            return _box(parts[0][1])
        keys = [squeeze(project.get(k)) for k in ("code", "name")]
        keys = [k for k in keys if len(k) >= 2]
        for i, part in parts:
            text = self._text(i)
            if any(k in text for k in keys):
                return _box(part)
        return None

    def part_bbox(self, table: int, page: int | None) -> list[float] | None:
        for part in self.tables[table].get("parts") or []:
            if part.get("page") == page:
                return _box(part)
        return None


def _box(part: dict[str, Any]) -> list[float] | None:
    bbox = part.get("bbox")
    return [float(v) for v in bbox] if bbox and len(bbox) == 4 else None
