"""Views of the API itself (not of any one app's resources)."""

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.views import APIView


@extend_schema(exclude=True)
class NotFoundView(APIView):
    """Any other path under /api/v1/: a problem+json 404 (after authentication, so that
    anonymous callers learn nothing about which paths exist), never Django's HTML page."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise NotFound
