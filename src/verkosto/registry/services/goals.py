"""Strategic goals, events, people and themes."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from verkosto.accounts.models import Workspace
from verkosto.accounts.permissions import (
    Actor,
    require_editor_anywhere,
    require_fact_write,
)
from verkosto.registry.models import (
    Event,
    Organisation,
    Person,
    PersonRole,
    Source,
    StrategicGoal,
    Theme,
)
from verkosto.registry.services.common import save_validated, set_m2m
from verkosto.registry.services.records import record_delete, record_update


@transaction.atomic
def goal_create(
    *,
    actor: Actor,
    organisation: Organisation,
    source: Source,
    texts: dict[str, str],
    themes: Iterable[Theme] = (),
    workspace: Workspace | None = None,
    **fields: Any,
) -> StrategicGoal:
    """A goal of ``organisation``; ``texts`` holds title_fi/sv/en, description_fi/sv/en."""
    require_fact_write(
        actor, workspace_id=workspace.pk if workspace else None, organisation_ids=[organisation.pk]
    )
    goal = StrategicGoal(
        organisation=organisation, source=source, workspace=workspace, **fields, **texts
    )
    save_validated(goal, actor=actor)
    set_m2m(goal, "themes", themes)
    return goal


@transaction.atomic
def event_create(
    *,
    actor: Actor,
    source: Source,
    texts: dict[str, str],
    participants: Iterable[Organisation] = (),
    themes: Iterable[Theme] = (),
    workspace: Workspace | None = None,
    **fields: Any,
) -> Event:
    participants = list(participants)
    organisation_ids = [p.pk for p in participants]
    if fields.get("organiser"):
        organisation_ids.append(fields["organiser"].pk)
    require_fact_write(
        actor, workspace_id=workspace.pk if workspace else None, organisation_ids=organisation_ids
    )
    event = Event(source=source, workspace=workspace, **fields, **texts)
    save_validated(event, actor=actor)
    set_m2m(event, "participants", participants)
    set_m2m(event, "themes", themes)
    return event


@transaction.atomic
def person_create(
    *, actor: Actor, name: str, source: Source, workspace: Workspace | None = None, **fields: Any
) -> Person:
    if workspace is None:
        require_editor_anywhere(actor)
    else:
        require_fact_write(actor, workspace_id=workspace.pk, organisation_ids=[])
    person = Person(name=name, source=source, workspace=workspace, **fields)
    save_validated(person, actor=actor)
    return person


@transaction.atomic
def person_role_add(
    *,
    actor: Actor,
    person: Person,
    organisation: Organisation,
    title: str,
    source: Source,
    **period: Any,
) -> PersonRole:
    require_fact_write(actor, workspace_id=person.workspace_id, organisation_ids=[organisation.pk])
    role = PersonRole(
        person=person, organisation=organisation, title=title, source=source, **period
    )
    save_validated(role, actor=actor)
    return role


@transaction.atomic
def theme_create(
    *, actor: Actor, code: str, labels: dict[str, str], parent: Theme | None = None, **fields: Any
) -> Theme:
    require_editor_anywhere(actor)
    theme = Theme(code=code, parent=parent, **fields, **labels)
    save_validated(theme, actor=actor)
    return theme


def goal_update(
    *, actor: Actor, goal: StrategicGoal, themes: Iterable[Theme] | None = None, **changes: Any
) -> list[str]:
    return record_update(goal, actor=actor, changes=changes, m2m={"themes": themes})


def goal_delete(*, actor: Actor, goal: StrategicGoal) -> None:
    record_delete(goal, actor=actor)


def event_update(
    *,
    actor: Actor,
    event: Event,
    participants: Iterable[Organisation] | None = None,
    themes: Iterable[Theme] | None = None,
    **changes: Any,
) -> list[str]:
    """Change an event; the actor must be allowed to write it before and after the change."""
    return record_update(
        event, actor=actor, changes=changes, m2m={"participants": participants, "themes": themes}
    )


def event_delete(*, actor: Actor, event: Event) -> None:
    record_delete(event, actor=actor)


def theme_update(*, actor: Actor, theme: Theme, **changes: Any) -> list[str]:
    return record_update(theme, actor=actor, changes=changes)


def theme_delete(*, actor: Actor, theme: Theme) -> None:
    """Delete a theme with no narrower themes (the database protects those)."""
    record_delete(theme, actor=actor)
