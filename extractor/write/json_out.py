"""The contract document as a JSON file: UTF-8, Chinese text as is (not \\u escapes), indented 2."""

from __future__ import annotations

import json
import os
from typing import Any

from extractor.write.atomic import atomic_write


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write_json(doc: dict[str, Any], path: str | os.PathLike[str]) -> None:
    with atomic_write(path, "w", encoding="utf-8") as fh:
        fh.write(dumps(doc))
