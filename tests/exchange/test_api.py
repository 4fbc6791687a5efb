"""``/api/v1/exchange/``: exports by visibility, imports by stewards, in the background."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.tasks import task_backends
from django.utils.connection import BaseConnectionHandler
from rest_framework.test import APIClient

from tests.exchange.conftest import wipe_registry
from tests.factories import UserFactory, WorkspaceFactory, member_of
from verkosto.accounts.models import Role
from verkosto.accounts.permissions import SYSTEM
from verkosto.exchange import popolo
from verkosto.exchange.models import ImportJob
from verkosto.exchange.selectors import exchange_dataset
from verkosto.registry import models as m

BASE = "/api/v1/exchange/"


def _client(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def steward(db):
    return UserFactory(is_superuser=True, is_staff=True)


def _upload(client, text: str, kind: str = "popolo", **extra):
    file = SimpleUploadedFile(f"data.{kind}", text.encode(), content_type="application/json")
    return client.post(f"{BASE}imports/", {"kind": kind, "file": file, **extra}, format="multipart")


def test_anonymous_gets_401(db):
    for url in ("popolo.json", "ftm.jsonl", "imports/1/"):
        assert _client().get(BASE + url).status_code == 401


def test_viewer_exports_public_facts_and_own_private_ones(private_membership):
    viewer = member_of(private_membership.workspace, Role.VIEWER)
    client = _client(viewer)

    public = client.get(f"{BASE}popolo.json").json()
    own = client.get(f"{BASE}popolo.json", {"workspace": "helsinki"}).json()

    assert len(public["organizations"]) == 5
    assert len(public["memberships"]) == 3
    assert [ms["role"] for ms in own["memberships"] if ms.get("private")] == ["partner"]


def test_foreign_workspace_export_is_forbidden(private_membership):
    stranger = member_of(WorkspaceFactory(), Role.ADMIN)

    response = _client(stranger).get(f"{BASE}ftm.jsonl", {"workspace": "helsinki"})

    assert response.status_code == 403
    assert "partner" not in response.content.decode()


def test_ftm_export_is_json_lines(registry):
    response = _client(UserFactory()).get(f"{BASE}ftm.jsonl")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-ndjson")
    entities = [json.loads(line) for line in b"".join(response.streaming_content).splitlines()]
    assert len(entities) == 8


def test_editor_may_not_import(registry):
    editor = member_of(WorkspaceFactory(organisation=registry["helsinki"]), Role.EDITOR)

    response = _upload(_client(editor), '{"organizations": []}')

    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert not ImportJob.objects.exists()


def test_steward_import_runs_in_the_background_and_reports(registry, steward, tmp_path):
    text = popolo.dumps(exchange_dataset(actor=SYSTEM))
    wipe_registry()
    client = _client(steward)

    response = _upload(client, text)

    assert response.status_code == 202
    job_url = response["Location"]
    progress = client.get(job_url).json()
    assert progress["status"] == "done"
    assert (progress["total"], progress["processed"], progress["created"]) == (8, 8, 8)
    assert progress["errors"] == []
    assert m.Organisation.objects.count() == 5


def test_failed_import_reports_errors_and_writes_nothing(steward):
    doc = {"organizations": [{"id": "a", "name": "A", "classification": "party"}]}

    response = _upload(_client(steward), json.dumps(doc))

    body = _client(steward).get(f"{BASE}imports/{response.json()['id']}/").json()
    assert body["status"] == "failed"
    assert body["rejected"] == 1
    assert body["errors"][0]["field"] == "organizations[0] (id 'a') classification"
    assert not m.Organisation.objects.exists()


def test_someone_elses_job_is_not_found(steward):
    response = _upload(_client(steward), '{"organizations": []}')
    other = UserFactory()

    assert _client(other).get(f"{BASE}imports/{response.json()['id']}/").status_code == 404


def test_upload_needs_a_known_kind(steward):
    response = _upload(_client(steward), "{}", kind="csv")

    assert response.status_code == 400
    assert response.json()["errors"][0]["pointer"] == "#/kind"


@pytest.fixture
def database_tasks(settings):
    """The deployment's queue (django-tasks-db) instead of the tests' immediate backend."""

    def reset() -> None:
        task_backends.__dict__.pop("settings", None)
        BaseConnectionHandler.__init__(task_backends)

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    reset()
    yield
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    reset()


# The worker closes its database connection between tasks, which would end a test wrapped
# in one transaction on PostgreSQL; this test commits for real instead.
@pytest.mark.django_db(transaction=True)
def test_queued_job_is_run_by_the_database_worker(registry, steward, database_tasks):
    text = popolo.dumps(exchange_dataset(actor=SYSTEM))
    wipe_registry()

    response = _upload(_client(steward), text)

    job = ImportJob.objects.get(pk=response.json()["id"])
    assert response.json()["status"] == "queued" and job.task_id
    assert not m.Organisation.objects.exists()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    job.refresh_from_db()
    assert job.status == "done", job.errors
    assert job.created == 8 and job.payload == ""
    assert m.Organisation.objects.count() == 5
