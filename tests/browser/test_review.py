"""The yearly review in a real browser (issue 6): the demo editor opens Helsinki's 2025
review, records a drop with its rationale, closes the review and finds the follow-up; a
viewer of the same workspace sees the cards but no decision form."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in_by_cookie, organisation, screenshot, url
from tests.factories import member_of
from verkosto.accounts.models import Role, Workspace
from verkosto.portfolio.models import Evaluation, FollowUp, Review
from verkosto.registry.models import Membership

pytestmark = pytest.mark.browser


def test_yearly_review_end_to_end(demo, new_page, live_server):
    workspace = Workspace.objects.get(slug="helsinki")
    review = Review.objects.get(workspace=workspace, year=2025)
    ubc = Membership.objects.get(
        member=organisation("Helsinki"), organisation__name_en="Union of the Baltic Cities"
    )
    card = f"#card-{ubc.pk}"
    review_url = url("portfolio:review-detail", review.pk, language="en")

    # A viewer reads the cards and the recommendation, but has nothing to decide with.
    viewer = member_of(workspace, Role.VIEWER, username="katsoja")
    viewer_page = new_page()
    log_in_by_cookie(viewer_page, live_server.url, viewer.username)
    viewer_page.goto(review_url)
    expect(viewer_page.locator(card)).to_contain_text("Recommendation: Drop")
    assert viewer_page.locator("form.decision-form").count() == 0
    assert viewer_page.get_by_role("button", name="Close the review").count() == 0

    # The demo editor logs in through the form and finds the review from the menu.
    page = new_page()
    page.goto(url("registry:home", language="en"))
    page.fill("input[name=username]", "demo")
    page.fill("input[name=password]", "demo")
    page.locator("form:has(input[name=password]) [type=submit]").first.click()
    page.wait_for_load_state()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Review").click()
    page.get_by_role("link", name="Review 2025").click()
    expect(page.locator("main h1")).to_have_text("Review 2025: Helsinki")
    expect(page.locator(card)).to_contain_text("No outcome recorded since 2022")
    screenshot(page, "review-01-open-2025")

    page.locator(f"{card} input[value=drop]").check()
    page.locator(f"{card} textarea").fill("No results since 2022; Eurocities covers the rest.")
    page.locator(f"{card} button", has_text="Record the decision").click()
    expect(page.locator(card)).to_contain_text("Decision: Drop")
    expect(page.locator(card)).to_contain_text("Eurocities covers the rest")
    evaluation = Evaluation.objects.get(review=review, membership=ubc)
    assert evaluation.decision == "drop" and evaluation.decided_by.username == "demo"

    page.get_by_role("button", name="Close the review").click()
    expect(page.locator("main")).to_contain_text("This review is closed")
    assert page.locator("form.decision-form").count() == 0
    screenshot(page, "review-02-closed-2025")

    page.get_by_role("link", name="Follow-ups").first.click()
    expect(page.locator("main")).to_contain_text("Resign from Union of the Baltic Cities")
    assert FollowUp.objects.filter(evaluation=evaluation, done=False).exists()
    screenshot(page, "review-03-follow-ups")

    assert page.errors + viewer_page.errors == []
