"""The kinds of record the detail, edit and history pages serve, and how to find one.

A *kind* is the name in the URL names (``registry:<kind>-detail``, ``-edit``, ``-history``)
and in the template paths; ``record_or_404`` reads one record as the request's user may
see it — a private record of another workspace is a 404, as if it did not exist.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models import QuerySet
from django.http import Http404
from django.urls import NoReverseMatch, reverse

from verkosto.accounts.permissions import Actor
from verkosto.registry import models as m
from verkosto.registry.selectors.visibility import private_q, visible, visible_q


@dataclass(frozen=True)
class Kind:
    name: str
    model: type[models.Model]
    prefix: str  # URL path segment: organisations/<pk>/…

    def queryset(self, actor: Actor) -> QuerySet:
        queryset = self.model._default_manager.all()
        if self.model is m.MembershipFee:
            return queryset.filter(private_q(actor))
        if self.model is m.PartnershipParty:
            return queryset.filter(visible_partnership_q(actor)).select_related("partnership")
        if any(f.name == "workspace" for f in self.model._meta.fields):
            return visible(queryset, actor)
        return queryset

    def url(self, action: str, *args) -> str | None:
        try:
            return reverse(f"registry:{self.name}-{action}", args=args)
        except NoReverseMatch:
            return None


def visible_partnership_q(actor: Actor):
    return visible_q(actor, prefix="partnership__")


KINDS = {
    kind.name: kind
    for kind in (
        Kind("organisation", m.Organisation, "organisations"),
        Kind("membership", m.Membership, "memberships"),
        Kind("twinning", m.Twinning, "twinnings"),
        Kind("partnership", m.Partnership, "partnerships"),
        Kind("theme", m.Theme, "themes"),
        Kind("goal", m.StrategicGoal, "goals"),
        Kind("event", m.Event, "events"),
        Kind("source", m.Source, "sources"),
        Kind("membershipfee", m.MembershipFee, "fees"),
        Kind("partnershipparty", m.PartnershipParty, "parties"),
    )
}
KIND_OF_MODEL = {kind.model: kind for kind in KINDS.values()}


def record_or_404(kind: Kind, actor: Actor, pk: int) -> models.Model:
    try:
        return kind.queryset(actor).get(pk=pk)
    except kind.model.DoesNotExist:
        raise Http404(f"No {kind.name} {pk}") from None


def detail_url(obj: models.Model) -> str | None:
    """The page of ``obj``; a fee or a party has none of its own: its parent's page."""
    if isinstance(obj, m.MembershipFee):
        obj = obj.membership
    elif isinstance(obj, m.PartnershipParty):
        obj = obj.partnership
    kind = KIND_OF_MODEL.get(type(obj))
    return kind.url("detail", obj.pk) if kind else None
