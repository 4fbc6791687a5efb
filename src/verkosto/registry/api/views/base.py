"""The viewset every registry resource uses: visibility on reads, services on writes."""

import abc
from typing import Any

from django.db import models
from rest_framework import permissions, viewsets

from verkosto.accounts.permissions import Actor
from verkosto.api.filtering import LeanFilterBackend
from verkosto.registry.services.rules import require_write


class RegistryViewSet(viewsets.ModelViewSet, metaclass=abc.ABCMeta):
    """Subclasses give ``get_queryset`` (limited by selectors.visibility) and three service
    calls. Responses are re-read through ``get_queryset`` so they show exactly what a
    read would, private details of other workspaces never included."""

    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]
    filter_backends = [LeanFilterBackend]

    @abc.abstractmethod
    def create_record(self, actor: Actor, data: dict[str, Any]) -> models.Model:
        """Write through the resource's service."""

    @abc.abstractmethod
    def update_record(self, actor: Actor, instance: models.Model, data: dict[str, Any]) -> None:
        """Write through the resource's service."""

    @abc.abstractmethod
    def delete_record(self, actor: Actor, instance: models.Model) -> None:
        """Write through the resource's service."""

    def get_object(self):
        instance = super().get_object()
        if self.request.method not in permissions.SAFE_METHODS:
            require_write(self.request.user, instance)
        return instance

    def _reread(self, instance: models.Model) -> models.Model:
        return self.get_queryset().get(pk=instance.pk)

    def perform_create(self, serializer) -> None:
        instance = self.create_record(self.request.user, dict(serializer.validated_data))
        serializer.instance = self._reread(instance)

    def perform_update(self, serializer) -> None:
        self.update_record(self.request.user, serializer.instance, dict(serializer.validated_data))
        serializer.instance = self._reread(serializer.instance)

    def perform_destroy(self, instance) -> None:
        self.delete_record(self.request.user, instance)
