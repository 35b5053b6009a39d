"""A finding (spec/output-contract.md, "Findings") and what every rule is given: the document and its rules.

Rules read the contract document only, never the PDF, so they work for every layout the pipeline reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extractor.audit.place import TablePlaces

ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass
class Finding:
    rule: str
    severity: str
    message: str  # Chinese: what the table says, and what it should say
    page: int | None = None
    bbox: list[float] | None = None
    project_seq: int | None = None
    indicator: int | None = None  # 0-based index in the project's indicators
    values: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "message": self.message, "page": self.page,
                "bbox": self.bbox, "project_seq": self.project_seq, "indicator": self.indicator,
                "values": self.values}


@dataclass
class Context:
    doc: dict[str, Any]
    rules: dict[str, Any]
    places: TablePlaces

    @classmethod
    def of(cls, doc: dict[str, Any], rules: dict[str, Any]) -> "Context":
        return cls(doc=doc, rules=rules, places=TablePlaces(doc.get("tables") or []))

    @property
    def projects(self) -> list[dict[str, Any]]:
        return [p for p in self.doc.get("projects") or [] if isinstance(p, dict)]

    @property
    def year(self) -> int | None:
        year = (self.doc.get("document") or {}).get("year")
        return year if isinstance(year, int) else None

    def at_project(self, rule: str, severity: str, message: str, project: dict[str, Any],
                   page: int | None = None, indicator: int | None = None, **values: Any) -> Finding:
        """A finding about a project (or one of its indicators), placed on its table's part of `page`."""
        pages = project.get("pages") or []
        if page is None:
            page = pages[0] if pages else None
        return Finding(rule=rule, severity=severity, message=message, page=page,
                       bbox=self.places.bbox(project, page), project_seq=project.get("seq"),
                       indicator=indicator, values=values)


def project_label(project: dict[str, Any]) -> str:
    """第3个项目“法律顾问”: how a message names a project (its name, else title, else code)."""
    name = project.get("name") or project.get("title") or project.get("code") or ""
    seq = project.get("seq")
    where = f"第{seq}个项目" if seq is not None else "项目"
    return f"{where}“{name}”" if name else where


def indicator_label(ind: dict[str, Any]) -> str:
    return f"指标“{ind.get('level3') or ''}”"


def amount_text(x: float | None, unit: str | None = None) -> str:
    """12,345.00 万元 (amounts as a reader compares them with the page)."""
    if x is None:
        return "（空）"
    text = f"{x:,.2f}"
    return f"{text} {unit}" if unit else text
