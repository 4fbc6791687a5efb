"""Every API route × method × role × own/foreign object, against the rules of the UI.

The routes come from the router, so a resource added without a row in SPECS fails
``test_every_route_has_a_rule``. Roles are in workspace A; "own" objects belong to A
(private to A, or public facts about A's organisation), "foreign" ones to B.

Expected, as everywhere in verkosto: anonymous → 401; a signed-in user reads public facts
and the private facts of their workspaces (others' are 404, as if absent); writes need
the editor or admin role, and then only to A's own facts (others' public facts → 403).
Shared records (themes, sources) may be written by any editor. No response to anybody
in A may contain anything private to B. A resource without some method (documents are
uploaded on the web page, so the API has no POST or PUT for them) answers 405 to those
who may write at all.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.urls import URLResolver

from tests.api.conftest import SECRET, SECRET_FEE, World, api_client
from verkosto.api.urls import router

PUBLIC, PRIVATE, SHARED = "public", "private", "shared"
ALL_METHODS = frozenset({"get", "post", "put", "patch", "delete"})


@dataclass
class Spec:
    kind: str  # PUBLIC facts about organisations, PRIVATE to a workspace, or SHARED
    create: Callable[[World], dict]
    patch: dict
    # A body creating the record for B (or in B's workspace), which editors of A may not.
    create_foreign: Callable[[World], dict] | None = None
    create_foreign_status: int = 403
    own_delete_status: int = 204
    overrides: dict = field(default_factory=dict)
    methods: frozenset = ALL_METHODS


def _src(w: World) -> dict:
    return {"source": w.source.pk}


SPECS = {
    "organisation": Spec(
        PUBLIC,
        create=lambda w: {"kind": "municipality", "name": {"fi": "Uusikunta"}, **_src(w)},
        patch={"website": "https://example.org/a"},
        # A's organisation has A's workspace, which keeps it from being deleted.
        own_delete_status=409,
    ),
    "identifier": Spec(
        PUBLIC,
        create=lambda w: {
            "organisation": w.org_a.pk,
            "scheme": "nuts",
            "value": "FI1B",
            **_src(w),
        },
        create_foreign=lambda w: {
            "organisation": w.org_b.pk,
            "scheme": "nuts",
            "value": "FI1C",
            **_src(w),
        },
        patch={"value": "Q777"},
    ),
    "organisation-name": Spec(
        PUBLIC,
        create=lambda w: {"organisation": w.org_a.pk, "name": "A-town", "kind": "alias", **_src(w)},
        create_foreign=lambda w: {
            "organisation": w.org_b.pk,
            "name": "B-town",
            "kind": "alias",
            **_src(w),
        },
        patch={"name": "Alfa 2"},
    ),
    "membership": Spec(
        PRIVATE,
        create=lambda w: {
            "member": w.org_a.pk,
            "organisation": w.org_c.pk,
            "workspace": w.ws_a.pk,
            **_src(w),
        },
        create_foreign=lambda w: {
            "member": w.org_b.pk,
            "organisation": w.org_c.pk,
            "workspace": w.ws_b.pk,
            **_src(w),
        },
        patch={"note": "changed"},
    ),
    "membership-fee": Spec(
        PRIVATE,
        create=lambda w: {
            "workspace": w.ws_a.pk,
            "membership": w.own["membership"].pk,
            "year": 2025,
            "amount": "10.00",
            **_src(w),
        },
        create_foreign=lambda w: {
            "workspace": w.ws_b.pk,
            "membership": w.own["membership"].pk,
            "year": 2025,
            "amount": "10.00",
            **_src(w),
        },
        patch={"amount": "11.50"},
    ),
    "twinning": Spec(
        PRIVATE,
        create=lambda w: {
            "first": w.org_b.pk,
            "second": w.org_a.pk,
            "workspace": w.ws_a.pk,
            **_src(w),
        },
        create_foreign=lambda w: {
            "first": w.org_b.pk,
            "second": w.org_a.pk,
            "workspace": w.ws_b.pk,
            **_src(w),
        },
        patch={"status": "dormant"},
    ),
    "partnership": Spec(
        PRIVATE,
        create=lambda w: {
            "name": {"fi": "Uusi", "en": "New"},
            "kind": "agreement",
            "workspace": w.ws_a.pk,
            "parties": [{"organisation": w.org_a.pk, "role": "city"}],
            **_src(w),
        },
        create_foreign=lambda w: {
            "name": {"fi": "Uusi"},
            "kind": "agreement",
            "workspace": w.ws_b.pk,
            "parties": [{"organisation": w.org_a.pk, "role": "city"}],
            **_src(w),
        },
        patch={"kind": "alliance"},
    ),
    "partnership-party": Spec(
        PRIVATE,
        create=lambda w: {
            "partnership": w.own["partnership"].pk,
            "organisation": w.org_c.pk,
            "role": "other",
            **_src(w),
        },
        # B's private partnership does not exist for A: the reference itself is invalid.
        create_foreign=lambda w: {
            "partnership": w.foreign["partnership"].pk,
            "organisation": w.org_a.pk,
            "role": "other",
            **_src(w),
        },
        create_foreign_status=400,
        patch={"role": "coordinator"},
    ),
    "theme": Spec(
        SHARED,
        create=lambda w: {"code": "mobility", "label": {"fi": "Liikkuminen"}},
        patch={"sdg": 11},
    ),
    "strategic-goal": Spec(
        PRIVATE,
        create=lambda w: {
            "organisation": w.org_a.pk,
            "title": {"fi": "Uusi tavoite"},
            "workspace": w.ws_a.pk,
            **_src(w),
        },
        create_foreign=lambda w: {
            "organisation": w.org_b.pk,
            "title": {"fi": "Uusi tavoite"},
            "workspace": w.ws_b.pk,
            **_src(w),
        },
        patch={"priority": 1},
    ),
    "event": Spec(
        PRIVATE,
        create=lambda w: {
            "title": {"fi": "Kokous"},
            "kind": "meeting",
            "start_date": "2025-03-01",
            "organiser": w.org_a.pk,
            "workspace": w.ws_a.pk,
            **_src(w),
        },
        create_foreign=lambda w: {
            "title": {"fi": "Kokous"},
            "kind": "meeting",
            "start_date": "2025-03-01",
            "organiser": w.org_b.pk,
            "workspace": w.ws_b.pk,
            **_src(w),
        },
        patch={"place": "Turku"},
    ),
    "source": Spec(
        SHARED,
        create=lambda w: {"title": "Pöytäkirja 2025"},
        patch={"publisher": "Kaupunki"},
    ),
    "practice": Spec(
        PRIVATE,
        create=lambda w: {
            "title": "Uusi käytäntö",
            "organisation": w.org_a.pk,
            "workspace": w.ws_a.pk,
        },
        create_foreign=lambda w: {
            "title": "Uusi käytäntö",
            "organisation": w.org_b.pk,
            "workspace": w.ws_b.pk,
        },
        patch={"summary": "changed"},
    ),
    "report": Spec(
        PRIVATE,
        create=lambda w: {"title": "Raportti", "date": "2025-03-01", "workspace": w.ws_a.pk},
        create_foreign=lambda w: {
            "title": "Raportti",
            "date": "2025-03-01",
            "workspace": w.ws_b.pk,
        },
        patch={"kind": "visit"},
    ),
    "document": Spec(
        PRIVATE,
        create=lambda w: {"title": "Asiakirja"},
        patch={"summary": "changed"},
        methods=frozenset({"get", "patch", "delete"}),
    ),
    # The portfolio is read only through the API: every write is a 405 (403 for viewers).
    **{
        basename: Spec(PRIVATE, create=lambda w: {}, patch={}, methods=frozenset({"get"}))
        for basename in ("cost-line", "outcome", "review")
    },
}

ROLES = ("anonymous", "viewer", "editor", "admin")
WRITERS = ("editor", "admin")


def _routes() -> dict[str, type]:
    return {basename: viewset for _prefix, viewset, basename in router.registry}


def _prefix(basename: str) -> str:
    return next(prefix for prefix, _v, b in router.registry if b == basename)


def test_every_route_has_a_rule():
    """A new API resource must come with its row in SPECS (and so with tested rules)."""
    assert set(_routes()) == set(SPECS)


def expected(spec: Spec, role: str, action: str, whose: str) -> int:
    """The status the UI's rules give ``role`` in A for ``action`` on ``whose`` object."""
    if role == "anonymous":
        return 401
    writer = role in WRITERS
    if METHOD_OF[action] not in spec.methods:
        return 405 if writer else 403  # a viewer is refused before the method is looked at
    if action == "list":
        return 200
    if action == "create":
        return 201 if writer else 403
    if action == "create_foreign":
        return spec.create_foreign_status if writer else 403
    if action != "retrieve" and not writer:
        return 403  # whatever the object: a viewer can write nothing, even absent records
    if whose == "foreign" and spec.kind == PRIVATE:
        return 404  # as if absent
    if action == "retrieve":
        return 200
    if whose == "foreign" and spec.kind == PUBLIC:
        return 403
    if action == "delete":
        return spec.own_delete_status if whose == "own" else 204
    return 200


