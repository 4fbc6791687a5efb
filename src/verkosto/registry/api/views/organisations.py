from functools import cached_property

from verkosto.api.flat import RowPlan
from verkosto.registry import filtersets
from verkosto.registry import models as m
from verkosto.registry.api.serializers.organisations import (
    IdentifierSerializer,
    IdentifierSummarySerializer,
    NetworkSummarySerializer,
    OrganisationNameSerializer,
    OrganisationSerializer,
)
from verkosto.registry.api.views.base import RegistryViewSet
from verkosto.registry.api.views.flat import FlatReads
from verkosto.registry.services import organisations as services

NAME_FIELDS = services.NAME_FIELDS


# The network profile's columns, read in the organisation's own query (a left join).
PROFILE = "network_profile__"
PROFILE_COLUMNS = (f"{PROFILE}id", f"{PROFILE}scope", f"{PROFILE}type")


class _Plans:
    """Made once, on first use, from the serializers (see verkosto.api.flat)."""

    @cached_property
    def organisation(self) -> RowPlan:
        return RowPlan(OrganisationSerializer(), computed=("identifiers", "network"))

    @cached_property
    def identifier(self) -> RowPlan:
        return RowPlan(IdentifierSummarySerializer())

    @cached_property
    def network(self) -> RowPlan:
        return RowPlan(NetworkSummarySerializer())


PLANS = _Plans()


class OrganisationViewSet(FlatReads, RegistryViewSet):
    """Organisations: municipalities, regions, networks, state bodies … (all public)."""

    serializer_class = OrganisationSerializer
    filterset_class = filtersets.OrganisationFilterSet

    def get_queryset(self):
        return m.Organisation.objects.select_related("network_profile").prefetch_related(
            "identifiers"
        )

    def read_queryset(self):
        return m.Organisation.objects.all()

    def read_columns(self):
        return (*PLANS.organisation.columns, *PROFILE_COLUMNS)

    def represent(self, rows):
        ids = [row["id"] for row in rows]
        identifiers: dict[int, list[dict]] = {}
        if ids:  # as prefetch_related: no query for an empty page
            plan = PLANS.identifier
            # Identifier.Meta.ordering applies, as in the prefetch of the relation.
            for identifier in m.Identifier.objects.filter(organisation_id__in=ids).values(
                "organisation_id", *plan.columns
            ):
                identifiers.setdefault(identifier["organisation_id"], []).append(plan(identifier))
        plan, network = PLANS.organisation, PLANS.network
        out = []
        for row in rows:
            # A tuple: the same JSON array, and nothing for the cyclic GC to trace.
            row["identifiers"] = tuple(identifiers.get(row["id"], ()))
            row["network"] = (
                None
                if row[f"{PROFILE}id"] is None
                else network({name: row[PROFILE + name] for name in network.columns})
            )
            out.append(plan(row))
        return out

    def create_record(self, actor, data):
        names = {key: data.pop(key, None) for key in NAME_FIELDS}
        return services.organisation_create(actor=actor, names=names, **data)

    def update_record(self, actor, instance, data):
        services.organisation_update(actor=actor, organisation=instance, **data)

    def delete_record(self, actor, instance):
        services.organisation_delete(actor=actor, organisation=instance)


class IdentifierViewSet(RegistryViewSet):
    """Official codes of organisations (municipality codes, Wikidata QIDs …)."""

    serializer_class = IdentifierSerializer
    filterset_class = filtersets.IdentifierFilterSet

    def get_queryset(self):
        return m.Identifier.objects.all()

    def create_record(self, actor, data):
        return services.identifier_add(actor=actor, **data)

    def update_record(self, actor, instance, data):
        services.identifier_update(actor=actor, identifier=instance, **data)

    def delete_record(self, actor, instance):
        services.identifier_delete(actor=actor, identifier=instance)


class OrganisationNameViewSet(RegistryViewSet):
    """Other names: aliases, abbreviations, former names."""

    serializer_class = OrganisationNameSerializer
    filterset_class = filtersets.OrganisationNameFilterSet

    def get_queryset(self):
        return m.OrganisationName.objects.all()

    def create_record(self, actor, data):
        return services.organisation_name_add(actor=actor, **data)

    def update_record(self, actor, instance, data):
        services.organisation_name_update(actor=actor, other_name=instance, **data)

    def delete_record(self, actor, instance):
        services.organisation_name_delete(actor=actor, other_name=instance)
