"""The framework ceiling for the API benchmark: bare Django views that return the same
page of rows as the API, as JSON, with no REST framework in between; and a middleware
that counts the SQL queries of each request. Served only by ``bench.settings_api``."""

from django.db import connection
from django.http import Http404, JsonResponse

from verkosto.registry.models import Identifier, Membership, MembershipFee, Organisation
from verkosto.registry.selectors.visibility import private_q, visible

MEMBERSHIP_FIELDS = (
    "id", "member", "organisation", "role", "status", "commitments", "note", "start",
    "start_precision", "end", "end_precision", "workspace", "source", "data_source",
    "origin_id", "created_at", "updated_at",
)  # fmt: skip
ORGANISATION_FIELDS = (
    "id", "kind", "name_fi", "name_sv", "name_en", "country", "parent", "population",
    "population_year", "latitude", "longitude", "website", "language_status", "founded",
    "dissolved", "successor", "source", "data_source", "origin_id", "created_at",
    "updated_at", "network_profile__scope", "network_profile__type",
)  # fmt: skip


class QueryCountMiddleware:
    """Adds ``X-Queries``: how many SQL statements the request ran."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Queries"] = str(count)
        return response


def _unauthorised():
    return JsonResponse({"detail": "Authentication credentials were not provided."}, status=401)


def membership_page(request):
    """GET ?organisation=&status=&limit=&offset=: as the API's membership list."""
    user = request.user
    if not user.is_authenticated:
        return _unauthorised()
    limit = min(int(request.GET.get("limit", 50)), 500)
    offset = int(request.GET.get("offset", 0))
    rows = visible(Membership.objects.all(), user)
    if "organisation" in request.GET:
        rows = rows.filter(organisation_id=int(request.GET["organisation"]))
    if "status" in request.GET:
        rows = rows.filter(status=request.GET["status"])
    count = rows.count()
    page = list(
        rows.order_by("organisation__name", "member__name", "pk").values(*MEMBERSHIP_FIELDS)[
            offset : offset + limit
        ]
    )
    ids = [row["id"] for row in page]
    themes: dict[int, list[str]] = {i: [] for i in ids}
    for membership_id, code in Membership.themes.through.objects.filter(
        membership_id__in=ids
    ).values_list("membership_id", "theme__code"):
        themes[membership_id].append(code)
    fees: dict[int, list[dict]] = {i: [] for i in ids}
    for fee in (
        MembershipFee.objects.filter(private_q(user), membership_id__in=ids)
        .order_by("-year", "pk")
        .values("id", "membership_id", "workspace", "year", "amount", "currency")
    ):
        fees[fee.pop("membership_id")].append(fee)
    for row in page:
        row["themes"] = themes[row["id"]]
        row["fees"] = fees[row["id"]]
    return JsonResponse({"count": count, "results": page})


def organisation_detail(request, pk: int):
    """GET one organisation with its identifiers and network profile, as the API does."""
    if not request.user.is_authenticated:
        return _unauthorised()
    row = Organisation.objects.filter(pk=pk).values(*ORGANISATION_FIELDS).first()
    if row is None:
        raise Http404
    row["name"] = {lang: row.pop(f"name_{lang}") for lang in ("fi", "sv", "en")}
    scope, kind = row.pop("network_profile__scope"), row.pop("network_profile__type")
    row["network"] = {"scope": scope, "type": kind} if scope else None
    row["identifiers"] = list(
        Identifier.objects.filter(organisation_id=pk).values("id", "scheme", "value")
    )
    return JsonResponse(row)
