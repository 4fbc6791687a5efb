"""A small registry for the detail, form and history tests: two cities with workspaces,
users of every role, and one fact of each kind, written through the services."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

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
from verkosto.registry import models as m
from verkosto.registry.services import goals, memberships, partnerships, twinnings


@dataclass
class World:
    helsinki: m.Organisation
    espoo: m.Organisation
    tallinn: m.Organisation
    network: m.Organisation
    network2: m.Organisation
    ws: object
    ws_other: object
    editor: object
    viewer: object
    admin: object
    other_editor: object
    superuser: object
    source: m.Source
    theme: m.Theme
    membership: m.Membership
    private_membership: m.Membership
    fee: m.MembershipFee
    twinning: m.Twinning
    partnership: m.Partnership
    goal: m.StrategicGoal
    event: m.Event


def build_world() -> World:
    source = SourceFactory(title="City council decision 2019")
    helsinki = OrganisationFactory(name="Helsinki", name_fi="Helsinki", name_sv="Helsingfors")
    espoo = OrganisationFactory(name="Espoo", name_fi="Espoo")
    tallinn = OrganisationFactory(name="Tallinn", name_fi="Tallinna", country="EE")
    network = NetworkFactory(name="Eurocities", name_fi="Eurocities")
    network2 = NetworkFactory(name="HINKU", name_fi="HINKU")
    m.NetworkProfile.objects.create(organisation=network, scope="eu", type="general", source=source)
    ws = WorkspaceFactory(name="Helsinki workspace", organisation=helsinki)
    ws_other = WorkspaceFactory(name="Espoo workspace", organisation=espoo)
    theme = goals.theme_create(
        actor=SYSTEM, code="climate", labels={"label_fi": "Ilmasto", "label_en": "Climate"}
    )
    membership = memberships.membership_create(
        actor=SYSTEM,
        member=helsinki,
        organisation=network,
        source=source,
        themes=[theme],
        role="member",
        start=dt.date(2015, 1, 1),
        start_precision="year",
    )
    private_membership = memberships.membership_create(
        actor=SYSTEM,
        member=helsinki,
        organisation=network2,
        source=source,
        workspace=ws,
        commitments="Secret plan",
    )
    fee = memberships.membership_fee_set(
        actor=SYSTEM,
        workspace=ws,
        membership=membership,
        year=2024,
        amount=Decimal("12345.00"),
        source=source,
    )
    twinning = twinnings.twinning_create(
        actor=SYSTEM, a=helsinki, b=tallinn, source=source, status="active"
    )
    partnership = partnerships.partnership_create(
        actor=SYSTEM,
        source=source,
        kind="alliance",
        names={"name_fi": "Kuutoskaupungit", "name_en": "Six largest cities"},
        parties=[(helsinki, "city"), (espoo, "city")],
        themes=[theme],
    )
    goal = goals.goal_create(
        actor=SYSTEM,
        organisation=helsinki,
        source=source,
        texts={"title_fi": "Hiilineutraali Helsinki", "title_en": "Carbon-neutral Helsinki"},
        themes=[theme],
    )
    event = goals.event_create(
        actor=SYSTEM,
        source=source,
        texts={"title_fi": "Eurocities-konferenssi", "title_en": "Eurocities conference"},
        kind="conference",
        start_date=dt.date(2024, 6, 1),
        organiser=network,
        participants=[helsinki],
    )
    return World(
        helsinki=helsinki,
        espoo=espoo,
        tallinn=tallinn,
        network=network,
        network2=network2,
        ws=ws,
        ws_other=ws_other,
        editor=member_of(ws, Role.EDITOR, username="editor"),
        viewer=member_of(ws, Role.VIEWER, username="viewer"),
        admin=member_of(ws, Role.ADMIN, username="admin"),
        other_editor=member_of(ws_other, Role.EDITOR, username="espoo-editor"),
        superuser=UserFactory(username="root", is_superuser=True, is_staff=True),
        source=source,
        theme=theme,
        membership=membership,
        private_membership=private_membership,
        fee=fee,
        twinning=twinning,
        partnership=partnership,
        goal=goal,
        event=event,
    )
