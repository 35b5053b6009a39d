"""Findings as rows (findings.csv, the XLSX 问题 sheet), one per finding, with the file they belong to."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FINDING_COLUMNS = ["file", "rule", "severity", "page", "project_seq", "indicator", "message", "bbox", "values"]
FINDINGS_CSV = "findings.csv"


def finding_rows(docs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every document's `findings` (documents audited), flattened; bbox as 'x0,top,x1,bottom'."""
    rows = []
    for doc in docs:
        file = (doc.get("source") or {}).get("file") or ""
        for f in doc.get("findings") or []:
            bbox = f.get("bbox")
            rows.append({"file": file, "rule": f.get("rule"), "severity": f.get("severity"),
                         "page": f.get("page"), "project_seq": f.get("project_seq"),
                         "indicator": f.get("indicator"), "message": f.get("message"),
                         "bbox": ",".join(f"{v:g}" for v in bbox) if bbox else None,
                         "values": json.dumps(f.get("values") or {}, ensure_ascii=False, sort_keys=True)})
    return rows


def write_findings_csv(docs: Iterable[dict[str, Any]], path: str | os.PathLike[str]) -> Path:
    """findings.csv (UTF-8 with BOM, RFC 4180, as the contract's other CSV files), written atomically."""
    from extractor.write.csv_out import write_rows

    path = Path(path)
    write_rows(path, FINDING_COLUMNS, finding_rows(docs))
    return path
