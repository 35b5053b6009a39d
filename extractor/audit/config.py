"""The audit's thresholds: the defaults shipped beside the rules (rules.toml), overridden by `--rules FILE`.

A rules file need only name what it changes: its tables are merged into the defaults key by key (a list
replaces the default list).
"""

from __future__ import annotations

import os
import tomllib
from importlib import resources
from typing import Any

from extractor.errors import ExtractorError


class BadRules(ExtractorError):
    code = "bad_rules"


def default_rules() -> dict[str, Any]:
    return tomllib.loads(resources.files("extractor.audit").joinpath("rules.toml").read_text(encoding="utf-8"))


def load_rules(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The defaults, with `path`'s settings laid over them (a clear error for a file that is not TOML)."""
    rules = default_rules()
    if path is None:
        return rules
    try:
        with open(path, "rb") as fh:
            override = tomllib.load(fh)
    except OSError as exc:
        raise BadRules(f"{path}: {exc.strerror or type(exc).__name__}") from None
    except tomllib.TOMLDecodeError as exc:
        raise BadRules(f"{path}: not a TOML rules file ({exc})") from None
    return merge(rules, override)


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out
