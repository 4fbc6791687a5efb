"""Web routes: detail."""

urlpatterns: list = []
