"""schemathesis against the OpenAPI document: every operation, as an editor with a
read-write token, on the small two-workspace world of conftest: no server error, and every
response (errors included) conforms to the document.

The operations are walked here rather than with ``schema.parametrize()``, whose lazy
fixture loading does not run under the pytest version we use.
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.conftest import World, api_client
from verkosto.accounts.permissions import SYSTEM
from verkosto.accounts.tokens import token_create
from verkosto.api.urls import router
from verkosto.registry import models as m

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES_PER_OPERATION = 15


ORGANISATION_KEYS = ("member", "organisation", "first", "second", "organiser", "network")


def _pools(world: World) -> dict[str, list]:
    """Ids that exist, so that generated requests reach real records, not only 404s."""
    organisations = list(m.Organisation.objects.values_list("pk", flat=True))
    return {
        **dict.fromkeys(ORGANISATION_KEYS, organisations),
        "coordinator": organisations,
        "participants": organisations,
        "source": list(m.Source.objects.values_list("pk", flat=True)),
        "workspace": [world.ws_a.pk, world.ws_b.pk, None],
        "membership": list(m.Membership.objects.values_list("pk", flat=True)),
        "partnership": list(m.Partnership.objects.values_list("pk", flat=True)),
        "themes": list(m.Theme.objects.values_list("code", flat=True)),
    }


def _path_ids(world: World) -> dict[str, list[int]]:
    ids = {}
    for basename, own in world.own.items():
        ids[basename] = [own.pk, world.foreign[basename].pk, 10**6]
    return ids


def with_real_ids(case, rnd, pools: dict, path_ids: list[int] | None):
    """Point most generated cases at existing records (a few keep their random ids)."""
    if rnd.random() < 0.2:
        return case
    if path_ids and case.path_parameters and "id" in case.path_parameters:
        case.path_parameters["id"] = rnd.choice(path_ids)
    if isinstance(case.body, dict):
        for key, pool in pools.items():
            if key not in case.body or not pool:
                continue
            if key in ("participants", "themes"):
                case.body[key] = rnd.sample(pool, k=min(len(pool), rnd.randint(0, 2)))
            else:
                case.body[key] = rnd.choice(pool)
    return case


@pytest.fixture
def editor_token(world: World) -> str:
    _token, secret = token_create(
        actor=SYSTEM, user=world.users["editor"], name="fuzz", scope="read-write"
    )
    return secret


# The WSGI handler closes the database connection after each request, as in production;
# on PostgreSQL that ends a test wrapped in one transaction, so this test commits for real.
@pytest.mark.django_db(transaction=True)
def test_every_operation_conforms_to_the_schema(world: World, editor_token: str):
    response = api_client(world.users["editor"]).get("/api/v1/openapi.json?lang=en")
    assert response.status_code == 200
    schema = schemathesis.openapi.from_dict(response.json())
    schema.app = get_wsgi_application()
    headers = {"Authorization": f"Bearer {editor_token}"}
    pools = _pools(world)
    ids_by_prefix = {
        prefix: _path_ids(world).get(basename) for prefix, _v, basename in router.registry
    }

    failures, operations = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        prefix = operation.path.removeprefix("/api/v1/").split("/")[0]
        ids = ids_by_prefix.get(prefix)
        strategy = st.tuples(operation.as_strategy(), st.randoms(use_true_random=False)).map(
            lambda pair, ids=ids: with_real_ids(*pair, pools, ids)
        )

        @given(case=strategy)
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def fuzz(case):
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            fuzz()
        except Exception as error:  # every operation's failure is collected and shown
            failures.append(f"{operation.label}: {error}")
    assert operations >= 60
    assert not failures, "\n\n".join(failures)
