"""OpenAPI details drf-spectacular cannot see for itself: the problem+json errors every
operation may answer with, so clients (and schemathesis) know their shape."""

from django.db import models
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import follow_field_source
from rest_framework import serializers

from verkosto.api.exceptions import PROBLEM_CONTENT_TYPE


class FieldErrorSerializer(serializers.Serializer):
    pointer = serializers.CharField(help_text="JSON pointer to the field in the request body.")
    detail = serializers.CharField()
    code = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """An error as RFC 9457 problem details."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    errors = FieldErrorSerializer(many=True, required=False)


class ProblemAutoSchema(AutoSchema):
    def _problem_codes(self) -> list[int]:
        codes = [401, 403, 405, 406, 429]
        if self.method in ("POST", "PUT", "PATCH") or self._is_list_view():
            codes.append(400)  # bodies, and list filters, can be invalid
        if self.method in ("POST", "PUT", "PATCH"):
            codes.append(415)
        if "{" in self.path:
            codes.append(404)
        if self.method in ("PUT", "PATCH", "DELETE"):
            codes.append(409)  # still referred to by other records (delete), or a duplicate
        return codes

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction == "response":
            for code in self._problem_codes():
                responses.setdefault(
                    str(code),
                    self._get_response_for_code(
                        ProblemSerializer, str(code), media_types=[PROBLEM_CONTENT_TYPE]
                    ),
                )
        return responses


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "verkosto.accounts.authentication.BearerTokenAuthentication"
    name = "bearerToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token (vk_…) from your token page.",
        }


class FilterSetSchema(DjangoFilterExtension):
    """Two filter shapes of registry.filtersets that drf-spectacular cannot type by itself:
    a model-choice filter whose ``field_name`` already ends in its ``to_field_name``
    (``themes__code`` + ``code``), and a model-choice filter with a method (typed by the
    chosen model's key)."""

    priority = 1

    def _get_model_field(self, filter_field, model):
        from django_filters import filters

        path = filter_field.field_name.split("__") if filter_field.field_name else []
        to_field = filter_field.extra.get("to_field_name")
        if to_field and path and path[-1] != to_field:
            path.append(to_field)
        field = follow_field_source(model, path, emit_warnings=False) if path else None
        if isinstance(field, models.Field):
            return field
        if isinstance(filter_field, filters.ModelChoiceFilter | filters.ModelMultipleChoiceFilter):
            target = filter_field.extra["queryset"].model
            return target._meta.get_field(to_field) if to_field else target._meta.pk
        return field
