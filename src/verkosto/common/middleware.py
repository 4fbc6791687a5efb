"""Refusing requests that carry NUL characters, before any view sees them.

No text in verkosto may contain NUL; PostgreSQL cannot even compare one (it raises on a
query with ``'\\x00'``), so a filter or lookup fed one would fail with a server error
instead of a clear answer. Uploaded files are left alone: they are binary by nature and
their importers check them.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

_NUL = "\x00"


def _has_nul(request: HttpRequest) -> bool:
    if _NUL in request.path or _NUL in request.META.get("QUERY_STRING", ""):
        return True
    if any(_NUL in key or any(_NUL in v for v in values) for key, values in request.GET.lists()):
        return True
    if request.method not in ("POST", "PUT", "PATCH"):
        return False
    if request.content_type == "multipart/form-data" and request.path.startswith("/api/"):
        # Reading request.POST here would make the API parse forms it should refuse (415).
        return False
    if request.content_type == "application/x-www-form-urlencoded" and request.path.startswith(
        "/api/"
    ):
        return b"%00" in request.body
    if request.content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        return any(
            _NUL in key or any(_NUL in v for v in values) for key, values in request.POST.lists()
        )
    # JSON and other text bodies; JSON spells the character \u0000.
    return b"\x00" in request.body or b"\\u0000" in request.body


class RejectNullCharactersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_nul(request):
            detail = _("The request contains a NUL character, which no field may hold.")
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {
                        "type": "about:blank",
                        "title": _("Bad request"),
                        "status": 400,
                        "detail": detail,
                    },
                    status=400,
                    content_type="application/problem+json",
                    json_dumps_params={"ensure_ascii": False},
                )
            return HttpResponse(detail, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
