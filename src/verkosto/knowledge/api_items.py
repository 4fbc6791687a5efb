"""``/api/v1/practices/``, ``/api/v1/reports/``, ``/api/v1/documents/``: the knowledge
items as API resources, shaped as the registry's (``registry.api.views.base``).

Reads go through ``views.access``, the web pages' own querysets: shared items and the
private items of the user's workspaces; any other item is a 404, as if absent. Lists take
the list pages' FilterSets. Writes go through ``knowledge.services``, which check who
may write (the same rules as the pages); a write is refused with 403 before its body is
read when the item as stored may not be changed. Documents are uploaded on the web page
(or imported): the API changes their metadata and deletes them.
"""

import abc
from typing import Any, ClassVar

from django.db import models
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, viewsets

from verkosto.accounts.permissions import Actor
from verkosto.api.filtering import LeanFilterBackend
from verkosto.knowledge import filtersets, services
from verkosto.knowledge import serializers as s
from verkosto.knowledge.models import Document, GoodPractice, ItemKind, Report
from verkosto.knowledge.views import access
from verkosto.registry.selectors.visibility import visible

M2M_FIELDS = ("themes", "attachments")


def _split(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(plain field values, many-to-many sets) of validated data; a set not given is left
    out, so the service leaves it alone."""
    m2m = {name: data.pop(name) for name in M2M_FIELDS if name in data}
    return data, m2m


class ItemViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
    metaclass=abc.ABCMeta,
):
    """Subclasses name their ``kind`` and give the service calls. Responses are re-read
    through ``get_queryset``, so they show exactly what a read would."""

    kind: ClassVar[str]
    filter_backends = [LeanFilterBackend]

    @abc.abstractmethod
    def update_record(self, actor: Actor, instance: models.Model, data: dict[str, Any]) -> None:
        """Write through the item's service."""

    def get_queryset(self):
        # The pages' querysets (visibility, prefetched themes); the API shows related
        # records by id only, so it needs none of the pages' joins.
        return access.QUERYSETS[self.kind](self.request.user).select_related(None)

    def get_object(self):
        instance = super().get_object()
        if self.request.method not in permissions.SAFE_METHODS:
            services.require_item_write(self.request.user, instance)
        return instance

    def _fresh(self, instance: models.Model) -> models.Model:
        # Without the prefetched themes or deferred text of the read queryset: the
        # service re-indexes the item from what it holds.
        return type(instance)._default_manager.get(pk=instance.pk)

    def _reread(self, instance: models.Model) -> models.Model:
        return self.get_queryset().get(pk=instance.pk)

    def perform_update(self, serializer) -> None:
        self.update_record(self.request.user, serializer.instance, dict(serializer.validated_data))
        serializer.instance = self._reread(serializer.instance)

    def perform_destroy(self, instance) -> None:
        services.item_delete(actor=self.request.user, item=instance)


class WritableItemViewSet(mixins.CreateModelMixin, ItemViewSet):
    """Practices and reports: created, changed and deleted through their save service."""

    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]
    model: ClassVar[type[models.Model]]

    @abc.abstractmethod
    def save_record(self, actor: Actor, item: models.Model, m2m: dict[str, Any]) -> models.Model:
        """Create or update ``item`` through its service."""

    def perform_create(self, serializer) -> None:
        fields, m2m = _split(dict(serializer.validated_data))
        item = self.save_record(self.request.user, self.model(**fields), m2m)
        serializer.instance = self._reread(item)

    def update_record(self, actor, instance, data):
        fields, m2m = _split(data)
        item = self._fresh(instance)
        for name, value in fields.items():
            setattr(item, name, value)
        self.save_record(actor, item, m2m)


@extend_schema_view(
    list=extend_schema(summary="List good practices"),
    retrieve=extend_schema(summary="A good practice"),
    create=extend_schema(summary="Add a good practice"),
    update=extend_schema(summary="Replace a good practice"),
    partial_update=extend_schema(summary="Change a good practice"),
    destroy=extend_schema(summary="Delete a good practice"),
)
@extend_schema(tags=["knowledge"])
class PracticeViewSet(WritableItemViewSet):
    """Good practices: ways of working one organisation has tried and others may reuse."""

    kind = ItemKind.PRACTICE
    model = GoodPractice
    serializer_class = s.PracticeSerializer
    filterset_class = filtersets.PracticeFilterSet

    def get_queryset(self):
        # Only the attachments the user may see, and only their ids.
        documents = visible(Document.objects.only("pk"), self.request.user)
        return (
            super()
            .get_queryset()
            .prefetch_related(Prefetch("attachments", queryset=documents.order_by("pk")))
        )

    def save_record(self, actor, item, m2m):
        return services.practice_save(
            actor=actor,
            practice=item,
            themes=m2m.get("themes"),
            attachments=m2m.get("attachments"),
        )


@extend_schema_view(
    list=extend_schema(summary="List event and visit reports"),
    retrieve=extend_schema(summary="An event or visit report"),
    create=extend_schema(summary="Add an event or visit report"),
    update=extend_schema(summary="Replace an event or visit report"),
    partial_update=extend_schema(summary="Change an event or visit report"),
    destroy=extend_schema(summary="Delete an event or visit report"),
)
@extend_schema(tags=["knowledge"])
class ReportViewSet(WritableItemViewSet):
    """What someone brought home from an event or a visit."""

    kind = ItemKind.REPORT
    model = Report
    serializer_class = s.ReportSerializer
    filterset_class = filtersets.ReportFilterSet

    def save_record(self, actor, item, m2m):
        return services.report_save(actor=actor, report=item, themes=m2m.get("themes"))


@extend_schema_view(
    list=extend_schema(summary="List documents"),
    retrieve=extend_schema(summary="A document, with the text read from its file"),
    partial_update=extend_schema(summary="Change a document's metadata"),
    destroy=extend_schema(summary="Delete a document"),
)
@extend_schema(tags=["knowledge"])
class DocumentViewSet(ItemViewSet):
    """Uploaded and imported documents: their metadata, and the text read from the file."""

    kind = ItemKind.DOCUMENT
    # Files come through the upload page or an import, so no POST; PATCH changes the
    # metadata the file cannot tell.
    http_method_names = ["get", "patch", "delete", "head", "options"]
    filterset_class = filtersets.DocumentFilterSet

    def get_serializer_class(self):
        return s.DocumentDetailSerializer if self.action == "retrieve" else s.DocumentSerializer

    def get_queryset(self):
        queryset = super().get_queryset()
        # The list leaves the (possibly megabytes of) text out; one document shows it.
        return queryset.defer(None) if self.action == "retrieve" else queryset

    def update_record(self, actor, instance, data):
        fields, m2m = _split(data)
        services.document_update(
            actor=actor, document=self._fresh(instance), themes=m2m.get("themes"), **fields
        )
