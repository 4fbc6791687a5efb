"""Cost lines: staff time, travel and other costs of a membership (fees stay in registry)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from verkosto.accounts.models import Workspace
from verkosto.accounts.permissions import Actor
from verkosto.portfolio.models import CostKind, CostLine
from verkosto.portfolio.services.records import portfolio_delete, portfolio_save
from verkosto.registry.models import Membership, Source


def staff_cost(hours: Decimal | None, rate: Decimal | None) -> Decimal:
    if hours is None or rate is None:
        raise ValidationError({"staff_hours": _("Staff time needs the hours and the hourly rate.")})
    return (Decimal(hours) * Decimal(rate)).quantize(Decimal("0.01"))


@transaction.atomic
def cost_line_create(
    *,
    actor: Actor,
    workspace: Workspace,
    membership: Membership,
    year: int,
    kind: str,
    amount: Decimal | None = None,
    staff_hours: Decimal | None = None,
    hourly_rate: Decimal | None = None,
    currency: str = "EUR",
    note: str = "",
    source: Source | None = None,
) -> CostLine:
    """Record a cost; for staff time the amount is hours × rate."""
    if kind == CostKind.FEE:
        raise ValidationError(
            {"kind": _("Membership fees are recorded as the membership's fee, not as a cost line.")}
        )
    if kind == CostKind.STAFF:
        amount = staff_cost(staff_hours, hourly_rate)
    elif amount is None:
        raise ValidationError({"amount": _("Give the amount.")})
    line = CostLine(
        workspace=workspace,
        membership=membership,
        year=year,
        kind=kind,
        amount=amount,
        staff_hours=staff_hours,
        hourly_rate=hourly_rate,
        currency=currency,
        note=note,
        source=source,
    )
    portfolio_save(line, actor=actor)
    return line


@transaction.atomic
def cost_line_update(*, actor: Actor, line: CostLine, **changes) -> CostLine:
    for name, value in changes.items():
        setattr(line, name, value)
    if line.kind == CostKind.STAFF:
        line.amount = staff_cost(line.staff_hours, line.hourly_rate)
    portfolio_save(line, actor=actor)
    return line


def cost_line_delete(*, actor: Actor, line: CostLine) -> None:
    portfolio_delete(line, actor=actor)
