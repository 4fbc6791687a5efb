from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("verkosto.api.urls")),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("verkosto.accounts.urls")),
    path("analysis/", include("verkosto.analytics.urls")),
    path("portfolio/", include("verkosto.portfolio.urls")),
    path("knowledge/", include("verkosto.knowledge.urls")),
    path("", include("verkosto.registry.urls")),
    prefix_default_language=True,
)
