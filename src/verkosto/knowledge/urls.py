"""Web routes of the knowledge app (included under the language prefix by verkosto.urls)."""

app_name = "knowledge"
urlpatterns: list = []
