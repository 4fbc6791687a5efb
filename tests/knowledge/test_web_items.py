"""Good practices and reports: lists, pages, forms through the services, permissions."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.knowledge.test_web_fixtures import KB, SECRET, make_kb, practice, report
from verkosto.accounts.permissions import SYSTEM
from verkosto.knowledge.models import GoodPractice, Report, SearchEntry
from verkosto.knowledge.search import search
from verkosto.knowledge.services import document_upload, practice_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def kb(db, settings, tmp_path) -> KB:
    return make_kb(settings, tmp_path)


def login(client, kb: KB, role: str):
    client.force_login(kb.users[role])
    return client


def test_lists_need_login(client, kb):
    for url in ("/en/knowledge/practices/", "/en/knowledge/reports/"):
        assert client.get(url).status_code == 302


def test_practice_list_shows_shared_and_own_private(client, kb):
    html = login(client, kb, "viewer").get("/en/knowledge/practices/").content.decode()
    assert "Päiväkotien rekrytointikampanja" in html and "Personalbrist i förskolan" in html
    assert SECRET not in html
    assert "Private to" in html


def test_list_filters(client, kb):
    login(client, kb, "viewer")
    swedish = client.get("/en/knowledge/practices/", {"language": "sv"}).content.decode()
    assert "Personalbrist i förskolan" in swedish and "rekrytointikampanja" not in swedish
    private = client.get("/en/knowledge/practices/", {"visibility": "private"}).content.decode()
    assert "rekrytointikampanja" in private and "Personalbrist" not in private
    themed = client.get("/en/knowledge/practices/", {"theme": "education"}).content.decode()
    assert _rows(themed) == 2
    swedish_org = client.get("/en/knowledge/practices/", {"country": "se"}).content.decode()
    assert _rows(swedish_org) == 1 and "Personalbrist i förskolan" in swedish_org
    titled = client.get("/en/knowledge/practices/", {"q": "REKRYTOINTI"}).content.decode()
    assert _rows(titled) == 1 and "rekrytointikampanja" in titled
    year = kb.items["report_b"].date.year
    assert _rows(client.get("/en/knowledge/reports/", {"year": year}).content.decode()) == 1
    assert (
        "Nothing here yet"
        in client.get("/en/knowledge/reports/", {"year": year - 1}).content.decode()
    )


def test_the_list_names_the_organisation_chosen(client, kb):
    login(client, kb, "viewer")
    html = client.get("/en/knowledge/practices/", {"organisation": kb.org_b.pk}).content.decode()
    assert _rows(html) == 1 and "Personalbrist i förskolan" in html
    assert f'href="/en/organisations/{kb.org_b.pk}/"' in html
    assert "Show every organisation" in html


def test_a_bad_filter_is_shown_and_not_applied(client, kb):
    login(client, kb, "viewer")
    response = client.get("/en/knowledge/practices/", {"theme": "no-such-theme", "year": "x"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Select a valid choice" in html and "Enter a whole number" in html
    assert _rows(html) == 4  # every practice the viewer may see


def test_another_workspaces_private_item_is_absent(client, kb):
    pk = kb.items["private_b"].pk
    login(client, kb, "editor")
    for url in (f"/en/knowledge/practices/{pk}/", f"/en/knowledge/practices/{pk}/edit/"):
        assert client.get(url).status_code == 404


def test_editor_creates_a_private_practice_that_is_searchable(client, kb):
    login(client, kb, "editor")
    response = client.post(
        "/en/knowledge/practices/new/",
        {
            "title": "Ilmastoverkostojen yhteinen hankinta",
            "language": "fi",
            "summary": "Kunnat hankkivat yhdessä.",
            "body": "Yhteishankinta säästi rahaa.",
            "organisation": kb.org_a.pk,
            "themes": [kb.theme.pk],
            "sdgs": ["11", "13"],
            "links": "https://example.org/a",
            "visibility": "private",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    item = GoodPractice.objects.get(title="Ilmastoverkostojen yhteinen hankinta")
    assert item.workspace == kb.ws_a and item.sdgs == [11, 13]
    assert list(item.themes.all()) == [kb.theme]
    page = client.get(response["Location"]).content.decode()
    assert "Yhteishankinta säästi rahaa." in page and "Edit" in page
    assert any(h.id == item.pk for h in search("yhteishankinta", workspace=kb.ws_a).hits)
    assert not search("yhteishankinta", workspace=kb.ws_b).hits


def test_bad_input_is_shown_and_nothing_saved(client, kb):
    login(client, kb, "editor")
    before = GoodPractice.objects.count()
    response = client.post(
        "/en/knowledge/practices/new/",
        {"title": "", "language": "fi", "links": "not an address", "visibility": "public"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please correct the following" in html and "not a web address" in html
    assert GoodPractice.objects.count() == before


def test_viewer_may_not_write(client, kb):
    login(client, kb, "viewer")
    pk = kb.items["shared_a"].pk
    assert client.get("/en/knowledge/practices/new/").status_code == 403
    assert client.get(f"/en/knowledge/practices/{pk}/edit/").status_code == 403
    assert client.post(f"/en/knowledge/practices/{pk}/delete/").status_code == 403
    assert "Edit" not in client.get(f"/en/knowledge/practices/{pk}/").content.decode()


def test_editor_of_another_organisation_may_not_edit_a_shared_practice(client, kb):
    login(client, kb, "editor_b")
    pk = kb.items["shared_a"].pk
    assert client.get(f"/en/knowledge/practices/{pk}/edit/").status_code == 403
    # Moving the practice to B's own organisation is refused too (the stored one counts).
    response = client.post(
        f"/en/knowledge/practices/{pk}/edit/",
        {"title": "Taken", "language": "fi", "organisation": kb.org_b.pk, "visibility": "public"},
    )
    assert response.status_code == 403
    assert GoodPractice.objects.get(pk=pk).organisation == kb.org_a


def test_edit_reindexes_and_delete_removes(client, kb):
    login(client, kb, "editor")
    item = kb.items["private_a"]
    response = client.post(
        f"/en/knowledge/practices/{item.pk}/edit/",
        {
            "title": "Lastentarhanopettajien rekrytointi",
            "language": "fi",
            "body": item.body,
            "organisation": kb.org_a.pk,
            "visibility": "private",
        },
    )
    assert response.status_code == 302
    assert search("lastentarhanopettaja", workspace=kb.ws_a).total == 1
    page = client.get(response["Location"]).content.decode()
    history = page.split('id="history-title"', 1)[1]
    assert "Changed" in history and "Lastentarhanopettajien rekrytointi" in history
    assert client.get(f"/en/knowledge/practices/{item.pk}/delete/").status_code == 200
    assert client.post(f"/en/knowledge/practices/{item.pk}/delete/").status_code == 302
    assert not GoodPractice.objects.filter(pk=item.pk).exists()
    assert not SearchEntry.objects.filter(kind="practice", object_id=item.pk).exists()


def test_editor_creates_a_report(client, kb):
    login(client, kb, "editor")
    response = client.post(
        "/en/knowledge/reports/new/",
        {
            "title": "Vierailu Tukholmaan",
            "kind": "visit",
            "date": "2025-03-04",
            "language": "fi",
            "body": "Tutustuimme kirjastoihin.",
            "organisation": kb.org_a.pk,
            "visibility": "public",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    report_obj = Report.objects.get(title="Vierailu Tukholmaan")
    assert report_obj.workspace is None
    html = client.get(f"/en/knowledge/reports/{report_obj.pk}/").content.decode()
    assert "Visit report" in html and "Tutustuimme kirjastoihin." in html


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_pages_render_in_every_language(client, kb, language):
    login(client, kb, "editor")
    document = document_upload(actor=SYSTEM, name="a.txt", content=b"Asiakirja.", workspace=kb.ws_a)
    urls = [
        "practices/",
        "practices/new/",
        f"practices/{kb.items['shared_a'].pk}/",
        f"practices/{kb.items['shared_a'].pk}/edit/",
        "reports/",
        "reports/new/",
        f"reports/{kb.items['report_b'].pk}/",
        f"practices/{kb.items['private_a'].pk}/delete/",
        "documents/",
        "documents/upload/",
        f"documents/{document.pk}/",
        f"documents/{document.pk}/edit/",
    ]
    for url in urls:
        response = client.get(f"/{language}/knowledge/{url}")
        assert response.status_code == 200, url
        assert f'<html lang="{language}">' in response.content.decode()


def _rows(html: str) -> int:
    return len(re.findall(r"<tr>", html.split("<tbody>", 1)[1]))


@pytest.mark.parametrize("segment", ["practices", "reports"])
def test_list_queries_constant(client, kb, segment, django_assert_max_num_queries):
    login(client, kb, "editor")
    with CaptureQueriesContext(connection) as few:
        client.get(f"/en/knowledge/{segment}/")
    for n in range(30):
        if segment == "practices":
            practice(kb.org_a, f"Käytäntö {n}", "Teksti.", themes=[kb.theme])
        else:
            report(kb.org_b, f"Raportti {n}", "Teksti.")
    with django_assert_max_num_queries(len(few)):
        html = client.get(f"/en/knowledge/{segment}/").content.decode()
    assert _rows(html) == 25 and "Page 1 of 2" in html


def test_the_service_refuses_moving_another_organisations_practice(kb):
    """Not only the page: the service itself checks the stored practice, not just the new one."""
    stored = kb.items["shared_a"]
    taken = GoodPractice.objects.get(pk=stored.pk)
    taken.organisation = kb.org_b
    with pytest.raises(PermissionDenied):
        practice_save(actor=kb.users["editor_b"], practice=taken)
    assert GoodPractice.objects.get(pk=stored.pk).organisation == kb.org_a
