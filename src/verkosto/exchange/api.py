"""``/api/v1/exchange/``: Popolo and FollowTheMoney exports, background imports.

Exports show what the user may see: public facts, plus one workspace's private
memberships when ``?workspace=<slug>`` names a workspace the user belongs to. Imports are
for registry stewards (superusers); they run in the background and report progress.
"""

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from verkosto.accounts.authentication import TokenScopePermission
from verkosto.accounts.models import Workspace
from verkosto.exchange import ftm, popolo
from verkosto.exchange.models import ImportJob, ImportKind
from verkosto.exchange.selectors import exchange_dataset
from verkosto.exchange.services import import_job_start

WORKSPACE_PARAMETER = OpenApiParameter(
    "workspace",
    OpenApiTypes.STR,
    description="Slug of a workspace you belong to: its private memberships are included.",
)


class StewardForWrites(permissions.BasePermission):
    """Reads: any signed-in user (each sees only their own jobs). Imports: stewards."""

    message = _("Only registry stewards (superusers) may import data.")

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        return request.method in permissions.SAFE_METHODS or request.user.is_superuser


PERMISSIONS = [permissions.IsAuthenticated, TokenScopePermission, StewardForWrites]


class JsonLinesRenderer(BaseRenderer):
    media_type = "application/x-ndjson"
    format = "jsonl"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        # Errors reach a renderer as one object: one line of JSON.
        return JSONRenderer().render(data) + b"\n"


def _workspace(request) -> Workspace | None:
    slug = request.query_params.get("workspace")
    if not slug:
        return None
    workspace = Workspace.objects.filter(slug=slug).first()
    if workspace is None:
        raise PermissionDenied(_("You are not a member of this workspace."))
    return workspace


class PopoloExportView(APIView):
    permission_classes = PERMISSIONS

    @extend_schema(
        operation_id="exchange_popolo_export",
        summary="Organisations and memberships as Popolo JSON",
        parameters=[WORKSPACE_PARAMETER],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        dataset = exchange_dataset(actor=request.user, workspace=_workspace(request))
        return Response(popolo.dump(dataset))


class FtmExportView(APIView):
    permission_classes = PERMISSIONS
    renderer_classes = [JsonLinesRenderer, JSONRenderer]

    @extend_schema(
        operation_id="exchange_ftm_export",
        summary="Organisations and memberships as FollowTheMoney entities (JSON lines)",
        parameters=[WORKSPACE_PARAMETER],
        responses={(200, "application/x-ndjson"): OpenApiTypes.STR},
    )
    def get(self, request):
        dataset = exchange_dataset(actor=request.user, workspace=_workspace(request))
        return StreamingHttpResponse(
            ftm.dump_lines(dataset), content_type="application/x-ndjson; charset=utf-8"
        )


class ImportJobSerializer(serializers.ModelSerializer):
    workspace = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = ImportJob
        fields = [
            "id",
            "kind",
            "status",
            "file_name",
            "workspace",
            "created_at",
            "started_at",
            "finished_at",
            "total",
            "processed",
            "created",
            "updated",
            "unchanged",
            "rejected",
            "skipped",
            "errors",
        ]
        read_only_fields = fields


class ImportUploadSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ImportKind.choices)
    file = serializers.FileField()
    workspace = serializers.SlugRelatedField(
        slug_field="slug", queryset=Workspace.objects.all(), required=False, allow_null=True
    )


class ImportStartView(APIView):
    permission_classes = PERMISSIONS
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        operation_id="exchange_import_start",
        summary="Upload a Popolo or FollowTheMoney file to import in the background",
        request={"multipart/form-data": ImportUploadSerializer},
        responses={202: ImportJobSerializer},
    )
    def post(self, request):
        upload = ImportUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        data = upload.validated_data
        job = import_job_start(
            actor=request.user,
            kind=data["kind"],
            file_name=data["file"].name,
            content=data["file"].read(),
            workspace=data.get("workspace"),
        )
        body = ImportJobSerializer(job).data
        location = request.build_absolute_uri(f"{job.pk}/")
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": location})


class ImportJobView(APIView):
    permission_classes = PERMISSIONS

    @extend_schema(
        operation_id="exchange_import_progress",
        summary="Progress and outcome of a background import",
        responses={200: ImportJobSerializer},
    )
    def get(self, request, pk: int):
        jobs = ImportJob.objects.select_related("workspace")
        if not request.user.is_superuser:
            jobs = jobs.filter(created_by=request.user)
        return Response(ImportJobSerializer(get_object_or_404(jobs, pk=pk)).data)
