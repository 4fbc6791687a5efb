"""The demo data: the seeds' facts with their seeds as sources, samples labelled as samples,
loadable again without change, and merged with (never duplicating) imported organisations."""

import datetime as dt
import io
import json

import pytest
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.db import transaction

from tests.conftest import shared_file
from verkosto.accounts.models import WorkspaceMember
from verkosto.accounts.permissions import SYSTEM
from verkosto.registry import models as m
from verkosto.registry.demo.data.sources import REFERENCE, SAMPLE, SCB, SEEDS
from verkosto.registry.demo.load import demo_load
from verkosto.registry.demo.sync import DemoConflict
from verkosto.registry.importers.statfi import StatfiMunicipalitiesImporter
from verkosto.registry.models.base import Sourced
from verkosto.registry.selectors.organisations import organisation_find
from verkosto.registry.services.organisations import identifier_add, organisation_create

pytestmark = pytest.mark.django_db

SIX = {"Helsinki", "Espoo", "Tampere", "Vantaa", "Oulu", "Turku"}
GROWTH = {
    "Pori",
    "Kouvola",
    "Vaasa",
    "Hämeenlinna",
    "Seinäjoki",
    "Rovaniemi",
    "Mikkeli",
    "Porvoo",
    "Salo",
    "Kotka",
    "Kokkola",
    "Hyvinkää",
    "Kajaani",
}


def load() -> str:
    out = io.StringIO()
    demo_load(stdout=out)
    return out.getvalue()


def partnership(key: str) -> m.Partnership:
    return m.Partnership.objects.get(data_source="demo", origin_id=key)


def city_parties(p: m.Partnership) -> set[str]:
    return {pl.organisation.name_fi for pl in p.party_links.filter(role="city")}


def helsinki() -> m.Organisation:
    return m.Identifier.objects.get(scheme="statfi_municipality", value="091").organisation


def row_counts() -> dict[str, int]:
    """Rows in every table, the historical ones included."""
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def sourced_models() -> list[type]:
    return [model for model in apps.get_models() if issubclass(model, Sourced)]


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for a whole class, rolled back after it (like setUpTestData)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


