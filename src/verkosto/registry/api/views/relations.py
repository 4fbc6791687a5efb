"""Twinnings, partnerships and their parties."""

from django.db.models import Prefetch

from verkosto.registry import filtersets
from verkosto.registry import models as m
from verkosto.registry.api.serializers.relations import (
    PartnershipPartySerializer,
    PartnershipSerializer,
    TwinningSerializer,
)
from verkosto.registry.api.views.base import RegistryViewSet
from verkosto.registry.selectors.visibility import visible, visible_q
from verkosto.registry.services import partnerships as partnership_services
from verkosto.registry.services import twinnings as twinning_services


class TwinningViewSet(RegistryViewSet):
    """Twin towns: unordered pairs of municipalities."""

    serializer_class = TwinningSerializer
    filterset_class = filtersets.TwinningFilterSet

    def get_queryset(self):
        return visible(m.Twinning.objects.all(), self.request.user)

    def create_record(self, actor, data):
        return twinning_services.twinning_create(
            actor=actor, a=data.pop("first"), b=data.pop("second"), **data
        )

    def update_record(self, actor, instance, data):
        twinning_services.twinning_update(actor=actor, twinning=instance, **data)

    def delete_record(self, actor, instance):
        twinning_services.twinning_delete(actor=actor, twinning=instance)


class PartnershipViewSet(RegistryViewSet):
    """Partnerships and agreements between any number of parties."""

    serializer_class = PartnershipSerializer
    filterset_class = filtersets.PartnershipFilterSet

    def get_queryset(self):
        parties = m.PartnershipParty.objects.order_by("pk")
        return visible(m.Partnership.objects.all(), self.request.user).prefetch_related(
            "themes", Prefetch("party_links", queryset=parties)
        )

    def create_record(self, actor, data):
        parties = [(p["organisation"], p["role"]) for p in data.pop("party_links", [])]
        names = {
            key: data.pop(key) for key in list(data) if key.startswith(("name_", "description_"))
        }
        return partnership_services.partnership_create(
            actor=actor, names=names, parties=parties, **data
        )

    def update_record(self, actor, instance, data):
        partnership_services.partnership_update(actor=actor, partnership=instance, **data)

    def delete_record(self, actor, instance):
        partnership_services.partnership_delete(actor=actor, partnership=instance)


class PartnershipPartyViewSet(RegistryViewSet):
    """The parties of partnerships; visible with their partnership."""

    serializer_class = PartnershipPartySerializer
    filterset_class = filtersets.PartnershipPartyFilterSet

    def get_queryset(self):
        return m.PartnershipParty.objects.filter(
            visible_q(self.request.user, "partnership__")
        ).order_by("partnership_id", "pk")

    def create_record(self, actor, data):
        return partnership_services.partnership_party_add(actor=actor, **data)

    def update_record(self, actor, instance, data):
        partnership_services.partnership_party_update(actor=actor, party=instance, **data)

    def delete_record(self, actor, instance):
        partnership_services.partnership_party_delete(actor=actor, party=instance)