METHOD_OF = {
    "list": "get",
    "retrieve": "get",
    "create": "post",
    "create_foreign": "post",
    "update": "put",
    "partial_update": "patch",
    "delete": "delete",
}


def _methods(viewset) -> set[str]:
    return set(viewset.http_method_names) - {"head", "options"}


class Rollback(Exception):
    pass


def _request(client, method: str, url: str, body: dict | None = None):
    """One request whose writes are undone afterwards, so every case sees the same world."""
    response = None
    try:
        with transaction.atomic():
            response = getattr(client, method)(url, body, format="json")
            raise Rollback
    except Rollback:
        pass
    return response


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("basename", sorted(SPECS))
def test_matrix(world: World, basename: str, role: str):
    spec = SPECS[basename]
    viewset = _routes()[basename]
    assert _methods(viewset) == spec.methods
    client = api_client(world.users[role])
    base = f"/api/v1/{_prefix(basename)}/"

    cases = [("list", "get", base, None, None), ("create", "post", base, spec.create(world), None)]
    if spec.create_foreign:
        cases.append(("create_foreign", "post", base, spec.create_foreign(world), None))
    for whose in ("own", "foreign"):
        obj = getattr(world, whose)[basename]
        url = f"{base}{obj.pk}/"
        cases += [
            ("retrieve", "get", url, None, whose),
            ("update", "put", url, spec.create(world), whose),
            ("partial_update", "patch", url, spec.patch, whose),
            ("delete", "delete", url, None, whose),
        ]

    failures = []
    for action, method, url, body, whose in cases:
        response = _request(client, method, url, body)
        want = expected(spec, role, action, whose or "own")
        text = response.content.decode()
        if response.status_code != want:
            failures.append(
                f"{method.upper()} {url} ({action}, {whose}): {response.status_code} "
                f"!= {want}: {text[:300]}"
            )
        if SECRET in text or SECRET_FEE in text:
            failures.append(f"{method.upper()} {url}: B's private data in the response")
        if response.status_code >= 400:
            assert response["Content-Type"] == "application/problem+json", text
    assert not failures, "\n".join(failures)


def _concrete_paths(patterns, prefix: str = "") -> list[str]:
    """Every URL of a urlconf, path parameters filled with 1."""
    paths = []
    for pattern in patterns:
        route = str(pattern.pattern).removeprefix("^").removesuffix("$").replace("\\", "")
        route = re.sub(r"\(\?P<\w+>[^)]*\)", "1", route)
        route = re.sub(r"<[^>]+>", "1", route)
        if isinstance(pattern, URLResolver):
            paths += _concrete_paths(pattern.url_patterns, prefix + route)
        else:
            paths.append(prefix + route)
    return paths


def test_every_api_url_needs_authentication(db):
    """Every URL under /api/v1/, routed or not (schema, docs, exchange …): anonymous is
    refused, for every method."""
    from verkosto.api import urls

    client = api_client(None)
    paths = _concrete_paths(urls.urlpatterns)
    assert "openapi.json" in paths and "organisations/1/" in paths
    for path in paths:
        for method in ("get", "post", "put", "patch", "delete"):
            response = getattr(client, method)(f"/api/v1/{path}")
            assert response.status_code in (401, 403), f"{method} {path}"
