"""Web routes of the portfolio app (included under the language prefix by verkosto.urls)."""

from django.urls import include, path

from verkosto.portfolio.views import entries, help, reviews

app_name = "portfolio"
urlpatterns: list = [
    path("reviews/", reviews.review_list, name="review-list"),
    path("reviews/open/", reviews.review_open, name="review-open"),
    path("reviews/<int:pk>/", reviews.review_detail, name="review-detail"),
    path(
        "reviews/<int:pk>/decide/<int:membership_pk>/",
        reviews.evaluation_decide,
        name="evaluation-decide",
    ),
    path("reviews/<int:pk>/join/", reviews.review_join, name="review-join"),
    path("reviews/<int:pk>/close/", reviews.review_close, name="review-close"),
    path("follow-ups/", reviews.follow_up_list, name="follow-up-list"),
    path("follow-ups/<int:pk>/done/", reviews.follow_up_done, name="follow-up-done"),
    path("costs/", entries.cost_list, name="cost-list"),
    path("costs/add/", entries.cost_add, name="cost-add"),
    path("costs/<int:pk>/delete/", entries.cost_delete, name="cost-delete"),
    path("outcomes/", entries.outcome_list, name="outcome-list"),
    path("outcomes/add/", entries.outcome_add, name="outcome-add"),
    path("outcomes/<int:pk>/delete/", entries.outcome_delete, name="outcome-delete"),
    path("indicators/", entries.indicator_list, name="indicator-list"),
    path("indicators/add/", entries.indicator_add, name="indicator-add"),
    path("indicators/<int:pk>/", entries.indicator_detail, name="indicator-detail"),
    path("weights/", entries.weights_edit, name="weights"),
    path("help/scoring/", help.scoring_help, name="help-scoring"),
    path("report/", include("verkosto.portfolio.report_urls")),
]
