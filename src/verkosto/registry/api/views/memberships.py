from django.db.models import Prefetch

from verkosto.registry import filtersets
from verkosto.registry import models as m
from verkosto.registry.api.serializers.memberships import (
    MembershipFeeSerializer,
    MembershipSerializer,
)
from verkosto.registry.api.views.base import RegistryViewSet
from verkosto.registry.selectors.visibility import private_q, visible
from verkosto.registry.services import memberships as services


class MembershipViewSet(RegistryViewSet):
    """Memberships in networks. Private ones only to members of the owning workspace."""

    serializer_class = MembershipSerializer
    filterset_class = filtersets.MembershipFilterSet

    def get_queryset(self):
        actor = self.request.user
        own_fees = m.MembershipFee.objects.filter(private_q(actor)).order_by("-year", "pk")
        return visible(m.Membership.objects.all(), actor).prefetch_related(
            "themes", Prefetch("fees", queryset=own_fees, to_attr="visible_fees")
        )

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
