"""The report pages: the report on screen for workspace members only, "Generate report"
as a background job (the immediate task backend runs it at once), its progress page
polled with htmx, and the download."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory, WorkspaceFactory, member_of
from tests.portfolio import test_report_support as support
from verkosto.accounts.models import Role
from verkosto.portfolio.models import ReportJob

# The shared fixtures (tests/portfolio/test_report_support.py).
portfolio_case = support.portfolio_case
report_catalogue = support.report_catalogue
pdf_text = support.pdf_text


def _page(client, language="en", **params):
    with_prefix = f"/{language}{reverse('portfolio:report')[3:]}"
    return client.get(with_prefix, params)


@pytest.mark.django_db
def test_member_sees_the_report_of_their_workspace(
    client, portfolio_case, django_assert_max_num_queries
):
    client.force_login(portfolio_case["viewer"])
    with django_assert_max_num_queries(40):
        response = _page(client, year=2025)
    assert response.status_code == 200
    body = response.content.decode()
    for text in ("Portfolio summary", "Overlaps and gaps", "Indicator trends", "€20,000", "<svg"):
        assert text in body
    assert "Generate report" in body


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client, portfolio_case):
    response = _page(client)
    assert response.status_code == 302 and "login" in response["Location"]
    job = client.get(reverse("portfolio:report-job", args=[1]))
    assert job.status_code == 302 and "login" in job["Location"]


@pytest.mark.django_db
def test_user_without_a_workspace_is_refused(client, portfolio_case):
    client.force_login(UserFactory())
    assert _page(client).status_code == 403
    assert client.post(reverse("portfolio:report-generate"), {}).status_code == 403


@pytest.mark.django_db
def test_member_of_another_workspace_sees_only_their_own(client, portfolio_case):
    other = member_of(WorkspaceFactory(), Role.ADMIN)
    client.force_login(other)
    body = _page(client, year=2025).content.decode()
    assert "Ilmastoverkosto" not in body and "20,000" not in body

    client.force_login(portfolio_case["viewer"])
    client.post(
        reverse("portfolio:report-generate"), {"year": 2025, "language": "en", "format": "xlsx"}
    )
    job = ReportJob.objects.get()
    client.force_login(other)
    assert client.get(reverse("portfolio:report-job", args=[job.pk])).status_code == 404
    download = reverse("portfolio:report-job-download", args=[job.pk])
    assert client.get(download).status_code == 404


@pytest.mark.django_db
def test_generate_runs_in_the_background_and_downloads(client, portfolio_case, report_catalogue):
    client.force_login(portfolio_case["viewer"])
    response = client.post(
        reverse("portfolio:report-generate"), {"year": 2025, "language": "sv", "format": "pdf"}
    )
    job = ReportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("portfolio:report-job", args=[job.pk])
    assert job.status == "done" and job.progress == 100 and job.task_id
    assert (
        job.created_by == portfolio_case["viewer"] and job.workspace == portfolio_case["workspace"]
    )

    partial = client.get(response["Location"], headers={"HX-Request": "true"})
    assert b"<html" not in partial.content and b"hx-trigger" not in partial.content  # finished
    assert b"teststad-2025-sv.pdf" in partial.content

    download = client.get(reverse("portfolio:report-job-download", args=[job.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert 'filename="teststad-2025-sv.pdf"' in download["Content-Disposition"]
    assert "Sammanfattning av portföljen" in pdf_text(download.content)


@pytest.mark.django_db
def test_a_queued_job_page_polls_for_progress(client, portfolio_case):
    job = ReportJob.objects.create(
        workspace=portfolio_case["workspace"],
        organisation=portfolio_case["city"],
        year=2025,
        language="fi",
        format="pdf",
    )
    client.force_login(portfolio_case["viewer"])
    body = client.get(reverse("portfolio:report-job", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in body and "<progress" in body
    assert client.get(reverse("portfolio:report-job-download", args=[job.pk])).status_code == 404


@pytest.mark.django_db
def test_bad_form_input_is_refused_with_the_field_named(client, portfolio_case):
    client.force_login(portfolio_case["viewer"])
    response = client.post(
        reverse("portfolio:report-generate"), {"year": 2025, "language": "de", "format": "doc"}
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"language", "format"}
    assert not ReportJob.objects.exists()
