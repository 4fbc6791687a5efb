from verkosto.registry import filtersets
from verkosto.registry import models as m
from verkosto.registry.api.serializers.organisations import (
    IdentifierSerializer,
    OrganisationNameSerializer,
    OrganisationSerializer,
)
from verkosto.registry.api.views.base import RegistryViewSet
from verkosto.registry.services import organisations as services

NAME_FIELDS = services.NAME_FIELDS


class OrganisationViewSet(RegistryViewSet):
    """Organisations: municipalities, regions, networks, state bodies … (all public)."""

    serializer_class = OrganisationSerializer
    filterset_class = filtersets.OrganisationFilterSet

    def get_queryset(self):
        return m.Organisation.objects.select_related("network_profile").prefetch_related(
            "identifiers"
        )

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
