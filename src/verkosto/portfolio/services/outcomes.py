"""Outcomes: what a membership or an event brought."""

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from verkosto.accounts.models import Workspace
from verkosto.accounts.permissions import Actor
from verkosto.portfolio.models import Outcome
from verkosto.portfolio.services.records import portfolio_delete, portfolio_save
from verkosto.registry.models import Event, Membership, Source, StrategicGoal
from verkosto.registry.services.common import set_m2m


@transaction.atomic
def outcome_create(
    *,
    actor: Actor,
    workspace: Workspace,
    type: str,
    titles: Mapping[str, str],
    date: dt.date,
    membership: Membership | None = None,
    event: Event | None = None,
    goals: Iterable[StrategicGoal] = (),
    value_estimate: Decimal | None = None,
    currency: str = "EUR",
    evidence: str = "",
    evidence_url: str = "",
    source: Source | None = None,
) -> Outcome:
    """Record an outcome; ``titles`` maps language → title (at least one)."""
    titles = {lang: text.strip() for lang, text in titles.items() if text and text.strip()}
    if not titles:
        raise ValidationError({"title_fi": _("Give the outcome a title in one language.")})
    goals = list(goals)
    if membership is not None and goals:
        others = [g for g in goals if g.organisation_id != membership.member_id]
        if others:
            raise ValidationError(
                {"goals": _("Pick goals of the organisation that holds the membership.")}
            )
    outcome = Outcome(
        workspace=workspace,
        type=type,
        date=date,
        membership=membership,
        event=event,
        value_estimate=value_estimate,
        currency=currency,
        evidence=evidence,
        evidence_url=evidence_url,
        source=source,
    )
    # The untranslated field is what modeltranslation validates: fill it from any language.
    outcome.title = next(iter(titles.values()))
    for lang, text in titles.items():
        setattr(outcome, f"title_{lang}", text)
    portfolio_save(outcome, actor=actor)
    set_m2m(outcome, "goals", goals)
    return outcome


def outcome_delete(*, actor: Actor, outcome: Outcome) -> None:
    portfolio_delete(outcome, actor=actor)
