"""Reverting a record to an earlier version of its history."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator

from verkosto.accounts.models import Role, Workspace
from verkosto.accounts.permissions import SYSTEM, Actor, history_user, require_role, roles_of
from verkosto.registry import models as m
from verkosto.registry.selectors.history import m2m_history_rows
from verkosto.registry.services.common import apply_changes, save_validated, set_m2m
from verkosto.registry.services.organisations import organisation_refresh_search_key
from verkosto.registry.services.rules import concerned_organisations, require_write

# Kept as they are now: bookkeeping, and the key that ties the record to its import row.
KEPT_FIELDS = {"created_at", "updated_at", "search_key", "data_source", "origin_id"}


def require_revert(actor: Actor, obj: models.Model) -> None:
    """Reverting rewrites a record wholesale, so it needs more than an editor: an admin
    of the owning workspace (private records) or of a workspace of an organisation the
    record is about (public ones), or a superuser — and write rights on the record."""
    require_write(actor, obj)
    if actor is SYSTEM or getattr(actor, "is_superuser", False):
        return
    workspace_id = getattr(obj, "workspace_id", None)
    if workspace_id is not None:
        require_role(actor, workspace_id, Role.ADMIN)
        return
    admin_of = [ws for ws, role in roles_of(actor).items() if role == Role.ADMIN]
    concerned = [i for i in concerned_organisations(obj) if i]
    workspaces = Workspace.objects.filter(pk__in=admin_of)
    if concerned:
        workspaces = workspaces.filter(organisation_id__in=concerned)
    if admin_of and workspaces.exists():
        return
    raise PermissionDenied(_("Only an administrator may revert a record to an earlier version."))


def may_revert(actor: Actor, obj: models.Model) -> bool:
    try:
        require_revert(actor, obj)
    except PermissionDenied:
        return False
    return True


def _translated_base_fields(model: type[models.Model]) -> set[str]:
    try:
        return set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return set()


def _m2m_ids(record, field_name: str) -> set[int]:
    """The ids a historical version's many-to-many field pointed to."""
    rows = m2m_history_rows(type(record), field_name, [record.history_id])
    return rows.get(record.history_id, set())


@transaction.atomic
def history_revert(*, actor: Actor, obj: models.Model, history_id: int) -> list[str]:
    """Give ``obj`` the field values (and themes, participants) of version ``history_id``.

    The revert is itself a new version, recorded with the actor and a reason naming the
    version it returns to. Returns the names of the fields that changed.
    """
    require_revert(actor, obj)
    record = obj.history.filter(history_id=history_id).first()
    if record is None:
        raise ValidationError(_("This record has no such version."))
    if record.history_type == "-":
        raise ValidationError(_("A record cannot be reverted to its deletion."))
    model = type(obj)
    kept = KEPT_FIELDS | _translated_base_fields(model)
    changes = {
        f.attname: getattr(record, f.attname)
        for f in model._meta.concrete_fields
        if not f.primary_key and f.editable and f.name not in kept
    }
    reason = _("Reverted to the version of %(date)s") % {
        "date": date_format(record.history_date, "SHORT_DATETIME_FORMAT")
    }
    changed = apply_changes(obj, changes)
    if changed:
        save_validated(obj, actor=actor, reason=reason)
    for name in (f.name for f in record._history_m2m_fields):
        # The m2m change is a version of its own; it carries the same user and reason.
        obj._history_user = history_user(actor)
        obj._change_reason = reason[:100]
        if set_m2m(obj, name, _m2m_ids(record, name)):
            changed.append(name)
    if changed:
        require_write(actor, obj)  # may the actor write what it has become? else roll back
    if isinstance(obj, m.Organisation):
        organisation_refresh_search_key(organisation_ids=[obj.pk])
    return changed
