"""The pure conversions: a dataset written and read back is the same dataset."""

import json

import pytest

from verkosto.exchange import ftm, popolo
from verkosto.exchange.records import (
    Dataset,
    ExchangeError,
    MembershipRecord,
    OrganisationRecord,
    OtherName,
)


def _dataset() -> Dataset:
    return Dataset(
        organisations=[
            OrganisationRecord(
                id="hel",
                kind="municipality",
                names={"fi": "Helsinki", "sv": "Helsingfors", "en": "Helsinki"},
                country="FI",
                parent_id="uus",
                founded="1550-06-12",
                website="https://www.hel.fi/",
                identifiers=[("statfi_municipality", "091"), ("wikidata", "Q1757")],
                other_names=[OtherName("Helsingin kaupunki", "official", "fi", "2000", "2019-05")],
            ),
            OrganisationRecord(id="uus", kind="region", names={"fi": "Uusimaa", "sv": "Nyland"}),
            OrganisationRecord(
                id="ubc",
                kind="network",
                names={"en": "UBC"},
                other_names=[OtherName("Union of the Baltic Cities", "abbreviation")],
                dissolved="2030-12-31",
            ),
        ],
        memberships=[
            MembershipRecord("m1", "ubc", "hel", "board", "active", "2019", "2019-05-17"),
            MembershipRecord("m2", "ubc", "uus", "member", None, "2019-05", None, private=True),
        ],
    )


def _strip(dataset: Dataset) -> Dataset:
    """Reading adds where each record came from; compare the facts only."""
    for record in [*dataset.organisations, *dataset.memberships]:
        record.where, record.line = "", 0
    return dataset


def test_popolo_reads_back_what_it_wrote():
    expected = _dataset()
    expected.memberships[0].status = None  # Popolo has no membership status

    assert _strip(popolo.loads(popolo.dumps(_dataset()))) == expected


def test_ftm_reads_back_what_it_wrote():
    assert _strip(ftm.loads(ftm.dumps(_dataset()))) == _dataset()


def test_ftm_dates_keep_their_precision():
    lines = [json.loads(line) for line in ftm.dumps(_dataset()).splitlines()]
    membership = next(e for e in lines if e["id"] == "m1")
    assert membership["properties"]["startDate"] == ["2019"]
    assert membership["properties"]["endDate"] == ["2019-05-17"]


@pytest.mark.parametrize(
    ("text", "where", "field"),
    [
        ("[]", "document", ""),
        ('{"organizations": {}}', "document", "organizations"),
        ('{"organizations": [{"name": "x"}]}', "organizations[0]", "id"),
        ('{"organizations": [{"id": "a"}]}', "organizations[0] (id 'a')", "name"),
        (
            '{"memberships": [{"organization_id": "a", "member": {"@type": "Person", "id": "p"}}]}',
            "memberships[0]",
            "member.@type",
        ),
    ],
)
def test_popolo_errors_name_entity_and_field(text, where, field):
    with pytest.raises(ExchangeError) as error:
        popolo.loads(text)
    assert (error.value.where, error.value.field) == (where, field)


def test_ftm_error_names_the_line():
    text = '{"id": "a", "schema": "PublicBody", "properties": {"name": ["A"]}}\n{"id": "b"'
    with pytest.raises(ExchangeError) as error:
        ftm.loads(text)
    assert error.value.line == 2
    assert "not valid JSON" in error.value.message


def test_ftm_membership_needs_a_member():
    text = '{"id": "m", "schema": "Membership", "properties": {"organization": ["a"]}}'
    with pytest.raises(ExchangeError) as error:
        ftm.loads(text)
    assert (error.value.where, error.value.field) == ("id 'm'", "properties.member")


def test_popolo_people_are_refused_not_dropped():
    with pytest.raises(ExchangeError) as error:
        popolo.loads('{"persons": [{"id": "p"}], "organizations": []}')
    assert error.value.field == "persons"
    assert "not imported" in error.value.message


def test_popolo_name_in_another_language_becomes_a_translation():
    text = json.dumps(
        {
            "organizations": [
                {
                    "id": "a",
                    "name": "Tallinn",
                    "other_names": [{"name": "Reval", "lang": "de", "note": "multilingual"}],
                }
            ]
        }
    )
    (org,) = popolo.loads(text).organisations
    assert org.names == {"en": "Tallinn"}
    assert org.other_names == [OtherName("Reval", "translation", "de")]
