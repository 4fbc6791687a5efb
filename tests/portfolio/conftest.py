"""A small portfolio: a city with a workspace (editor, viewer), three networks it belongs
to with themes, a goal, costs and outcomes; and an outsider editor of another workspace."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from tests.factories import NetworkFactory, SourceFactory, WorkspaceFactory, member_of
from verkosto.accounts.models import Role
from verkosto.accounts.permissions import SYSTEM
from verkosto.portfolio.services.costs import cost_line_create
from verkosto.portfolio.services.outcomes import outcome_create
from verkosto.registry.services.goals import goal_create, theme_create
from verkosto.registry.services.memberships import membership_create, membership_fee_set


@dataclass
class City:
    workspace: object
    org: object
    editor: object
    viewer: object
    outsider: object
    source: object
    themes: dict
    networks: list
    memberships: list
    goal: object


def add_membership(city: City, name: str, themes: list[str], *, fee=None, start=None):
    network = NetworkFactory(name=name, name_fi=name, name_en=name, name_sv=name)
    ms = membership_create(
        actor=SYSTEM,
        member=city.org,
        organisation=network,
        source=city.source,
        themes=[city.themes[t] for t in themes],
        start=start or dt.date(2015, 1, 1),
    )
    if fee is not None:
        membership_fee_set(
            actor=SYSTEM,
            workspace=city.workspace,
            membership=ms,
            year=2025,
            amount=Decimal(fee),
            source=city.source,
        )
    city.networks.append(network)
    city.memberships.append(ms)
    return ms


@pytest.fixture
def city(db) -> City:
    workspace = WorkspaceFactory()
    source = SourceFactory()
    themes = {
        code: theme_create(actor=SYSTEM, code=code, labels={"label_en": code.title()})
        for code in ("climate", "mobility", "culture")
    }
    goal = goal_create(
        actor=SYSTEM,
        organisation=workspace.organisation,
        source=source,
        texts={"title_fi": "Ilmasto", "title_en": "Climate"},
        themes=[themes["climate"], themes["mobility"]],
        priority=1,
    )
    c = City(
        workspace=workspace,
        org=workspace.organisation,
        editor=member_of(workspace, Role.EDITOR),
        viewer=member_of(workspace, Role.VIEWER),
        outsider=member_of(WorkspaceFactory(), Role.EDITOR),
        source=source,
        themes=themes,
        networks=[],
        memberships=[],
        goal=goal,
    )
    quiet = add_membership(c, "Quietnet", ["climate", "culture"], fee="38000")
    useful = add_membership(c, "Usefulnet", ["climate"], fee="5000")
    add_membership(c, "Culturenet", ["culture"], fee="3000")
    cost_line_create(
        actor=SYSTEM,
        workspace=workspace,
        membership=quiet,
        year=2025,
        kind="staff",
        staff_hours=Decimal(100),
        hourly_rate=Decimal(50),
    )
    outcome_create(
        actor=SYSTEM,
        workspace=workspace,
        type="funding",
        titles={"en": "Grant"},
        date=dt.date(2025, 3, 1),
        membership=useful,
        value_estimate=Decimal(100000),
    )
    outcome_create(
        actor=SYSTEM,
        workspace=workspace,
        type="practice",
        titles={"en": "Old practice"},
        date=dt.date(2023, 3, 1),
        membership=quiet,
    )
    return c
