"""The output contract as a JSON Schema, shipped in the package (extractor/schema.json)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    return json.loads(resources.files("extractor").joinpath("schema.json").read_text(encoding="utf-8"))


def validation_errors(doc: dict[str, Any]) -> list[str]:
    """Every way `doc` breaks the contract, as 'path: message' lines (empty when it conforms)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(load_schema())
    return [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))]


def validate(doc: dict[str, Any]) -> None:
    """Raise ValueError naming the first problems when `doc` breaks the contract."""
    errors = validation_errors(doc)
    if errors:
        raise ValueError("output breaks the contract:\n" + "\n".join(errors[:20]))
