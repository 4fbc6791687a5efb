"""Web routes: maps."""

urlpatterns: list = []
