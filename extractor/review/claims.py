"""Which table each project, or the department part, was read from; the rest are the raw tables.

The document does not name a project's table, so it is found the way a reader would: a table on the
project's pages whose cells print the project's code or name, or half (or three) of its indicator names. The
department part claims the tables on its pages that print its indicator names.
"""

from __future__ import annotations

from typing import Any

import regex

_SPACE = regex.compile(r"\s+")


def _squeeze(text: str | None) -> str:
    return _SPACE.sub("", text or "")


def _table_text(table: dict[str, Any]) -> set[str]:
    return {_squeeze(t) for row in table.get("rows") or [] for t in row if t}


def _pages(table: dict[str, Any]) -> set[int]:
    return {p["page"] for p in table.get("parts") or []}


def table_owners(doc: dict[str, Any]) -> list[dict[str, Any] | None]:
    """One entry per table: {"kind": "project", "seq": N}, {"kind": "department"}, or None (raw)."""
    tables = doc.get("tables") or []
    texts = [_table_text(t) for t in tables]
    blobs = ["\u0001".join(sorted(t)) for t in texts]
    owners: list[dict[str, Any] | None] = [None] * len(tables)
    for project in doc.get("projects") or []:
        pages = set(project.get("pages") or [])
        keys = [_squeeze(project.get(k)) for k in ("code", "name")]
        names = [_squeeze(i.get("level3")) for i in project.get("indicators") or [] if i.get("level3")]
        for t, table in enumerate(tables):
            if owners[t] is not None or not (_pages(table) & pages):
                continue
            if any(k and k in blobs[t] for k in keys) or _most(names, texts[t]):
                owners[t] = {"kind": "project", "seq": project.get("seq")}
    department = doc.get("department") or {}
    dep_pages = set(department.get("pages") or [])
    dep_names = []
    for section in department.get("sections") or []:
        for ind in section.get("indicators") or []:
            dep_pages.add(ind.get("page"))
            dep_names.append(_squeeze(ind.get("name")))
    dep_names += [_squeeze(i.get("level3") or i.get("name")) for i in department.get("indicators") or []]
    for t, table in enumerate(tables):
        if owners[t] is None and _pages(table) & dep_pages and (any(n and n in texts[t] for n in dep_names)
                                                                  or department.get("pages")):
            owners[t] = {"kind": "department"}
    return owners


def _most(names: list[str], cells: set[str]) -> bool:
    """Half of the names, or three of them (a project read from a long list table spans many tables)."""
    names = [n for n in names if n]
    found = sum(1 for n in names if n in cells)
    return bool(names) and (found * 2 >= len(names) or found >= 3)
