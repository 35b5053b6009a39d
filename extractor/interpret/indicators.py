"""Indicator rows, read by their header cells (labels.INDICATOR_COLUMNS), for every table pattern.

The header row names its columns (一级指标 … 指标值, 指标性质/度量单位 in any order, 权重, 实施周期指标值,
实际完成值, 得分, 备注 …); each row below it is one indicator. One reader serves form, list and
department-wide tables: the pattern decides which rows belong to which record, this module reads a row.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import regex

from extractor.interpret import labels as L
from extractor.interpret.cells import CellMap, squeeze
from extractor.interpret.fields import amount
from extractor.interpret.records import Indicator
from extractor.interpret.values import read_value, read_value_columns
from extractor.model import Table, Value, Warning

VALUE_PARTS = ("op", "value", "unit")


@dataclass
class IndicatorHeader:
    row: int
    columns: dict[str, int]  # field -> column ("attribute" columns are in `attributes`)
    attributes: dict[int, str]  # column -> label as printed (white space removed)
    data_row: int  # the first row below the header block

    @property
    def flat(self) -> bool:
        """A single 指标名称 column (Chongqing): level1/level2 stay null."""
        return "level1" not in self.columns and "level2" not in self.columns


def header_at(cm: CellMap, r: int) -> IndicatorHeader | None:
    cols: dict[str, int] = {}
    attributes: dict[int, str] = {}
    last = r
    for cell in cm.row_cells(r):
        if cell.row != r:
            continue
        name = L.indicator_field(cell.text)
        if name == "attribute":
            attributes[cell.col] = L.label_text(cell.text)
        elif name and name not in cols:
            cols[name] = cell.col
        if name:
            last = max(last, cell.last_row)
    if cols and last > r:  # heads over sub-heads (指标值 over 年度指标值 / 实施期指标值): the sub-heads name columns
        for r2 in range(r + 1, last + 1):
            for cell in cm.row_cells(r2):
                if cell.row != r2:
                    continue
                name = L.indicator_field(cell.text)
                if name == "attribute":
                    attributes[cell.col] = L.label_text(cell.text)
                elif name and (name not in cols or cm.at(r, cols[name]) is cm.at(r, cell.col)):
                    cols[name] = cell.col
    if "level3" not in cols and "level1" not in cols and ("op" in cols or "unit" in cols):
        # 绩效指标 printing the levels run together
        combined = next((c for c in cm.row_cells(r) if c.row == r and L.matches(L.COMBINED, c.text)), None)
        if combined is not None:
            cols["level3"] = combined.col
            cols["combined"] = combined.col
    if "level1" not in cols and "level2" in cols and "level3" in cols and "value" in cols and cols["level2"] > 0:
        left = cm.at(r, cols["level2"] - 1)  # a 一级指标 head printed blank: the column left of 二级指标
        if left is not None and left.row == r and not squeeze(left.text):
            cols["level1"] = left.col
    leveled = "level1" in cols and ("level2" in cols or "level3" in cols) and (
        "value" in cols or "op" in cols or "actual" in cols)
    flat = ("level3" in cols and "value" in cols and "level1" not in cols
            and ("op" in cols or "unit" in cols or "weight" in cols))
    if not (leveled or flat):
        return None
    return IndicatorHeader(r, cols, attributes, last + 1)


def find_indicator_header(cm: CellMap, start: int = 0, stop: int | None = None) -> IndicatorHeader | None:
    """The first row in [start, stop) naming 一级指标 … 指标值 (or a flat 指标名称 … 指标值 list)."""
    for r in range(start, cm.n_rows if stop is None else stop):
        if r in cm.headerless_rows:
            continue
        header = header_at(cm, r)
        if header is not None:
            return header
        cm.headerless_rows.add(r)
    return None


def is_header_row(cm: CellMap, header: IndicatorHeader, r: int) -> bool:
    """A row that repeats the header's labels (printed again after a page break)."""
    hits = 0
    for name, c in header.columns.items():
        cell = cm.at(r, c)
        if cell is not None and L.indicator_field(cell.text) == name:
            hits += 1
    return hits >= 2


def _number(text: str, what: str, page: int, warnings: list[Warning]) -> float | None:
    s = regex.sub(r"[（(][%％][)）]", "", squeeze(text)).rstrip("分")  # a head's `(%)` run into the cell
    if not s:
        return None
    value, ok = amount(s.rstrip("%％"))
    if not ok:
        warnings.append(Warning("value_unparsed", f"{what} {text!r} is not a number", page))
    return value


def _value(texts: dict[str, str], cols: dict[str, int], page: int, warnings: list[Warning]) -> Value | None:
    if "op" in cols or "unit" in cols:
        value = read_value_columns(texts.get("op", ""), texts.get("value", ""), texts.get("unit", ""),
                                   page, warnings)
        parts = sorted((cols[k], k) for k in VALUE_PARTS if k in cols)
        raw = "".join(squeeze(texts.get(k, "")) if k != "value" else (texts.get(k) or "").strip()
                      for _, k in parts)
        return dataclasses.replace(value, raw=raw) if raw != value.raw else value
    if "value" not in cols:
        return None
    return read_value(texts.get("value", ""), page, warnings)


