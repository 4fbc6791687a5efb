"""Factories for tests: every registry record with a valid source."""

import factory
from django.contrib.auth import get_user_model

from verkosto.accounts.models import Role, Workspace, WorkspaceMember
from verkosto.registry import models as m


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Source

    title = factory.Sequence(lambda n: f"Source {n}")
    url = "https://example.org/source"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Organisation

    kind = m.OrganisationKind.MUNICIPALITY
    name = factory.Sequence(lambda n: f"Kunta {n}")
    name_fi = factory.SelfAttribute("name")
    country = "FI"
    source = factory.SubFactory(SourceFactory)


class NetworkFactory(OrganisationFactory):
    kind = m.OrganisationKind.NETWORK
    name = factory.Sequence(lambda n: f"Verkosto {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw")


class WorkspaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workspace

    name = factory.Sequence(lambda n: f"Workspace {n}")
    slug = factory.Sequence(lambda n: f"ws-{n}")
    organisation = factory.SubFactory(OrganisationFactory)


def member_of(workspace: Workspace, role: str = Role.EDITOR, **user_fields):
    """A new user with ``role`` in ``workspace``."""
    user = UserFactory(**user_fields)
    WorkspaceMember.objects.create(workspace=workspace, user=user, role=role)
    return user
