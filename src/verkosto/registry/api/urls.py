"""The registry's API resources; ``verkosto.api.urls`` registers them on the v1 router."""

from verkosto.registry.api.views import goals_events, memberships, organisations, relations
from verkosto.registry.api.views import themes_sources as themes

# (URL prefix, viewset, basename): one line per resource.
ROUTES = [
    ("organisations", organisations.OrganisationViewSet, "organisation"),
    ("identifiers", organisations.IdentifierViewSet, "identifier"),
    ("other-names", organisations.OrganisationNameViewSet, "organisation-name"),
    ("memberships", memberships.MembershipViewSet, "membership"),
    ("membership-fees", memberships.MembershipFeeViewSet, "membership-fee"),
    ("twinnings", relations.TwinningViewSet, "twinning"),
    ("partnerships", relations.PartnershipViewSet, "partnership"),
    ("partnership-parties", relations.PartnershipPartyViewSet, "partnership-party"),
    ("themes", themes.ThemeViewSet, "theme"),
    ("strategic-goals", goals_events.StrategicGoalViewSet, "strategic-goal"),
    ("events", goals_events.EventViewSet, "event"),
    ("sources", themes.SourceViewSet, "source"),
]


def register(router) -> None:
    for prefix, viewset, basename in ROUTES:
        router.register(prefix, viewset, basename=basename)