@pytest.mark.usefixtures("demo")
class TestLoadedDemo:
    def test_alliance_has_the_six_largest_cities_and_the_state(self):
        alliance = partnership("partnership-six-largest-alliance")
        assert city_parties(alliance) == SIX
        state = alliance.party_links.get(role="state").organisation
        assert (state.name_fi, state.kind) == ("Valtioneuvosto", "state_body")
        assert {"gang-prevention", "ece-workforce"} <= {t.code for t in alliance.themes.all()}
        assert (alliance.start, alliance.start_precision) == (dt.date(2023, 1, 1), "year")
        assert "pääministerin" in alliance.description_fi
        assert alliance.name_sv and alliance.name_en and alliance.description_en

    def test_growth_cities_vitality_and_eastern_partnerships(self):
        growth = partnership("partnership-growth-cities")
        assert city_parties(growth) == GROWTH
        assert "13" in growth.description_fi and "kahdestatoista" in growth.description_fi
        assert {"culture", "renewing-industry"} <= {t.code for t in growth.themes.all()}
        vitality = partnership("partnership-vitality")
        assert city_parties(vitality) == {"Jyväskylä", "Lahti", "Kuopio"}
        eastern = partnership("partnership-eastern")
        assert city_parties(eastern) == {"Lappeenranta", "Joensuu", "Imatra"}
        assert eastern.start is None
        assert "Itäisen Suomen ohjelma" in eastern.description_fi
        # Agreements whose parties the seed does not name have the state as only party.
        mal = partnership("partnership-mal-agreements")
        assert [pl.role for pl in mal.party_links.all()] == ["state"]
        assert "seitsemän kaupunkiseudun" in mal.description_fi
        network = organisation_find(text="Keskisuurten kasvukaupunkien verkosto")[0]
        assert {ms.member.name_fi for ms in network.member_links.all()} == GROWTH
        assert network.network_profile.type == "general"

    def test_seed_001_networks_have_scope_and_type(self):
        hinku = organisation_find(text="HINKU")[0]
        assert hinku.kind == "network"
        profile = hinku.network_profile
        assert (profile.scope, profile.type) == ("national", "thematic")
        assert [t.code for t in profile.themes.all()] == ["carbon-neutrality"]
        for text in ("MAL-verkosto", "Luontokunnat", "FISU", "Terve kunta", "SDG46"):
            found = organisation_find(text=text)[0]
            assert found.network_profile.type == "thematic", text
        for text in ("C21", "Kehyskuntaverkosto", "Seutukuntaverkosto", "Pienten kuntien"):
            found = organisation_find(text=text)[0]
            assert found.network_profile.type == "advocacy", text
        # The seed names no members of these networks, so the demo invents none.
        assert not m.Membership.objects.filter(organisation=hinku).exists()

    def test_helsinki_has_the_seed_002_goals_with_the_seed_as_source(self):
        goals = m.StrategicGoal.objects.filter(organisation=helsinki())
        assert {g.source.key for g in goals} == {"seed-002"}
        titles = {g.title_fi for g in goals}
        assert "Helsingin kaupunki on aktiivinen kansainvälinen toimija" in titles
        assert "EU-edunvalvonta: digitalisaatio" in titles
        assert "Osaavan työvoiman saatavuus" in titles
        assert "EU-rahoitus tukee Helsingin strategisten tavoitteiden toteutumista" in titles
        assert all(g.title_sv and g.title_en for g in goals)
        assert {g.level for g in goals} >= {"eu", "international", "national"}
        mapping = goals.get(origin_id="helsinki-goal-network-mapping-2022")
        assert (mapping.start, mapping.end) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
        assert "joista luovutaan" in mapping.description_fi

    def test_norrkoping_is_swedish_with_its_kommunkod_and_goals(self):
        norrkoping = m.Identifier.objects.get(scheme="se_kommunkod", value="0581").organisation
        assert (norrkoping.name_sv, norrkoping.country) == ("Norrköping", "SE")
        assert norrkoping.parent.identifiers.get().value == "05"
        eu_goal = norrkoping.goals.get(origin_id="norrkoping-goal-eu-decisions")
        assert "60 procent" in eu_goal.description_sv
        assert eu_goal.source.key == "seed-004"

    def test_every_fact_has_a_seed_or_the_sample_as_source(self):
        allowed = {*SEEDS, SAMPLE}
        for model in sourced_models():
            keys = set(model.objects.values_list("source__key", flat=True).distinct())
            if model is m.Identifier:
                # Codes come from the code lists, never from the seeds.
                assert keys <= set(REFERENCE), keys
            elif model is m.OrganisationName:
                # "Norrköpings kommun" is SCB's name for it.
                assert keys <= {*allowed, SCB}, keys
            else:
                assert keys <= allowed, (model.__name__, keys)
        seed_003 = m.Source.objects.get(key="seed-003")
        assert seed_003.published == dt.date(2024, 5, 24)
        assert seed_003.locator == "003_9d46a0a733bfdddd.txt"
        assert "shop.kuntaliitto.fi" in m.Source.objects.get(key="seed-000").url

    def test_samples_are_labelled_and_private(self):
        sample_facts = [
            *m.MembershipFee.objects.all(),
            *m.MembershipContact.objects.all(),
            *m.Twinning.objects.all(),
            *m.Event.objects.all(),
            *m.Person.objects.all(),
            *m.Membership.objects.filter(workspace__isnull=False),
        ]
        assert len(sample_facts) >= 12
        assert all(fact.source.is_sample for fact in sample_facts)
        assert all(fact.workspace.slug == "helsinki" for fact in sample_facts)
        suspended = m.Twinning.objects.get(status="suspended")
        assert suspended.status_reason
        # Nothing from a seed carries the sample source.
        for model in (m.Partnership, m.StrategicGoal, m.PartnershipParty):
            assert not model.objects.filter(source__is_sample=True).exists()
        assert not m.Membership.objects.filter(workspace=None, source__is_sample=True).exists()

    def test_loading_again_changes_nothing(self):
        before = row_counts()
        counts = demo_load(stdout=io.StringIO())
        assert row_counts() == before
        assert all(c["created"] == 0 and c["updated"] == 0 for c in counts.values()), counts

    def test_demo_user_is_an_editor_in_helsinki_only(self, demo):
        user = authenticate(username="demo", password="demo")
        assert user is not None
        roles = list(
            WorkspaceMember.objects.filter(user=user).values_list("workspace__slug", "role")
        )
        assert roles == [("helsinki", "editor")]
        assert "must never exist on a shared server" in demo

    def test_find_helsingfors_returns_helsinki_first(self):
        out = io.StringIO()
        call_command("find", "Helsingfors", "--json", stdout=out)
        first = json.loads(out.getvalue())[0]
        assert first["names"]["fi"] == "Helsinki"
        assert first["identifiers"]["statfi_municipality"] == "091"

    def test_show_helsinki_lists_the_alliance_with_its_cities(self):
        out = io.StringIO()
        call_command("show", str(helsinki().pk), "--json", stdout=out)
        data = json.loads(out.getvalue())
        alliance = next(p for p in data["partnerships"] if p["kind"] == "alliance")
        assert {p["name"] for p in alliance["parties"] if p["role"] == "city"} == SIX


