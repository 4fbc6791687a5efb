"""Compare-then-write helpers the demo loader shares.

Loading the demo twice must change nothing, history included, so every helper compares
first and writes (through ``save_validated``, which records history) only what differs.
"""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from django.db import models

from verkosto.accounts.permissions import SYSTEM
from verkosto.common.partial_dates import parse_partial_date
from verkosto.registry.services.common import apply_changes, save_validated, set_m2m

DATA_SOURCE = "demo"
REASON = "demo data"


class DemoConflict(Exception):
    """The database holds something the demo data cannot be merged with safely."""


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class Tally:
    """Created / updated / unchanged counts per model."""

    def __init__(self) -> None:
        self._counts: dict[str, Counter] = defaultdict(Counter)

    def add(self, model: type[models.Model] | str, outcome: Outcome) -> None:
        name = model if isinstance(model, str) else model.__name__
        self._counts[name][outcome.value] += 1

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {
            name: {o.value: counts[o.value] for o in Outcome}
            for name, counts in self._counts.items()
        }

    def total(self, outcome: Outcome) -> int:
        return sum(counts[outcome.value] for counts in self._counts.values())


def period(start: str | None, end: str | None) -> dict[str, Any]:
    """Period fields from partial dates ("2023", "2023-09", "2023-09-01")."""
    values: dict[str, Any] = {"start": None, "start_precision": "day"}
    values.update(end=None, end_precision="day")
    if start:
        first = parse_partial_date(start)
        values.update(start=first.first_day(), start_precision=first.precision.value)
    if end:
        last = parse_partial_date(end)
        values.update(end=last.last_day(), end_precision=last.precision.value)
    return values


def iso_date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def save_changes(
    obj: models.Model,
    values: dict[str, Any],
    m2m: dict[str, Iterable[Any]] | None = None,
) -> Outcome:
    """Bring ``obj`` to ``values`` (and many-to-many sets); write only what differs."""
    changed = apply_changes(obj, values)
    if changed:
        save_validated(obj, actor=SYSTEM, reason=REASON)
    m2m_changed = [set_m2m(obj, name, items) for name, items in (m2m or {}).items()]
    return Outcome.UPDATED if changed or any(m2m_changed) else Outcome.UNCHANGED


def tag(obj: models.Model, origin_id: str) -> None:
    """Mark a record a service created as demo data, for services that take no
    ``data_source``/``origin_id``. A bookkeeping update: no history row, no timestamp."""
    type(obj).objects.filter(pk=obj.pk).update(data_source=DATA_SOURCE, origin_id=origin_id)
    obj.data_source, obj.origin_id = DATA_SOURCE, origin_id


def demo_owned(model: type[models.Model], key: str) -> Any:
    """The record the demo created under ``key``, or None."""
    return model.objects.filter(data_source=DATA_SOURCE, origin_id=key).first()


def origin(key: str) -> dict[str, str]:
    return {"data_source": DATA_SOURCE, "origin_id": key}
