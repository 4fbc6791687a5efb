"""Fixtures of the report tests (imported by the test_report_* modules): a small portfolio
whose figures are known by hand, and the report's translations.

The portfolio of "Testikaupunki" in 2025: three networks, fees 10 000 + 5 000 €, staff
time 100 h × 50 € = 5 000 € (total 20 000 €); one funding outcome worth 100 000 €; goals
on climate (served by two networks, which therefore overlap) and on mobility (served by
none: a gap); a culture network that serves no goal; an indicator with three values; an
open review with a drop decision on the culture network.
"""

import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils.translation import trans_real
from pypdf import PdfReader

from tests.factories import NetworkFactory, SourceFactory, WorkspaceFactory, member_of
from verkosto.accounts.models import Role
from verkosto.accounts.permissions import SYSTEM
from verkosto.portfolio import models as pm
from verkosto.portfolio.services.reviews import evaluation_decide, review_open
from verkosto.registry import models as m
from verkosto.registry.services.organisations import identifier_add, organisation_create

FRAGMENT = Path(__file__).resolve().parents[3] / "po-fragments" / "report.json"


@pytest.fixture
def report_catalogue():
    """The report's fi/sv translations, until the coordinator merges the fragment into
    src/verkosto/locale: entries the catalogue lacks are added for the test, then removed.
    Once merged this adds nothing and the tests read the real catalogue."""
    added: list[tuple[dict, str]] = []
    entries = json.loads(FRAGMENT.read_text(encoding="utf-8")) if FRAGMENT.exists() else []
    for language in ("fi", "sv"):
        catalog = trans_real.translation(language)._catalog
        for entry in entries:
            key = entry["msgid"]
            if "msgctxt" in entry:
                key = f"{entry['msgctxt']}\x04{key}"
            if key not in catalog:
                catalog._catalogs[0][key] = entry[language]
                added.append((catalog._catalogs[0], key))
    yield
    for mapping, key in added:
        mapping.pop(key, None)


def _theme(code: str, fi: str, sv: str, en: str, parent=None) -> m.Theme:
    return m.Theme.objects.create(
        code=code, label=fi, label_fi=fi, label_sv=sv, label_en=en, parent=parent
    )


@pytest.fixture
def portfolio_case(db):
    source = SourceFactory()
    city = organisation_create(
        actor=SYSTEM,
        source=source,
        kind="municipality",
        names={"name_fi": "Testikaupunki", "name_sv": "Teststad", "name_en": "Test City"},
        country="FI",
    )
    identifier_add(
        actor=SYSTEM, organisation=city, scheme="statfi_municipality", value="999", source=source
    )
    workspace = WorkspaceFactory(organisation=city, slug="testikaupunki")
    climate = _theme("climate", "Ilmasto", "Klimat", "Climate")
    energy = _theme("energy", "Energia", "Energi", "Energy", parent=climate)
    culture = _theme("culture", "Kulttuuri", "Kultur", "Culture")
    mobility = _theme("mobility", "Liikkuminen", "Mobilitet", "Mobility")
    goal = m.StrategicGoal.objects.create(
        organisation=city, title="Hiilineutraali 2030", source=source, priority=1
    )
    goal.themes.add(climate)
    moving = m.StrategicGoal.objects.create(
        organisation=city, title="Sujuva liikenne", source=source, priority=2
    )
    moving.themes.add(mobility)
    start = dt.date(2020, 1, 1)
    networks, memberships = {}, {}
    for key, name, theme in (
        ("climate", "Ilmastoverkosto", climate),
        ("energy", "Energiaverkosto", energy),
        ("culture", "Kulttuuriverkosto", culture),
    ):
        networks[key] = NetworkFactory(name=name, name_fi=name, name_en=name, source=source)
        membership = m.Membership.objects.create(
            member=city, organisation=networks[key], source=source, start=start
        )
        membership.themes.add(theme)
        memberships[key] = membership
    for key, amount in (("climate", 10_000), ("energy", 5_000)):
        m.MembershipFee.objects.create(
            workspace=workspace,
            membership=memberships[key],
            year=2025,
            amount=Decimal(amount),
            source=source,
        )
    pm.CostLine.objects.create(
        workspace=workspace,
        membership=memberships["climate"],
        year=2025,
        kind="staff",
        amount=Decimal(5_000),
        staff_hours=Decimal(100),
        hourly_rate=Decimal(50),
    )
    pm.CostLine.objects.create(
        workspace=workspace,
        membership=memberships["culture"],
        year=2024,
        kind="travel",
        amount=Decimal(2_000),
    )
    pm.Outcome.objects.create(
        workspace=workspace,
        type="funding",
        title="EU-rahoitus",
        title_fi="EU-rahoitus",
        title_sv="EU-finansiering",
        title_en="EU funding",
        date=dt.date(2025, 5, 5),
        value_estimate=Decimal(100_000),
        membership=memberships["climate"],
    )
    indicator = pm.Indicator.objects.create(
        workspace=workspace,
        name="Päästöt",
        name_fi="Päästöt",
        name_sv="Utsläpp",
        name_en="Emissions",
        owner=city,
        unit="kt CO₂e",
        direction="down",
        baseline=Decimal(100),
        baseline_year=2020,
        target=Decimal(60),
        target_year=2030,
        organisation=city,
    )
    for year, value in ((2023, 90), (2024, 80), (2025, 70)):
        pm.IndicatorValue.objects.create(
            indicator=indicator, date=dt.date(year, 12, 31), value=Decimal(value)
        )
    review = review_open(
        actor=SYSTEM, workspace=workspace, year=2025, now=dt.datetime(2025, 11, 1, tzinfo=dt.UTC)
    )
    evaluation_decide(
        actor=SYSTEM,
        review=review,
        membership=memberships["culture"],
        decision="drop",
        rationale="Ei palvele strategiaa.",
        now=dt.datetime(2025, 11, 2, tzinfo=dt.UTC),
    )
    viewer = member_of(workspace, Role.VIEWER)
    return {
        "workspace": workspace,
        "city": city,
        "networks": networks,
        "memberships": memberships,
        "viewer": viewer,
        "review": review,
    }


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