def test_merges_into_organisations_an_importer_created():
    imported = m.Source.objects.create(title="Statistics Finland import")
    earlier = organisation_create(
        actor=SYSTEM,
        source=imported,
        kind="municipality",
        names={"name_fi": "Helsinki", "name_sv": "Helsingfors"},
        country="FI",
        data_source="statfi-municipalities",
        origin_id="091",
    )
    identifier_add(
        actor=SYSTEM,
        organisation=earlier,
        scheme="statfi_municipality",
        value="091",
        source=imported,
    )
    # Known by name only: merged by (country, name) and given its code.
    espoo = organisation_create(
        actor=SYSTEM, source=imported, kind="municipality", names={"name_fi": "Espoo"}, country="FI"
    )
    load()
    assert m.Organisation.objects.filter(name_fi="Helsinki").count() == 1
    assert city_parties(partnership("partnership-six-largest-alliance")) == SIX
    assert helsinki() == earlier
    assert m.Identifier.objects.get(scheme="statfi_municipality", value="049").organisation == espoo
    earlier.refresh_from_db()
    # The importer's record keeps its own fields and source.
    assert (earlier.source, earlier.data_source) == (imported, "statfi-municipalities")


def test_two_organisations_fitting_one_city_stop_the_load():
    source = m.Source.objects.create(title="Someone's list")
    for _ in range(2):
        organisation_create(
            actor=SYSTEM,
            source=source,
            kind="municipality",
            names={"name_fi": "Vantaa"},
            country="FI",
        )
    with pytest.raises(DemoConflict, match="Vantaa"):
        demo_load(stdout=io.StringIO())
    assert not m.Partnership.objects.exists()
    assert m.Organisation.objects.count() == 2


def test_the_real_importer_after_the_demo_merges_instead_of_duplicating():
    path = shared_file("fi_municipalities/fi_municipality_key_2026_full.csv")
    load()
    summary = StatfiMunicipalitiesImporter().run(path)
    assert summary.committed
    assert m.Organisation.objects.filter(kind="municipality", country="FI").count() == 308
    assert m.Organisation.objects.filter(name_fi="Helsinki").count() == 1
    assert helsinki().parent.name_fi == "Uusimaa"
    # Loading the demo again keeps what the importer added.
    counts = demo_load(stdout=io.StringIO())
    assert all(c["created"] == 0 and c["updated"] == 0 for c in counts.values()), counts
    assert helsinki().parent.name_fi == "Uusimaa"


def test_loaddemo_command_without_user():
    out = io.StringIO()
    call_command("loaddemo", "--no-user", stdout=out)
    assert "Partnership" in out.getvalue()
    assert not get_user_model().objects.filter(username="demo").exists()
    assert "shared server" not in out.getvalue()
