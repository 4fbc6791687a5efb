"""Web routes of the portfolio app (included under the language prefix by verkosto.urls)."""

app_name = "portfolio"
urlpatterns: list = []
