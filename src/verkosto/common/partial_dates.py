"""Partial dates ("2019", "2019-05", "2019-05-17"): pure functions, no Django.

Sources often give only a year or a month. A period's *start* is stored as the first
day it may mean and its *end* as the last day, each with its precision, so that
"current as of day D" is the plain comparison ``start <= D <= end`` in SQL and the
display can still say "2019" rather than inventing "2019-01-01".
"""

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


_PATTERN = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")
_FI_PATTERN = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")


class PartialDateError(ValueError):
    """The text is not a year, a year-month or a date."""


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None:
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @classmethod
    def from_date(cls, value: dt.date, precision: Precision | str) -> "PartialDate":
        precision = Precision(precision)
        if precision is Precision.YEAR:
            return cls(value.year)
        if precision is Precision.MONTH:
            return cls(value.year, value.month)
        return cls(value.year, value.month, value.day)


def parse_partial_date(text: str) -> PartialDate:
    """Parse ISO-like ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or Finnish ``D.M.YYYY``.

    A trailing time (``2010-01-26 00:00:00``) is ignored.
    """
    raw = text.strip()
    if len(raw) > 10 and raw[10] in " T":
        raw = raw[:10]
    match = _PATTERN.match(raw)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
    else:
        match = _FI_PATTERN.match(raw)
        if not match:
            raise PartialDateError(f"not a date: {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        day, month, year = (int(g) for g in match.groups())
    if not 1000 <= year <= 2999:
        raise PartialDateError(f"year out of range: {text!r}")
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as exc:
        raise PartialDateError(f"no such date: {text!r}") from exc
    return PartialDate(year, month, day)
