from verkosto.registry import filtersets
from verkosto.registry import models as m
from verkosto.registry.api.serializers.themes_sources import SourceSerializer, ThemeSerializer
from verkosto.registry.api.views.base import RegistryViewSet
from verkosto.registry.services import goals as goal_services
from verkosto.registry.services import sources as source_services


class ThemeViewSet(RegistryViewSet):
    """Themes of cooperation, a fi/sv/en hierarchy (shared by every workspace)."""

    serializer_class = ThemeSerializer
    filterset_class = filtersets.ThemeFilterSet

    def get_queryset(self):
        return m.Theme.objects.all()

    def create_record(self, actor, data):
        labels = {key: data.pop(key) for key in list(data) if key.startswith("label_")}
        return goal_services.theme_create(actor=actor, labels=labels, **data)

    def update_record(self, actor, instance, data):
        goal_services.theme_update(actor=actor, theme=instance, **data)

    def delete_record(self, actor, instance):
        goal_services.theme_delete(actor=actor, theme=instance)


class SourceViewSet(RegistryViewSet):
    """Sources: the documents and data sets facts come from."""

    serializer_class = SourceSerializer
    filterset_class = filtersets.SourceFilterSet

    def get_queryset(self):
        return m.Source.objects.all()

    def create_record(self, actor, data):
        return source_services.source_create(actor=actor, **data)

    def update_record(self, actor, instance, data):
        source_services.source_update(actor=actor, source=instance, **data)

    def delete_record(self, actor, instance):
        source_services.source_delete(actor=actor, source=instance)
