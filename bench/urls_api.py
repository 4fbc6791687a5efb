from django.urls import path

from bench import ceiling
from verkosto.urls import urlpatterns as app_urlpatterns

urlpatterns = [
    path("bench/ceiling/memberships/", ceiling.membership_page),
    path("bench/ceiling/organisations/<int:pk>/", ceiling.organisation_detail),
    *app_urlpatterns,
]
