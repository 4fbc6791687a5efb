"""The small knowledge base the page and API tests share (no tests here; a helper
module named test_web_* because the web tests own that name).

Two workspaces: A (the user's) and B. Shared items of both organisations, a private item
of each workspace; B's private item carries SECRET, which nothing shown to A may contain.
"""

import datetime as dt
from dataclasses import dataclass, field

from tests.factories import OrganisationFactory, WorkspaceFactory, member_of
from verkosto.accounts.models import Role
from verkosto.accounts.permissions import SYSTEM
from verkosto.knowledge.models import GoodPractice, Report
from verkosto.knowledge.services import practice_save, report_save
from verkosto.registry import models as rm

SECRET = "SALAISUUSB"
XSS_TITLE = '<img src=x onerror="alert(1)">Kotouttaminen'
XSS_BODY = "Kotouttaminen <script>alert('x')</script> onnistui kirjastossa."


@dataclass
class KB:
    ws_a: object
    ws_b: object
    org_a: object
    org_b: object
    theme: object
    users: dict = field(default_factory=dict)
    items: dict = field(default_factory=dict)


def practice(org, title: str, body: str, *, workspace=None, language="fi", themes=()):
    return practice_save(
        actor=SYSTEM,
        practice=GoodPractice(
            title=title,
            summary="",
            body=body,
            organisation=org,
            workspace=workspace,
            language=language,
        ),
        themes=themes,
    )


def report(org, title: str, body: str, *, workspace=None, language="fi"):
    return report_save(
        actor=SYSTEM,
        report=Report(
            title=title,
            body=body,
            date=dt.date(2024, 5, 17),
            organisation=org,
            workspace=workspace,
            language=language,
        ),
    )


def make_kb(settings, tmp_path) -> KB:
    """The world; each test module wraps it in its own ``kb`` fixture."""
    settings.MEDIA_ROOT = tmp_path / "media"
    org_a = OrganisationFactory(name="Alfakaupunki", name_fi="Alfakaupunki", country="FI")
    org_b = OrganisationFactory(name="Betastad", name_fi="Betastad", country="SE")
    ws_a = WorkspaceFactory(organisation=org_a, slug="ws-a")
    ws_b = WorkspaceFactory(organisation=org_b, slug="ws-b")
    theme = rm.Theme.objects.create(
        code="education",
        label_fi="Varhaiskasvatus",
        label_sv="Förskola",
        label_en="Early education",
    )
    world = KB(ws_a, ws_b, org_a, org_b, theme)
    world.users = {
        "viewer": member_of(ws_a, Role.VIEWER),
        "editor": member_of(ws_a, Role.EDITOR),
        "editor_b": member_of(ws_b, Role.EDITOR),
    }
    world.items = {
        "shared_a": practice(
            org_a,
            "Varhaiskasvatuksen henkilöstöpula ratkaistiin",
            "Päiväkotien henkilöstöpulaan haettiin ratkaisuja yhdessä oppilaitosten kanssa.",
            themes=[theme],
        ),
        "private_a": practice(
            org_a,
            "Päiväkotien rekrytointikampanja",
            "Päiväkodit rekrytoivat henkilöstöä sosiaalisessa mediassa.",
            workspace=ws_a,
        ),
        "private_b": practice(
            org_b,
            f"Päiväkotien {SECRET}",
            f"Päiväkodit ja {SECRET} henkilöstö.",
            workspace=ws_b,
        ),
        "shared_b_sv": practice(
            org_b,
            "Personalbrist i förskolan",
            "Förskolan löste personalbristen tillsammans med högskolan.",
            language="sv",
            themes=[theme],
        ),
        "report_b": report(
            org_b,
            "Opintomatka päiväkoteihin",
            "Vierailimme päiväkodeissa ja kuulimme henkilöstöpulasta.",
        ),
        "xss": practice(org_a, XSS_TITLE, XSS_BODY),
    }
    return world
