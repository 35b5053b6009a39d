"""Indicator values through the normalizer, with a `value_unparsed` warning where nothing could be read."""

from __future__ import annotations

from extractor.model import Value, Warning


def _is_empty_reading(v: Value) -> bool:
    """Nothing read (no comparison, number, unit or words), or a quantity whose number was not found."""
    from extractor.normalize.value import is_unparsed

    return (v.op is None and v.number is None and v.unit is None and v.text is None) or is_unparsed(v)


def read_value(raw: str, page: int | None, warnings: list[Warning]) -> Value:
    from extractor.normalize.value import parse_value

    try:
        value = parse_value(raw)
    except Exception as exc:  # a normalizer bug must not lose the row: keep the raw text, say so
        warnings.append(Warning("value_unparsed", f"value {raw!r} could not be read ({exc})", page))
        return Value(raw=raw)
    if raw.strip() and _is_empty_reading(value):
        warnings.append(Warning("value_unparsed", f"value {raw!r} could not be read", page))
    return value


def read_value_columns(op: str, number: str, unit: str, page: int | None, warnings: list[Warning]) -> Value:
    from extractor.normalize.value import parse_value_columns

    raw = op + number + unit
    try:
        value = parse_value_columns(op, number, unit)
    except Exception as exc:
        warnings.append(Warning("value_unparsed", f"value {raw!r} could not be read ({exc})", page))
        return Value(raw=raw)
    if raw.strip() and _is_empty_reading(value):
        warnings.append(Warning("value_unparsed", f"value {raw!r} could not be read", page))
    return value
