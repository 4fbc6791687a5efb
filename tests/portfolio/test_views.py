"""The review pages and entry forms as editors, viewers and outsiders use them."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories import SourceFactory
from tests.portfolio.conftest import add_membership
from verkosto.accounts.permissions import SYSTEM
from verkosto.portfolio.models import CostLine, Evaluation, Indicator, Outcome, Review
from verkosto.portfolio.services import reviews
from verkosto.portfolio.services.outcomes import outcome_create
from verkosto.registry.services.goals import event_create


def url(name, *args):
    with translation.override("en"):
        return reverse(f"portfolio:{name}", args=args)


def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def review(city):
    return reviews.review_open(actor=SYSTEM, workspace=city.workspace, year=2025)


def test_editor_opens_a_review_and_sees_a_card_per_membership_with_reasons(client, city):
    login(client, city.editor)
    assert client.get(url("review-list")).status_code == 200
    response = client.post(url("review-open"), {"year": 2025})
    review = Review.objects.get()
    assert response["Location"] == url("review-detail", review.pk)
    body = client.get(response["Location"]).content.decode()
    for name in ("Quietnet", "Usefulnet", "Culturenet"):
        assert name in body
    assert "Costs €43,000 a year, no outcome recorded since 2023" in body
    assert "also covered by Usefulnet and Culturenet, which you belong to" in body
    assert body.count("Record the decision</button>") == 3
    # A second review for the same year: a clear error on the form, nothing written.
    again = client.post(url("review-open"), {"year": 2025})
    assert again.status_code == 400
    assert "already has a review for this year" in again.content.decode()


def test_viewer_reads_without_forms_and_outsider_sees_nothing(client, city, review):
    login(client, city.viewer)
    body = client.get(url("review-detail", review.pk)).content.decode()
    assert "Quietnet" in body and "Record the decision" not in body
    assert "Close the review" not in body
    quiet = city.memberships[0]
    decide = url("evaluation-decide", review.pk, quiet.pk)
    assert client.post(decide, {f"m{quiet.pk}-decision": "retain"}).status_code == 403
    assert client.post(url("review-close", review.pk)).status_code == 403
    assert not Evaluation.objects.exists()
    listed = client.get(url("review-list") + f"?organisation={city.org.pk}").content.decode()
    assert "Review 2025" in listed  # the link from the organisation's page
    login(client, city.outsider)
    assert client.get(url("review-detail", review.pk)).status_code == 404
    hidden = client.get(url("review-list") + f"?organisation={city.org.pk}").content.decode()
    assert "Review 2025" not in hidden
    assert client.get(url("cost-list")).status_code == 200  # their own, empty
    assert "Quietnet" not in client.get(url("cost-list")).content.decode()


def test_decide_close_and_follow_up(client, city, review):
    login(client, city.editor)
    quiet = city.memberships[0]
    decide = url("evaluation-decide", review.pk, quiet.pk)
    missing = client.post(decide, {f"m{quiet.pk}-decision": "drop"})
    assert missing.status_code == 400
    assert "Say why the membership should be dropped." in missing.content.decode()
    ok = client.post(
        decide, {f"m{quiet.pk}-decision": "drop", f"m{quiet.pk}-rationale": "Too costly."}
    )
    assert ok.status_code == 302 and ok["Location"].endswith(f"#card-{quiet.pk}")
    evaluation = Evaluation.objects.get(membership=quiet)
    assert (evaluation.decision, evaluation.rationale) == ("drop", "Too costly.")
    assert client.post(url("review-close", review.pk)).status_code == 302
    body = client.get(url("review-detail", review.pk)).content.decode()
    assert "This review is closed" in body and "Record the decision" not in body
    assert "Decision: Drop" in body and "Too costly." in body
    late = client.post(decide, {f"m{quiet.pk}-decision": "retain"}, follow=True)
    assert "its decisions are locked" in late.content.decode()
    assert Evaluation.objects.get(membership=quiet).decision == "drop"
    follow_ups = client.get(url("follow-up-list")).content.decode()
    assert "Resign from Quietnet" in follow_ups
    follow_up = evaluation.follow_up
    client.post(url("follow-up-done", follow_up.pk), {"done": "1"})
    follow_up.refresh_from_db()
    assert follow_up.done


def _grow(city, n: int) -> None:
    """n more memberships, each with a fee, a cost line, an outcome and an event."""
    source = SourceFactory()
    for i in range(n):
        ms = add_membership(city, f"Extra{len(city.memberships)}", ["mobility"], fee="100")
        CostLine.objects.create(
            workspace=city.workspace, membership=ms, year=2025, kind="travel", amount=1
        )
        outcome_create(
            actor=SYSTEM,
            workspace=city.workspace,
            type="practice",
            titles={"en": f"O{i}"},
            date=dt.date(2025, 1, 1),
            membership=ms,
        )
        event_create(
            actor=SYSTEM,
            source=source,
            texts={"title_fi": f"E{i}"},
            kind="meeting",
            start_date=dt.date(2025, 2, 1),
            participants=[city.org],
            network=ms.organisation,
        )


def test_review_page_queries_do_not_grow_with_memberships(client, city, review):
    login(client, city.editor)
    page = url("review-detail", review.pk)
    reviews.evaluation_decide(
        actor=SYSTEM, review=review, membership=city.memberships[0], decision="retain"
    )
    client.get(page)  # warm caches (content types, session)
    with CaptureQueriesContext(connection) as small:
        assert client.get(page).status_code == 200
    _grow(city, 4)
    reviews.evaluation_decide(
        actor=SYSTEM, review=review, membership=city.memberships[-1], decision="retain"
    )
    with CaptureQueriesContext(connection) as large:
        body = client.get(page).content.decode()
    assert body.count('class="card review-card') == 7
    assert len(large) == len(small), [q["sql"] for q in large.captured_queries]
    reviews.review_close(actor=SYSTEM, review=review)
    with CaptureQueriesContext(connection) as closed:
        client.get(page)
    assert len(closed) <= len(small) + 2


def test_cost_form_explains_errors_and_saves_staff_time(client, city):
    login(client, city.editor)
    quiet = city.memberships[0]
    bad = client.post(url("cost-add"), {"membership": quiet.pk, "year": 2025, "kind": "staff"})
    assert bad.status_code == 400
    assert "Staff time needs the hours and the hourly rate." in bad.content.decode()
    good = client.post(
        url("cost-add"),
        {
            "membership": quiet.pk,
            "year": 2024,
            "kind": "staff",
            "staff_hours": "12.5",
            "hourly_rate": "60",
            "currency": "EUR",
        },
    )
    assert good.status_code == 302
    assert CostLine.objects.get(year=2024).amount == Decimal("750.00")
    listing = client.get(url("cost-list")).content.decode()
    assert "€750" in listing and "€38,000" in listing  # the fee is listed with the costs
    login(client, city.viewer)
    assert client.get(url("cost-add")).status_code == 403


def test_outcome_and_indicator_forms(client, city):
    login(client, city.editor)
    no_origin = client.post(
        url("outcome-add"), {"type": "funding", "title_en": "X", "date": "2025-01-02"}
    )
    assert no_origin.status_code == 400
    assert "Name the membership or the event" in no_origin.content.decode()
    saved = client.post(
        url("outcome-add"),
        {
            "type": "advocacy",
            "title_sv": "Ställningstagande",
            "date": "2025-05-02",
            "membership": city.memberships[1].pk,
            "goals": [city.goal.pk],
            "value_estimate": "1000",
            "currency": "EUR",
            "evidence_url": "example.org/x",
        },
    )
    assert saved.status_code == 302
    outcome = Outcome.objects.get(title_sv="Ställningstagande")
    assert list(outcome.goals.all()) == [city.goal]
    two = client.post(
        url("indicator-add"),
        {
            "name_en": "Emissions",
            "owner": city.org.pk,
            "unit": "kt",
            "direction": "down",
            "attach_organisation": "on",
            "goal": city.goal.pk,
        },
    )
    assert two.status_code == 400 and "exactly one" in two.content.decode()
    ok = client.post(
        url("indicator-add"),
        {
            "name_en": "Emissions",
            "owner": city.org.pk,
            "unit": "kt",
            "direction": "down",
            "goal": city.goal.pk,
        },
    )
    assert ok.status_code == 302
    indicator = Indicator.objects.get()
    page = url("indicator-detail", indicator.pk)
    assert client.post(page, {"date": "2025-12-31", "value": "12.5"}).status_code == 302
    assert "12.50" in client.get(page).content.decode()
    login(client, city.viewer)
    assert client.post(page, {"date": "2024-12-31", "value": "1"}).status_code == 403


def test_weights_form_and_help_page(client, city):
    login(client, city.editor)
    bad = client.post(
        url("weights"),
        {
            "fit": 0,
            "value": 0,
            "activity": 0,
            "cost": 0,
            "redundancy": 0,
            "retain_at": 60,
            "drop_below": 35,
        },
    )
    assert bad.status_code == 400 and "At least one weight" in bad.content.decode()
    ok = client.post(
        url("weights"),
        {
            "fit": 2,
            "value": 1,
            "activity": 1,
            "cost": 1,
            "redundancy": 1,
            "retain_at": 70,
            "drop_below": 30,
        },
    )
    assert ok.status_code == 302
    help_page = client.get(url("help-scoring")).content.decode()
    assert "Strategic fit" in help_page and "Uniqueness" in help_page


def test_entry_lists_read_a_fixed_number_of_queries(client, city):
    from verkosto.portfolio.services.indicators import indicator_create, indicator_value_set

    login(client, city.editor)
    pages = [url("cost-list"), url("outcome-list"), url("indicator-list")]

    def add_indicator(i):
        indicator = indicator_create(
            actor=SYSTEM,
            workspace=city.workspace,
            names={"en": f"I{i}"},
            owner=city.org,
            unit="u",
            membership=city.memberships[i % 3],
        )
        indicator_value_set(actor=SYSTEM, indicator=indicator, date=dt.date(2025, 1, 1), value=i)

    add_indicator(0)
    for page in pages:
        client.get(page)
    counts = []
    for page in pages:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(page).status_code == 200
        counts.append(len(ctx))
    _grow(city, 3)
    for i in range(1, 4):
        add_indicator(i)
    for page, before in zip(pages, counts, strict=True):
        with CaptureQueriesContext(connection) as ctx:
            client.get(page)
        assert len(ctx) == before, page
