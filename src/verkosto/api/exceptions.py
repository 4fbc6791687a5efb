"""Every API error as ``application/problem+json`` (RFC 9457).

A problem has ``type``, ``title``, ``status`` and ``detail``; a 400 also has ``errors``,
one entry per invalid field with a JSON pointer into the request body (the form RFC 9457
shows for validation errors). Django's ValidationError from a service's ``full_clean``
becomes the same 400 as a serializer's, so forms, admin and API reject the same input
with the same messages.
"""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "urn:verkosto:problem:"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def _pointer(path: list[str | int]) -> str:
    escaped = [str(p).replace("~", "~0").replace("/", "~1") for p in path]
    return "#/" + "/".join(escaped)


def field_errors(detail: Any, path: list[str | int] | None = None) -> list[dict[str, str]]:
    """DRF's nested error detail flattened to ``[{pointer, detail, code}]``."""
    path = path or []
    if isinstance(detail, dict):
        out = []
        for key, value in detail.items():
            sub = path if key == api_settings.NON_FIELD_ERRORS_KEY else [*path, key]
            out.extend(field_errors(value, sub))
        return out
    if isinstance(detail, list):
        if all(isinstance(item, str) for item in detail):
            return [_entry(item, path) for item in detail]
        out = []
        for index, item in enumerate(detail):
            # A list of messages, or a list of per-item errors (an empty dict = item valid).
            out.extend(
                field_errors(item, [*path, index])
                if isinstance(item, dict | list)
                else [_entry(item, path)]
            )
        return out
    return [_entry(detail, path)]


def _entry(message: Any, path: list[str | int]) -> dict[str, str]:
    return {
        "pointer": _pointer(path),
        "detail": str(message),
        "code": getattr(message, "code", "invalid"),
    }


def _from_django(exc: DjangoValidationError) -> exceptions.ValidationError:
    if hasattr(exc, "error_dict"):
        detail = {
            (api_settings.NON_FIELD_ERRORS_KEY if field == "__all__" else field): [
                exceptions.ErrorDetail(message, code=error.code or "invalid")
                for error in errors
                for message in error.messages
            ]
            for field, errors in exc.error_dict.items()
        }
    else:
        detail = [
            exceptions.ErrorDetail(message, code=error.code or "invalid")
            for error in exc.error_list
            for message in error.messages
        ]
    return exceptions.ValidationError(detail)


def problem_exception_handler(exc: Exception, context: dict) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = _from_django(exc)
    elif isinstance(exc, ProtectedError | RestrictedError):
        exc = Conflict(_("Other records still refer to this one; change or delete them first."))
    response = exception_handler(exc, context)
    if response is None:
        return None  # a server error: Django's 500 handling and logging take over
    code = getattr(exc, "default_code", "error")
    problem: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + code,
        "title": _problem_title(response.status_code),
        "status": response.status_code,
    }
    if isinstance(exc, exceptions.ValidationError):
        problem["detail"] = _("The request is invalid; see errors.")
        problem["errors"] = field_errors(exc.detail)
    else:
        detail = response.data.get("detail") if isinstance(response.data, dict) else None
        problem["detail"] = str(detail or problem["title"])
        problem["type"] = PROBLEM_TYPE_BASE + (getattr(detail, "code", None) or code)
    response.data = problem
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


def _problem_title(status_code: int) -> str:
    titles = {
        400: _("Invalid request"),
        401: _("Authentication required"),
        403: _("Permission denied"),
        404: _("Not found"),
        405: _("Method not allowed"),
        406: _("Not acceptable"),
        409: _("Conflict"),
        415: _("Unsupported media type"),
        429: _("Too many requests"),
    }
    return titles.get(status_code, _("Error"))
