"""``/api/v1/``: the router of every app's API resources, the OpenAPI document and its docs.

Other apps add their resources by registering on ``router`` (before ``router.urls`` is
read below) or by appending to ``urlpatterns`` — above the catch-all at the end of this
file, which must stay last.
"""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from verkosto.analytics import api_urls as analytics_api
from verkosto.api.views import NotFoundView
from verkosto.knowledge import api_urls as knowledge_api
from verkosto.portfolio import api_urls as portfolio_api
from verkosto.registry.api import urls as registry_api

app_name = "api"


class Router(DefaultRouter):
    include_format_suffixes = False  # /organisations.json would be a second URL for one list


router = Router()
registry_api.register(router)
for app_api in (analytics_api, portfolio_api, knowledge_api):
    app_api.register(router)

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="schema"),
    path("docs", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    *router.urls,
]
urlpatterns += [path("exchange/", include("verkosto.exchange.urls"))]
urlpatterns += analytics_api.urlpatterns + portfolio_api.urlpatterns + knowledge_api.urlpatterns

# Keep last: every other path under /api/v1/ answers a problem+json 404, not an HTML page.
urlpatterns += [re_path(r"^.*$", NotFoundView.as_view(), name="not-found")]
