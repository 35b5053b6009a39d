"""Document-level records the interpreters build; `to_dict()` gives the contract's JSON shapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from extractor.model import Value


@dataclass
class DocumentInfo:
    title: str | None = None
    year: int | None = None
    organization: str | None = None
    organization_code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "year": self.year, "organization": self.organization,
                "organization_code": self.organization_code}


@dataclass
class Indicator:
    level1: str | None
    level2: str | None
    level3: str | None
    description: str | None
    value: Value
    basis: str | None
    page: int

    def to_dict(self) -> dict[str, Any]:
        return {"level1": self.level1, "level2": self.level2, "level3": self.level3,
                "description": self.description, "value": self.value.to_dict(), "basis": self.basis,
                "page": self.page}


@dataclass
class Budget:
    total: float | None = None
    fiscal: float | None = None
    other: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "fiscal": self.fiscal, "other": self.other}


@dataclass
class PlanPeriod:
    period: str
    percent: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"period": self.period, "percent": self.percent}


@dataclass
class Project:
    seq: int = 0
    title: str | None = None
    code: str | None = None
    name: str | None = None
    amount_unit: str | None = None
    budget: Budget = field(default_factory=Budget)
    purpose: str | None = None
    spending_plan: list[PlanPeriod] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    attributes: dict[str, str | None] = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "title": self.title, "code": self.code, "name": self.name,
                "amount_unit": self.amount_unit, "budget": self.budget.to_dict(), "purpose": self.purpose,
                "spending_plan": [p.to_dict() for p in self.spending_plan], "goals": list(self.goals),
                "attributes": dict(self.attributes), "indicators": [i.to_dict() for i in self.indicators],
                "pages": list(self.pages)}


@dataclass
class GradedIndicator:
    name: str
    grades: dict[str, Value]
    page: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "grades": {k: v.to_dict() for k, v in self.grades.items()},
                "page": self.page}


@dataclass
class Section:
    name: str
    goal: str | None = None
    indicators: list[GradedIndicator] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "goal": self.goal, "indicators": [i.to_dict() for i in self.indicators]}


@dataclass
class Department:
    overall_goal: str | None = None
    sections: list[Section] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"overall_goal": self.overall_goal, "sections": [s.to_dict() for s in self.sections]}
