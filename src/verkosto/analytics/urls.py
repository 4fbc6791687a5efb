"""Web routes of the analytics app (included under the language prefix by verkosto.urls)."""

from django.urls import path

from verkosto.analytics import views

app_name = "analytics"
urlpatterns: list = [
    path("", views.landscape_analysis, name="landscape"),
    path("organisations/<int:pk>/", views.organisation_analysis, name="organisation"),
]
