"""The rules the database itself enforces, whatever code writes to it."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from tests.factories import OrganisationFactory, SourceFactory
from verkosto.accounts.permissions import SYSTEM
from verkosto.registry import models as m
from verkosto.registry.services.twinnings import twinning_create

pytestmark = pytest.mark.django_db


def test_twinning_pair_is_stored_once_in_either_order():
    a, b = OrganisationFactory(), OrganisationFactory()
    twinning_create(actor=SYSTEM, a=b, b=a, source=SourceFactory())
    with translation.override("en"), pytest.raises(ValidationError, match="already twinned"):
        twinning_create(actor=SYSTEM, a=a, b=b, source=SourceFactory())
    assert m.Twinning.objects.count() == 1


def test_database_refuses_reversed_or_self_pair_written_directly():
    a, b = sorted([OrganisationFactory(), OrganisationFactory()], key=lambda o: o.pk)
    source = SourceFactory()
    m.Twinning.objects.create(first=a, second=b, source=source)
    for first, second in [(b, a), (a, a)]:
        with pytest.raises(IntegrityError), transaction.atomic():
            m.Twinning.objects.create(first=first, second=second, source=source)


def test_self_twinning_is_refused_by_the_service():
    a = OrganisationFactory()
    with translation.override("en"), pytest.raises(ValidationError, match="itself"):
        twinning_create(actor=SYSTEM, a=a, b=a, source=SourceFactory())


def test_membership_cannot_end_before_it_starts():
    source = SourceFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        m.Membership.objects.create(
            member=OrganisationFactory(),
            organisation=OrganisationFactory(),
            source=source,
            start=dt.date(2020, 1, 1),
            end=dt.date(2019, 12, 31),
        )


def test_identifier_unique_per_scheme():
    source = SourceFactory()
    m.Identifier.objects.create(
        organisation=OrganisationFactory(), scheme="statfi_municipality", value="091", source=source
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        m.Identifier.objects.create(
            organisation=OrganisationFactory(),
            scheme="statfi_municipality",
            value="091",
            source=source,
        )
    # The same value in another scheme is a different identifier.
    m.Identifier.objects.create(
        organisation=OrganisationFactory(), scheme="se_kommunkod", value="091", source=source
    )


def test_membership_current_is_computed_from_dates():
    member, network = OrganisationFactory(), OrganisationFactory()
    membership = m.Membership.objects.create(
        member=member,
        organisation=network,
        source=SourceFactory(),
        start=dt.date(2015, 1, 1),
        start_precision="year",
        end=dt.date(2020, 12, 31),
        end_precision="year",
    )
    assert membership.is_current(dt.date(2020, 6, 1))
    assert not membership.is_current(dt.date(2021, 1, 1))
    current = m.Membership.objects.filter(m.Membership.current_q(dt.date(2016, 3, 3)))
    assert list(current) == [membership]
    assert not m.Membership.objects.filter(m.Membership.current_q(dt.date(2014, 12, 31))).exists()
    assert str(membership.start_partial) == "2015" and str(membership.end_partial) == "2020"
