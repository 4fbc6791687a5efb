"""The demo landscape, loaded once for this test package and rolled back after it.

Loading the demo takes seconds; every test here reads the same data, and each
test still runs in its own savepoint, so what one test adds the next never sees.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from verkosto.analytics.selectors.landscape import landscape_cache
from verkosto.registry.demo.load import demo_load
from verkosto.registry.models import Organisation


class _Rollback(Exception):
    pass


@pytest.fixture(autouse=True)
def _no_cached_landscape():
    """Every test loads its landscape afresh: a test's rows are rolled back after it, so
    the next test's data may come back with the same counts and keys."""
    landscape_cache().clear()


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker):
    """The demo data for this package's tests; undone when the package is done."""
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                demo_load(stdout=io.StringIO())
                yield
                raise _Rollback
        except _Rollback:
            pass


@pytest.fixture
def demo_user(demo, db):
    return get_user_model().objects.get(username="demo")


@pytest.fixture
def demo_client(client, demo_user):
    client.force_login(demo_user)
    return client


def org(name_en: str) -> Organisation:
    return Organisation.objects.get(name_en=name_en)
