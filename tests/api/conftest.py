"""Two workspaces, A and B, each with private facts, and users with every role in A."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import (
    NetworkFactory,
    OrganisationFactory,
    SourceFactory,
    UserFactory,
    WorkspaceFactory,
    member_of,
)
from verkosto.accounts.models import Role
from verkosto.accounts.permissions import SYSTEM
from verkosto.accounts.tokens import token_create
from verkosto.knowledge.models import Document, GoodPractice, Report
from verkosto.portfolio.models import CostLine, Evaluation, Outcome, Review
from verkosto.registry import models as m

# Written into every private record of workspace B: no response to A may contain it.
SECRET = "SECRET-OF-B"
SECRET_FEE = "98765.43"


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()  # the request counters of the rate limit live in the cache


def api_client(user=None, scope: str = "read-write") -> APIClient:
    """A client sending a new Bearer token of ``user`` (none for anonymous)."""
    client = APIClient()
    if user is not None:
        _token, secret = token_create(actor=SYSTEM, user=user, name="test", scope=scope)
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


@dataclass
class World:
    source: m.Source
    org_a: m.Organisation
    org_b: m.Organisation
    org_c: m.Organisation
    network: m.Organisation
    ws_a: object
    ws_b: object
    users: dict = field(default_factory=dict)
    own: dict = field(default_factory=dict)
    foreign: dict = field(default_factory=dict)


@pytest.fixture
def world(db) -> World:
    source = SourceFactory()
    org_a = OrganisationFactory(name="Alpha", source=source)
    org_b = OrganisationFactory(name="Beta", source=source)
    org_c = OrganisationFactory(name="Gamma", source=source, country="SE")
    network = NetworkFactory(name="Network", source=source)
    ws_a = WorkspaceFactory(organisation=org_a)
    ws_b = WorkspaceFactory(organisation=org_b)
    w = World(source, org_a, org_b, org_c, network, ws_a, ws_b)
    w.users = {
        "anonymous": None,
        "viewer": member_of(ws_a, Role.VIEWER),
        "editor": member_of(ws_a, Role.EDITOR),
        "admin": member_of(ws_a, Role.ADMIN),
    }
    w.users["editor_b"] = member_of(ws_b, Role.EDITOR)
    w.users["outsider"] = UserFactory()

    themes = [
        m.Theme.objects.create(code="climate", label_fi="Ilmasto", label_en="Climate"),
        m.Theme.objects.create(code="culture", label_fi="Kulttuuri"),
    ]
    sources = [SourceFactory(), SourceFactory()]
    common = {"source": source}

    membership_a = m.Membership.objects.create(
        member=org_a, organisation=network, workspace=ws_a, **common
    )
    membership_b = m.Membership.objects.create(
        member=org_b, organisation=network, workspace=ws_b, note=SECRET, **common
    )
    # A public fact about B with B's private fee: A sees the membership, never the fee.
    public_b = m.Membership.objects.create(member=org_b, organisation=org_c, **common)
    m.MembershipFee.objects.create(
        workspace=ws_b, membership=public_b, year=2023, amount=Decimal(SECRET_FEE), **common
    )
    partnership_a = m.Partnership.objects.create(
        name_fi="Kumppanuus A", kind="partnership", workspace=ws_a, **common
    )
    partnership_b = m.Partnership.objects.create(
        name_fi=SECRET, kind="partnership", workspace=ws_b, **common
    )
    w.own = {
        "organisation": org_a,
        "identifier": m.Identifier.objects.create(
            organisation=org_a, scheme="wikidata", value="Q1", **common
        ),
        "organisation-name": m.OrganisationName.objects.create(
            organisation=org_a, name="Alfa", kind="alias", **common
        ),
        "membership": membership_a,
        "membership-fee": m.MembershipFee.objects.create(
            workspace=ws_a, membership=membership_a, year=2024, amount=Decimal("100.00"), **common
        ),
        "twinning": m.Twinning.objects.create(first=org_a, second=org_c, workspace=ws_a, **common),
        "partnership": partnership_a,
        "partnership-party": m.PartnershipParty.objects.create(
            partnership=partnership_a, organisation=org_a, role="city", **common
        ),
        "theme": themes[0],
        "strategic-goal": m.StrategicGoal.objects.create(
            organisation=org_a, title_fi="Tavoite A", workspace=ws_a, **common
        ),
        "event": m.Event.objects.create(
            title_fi="Tapahtuma A",
            kind="meeting",
            start_date=dt.date(2025, 1, 1),
            organiser=org_a,
            workspace=ws_a,
            **common,
        ),
        "source": sources[0],
    }
    w.foreign = {
        "organisation": org_b,
        "identifier": m.Identifier.objects.create(
            organisation=org_b, scheme="wikidata", value="Q2", **common
        ),
        "organisation-name": m.OrganisationName.objects.create(
            organisation=org_b, name="Bet", kind="alias", **common
        ),
        "membership": membership_b,
        "membership-fee": m.MembershipFee.objects.create(
            workspace=ws_b,
            membership=membership_b,
            year=2024,
            amount=Decimal(SECRET_FEE),
            note=SECRET,
            **common,
        ),
        "twinning": m.Twinning.objects.create(
            first=org_b, second=org_c, workspace=ws_b, note=SECRET, **common
        ),
        "partnership": partnership_b,
        "partnership-party": m.PartnershipParty.objects.create(
            partnership=partnership_b, organisation=org_b, role="city", **common
        ),
        "theme": themes[1],
        "strategic-goal": m.StrategicGoal.objects.create(
            organisation=org_b, title_fi=SECRET, workspace=ws_b, **common
        ),
        "event": m.Event.objects.create(
            title_fi=SECRET,
            kind="meeting",
            start_date=dt.date(2025, 1, 2),
            organiser=org_b,
            workspace=ws_b,
            **common,
        ),
        "source": sources[1],
    }
    _add_knowledge(w)
    _add_portfolio(w)
    return w


def _add_knowledge(w: World) -> None:
    """A good practice, a report and a document private to each workspace (B's with
    SECRET). Made without the services: these rows need no search index."""
    for side, workspace, org, title in (
        (w.own, w.ws_a, w.org_a, "A"),
        (w.foreign, w.ws_b, w.org_b, SECRET),
    ):
        side["practice"] = GoodPractice.objects.create(
            title=f"Käytäntö {title}", organisation=org, workspace=workspace
        )
        side["report"] = Report.objects.create(
            title=f"Raportti {title}", date=dt.date(2025, 1, 3), workspace=workspace
        )
        side["document"] = Document.objects.create(
            title=f"Asiakirja {title}",
            format="txt",
            file=f"knowledge/documents/{title}.txt",
            text=title,
            workspace=workspace,
        )


def _add_portfolio(w: World) -> None:
    """A cost line, an outcome and a review (with an evaluation) private to each
    workspace, B's with SECRET."""
    for side, workspace, org, text in (
        (w.own, w.ws_a, w.org_a, "A"),
        (w.foreign, w.ws_b, w.org_b, SECRET),
    ):
        membership = side["membership"]
        side["cost-line"] = CostLine.objects.create(
            workspace=workspace,
            membership=membership,
            year=2025,
            kind="travel",
            amount=Decimal("10.00"),
            note=text,
        )
        side["outcome"] = Outcome.objects.create(
            workspace=workspace,
            type="funding",
            title=f"Tulos {text}",
            date=dt.date(2025, 2, 1),
            membership=membership,
        )
        review = Review.objects.create(
            workspace=workspace, organisation=org, year=2025, opened_at=timezone.now()
        )
        Evaluation.objects.create(
            review=review, membership=membership, network=w.network, rationale=text
        )
        side["review"] = review
