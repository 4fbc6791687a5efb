"""``GET /api/v1/search``: the knowledge base's search as JSON.

The query parameters are validated by the search page's own form, so the page and the
API accept the same input; a bad parameter answers 400 problem+json naming it. Private
items count for one workspace: ``workspace`` (a slug you have a role in) or your current
one. The serializers below describe the answer for the OpenAPI document.
"""

from typing import ClassVar

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from verkosto.accounts.workspaces import current_workspace, workspace_choices
from verkosto.api.schema import ProblemAutoSchema
from verkosto.knowledge import forms as f
from verkosto.knowledge.models import ItemKind, Language
from verkosto.knowledge.views.running import run_search

# --- parameters ---------------------------------------------------------------------------


class SearchParametersSerializer(serializers.Serializer):
    """The query parameters (validated by ``forms.SearchForm``; this documents them)."""

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=f.MAX_QUERY_LENGTH,
        help_text='The words to find: all must match, in any inflection. "a phrase" in '
        "quotes, -word to exclude.",
    )
    theme = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=f.MAX_ID),
        required=False,
        help_text="Theme ids (repeat the parameter for several: any of them).",
    )
    organisation = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=f.MAX_ID),
        required=False,
        help_text="Organisation ids.",
    )
    country = serializers.ListField(
        child=serializers.RegexField(r"^[A-Za-z]{2}$"),
        required=False,
        help_text="Two-letter ISO country codes of the items' organisations.",
    )
    language = serializers.ListField(
        child=serializers.ChoiceField(choices=Language.choices),
        required=False,
        help_text="Languages the items are written in.",
    )
    year = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=9999),
        required=False,
        help_text="Years (a report's date; a practice's or document's creation).",
    )
    kind = serializers.ListField(
        child=serializers.ChoiceField(choices=ItemKind.choices),
        required=False,
        help_text="Kinds of item.",
    )
    page = serializers.IntegerField(
        required=False, min_value=1, max_value=f.MAX_PAGE, help_text="Page, from 1."
    )
    limit = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=f.MAX_LIMIT,
        help_text=f"Hits per page (default {f.DEFAULT_LIMIT}).",
    )
    workspace = serializers.SlugField(
        required=False,
        help_text="Include the private items of this workspace (you must have a role in "
        "it); by default your current workspace.",
    )


# --- the answer ---------------------------------------------------------------------------


@extend_schema_field({"oneOf": [{"type": "integer"}, {"type": "string"}]})
class FacetValueField(serializers.Field):
    def to_representation(self, value):
        return value


class OrganisationRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(allow_blank=True)


class HitSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ItemKind.choices)
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField(help_text="The item's page.")
    score = serializers.FloatField(help_text="Higher is better; compare within one answer.")
    passage = serializers.CharField(
        allow_blank=True,
        help_text="The passage that matched, as escaped HTML with the matching words in "
        "<mark>; no other markup.",
    )
    why = serializers.ListField(
        child=serializers.CharField(),
        help_text="How each part of the query matched (base form, compound part, other "
        "name of a place, theme label in another language).",
    )
    origin_id = serializers.CharField(allow_blank=True)
    language = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)
    organisation = OrganisationRefSerializer(allow_null=True)
    private = serializers.BooleanField(help_text="Private to the workspace searched for.")


class FacetCountSerializer(serializers.Serializer):
    value = FacetValueField(help_text="What to pass in the filter parameter.")
    label = serializers.CharField()
    count = serializers.IntegerField()
    chosen = serializers.BooleanField()


class FacetsSerializer(serializers.Serializer):
    theme = FacetCountSerializer(many=True)
    organisation = FacetCountSerializer(many=True)
    country = FacetCountSerializer(many=True)
    language = FacetCountSerializer(many=True)
    year = FacetCountSerializer(many=True)
    kind = FacetCountSerializer(many=True)


class OrganisationMatchSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(allow_blank=True)
    country = serializers.CharField(allow_blank=True)
    items = serializers.IntegerField(help_text="How many of its items matched.")
    score = serializers.FloatField(help_text="The sum of their scores.")
    top = HitSerializer(many=True, help_text="Its best matching items.")


class SearchAnswerSerializer(serializers.Serializer):
    query = serializers.CharField(allow_blank=True)
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    limit = serializers.IntegerField()
    relaxed = serializers.BooleanField(
        help_text="No item had every word: the hits have some of them."
    )
    explanation = serializers.ListField(
        child=serializers.CharField(), help_text="How the query was read."
    )
    hits = HitSerializer(many=True)
    facets = FacetsSerializer(help_text="Counts per filter value over every hit.")
    who_has_done = OrganisationMatchSerializer(
        many=True, help_text="Organisations ranked by their matching items."
    )
    related = HitSerializer(
        many=True,
        help_text="On the first page, when the hits do not fill it: items that do not have "
        "the words but are close in meaning (multilingual embeddings, any language), best "
        "first. Not counted in total or in the facets.",
    )


# --- the view -----------------------------------------------------------------------------


class SearchSchema(ProblemAutoSchema):
    """The parameters are validated, so the search may answer 400."""

    def _problem_codes(self) -> list[int]:
        codes = super()._problem_codes()
        return codes if 400 in codes else [*codes, 400]


def _workspace(request: Request, slug: str):
    if not slug:
        return current_workspace(request)
    for choice in workspace_choices(request):
        if choice.workspace.slug == slug:
            return choice.workspace
    raise ValidationError({"workspace": [_("You have no role in a workspace with this slug.")]})


class SearchView(APIView):
    schema = SearchSchema()
    http_method_names: ClassVar[list[str]] = ["get", "head", "options"]

    @extend_schema(
        operation_id="search",
        tags=["knowledge"],
        summary="Search good practices, reports and documents",
        description="Finnish, Swedish and English, whatever the inflection or compound; "
        "filters and facet counts; highlighted passages; why each item matched; and the "
        "organisations that have done most about it.",
        parameters=[SearchParametersSerializer],
        responses={200: SearchAnswerSerializer},
    )
    def get(self, request: Request) -> Response:
        form = f.SearchForm(request.query_params)
        if not form.is_valid():
            raise ValidationError({name: list(errors) for name, errors in form.errors.items()})
        workspace = _workspace(request, (request.query_params.get("workspace") or "").strip())
        try:
            answer = run_search(form, workspace)
        except ValueError as error:  # the search's own check of a filter
            raise ValidationError({"q": [str(error)]}) from None
        return Response(answer)
