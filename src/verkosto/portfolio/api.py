"""``/api/v1/cost-lines/``, ``/api/v1/outcomes/``, ``/api/v1/reviews/``: a workspace's
portfolio review as read-only API resources, shaped as the registry's.

Portfolio records are private without exception: a user reads only the rows of the
workspaces they have a role in (``private_q``, the registry's rule for always-private
facts, which reads ``accounts.permissions.readable_workspace_ids`` as
``selectors.reviews_readable`` does); any other row is a 404, as if absent. Writes stay
on the pages, whose forms and services know the portfolio's rules (staff time priced by
the hour, fees kept in the registry, closed reviews locked).
"""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from verkosto.api.filtering import LeanFilterBackend
from verkosto.portfolio import filtersets
from verkosto.portfolio import serializers as s
from verkosto.portfolio.models import CostLine, Evaluation, Outcome
from verkosto.portfolio.selectors.reviews import reviews_readable
from verkosto.registry.models import StrategicGoal
from verkosto.registry.selectors.visibility import private_q, visible


class PortfolioViewSet(viewsets.ReadOnlyModelViewSet):
    filter_backends = [LeanFilterBackend]
    http_method_names = ["get", "head", "options"]


@extend_schema_view(
    list=extend_schema(summary="List cost lines"),
    retrieve=extend_schema(summary="A cost line"),
)
@extend_schema(tags=["portfolio"])
class CostLineViewSet(PortfolioViewSet):
    """Costs of memberships other than their fees (staff time, travel, other), private to
    the workspace that records them."""

    serializer_class = s.CostLineSerializer
    filterset_class = filtersets.CostLineFilterSet

    def get_queryset(self):
        return CostLine.objects.filter(private_q(self.request.user))


@extend_schema_view(
    list=extend_schema(summary="List outcomes"),
    retrieve=extend_schema(summary="An outcome"),
)
@extend_schema(tags=["portfolio"])
class OutcomeViewSet(PortfolioViewSet):
    """What memberships and events brought (funding won, practices adopted …), private to
    the workspace that records them."""

    serializer_class = s.OutcomeSerializer
    filterset_class = filtersets.OutcomeFilterSet

    def get_queryset(self):
        # Only the goals the user may see, and only their ids.
        goals = visible(StrategicGoal.objects.only("pk"), self.request.user).order_by("pk")
        return Outcome.objects.filter(private_q(self.request.user)).prefetch_related(
            Prefetch("goals", queryset=goals)
        )


@extend_schema_view(
    list=extend_schema(summary="List portfolio reviews"),
    retrieve=extend_schema(summary="A portfolio review, with its evaluations"),
)
@extend_schema(tags=["portfolio"])
class ReviewViewSet(PortfolioViewSet):
    """Yearly reviews of an organisation's memberships, each with its evaluations (one per
    network) and their follow-ups; private to the workspace that made them."""

    serializer_class = s.ReviewSerializer
    filterset_class = filtersets.ReviewFilterSet

    def get_queryset(self):
        evaluations = Evaluation.objects.select_related("follow_up").order_by("network__name", "pk")
        # The pages' selector, without its joins: the API names related records by id.
        return (
            reviews_readable(self.request.user)
            .select_related(None)
            .prefetch_related(Prefetch("evaluations", queryset=evaluations))
        )
