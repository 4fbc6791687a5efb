"""Popolo JSON (https://www.popoloproject.com/): ``{"organizations": […], "memberships": […]}``.

Pure Python, no Django. Names in Finnish, Swedish and English are ``other_names`` with
``lang`` and the note ``multilingual`` (as EveryPolitician wrote them); other names carry
their kind (alias, abbreviation, former, official, translation) as the note. The
organisation's ``classification`` is its kind, ``country`` an ISO 3166-1 code (a common
extension of Popolo). A membership's ``member`` is ``{"@type": "Organization", "id": …}``;
its dates keep their precision ("2019", "2019-05", "2019-05-17"), and ``"private": true``
marks a workspace's private membership (exported only for that workspace).
"""

import datetime as dt
import json
from typing import Any

from verkosto.common.partial_dates import PartialDateError, parse_partial_date
from verkosto.exchange.records import (
    LANGUAGES,
    Dataset,
    ExchangeError,
    MembershipRecord,
    OrganisationRecord,
    OtherName,
    membership_key,
    text_value,
)

MULTILINGUAL = "multilingual"
# Popolo collections verkosto has no place for: refused when not empty, never dropped.
NOT_IMPORTED = ("persons", "areas", "posts", "events")


# --- writing --------------------------------------------------------------------------------
def dump(dataset: Dataset) -> dict[str, Any]:
    return {
        "organizations": [_organisation(o) for o in dataset.organisations],
        "memberships": [_membership(m) for m in dataset.memberships],
    }


def dumps(dataset: Dataset) -> str:
    return json.dumps(dump(dataset), ensure_ascii=False, indent=1) + "\n"


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def _organisation(org: OrganisationRecord) -> dict[str, Any]:
    other_names = [
        {"name": org.names[lang], "lang": lang, "note": MULTILINGUAL}
        for lang in LANGUAGES
        if org.names.get(lang)
    ]
    other_names += [
        _drop_empty(
            {
                "name": n.name,
                "lang": n.language,
                "note": n.kind,
                "start_date": n.start,
                "end_date": n.end,
            }
        )
        for n in org.other_names
    ]
    return _drop_empty(
        {
            "id": org.id,
            "name": org.display_name(),
            "classification": org.kind,
            "country": org.country,
            "parent_id": org.parent_id,
            "founding_date": org.founded,
            "dissolution_date": org.dissolved,
            "identifiers": [{"scheme": s, "identifier": v} for s, v in org.identifiers],
            "other_names": other_names,
            "links": [{"url": org.website, "note": "website"}] if org.website else [],
        }
    )


def _membership(m: MembershipRecord) -> dict[str, Any]:
    data = _drop_empty(
        {
            "id": m.id,
            "organization_id": m.organisation_id,
            "member": {"@type": "Organization", "id": m.member_id},
            "role": m.role,
            "start_date": m.start,
            "end_date": m.end,
        }
    )
    if m.private:
        data["private"] = True
    return data


