"""FollowTheMoney entities (https://followthemoney.tech/), one JSON object a line.

Pure Python, no Django. Municipalities, regions, state and EU bodies are ``PublicBody``,
every other organisation an ``Organization``; membership is the ``Membership`` interval
with prefix dates ("2019", "2019-05"), which FollowTheMoney itself uses for partial
dates. The standard properties carry what FollowTheMoney can say (names, aliases,
country, Wikidata id, registration number, parent, classification, dates, website);
FollowTheMoney tags neither a name's language nor most identifier schemes, so each
organisation also carries a ``verkosto`` object beside ``properties`` with the names by
language, the identifiers by scheme and the other names with their kind and period — the
round trip is exact with it and still works, less precisely, on files without it.
``"private": true`` beside ``properties`` marks a workspace's private membership.
"""

import json
from collections.abc import Iterable, Iterator
from typing import Any

from verkosto.exchange.popolo import full_date, partial_date
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

PUBLIC_BODY_KINDS = {"municipality", "region", "state_body", "eu_body"}
ORGANISATION_SCHEMAS = {"Organization", "PublicBody", "Company", "LegalEntity"}
# Other-name kinds → the FollowTheMoney name property that fits them best.
NAME_PROPERTY = {
    "alias": "alias",
    "official": "alias",
    "translation": "alias",
    "abbreviation": "weakAlias",
    "former": "previousName",
}
# Identifier schemes FollowTheMoney has a property for.
SCHEME_PROPERTY = {"wikidata": "wikidataId", "business_id": "registrationNumber"}


# --- writing --------------------------------------------------------------------------------
def dump_lines(dataset: Dataset) -> Iterator[str]:
    for org in dataset.organisations:
        yield json.dumps(_organisation(org), ensure_ascii=False) + "\n"
    for m in dataset.memberships:
        yield json.dumps(_membership(m), ensure_ascii=False) + "\n"


def dumps(dataset: Dataset) -> str:
    return "".join(dump_lines(dataset))


def _props(data: dict[str, list]) -> dict[str, list]:
    return {k: v for k, v in data.items() if v}


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _organisation(org: OrganisationRecord) -> dict[str, Any]:
    names_by_property: dict[str, list[str]] = {}
    for n in org.other_names:
        names_by_property.setdefault(NAME_PROPERTY.get(n.kind, "alias"), []).append(n.name)
    props = {
        "name": _unique(org.names.get(lang, "") for lang in LANGUAGES),
        **{prop: _unique(values) for prop, values in names_by_property.items()},
        "country": [org.country.lower()] if org.country else [],
        "classification": [org.kind],
        "parent": [org.parent_id] if org.parent_id else [],
        "incorporationDate": [org.founded] if org.founded else [],
        "dissolutionDate": [org.dissolved] if org.dissolved else [],
        "website": [org.website] if org.website else [],
    }
    for scheme, value in org.identifiers:
        prop = SCHEME_PROPERTY.get(scheme)
        if prop:
            props.setdefault(prop, []).append(value)
    extension = {
        "names": {lang: org.names[lang] for lang in LANGUAGES if org.names.get(lang)},
        "identifiers": [{"scheme": s, "identifier": v} for s, v in org.identifiers],
        "other_names": [
            {
                k: v
                for k, v in {
                    "name": n.name,
                    "kind": n.kind,
                    "lang": n.language,
                    "start_date": n.start,
                    "end_date": n.end,
                }.items()
                if v
            }
            for n in org.other_names
        ],
    }
    return {
        "id": org.id,
        "schema": "PublicBody" if org.kind in PUBLIC_BODY_KINDS else "Organization",
        "properties": _props(props),
        "verkosto": {k: v for k, v in extension.items() if v},
    }


def _membership(m: MembershipRecord) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": m.id,
        "schema": "Membership",
        "properties": _props(
            {
                "member": [m.member_id],
                "organization": [m.organisation_id],
                "role": [m.role],
                "status": [m.status] if m.status else [],
                "startDate": [m.start] if m.start else [],
                "endDate": [m.end] if m.end else [],
            }
        ),
    }
    if m.private:
        data["private"] = True
    return data


# --- reading --------------------------------------------------------------------------------
def loads(text: str) -> Dataset:
    """Parse JSON lines of entities; ExchangeError names the first bad line, id and field."""
    dataset = Dataset()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = "entity"
        try:
            entity = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ExchangeError(
                where, "", f"not valid JSON: {exc.msg} (column {exc.colno})", line=number
            ) from None
        if not isinstance(entity, dict):
            raise ExchangeError(where, "", "expected an entity object", line=number)
        if isinstance(entity.get("id"), str):
            where = f"id {entity['id']!r}"
        try:
            _read_entity(entity, where, dataset, number)
        except ExchangeError as exc:
            exc.line = number
            raise
    return dataset


