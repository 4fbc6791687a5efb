"""Web routes: lists."""

urlpatterns: list = []