# --- reading --------------------------------------------------------------------------------
def loads(text: str) -> Dataset:
    """Parse a Popolo document; ExchangeError names the first bad entity and field."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExchangeError(
            "document", "", f"not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno
        ) from None
    return load(data)


def load(data: Any) -> Dataset:
    if not isinstance(data, dict):
        raise ExchangeError("document", "", 'expected {"organizations": […], "memberships": […]}')
    unknown = sorted(set(data) - {"organizations", "memberships", "meta", *NOT_IMPORTED})
    if unknown:
        raise ExchangeError(
            "document", unknown[0], "unknown key; expected organizations and memberships"
        )
    for key in NOT_IMPORTED:
        if data.get(key):
            raise ExchangeError(
                "document", key, "not imported: verkosto takes organizations and memberships"
            )
    dataset = Dataset()
    for index, item in enumerate(_list(data, "organizations")):
        dataset.organisations.append(_read_organisation(item, f"organizations[{index}]"))
    for index, item in enumerate(_list(data, "memberships")):
        dataset.memberships.append(_read_membership(item, f"memberships[{index}]"))
    return dataset


def _list(data: dict, key: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise ExchangeError("document", key, "expected a list")
    return value


def _where(item: Any, where: str) -> str:
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        return f"{where} (id {item['id']!r})"
    return where


def partial_date(value: Any, where: str, field_name: str) -> str | None:
    text = text_value(value, where, field_name)
    if not text:
        return None
    try:
        return str(parse_partial_date(text))
    except PartialDateError as exc:
        raise ExchangeError(where, field_name, str(exc)) from None


def full_date(value: Any, where: str, field_name: str) -> str | None:
    text = text_value(value, where, field_name)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise ExchangeError(where, field_name, f"{text!r} is not a date (YYYY-MM-DD)") from None


def _read_organisation(item: Any, where: str) -> OrganisationRecord:
    if not isinstance(item, dict):
        raise ExchangeError(where, "", "expected an object")
    where = _where(item, where)
    org_id = text_value(item.get("id"), where, "id", required=True)
    names: dict[str, str] = {}
    other_names: list[OtherName] = []
    raw_names = item.get("other_names") or []
    if not isinstance(raw_names, list):
        raise ExchangeError(where, "other_names", "expected a list")
    for i, raw in enumerate(raw_names):
        field_name = f"other_names[{i}]"
        if not isinstance(raw, dict):
            raise ExchangeError(where, field_name, "expected an object")
        name = text_value(raw.get("name"), where, f"{field_name}.name", required=True)
        note = text_value(raw.get("note"), where, f"{field_name}.note")
        lang = text_value(raw.get("lang"), where, f"{field_name}.lang")
        if note == MULTILINGUAL and lang in LANGUAGES:
            names[lang] = name
            continue
        if note == MULTILINGUAL:
            note = "translation"  # a name in a language without its own field
        other_names.append(
            OtherName(
                name=name,
                kind=note or "alias",
                language=lang,
                start=partial_date(raw.get("start_date"), where, f"{field_name}.start_date"),
                end=partial_date(raw.get("end_date"), where, f"{field_name}.end_date"),
            )
        )
    name = text_value(item.get("name"), where, "name", required=not names)
    if not names:
        # A file from elsewhere names an organisation once, in no stated language.
        names["en"] = name
    identifiers = []
    raw_ids = item.get("identifiers") or []
    if not isinstance(raw_ids, list):
        raise ExchangeError(where, "identifiers", "expected a list")
    for i, raw in enumerate(raw_ids):
        if not isinstance(raw, dict):
            raise ExchangeError(where, f"identifiers[{i}]", "expected an object")
        identifiers.append(
            (
                text_value(raw.get("scheme"), where, f"identifiers[{i}].scheme", required=True),
                text_value(
                    raw.get("identifier"), where, f"identifiers[{i}].identifier", required=True
                ),
            )
        )
    website = ""
    for link in item.get("links") or []:
        if isinstance(link, dict) and link.get("note") == "website":
            website = text_value(link.get("url"), where, "links.url")
    return OrganisationRecord(
        id=org_id,
        kind=text_value(item.get("classification"), where, "classification") or "other",
        names=names,
        country=text_value(item.get("country"), where, "country").upper(),
        parent_id=text_value(item.get("parent_id"), where, "parent_id") or None,
        founded=full_date(item.get("founding_date"), where, "founding_date"),
        dissolved=full_date(item.get("dissolution_date"), where, "dissolution_date"),
        website=website,
        identifiers=identifiers,
        other_names=other_names,
        where=where,
    )


def _read_membership(item: Any, where: str) -> MembershipRecord:
    if not isinstance(item, dict):
        raise ExchangeError(where, "", "expected an object")
    where = _where(item, where)
    if item.get("person_id"):
        raise ExchangeError(
            where, "person_id", "people are not imported; the member must be an organisation"
        )
    member = item.get("member")
    member_id = ""
    if member is not None:
        if not isinstance(member, dict):
            raise ExchangeError(where, "member", 'expected {"@type": "Organization", "id": …}')
        if member.get("@type", "Organization") != "Organization":
            raise ExchangeError(
                where, "member.@type", f"{member.get('@type')!r}: only organisations are imported"
            )
        member_id = text_value(member.get("id"), where, "member.id", required=True)
    if not member_id:
        raise ExchangeError(where, "member", "a member organisation is required")
    private = item.get("private", False)
    if not isinstance(private, bool):
        raise ExchangeError(where, "private", "expected true or false")
    record = MembershipRecord(
        id=text_value(item.get("id"), where, "id"),
        organisation_id=text_value(
            item.get("organization_id"), where, "organization_id", required=True
        ),
        member_id=member_id,
        role=text_value(item.get("role"), where, "role") or "member",
        start=partial_date(item.get("start_date"), where, "start_date"),
        end=partial_date(item.get("end_date"), where, "end_date"),
        private=private,
        where=where,
    )
    if not record.id:
        # Popolo does not require membership ids; the facts themselves identify one.
        record.id = membership_key(record)
    return record
