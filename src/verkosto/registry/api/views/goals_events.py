from verkosto.registry import filtersets
from verkosto.registry import models as m
from verkosto.registry.api.serializers.goals_events import (
    EventSerializer,
    StrategicGoalSerializer,
)
from verkosto.registry.api.views.base import RegistryViewSet
from verkosto.registry.selectors.visibility import visible
from verkosto.registry.services import goals as services


def _texts(data: dict, *prefixes: str) -> dict:
    return {key: data.pop(key) for key in list(data) if key.startswith(prefixes)}


class StrategicGoalViewSet(RegistryViewSet):
    """Organisations' strategic goals (e.g. a city's advocacy priorities)."""

    serializer_class = StrategicGoalSerializer
    filterset_class = filtersets.StrategicGoalFilterSet

    def get_queryset(self):
        return visible(m.StrategicGoal.objects.all(), self.request.user).prefetch_related("themes")

    def create_record(self, actor, data):
        texts = _texts(data, "title_", "description_")
        return services.goal_create(actor=actor, texts=texts, **data)

    def update_record(self, actor, instance, data):
        services.goal_update(actor=actor, goal=instance, **data)

    def delete_record(self, actor, instance):
        services.goal_delete(actor=actor, goal=instance)


class EventViewSet(RegistryViewSet):
    """Events and visits."""

    serializer_class = EventSerializer
    filterset_class = filtersets.EventFilterSet

    def get_queryset(self):
        return visible(m.Event.objects.all(), self.request.user).prefetch_related(
            "themes", "participants"
        )

    def create_record(self, actor, data):
        texts = _texts(data, "title_")
        return services.event_create(actor=actor, texts=texts, **data)

    def update_record(self, actor, instance, data):
        services.event_update(actor=actor, event=instance, **data)

    def delete_record(self, actor, instance):
        services.event_delete(actor=actor, event=instance)
