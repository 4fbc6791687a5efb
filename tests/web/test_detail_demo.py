"""Every detail page and edit form renders on the demo data, in Finnish, Swedish and English."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from verkosto.registry import models as m
from verkosto.registry.demo.load import demo_load

KINDS = {
    "organisation": m.Organisation,
    "membership": m.Membership,
    "twinning": m.Twinning,
    "partnership": m.Partnership,
    "theme": m.Theme,
    "goal": m.StrategicGoal,
    "event": m.Event,
    "source": m.Source,
}


@pytest.mark.django_db
def test_demo_pages_render_in_every_language(client):
    demo_load(stdout=io.StringIO())
    client.force_login(get_user_model().objects.get(username="demo"))
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            _check_pages(client, language)


def _check_pages(client, language):
    for kind, model in KINDS.items():
        for obj in model.objects.order_by("pk")[:3]:
            response = client.get(reverse(f"registry:{kind}-detail", args=[obj.pk]))
            assert response.status_code in (200, 404), (kind, obj.pk)
            if response.status_code == 200:
                assert f'<html lang="{language}">' in response.content.decode()
    helsinki = m.Organisation.objects.get(name_fi="Helsinki")
    page = client.get(reverse("registry:organisation-detail", args=[helsinki.pk]))
    assert page.status_code == 200
    assert reverse("registry:organisation-edit", args=[helsinki.pk]) in page.content.decode()
    for kind in ("organisation", "membership", "twinning", "partnership", "goal", "event"):
        assert client.get(reverse(f"registry:{kind}-add")).status_code == 200, kind
