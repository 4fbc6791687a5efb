"""Indicators and their values over time."""

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from verkosto.accounts.models import Workspace
from verkosto.accounts.permissions import Actor
from verkosto.portfolio.models import Indicator, IndicatorValue
from verkosto.portfolio.services.records import portfolio_delete, portfolio_save
from verkosto.registry.models import Organisation, Source


@transaction.atomic
def indicator_create(
    *,
    actor: Actor,
    workspace: Workspace,
    names: Mapping[str, str],
    owner: Organisation,
    unit: str,
    **fields: Any,
) -> Indicator:
    """``fields``: direction, baseline(_year), target(_year), and exactly one of
    organisation / goal / membership (the model's constraint says which is missing)."""
    names = {lang: text.strip() for lang, text in names.items() if text and text.strip()}
    if not names:
        raise ValidationError({"name_fi": _("Give the indicator a name in one language.")})
    indicator = Indicator(workspace=workspace, owner=owner, unit=unit, **fields)
    indicator.name = next(iter(names.values()))
    for lang, text in names.items():
        setattr(indicator, f"name_{lang}", text)
    portfolio_save(indicator, actor=actor)
    return indicator


@transaction.atomic
def indicator_value_set(
    *,
    actor: Actor,
    indicator: Indicator,
    date: dt.date,
    value: Decimal,
    note: str = "",
    source: Source | None = None,
) -> IndicatorValue:
    """Record the value on ``date``, replacing one recorded for the same day."""
    row = IndicatorValue.objects.filter(indicator=indicator, date=date).first() or (
        IndicatorValue(indicator=indicator, date=date)
    )
    row.value, row.note, row.source = value, note, source
    portfolio_save(row, actor=actor)
    return row


def indicator_delete(*, actor: Actor, indicator: Indicator) -> None:
    portfolio_delete(indicator, actor=actor)


def indicator_value_delete(*, actor: Actor, value: IndicatorValue) -> None:
    portfolio_delete(value, actor=actor)
