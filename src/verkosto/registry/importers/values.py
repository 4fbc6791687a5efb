"""Checking single values from a file; each failure raises RowRejected naming the field."""

import re

from verkosto.common.partial_dates import PartialDate, PartialDateError, parse_partial_date
from verkosto.registry.importers.errors import RowRejected

# A cell starting with one of these is run as a formula by spreadsheet programs
# (CSV injection). Names never start so; a negative number may, so '-' is checked apart.
_FORMULA_START = ("=", "+", "@", "\t", "\r", "|")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text(row: dict[str, str], field: str, *, max_length: int, required: bool = True) -> str:
    """A clean text value: not over-long, no control characters, not a formula."""
    value = row.get(field, "")
    if not value:
        if required:
            raise RowRejected(field, "a value is required")
        return ""
    if len(value) > max_length:
        raise RowRejected(field, f"{len(value)} characters; at most {max_length} allowed")
    if _CONTROL.search(value):
        raise RowRejected(field, "contains control characters")
    if value.startswith(_FORMULA_START) or (value.startswith("-") and not _is_number(value)):
        raise RowRejected(field, f"{value[:40]!r} looks like a spreadsheet formula; refused")
    return value


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def code(row: dict[str, str], field: str, *, pattern: str, example: str) -> str:
    """A code that must match ``pattern`` fully (e.g. three digits)."""
    value = row.get(field, "")
    if not re.fullmatch(pattern, value):
        raise RowRejected(field, f"{value[:40]!r} is not a valid code (expected e.g. {example})")
    return value


def integer(
    row: dict[str, str],
    field: str,
    *,
    minimum: int = 0,
    maximum: int = 10**10,
    missing: tuple[str, ...] = ("", "-", "NA"),
) -> int | None:
    value = row.get(field, "")
    if value in missing:
        return None
    try:
        number = int(float(value)) if re.fullmatch(r"-?\d+(\.0+)?", value) else int(value)
    except ValueError as exc:
        raise RowRejected(field, f"{value[:40]!r} is not a whole number") from exc
    if not minimum <= number <= maximum:
        raise RowRejected(field, f"{number} is out of range ({minimum}–{maximum})")
    return number


def coordinate(
    row: dict[str, str], field: str, *, limit: float, missing: tuple[str, ...] = ("", "-", "NA")
) -> float | None:
    value = row.get(field, "")
    if value in missing:
        return None
    try:
        number = float(value)
    except ValueError as exc:
        raise RowRejected(field, f"{value[:40]!r} is not a number") from exc
    if not -limit <= number <= limit or number != number:
        raise RowRejected(field, f"{number} is out of range (±{limit})")
    return number


def partial_date(
    row: dict[str, str], field: str, *, missing: tuple[str, ...] = ("", "-", "NA")
) -> PartialDate | None:
    value = row.get(field, "")
    if value in missing:
        return None
    try:
        return parse_partial_date(value)
    except PartialDateError as exc:
        raise RowRejected(field, str(exc)) from exc


def boolean(row: dict[str, str], field: str) -> bool:
    value = row.get(field, "").casefold()
    if value in ("true", "1", "yes", "kyllä", "ja"):
        return True
    if value in ("false", "0", "no", "ei", "nej", "", "-"):
        return False
    raise RowRejected(field, f"{value[:40]!r} is not true or false")


def start_fields(value: PartialDate | None) -> dict:
    """Model fields for a period start given as a partial date."""
    if value is None:
        return {"start": None}
    return {"start": value.first_day(), "start_precision": value.precision.value}


def end_fields(value: PartialDate | None) -> dict:
    if value is None:
        return {"end": None}
    return {"end": value.last_day(), "end_precision": value.precision.value}