def _read_entity(entity: dict, where: str, dataset: Dataset, line: int) -> None:
    schema = text_value(entity.get("schema"), where, "schema", required=True)
    props = entity.get("properties") or {}
    if not isinstance(props, dict) or not all(isinstance(v, list) for v in props.values()):
        raise ExchangeError(where, "properties", "expected an object of lists")
    if schema in ORGANISATION_SCHEMAS:
        dataset.organisations.append(_read_organisation(entity, props, where))
        dataset.organisations[-1].line = line
    elif schema == "Membership":
        dataset.memberships.append(_read_membership(entity, props, where))
        dataset.memberships[-1].line = line
    else:
        raise ExchangeError(
            where,
            "schema",
            f"{schema!r} is not imported; expected one of "
            + ", ".join(sorted([*ORGANISATION_SCHEMAS, "Membership"])),
        )


def _first(props: dict, key: str, where: str) -> str:
    values = props.get(key) or []
    return text_value(values[0], where, f"properties.{key}") if values else ""


def _read_organisation(entity: dict, props: dict, where: str) -> OrganisationRecord:
    org_id = text_value(entity.get("id"), where, "id", required=True)
    extension = entity.get("verkosto") or {}
    if not isinstance(extension, dict):
        raise ExchangeError(where, "verkosto", "expected an object")
    names = {
        lang: text_value(name, where, f"verkosto.names.{lang}")
        for lang, name in (extension.get("names") or {}).items()
        if lang in LANGUAGES
    }
    if not names:
        name = _first(props, "name", where)
        if not name:
            raise ExchangeError(where, "properties.name", "a name is required")
        names = {"en": name}
    if "identifiers" in extension:
        identifiers = [
            (
                text_value(
                    i.get("scheme"), where, f"verkosto.identifiers[{n}].scheme", required=True
                ),
                text_value(
                    i.get("identifier"),
                    where,
                    f"verkosto.identifiers[{n}].identifier",
                    required=True,
                ),
            )
            for n, i in enumerate(_objects(extension["identifiers"], where, "verkosto.identifiers"))
        ]
    else:
        identifiers = [
            (scheme, text_value(v, where, f"properties.{prop}"))
            for scheme, prop in SCHEME_PROPERTY.items()
            for v in props.get(prop, [])
        ]
    if "other_names" in extension:
        other_names = [
            OtherName(
                name=text_value(
                    o.get("name"), where, f"verkosto.other_names[{n}].name", required=True
                ),
                kind=text_value(o.get("kind"), where, f"verkosto.other_names[{n}].kind") or "alias",
                language=text_value(o.get("lang"), where, f"verkosto.other_names[{n}].lang"),
                start=partial_date(
                    o.get("start_date"), where, f"verkosto.other_names[{n}].start_date"
                ),
                end=partial_date(o.get("end_date"), where, f"verkosto.other_names[{n}].end_date"),
            )
            for n, o in enumerate(_objects(extension["other_names"], where, "verkosto.other_names"))
        ]
    else:
        kind_of = {"alias": "alias", "weakAlias": "abbreviation", "previousName": "former"}
        primary = set(names.values())
        other_names = [
            OtherName(name=text_value(v, where, f"properties.{prop}"), kind=kind)
            for prop, kind in kind_of.items()
            for v in props.get(prop, [])
        ] + [
            OtherName(name=text_value(v, where, "properties.name"), kind="alias")
            for v in props.get("name", [])[1:]
            if v not in primary
        ]
    kind = _first(props, "classification", where)
    if not kind:
        kind = "municipality" if entity.get("schema") == "PublicBody" else "other"
    return OrganisationRecord(
        id=org_id,
        kind=kind,
        names=names,
        country=_first(props, "country", where).upper(),
        parent_id=_first(props, "parent", where) or None,
        founded=full_date(
            _first(props, "incorporationDate", where), where, "properties.incorporationDate"
        ),
        dissolved=full_date(
            _first(props, "dissolutionDate", where), where, "properties.dissolutionDate"
        ),
        website=_first(props, "website", where),
        identifiers=identifiers,
        other_names=other_names,
        where=where,
    )


def _objects(value: Any, where: str, field_name: str) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ExchangeError(where, field_name, "expected a list of objects")
    return value


def _read_membership(entity: dict, props: dict, where: str) -> MembershipRecord:
    member_id = _first(props, "member", where)
    if not member_id:
        raise ExchangeError(where, "properties.member", "a member is required")
    organisation_id = _first(props, "organization", where)
    if not organisation_id:
        raise ExchangeError(where, "properties.organization", "an organisation is required")
    private = entity.get("private", False)
    if not isinstance(private, bool):
        raise ExchangeError(where, "private", "expected true or false")
    record = MembershipRecord(
        id=text_value(entity.get("id"), where, "id"),
        organisation_id=organisation_id,
        member_id=member_id,
        role=_first(props, "role", where) or "member",
        status=_first(props, "status", where) or None,
        start=partial_date(_first(props, "startDate", where), where, "properties.startDate"),
        end=partial_date(_first(props, "endDate", where), where, "properties.endDate"),
        private=private,
        where=where,
    )
    if not record.id:
        record.id = membership_key(record)
    return record
