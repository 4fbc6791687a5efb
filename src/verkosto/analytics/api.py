"""Read-only API of the analyses: the same summaries as the pages, as JSON.

``/api/v1/analytics/<analysis>`` looks at the whole landscape (or one ``country``);
``/api/v1/analytics/organisations/{id}/<analysis>`` at one organisation. With an
organisation, ``country`` limits what it is compared with (overlap: the networks of the
country; centrality and communities: the ranked lists); trends of an organisation take no
``country`` (it would only repeat the organisation's own or leave nothing) and answer 400
when given one. Private facts count only for the workspace asked for (``workspace``,
default the current one), and only when the caller has a role in it. Bad parameters
answer 400, an unknown organisation 404, both as problem+json.
"""

import abc
from typing import Any, ClassVar

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from verkosto.analytics import api_serializers as s
from verkosto.analytics import summaries
from verkosto.analytics.selectors.audience import UnknownWorkspace, audience_for_request
from verkosto.analytics.selectors.landscape import LoadedLandscape, landscape_for_request
from verkosto.api.schema import ProblemAutoSchema


class AnalyticsSchema(ProblemAutoSchema):
    """Every analysis validates its query parameters, so each may answer 400."""

    def _problem_codes(self) -> list[int]:
        codes = super()._problem_codes()
        return codes if 400 in codes else [*codes, 400]


class AnalysisView(APIView, metaclass=abc.ABCMeta):
    """One analysis; subclasses name the summary, its parameters and its answer."""

    schema = AnalyticsSchema()
    http_method_names: ClassVar[list[str]] = ["get", "head", "options"]
    query_serializer: ClassVar[type[serializers.Serializer]] = s.AnalysisQuerySerializer

    @abc.abstractmethod
    def summarise(
        self, loaded: LoadedLandscape, *, org: int | None, params: dict[str, Any]
    ) -> dict[str, Any]:
        """The answer for one request, as the JSON the route documents."""

    def get(self, request: Request, id: int | None = None) -> Response:
        query = self.query_serializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = dict(query.validated_data)
        try:
            audience = audience_for_request(request, params.pop("workspace", None))
        except UnknownWorkspace:
            raise ValidationError(
                {"workspace": [_("You have no role in a workspace with this slug.")]}
            ) from None
        loaded = landscape_for_request(request, audience)
        org = None
        if id is not None:
            org = loaded.position(id)
            if org is None:
                raise NotFound(_("No such organisation."))
        return Response(self.summarise(loaded, org=org, params=params))


def _with_country(params: dict[str, Any]) -> dict[str, Any]:
    return {"country": params.get("country", "")}


def _schema(response: type[serializers.Serializer], query: type[serializers.Serializer], doc: str):
    return extend_schema(
        tags=["analytics"],
        description=doc,
        parameters=[query],
        responses={200: response},
    )


class OverlapView(AnalysisView):
    query_serializer = s.LandscapeQuerySerializer

    @_schema(
        s.OverlapSerializer,
        s.LandscapeQuerySerializer,
        "Network overlap: for a network its top overlapping networks and likely duplicates; "
        "for another organisation the overlaps of its networks; without one the largest "
        "networks (of the country) and every likely duplicate, with reasons in words. With "
        "an organisation and a country, only the networks of that country (based there or "
        "with a current member from there) are compared.",
    )
    def get(self, request: Request, id: int | None = None) -> Response:
        return super().get(request, id)

    def summarise(self, loaded, *, org, params):
        return summaries.overlap_summary(
            loaded, as_of=params["as_of"], k=params["k"], org=org, **_with_country(params)
        )


class CentralityView(AnalysisView):
    query_serializer = s.LandscapeQuerySerializer

    @_schema(
        s.CentralitySerializer,
        s.LandscapeQuerySerializer,
        "Degree, PageRank and betweenness (exact or sampled, as the answer says): top cities "
        "and networks, a network's most central members, an organisation's own figures.",
    )
    def get(self, request: Request, id: int | None = None) -> Response:
        return super().get(request, id)

    def summarise(self, loaded, *, org, params):
        return summaries.centrality_summary(
            loaded, as_of=params["as_of"], k=params["k"], org=org, **_with_country(params)
        )


class CommunitiesView(AnalysisView):
    query_serializer = s.LandscapeQuerySerializer

    @_schema(
        s.CommunitiesSerializer,
        s.LandscapeQuerySerializer,
        "Leiden communities of cities built from shared networks and twinnings.",
    )
    def get(self, request: Request, id: int | None = None) -> Response:
        return super().get(request, id)

    def summarise(self, loaded, *, org, params):
        return summaries.communities_summary(
            loaded, as_of=params["as_of"], k=params["k"], org=org, **_with_country(params)
        )


class TrendsView(AnalysisView):
    query_serializer = s.LandscapeQuerySerializer

    @_schema(
        s.TrendsSerializer,
        s.LandscapeQuerySerializer,
        "Active memberships per year by network type and scope, and active twinnings, for "
        "everyone or the organisations of a country.",
    )
    def get(self, request: Request, id: int | None = None) -> Response:
        return super().get(request, id)

    def summarise(self, loaded, *, org, params):
        return summaries.trends_summary(
            loaded, as_of=params["as_of"], org=org, **_with_country(params)
        )


class OrganisationTrendsView(TrendsView):
    """Trends of one organisation: no ``country`` (see the module docstring), so the
    OpenAPI document does not offer it and a request that gives one is a 400."""

    query_serializer = s.OrganisationTrendsQuerySerializer

    @_schema(
        s.TrendsSerializer,
        s.AnalysisQuerySerializer,
        "Active memberships per year by network type and scope, and active twinnings, of "
        "one organisation, and its twin towns on the day. Takes no country (400).",
    )
    def get(self, request: Request, id: int | None = None) -> Response:
        return super().get(request, id)


class PeersView(AnalysisView):
    @_schema(
        s.PeersSerializer,
        s.AnalysisQuerySerializer,
        "The organisations whose cooperation is most like this one's, with the networks "
        "where they meet as the explanation.",
    )
    def get(self, request: Request, id: int | None = None) -> Response:
        return super().get(request, id)

    def summarise(self, loaded, *, org, params):
        return summaries.peers_summary(loaded, as_of=params["as_of"], k=params["k"], org=org)


class GapsView(AnalysisView):
    @_schema(
        s.GapsSerializer,
        s.AnalysisQuerySerializer,
        "Strategic-goal themes no current membership serves, memberships that serve no goal, "
        "and networks the peers use for the unserved themes, each with its reasons.",
    )
    def get(self, request: Request, id: int | None = None) -> Response:
        return super().get(request, id)

    def summarise(self, loaded, *, org, params):
        return summaries.gaps_summary(loaded, as_of=params["as_of"], k=params["k"], org=org)