def _level(texts: dict[str, str], cols: dict[str, int], name: str) -> str | None:
    if name in cols:
        return L.level_name(texts.get(name), L.LEVEL1_NAMES if name == "level1" else None)
    if "combined" in cols:
        return texts.get(name) or None
    return None


def read_row(cm: CellMap, header: IndicatorHeader, r: int, page: int, warnings: list[Warning],
             levels: dict[str, str | None] | None = None) -> Indicator:
    """One indicator from row r. `levels` gives level1/level2 to use where the row's own cells are empty."""
    cols = header.columns
    texts = {name: cm.text(r, c) for name, c in cols.items()}
    for name in ("level1", "level2"):
        if levels and name in cols and not squeeze(texts[name]):
            texts[name] = levels.get(name) or ""
    if "combined" in cols:
        l1, l2, name = L.split_levels(texts["level3"])
        texts["level3"] = name
        texts["level1"], texts["level2"] = l1 or "", l2 or ""
    period = texts.get("period_value")
    actual = texts.get("actual")
    return Indicator(
        level1=_level(texts, cols, "level1"),
        level2=_level(texts, cols, "level2"),
        level3=L.item_name(texts.get("level3")) if "level3" in cols else None,
        description=(texts["description"] or None) if "description" in cols else None,
        value=_value(texts, cols, page, warnings),
        basis=(texts["basis"] or None) if "basis" in cols else None,
        page=page,
        period_value=read_value(period, page, warnings) if period is not None and squeeze(period) else None,
        weight=_number(texts["weight"], "weight", page, warnings) if "weight" in cols else None,
        actual=read_value(actual, page, warnings) if actual is not None and squeeze(actual) else None,
        score=_number(texts["score"], "score", page, warnings) if "score" in cols else None,
        attributes={label: cm.text(r, c) for c, label in header.attributes.items()},
    )


def has_content(cm: CellMap, header: IndicatorHeader, r: int) -> bool:
    """Does row r say anything beyond the level cells merged down onto it?"""
    return any(squeeze(cm.text(r, c)) for name, c in header.columns.items()
               if name not in ("level1", "level2", "combined"))


def read_rows(table: Table, cm: CellMap, header: IndicatorHeader, rows: range, warnings: list[Warning],
              skip=None, before: Indicator | None = None) -> list[Indicator]:
    """The indicators of `rows`: an empty level cell after a page break carries the level above it
    (`before`: the last indicator of the table this one continues)."""
    out: list[Indicator] = []
    carried = {"level1": before is not None, "level2": before is not None}
    for r in rows:
        page = table.row_pages[r] if r < len(table.row_pages) else (table.parts[0].page if table.parts else 1)
        if skip is not None and skip(r):
            continue
        if not has_content(cm, header, r):
            continue  # nothing of its own (an empty row under merged level cells)
        row_cells = cm.row_cells(r)
        if len(row_cells) == 1 and row_cells[0].colspan == cm.n_cols:
            continue  # a note across the whole table (备注：…), not an indicator
        if is_header_row(cm, header, r):
            continue
        prev = out[-1] if out else before
        prev_page = table.row_pages[r - 1] if 0 < r <= len(table.row_pages) else page
        levels: dict[str, str | None] = {}
        for name in ("level1", "level2"):
            if name in header.columns and not squeeze(cm.text(r, header.columns[name])) and prev is not None:
                if page != prev_page or carried[name]:
                    levels[name] = getattr(prev, name)
                    carried[name] = True
                    continue
            carried[name] = False
        out.append(read_row(cm, header, r, page, warnings, levels))
    _join_cut_levels(out)
    return out


def _join_cut_levels(indicators: list[Indicator]) -> None:
    """A first-level cell cut by a page break prints part of its name on each page (`效` | `益指标`): where
    the two parts make a known name, both runs get it."""
    for i in range(1, len(indicators)):
        a, b = indicators[i - 1], indicators[i]
        if a.page == b.page or not a.level1 or not b.level1 or a.level1 == b.level1:
            continue
        names = L.LEVEL1_NAMES
        if a.level1 not in names and b.level1 in names and b.level1.startswith(a.level1):
            whole = b.level1  # the second piece was already read whole
        elif b.level1 not in names and a.level1 in names and a.level1.endswith(b.level1):
            whole = a.level1
        else:
            whole = a.level1 + b.level1
            if whole not in names or a.level1 in names or b.level1 in names:
                continue
        first, second = a.level1, b.level1
        j = i - 1
        while j >= 0 and indicators[j].level1 == first:
            indicators[j].level1 = whole
            j -= 1
        j = i
        while j < len(indicators) and indicators[j].level1 == second:
            indicators[j].level1 = whole
            j += 1
