"""The organisation list page with 100 000 organisations, answered through the whole
Django stack (test client, logged in): unfiltered, filtered, searched and sorted. The
baseline is the Django admin's changelist of the same rows, the page a list would
otherwise be; the target for verkosto's pages is under 150 ms server time."""

import random

from django.contrib.auth import get_user_model
from django.test import Client

from bench.rows import Row, best_ms
from verkosto.accounts.models import Role, Workspace, WorkspaceMember
from verkosto.common.text import fold
from verkosto.registry.models import Organisation, Source

N = 100_000
SYLLABLES = ["hel", "sin", "ki", "tam", "pe", "re", "jy", "väs", "ky", "lä", "åbo", "va", "sa"]
# Regions are few in life (Finland 19, the EU's NUTS-3 about 1 100); a region is the one
# organisation filter the page offers as a select, so the benchmark keeps them realistic.
KINDS = ["municipality", "municipality", "municipality", "association", "network", "company"]
REGIONS = 300
COUNTRIES = ["FI", "SE", "EE", "DE", "FR"]


def _populate() -> None:
    """Top up to N organisations (bench_find may have made most of them already)."""
    missing = N - Organisation.objects.count()
    if missing <= 0:
        return
    rng = random.Random(11)
    source = Source.objects.create(title="benchmark: lists")
    batch = []
    for i in range(missing):
        name = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() + f" L{i}"
        batch.append(
            Organisation(
                kind=rng.choice(KINDS),
                name=name,
                name_fi=name,
                name_sv=name + "s",
                country=rng.choice(COUNTRIES),
                source=source,
                search_key=f"|{fold(name)}|{fold(name)}s|",
                population=rng.randint(1, 10**6),
            )
        )
    for region in batch[:REGIONS]:
        region.kind = "region"
    Organisation.objects.bulk_create(batch, batch_size=5000)


def _client() -> Client:
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(
        username="bench-lists", defaults={"is_staff": True, "is_superuser": True}
    )
    org = Organisation.objects.order_by("pk").first()
    workspace, _ = Workspace.objects.get_or_create(
        slug="bench-lists", defaults={"name": "Bench", "organisation": org}
    )
    WorkspaceMember.objects.get_or_create(workspace=workspace, user=user, role=Role.EDITOR)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def _get_ms(client: Client, url: str) -> float:
    def fetch():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    fetch()  # warm caches and templates
    return best_ms(fetch)


def run() -> list[Row]:
    _populate()
    client = _client()
    admin = _get_ms(client, "/en/admin/registry/organisation/")
    admin_filtered = _get_ms(client, "/en/admin/registry/organisation/?kind__exact=municipality")
    cases = [
        ("unfiltered", "/en/organisations/", admin, "admin changelist"),
        (
            "kind+country",
            "/en/organisations/?kind=municipality&country=fi",
            admin_filtered,
            "admin changelist, kind filter",
        ),
        ("search q=helsin", "/en/organisations/?q=helsin", admin, "admin changelist"),
        (
            "sorted by population, page 50",
            "/en/organisations/?sort=-population&page=50",
            admin,
            "admin changelist",
        ),
        (
            "htmx partial, kind filter",
            "/en/organisations/?kind=network",
            admin_filtered,
            "admin changelist, kind filter",
        ),
        ("htmx partial, unfiltered", "/en/organisations/?page=2", admin, "admin changelist"),
    ]
    rows = []
    for label, url, baseline, baseline_is in cases:
        headers = (
            {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "results"} if "htmx" in label else {}
        )

        def fetch(url=url, headers=headers):
            response = client.get(url, **headers)
            assert response.status_code == 200, (url, response.status_code)

        fetch()
        rows.append(Row(f"org list {label} ({N:,})", best_ms(fetch), baseline, "ms", baseline_is))
    return rows
