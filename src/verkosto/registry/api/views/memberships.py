from functools import cached_property

from django.db.models import Prefetch

from verkosto.api.flat import RowPlan
from verkosto.registry import filtersets
from verkosto.registry import models as m
from verkosto.registry.api.serializers.memberships import (
    FeeSummarySerializer,
    MembershipFeeSerializer,
    MembershipSerializer,
)
from verkosto.registry.api.views.base import RegistryViewSet
from verkosto.registry.api.views.flat import FlatReads
from verkosto.registry.selectors.visibility import private_q, visible
from verkosto.registry.services import memberships as services


def _own_fees(actor):
    """The fees a membership shows: only those of the actor's own workspaces."""
    return m.MembershipFee.objects.filter(private_q(actor)).order_by("-year", "pk")


class _Plans:
    """Made once, on first use, from the serializers (see verkosto.api.flat)."""

    @cached_property
    def membership(self) -> RowPlan:
        return RowPlan(MembershipSerializer(), computed=("themes", "fees"))

    @cached_property
    def fee(self) -> RowPlan:
        return RowPlan(FeeSummarySerializer())


PLANS = _Plans()


class MembershipViewSet(FlatReads, RegistryViewSet):
    """Memberships in networks. Private ones only to members of the owning workspace."""

    serializer_class = MembershipSerializer
    filterset_class = filtersets.MembershipFilterSet

    def get_queryset(self):
        actor = self.request.user
        return visible(m.Membership.objects.all(), actor).prefetch_related(
            "themes", Prefetch("fees", queryset=_own_fees(actor), to_attr="visible_fees")
        )

    def read_queryset(self):
        return visible(m.Membership.objects.all(), self.request.user)

    def read_columns(self):
        return PLANS.membership.columns

    def represent(self, rows):
        ids = [row["id"] for row in rows]
        themes: dict[int, list[str]] = {}
        fees: dict[int, list[dict]] = {}
        if ids:  # as prefetch_related: no queries for an empty page
            # Ordered as the prefetch of the themes relation (Theme.Meta.ordering).
            links = m.Membership.themes.through.objects.filter(membership_id__in=ids)
            ordering = [
                f"-theme__{name[1:]}" if name.startswith("-") else f"theme__{name}"
                for name in m.Theme._meta.ordering
            ]
            for membership_id, code in links.order_by(*ordering).values_list(
                "membership_id", "theme__code"
            ):
                themes.setdefault(membership_id, []).append(code)
            plan = PLANS.fee
            for fee in (
                _own_fees(self.request.user)
                .filter(membership_id__in=ids)
                .values("membership_id", *plan.columns)
            ):
                fees.setdefault(fee["membership_id"], []).append(plan(fee))
        plan = PLANS.membership
        out = []
        for row in rows:
            # Tuples render as the same JSON arrays; a page made only of tuples and of
            # dicts of plain values leaves the cyclic garbage collector nothing to trace.
            row["themes"] = tuple(themes.get(row["id"], ()))
            row["fees"] = tuple(fees.get(row["id"], ()))
            out.append(plan(row))
        return out

    def create_record(self, actor, data):
        return services.membership_create(actor=actor, **data)

    def update_record(self, actor, instance, data):
        services.membership_update(actor=actor, membership=instance, **data)

    def delete_record(self, actor, instance):
        services.membership_delete(actor=actor, membership=instance)


class MembershipFeeViewSet(RegistryViewSet):
    """Annual membership fees: always private to the workspace that pays them.

    Creating a fee for a year that already has one sets that year's fee.
    """

    serializer_class = MembershipFeeSerializer
    filterset_class = filtersets.MembershipFeeFilterSet

    def get_queryset(self):
        return m.MembershipFee.objects.filter(private_q(self.request.user))

    def create_record(self, actor, data):
        return services.membership_fee_set(actor=actor, **data)

    def update_record(self, actor, instance, data):
        data.setdefault("source", instance.source)
        data.setdefault("amount", instance.amount)
        data.setdefault("currency", instance.currency)
        data.setdefault("note", instance.note)
        services.membership_fee_set(
            actor=actor,
            workspace=instance.workspace,
            membership=instance.membership,
            year=instance.year,
            **data,
        )

    def delete_record(self, actor, instance):
        services.membership_fee_delete(actor=actor, fee=instance)
