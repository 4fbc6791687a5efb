"""Checking single values from a file; each failure raises RowRejected naming the field."""

import re

from django.utils.translation import gettext_lazy as _

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
            raise RowRejected(field, _("a value is required"))
        return ""
    if len(value) > max_length:
        raise RowRejected(
            field,
            _("%(length)d characters; at most %(limit)d allowed"),
            length=len(value),
            limit=max_length,
        )
    if _CONTROL.search(value):
        raise RowRejected(field, _("contains control characters"))
    if value.startswith(_FORMULA_START) or (value.startswith("-") and not _is_number(value)):
        raise RowRejected(
            field, _("%(value)r looks like a spreadsheet formula; refused"), value=value[:40]
        )
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
        raise RowRejected(
            field,
            _("%(value)r is not a valid code (expected e.g. %(example)s)"),
            value=value[:40],
            example=example,
        )
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
        raise RowRejected(field, _("%(value)r is not a whole number"), value=value[:40]) from exc
    if not minimum <= number <= maximum:
        raise RowRejected(
            field,
            _("%(number)d is out of range (%(minimum)d–%(maximum)d)"),
            number=number,
            minimum=minimum,
            maximum=maximum,
        )
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
        raise RowRejected(field, _("%(value)r is not a number"), value=value[:40]) from exc
    if not -limit <= number <= limit or number != number:
        raise RowRejected(
            field, _("%(number)s is out of range (±%(limit)s)"), number=number, limit=limit
        )
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
        # One translatable message for the parser's English reasons (bad shape, no such
        # day, year out of range): the hint covers each.
        raise RowRejected(
            field,
            _(
                "%(value)r is not a valid date (expected YYYY, YYYY-MM, YYYY-MM-DD or "
                "D.M.YYYY, a year from 1000 to 2999)"
            ),
            value=value[:40],
        ) from exc


def boolean(row: dict[str, str], field: str) -> bool:
    value = row.get(field, "").casefold()
    if value in ("true", "1", "yes", "kyllä", "ja"):
        return True
    if value in ("false", "0", "no", "ei", "nej", "", "-"):
        return False
    raise RowRejected(field, _("%(value)r is not true or false"), value=value[:40])


def start_fields(value: PartialDate | None) -> dict:
    """Model fields for a period start given as a partial date."""
    if value is None:
        return {"start": None}
    return {"start": value.first_day(), "start_precision": value.precision.value}


def end_fields(value: PartialDate | None) -> dict:
    if value is None:
        return {"end": None}
    return {"end": value.last_day(), "end_precision": value.precision.value}
