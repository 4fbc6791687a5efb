"""Web routes of the analytics app (included under the language prefix by verkosto.urls)."""

app_name = "analytics"
urlpatterns: list = []
