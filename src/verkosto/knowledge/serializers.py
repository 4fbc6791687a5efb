"""The JSON shape of good practices, reports and documents, and the checks of API input.

Built on the registry's ``RecordSerializer``, so the knowledge API behaves as the
registry's: the workspace is set when an item is created and ignored by updates, and a
reference to a record that may be private (an event, an attached document) accepts only
records the user sees. Themes are their codes, other records their ids. The services
check permissions and the models' own rules; these only check the shape.
"""

from rest_framework import serializers

from verkosto.accounts.models import Workspace
from verkosto.knowledge.models import Document, GoodPractice, Report
from verkosto.registry import models as rm
from verkosto.registry.api.serializers.base import RecordSerializer, theme_codes_field

ITEM_READ_ONLY = ("created_at", "updated_at")


def _workspace_field() -> serializers.PrimaryKeyRelatedField:
    return serializers.PrimaryKeyRelatedField(
        queryset=Workspace.objects.all(),
        allow_null=True,
        required=False,
        default=None,
        help_text="The workspace the item is private to (you need the editor role in it); "
        "null for an item shared with every workspace.",
    )


class ItemSerializer(RecordSerializer):
    """What practices, reports and documents share."""

    # Knowledge items cite no source record: they are what others cite.
    source = None
    themes = theme_codes_field()
    workspace = _workspace_field()

    class Meta:
        read_only_fields = ITEM_READ_ONLY
        create_only = ("workspace",)


class PracticeSerializer(ItemSerializer):
    """A good practice: a way of working one organisation has tried and others may reuse.
    The workspace is set when the practice is created and ignored by updates."""

    network = serializers.PrimaryKeyRelatedField(
        queryset=rm.Organisation.objects.filter(kind=rm.OrganisationKind.NETWORK),
        allow_null=True,
        required=False,
        help_text="The network the practice was shared through (an organisation of kind network).",
    )
    sdgs = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=17),
        max_length=17,
        required=False,
        help_text="UN Sustainable Development Goals the practice serves, 1–17, each once.",
    )

    class Meta(ItemSerializer.Meta):
        model = GoodPractice
        fields = (
            "id",
            "title",
            "language",
            "summary",
            "body",
            "results",
            "organisation",
            "network",
            "event",
            "themes",
            "sdgs",
            "contacts",
            "links",
            "attachments",
            "workspace",
            *ITEM_READ_ONLY,
        )
        extra_kwargs = {
            "attachments": {"help_text": "Ids of documents attached to the practice."},
            "event": {"help_text": "The event the practice was presented at."},
        }


class ReportSerializer(ItemSerializer):
    """An event or visit report. The workspace is set when the report is created and
    ignored by updates."""

    class Meta(ItemSerializer.Meta):
        model = Report
        fields = (
            "id",
            "title",
            "kind",
            "date",
            "language",
            "summary",
            "body",
            "event",
            "organisation",
            "themes",
            "workspace",
            *ITEM_READ_ONLY,
        )


DOCUMENT_READ_ONLY = ("format", "size", "sha256", "data_source", "origin_id", *ITEM_READ_ONLY)


class DocumentSerializer(ItemSerializer):
    """A document's metadata. The file is uploaded on the web page (or imported); the API
    reads the metadata and changes what the file cannot tell."""

    workspace = serializers.PrimaryKeyRelatedField(
        read_only=True,
        allow_null=True,
        help_text="The workspace the document is private to; null for a shared document.",
    )

    class Meta(ItemSerializer.Meta):
        model = Document
        fields = (
            "id",
            "title",
            "summary",
            "language",
            "organisation",
            "themes",
            "workspace",
            *DOCUMENT_READ_ONLY,
        )
        read_only_fields = DOCUMENT_READ_ONLY
        create_only = ()


class DocumentDetailSerializer(DocumentSerializer):
    """One document: its metadata and the text read from its file."""

    text = serializers.CharField(
        read_only=True, help_text="The text read from the file (plain text)."
    )

    class Meta(DocumentSerializer.Meta):
        fields = (*DocumentSerializer.Meta.fields, "text")
