"""The knowledge app's API resources, registered by ``verkosto.api.urls``."""

# (URL prefix, viewset, basename): one line per router resource.
ROUTES: list = []
# Plain API views that are not viewsets (mounted under /api/v1/).
urlpatterns: list = []


def register(router) -> None:
    for prefix, viewset, basename in ROUTES:
        router.register(prefix, viewset, basename=basename)
