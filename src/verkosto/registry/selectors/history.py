"""A record's change history as the pages show it: who changed what, when, from which source.

Field changes come from simple-history's ``diff_against`` between consecutive versions;
many-to-many changes (themes, participants) and the names behind foreign keys are read in
one query per table for the whole page, so a history of any length costs the same few
queries. A version that was private to a workspace the reader is not in is listed without
its contents.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator

from verkosto.accounts.models import Workspace
from verkosto.accounts.permissions import Actor, readable_workspace_ids
from verkosto.common.partial_dates import PartialDate

# Bookkeeping, not facts: left out of the diffs.
SKIPPED_FIELDS = {"created_at", "updated_at", "search_key", "data_source", "origin_id"}
HISTORY_TYPES = {"+": "created", "~": "changed", "-": "deleted"}


@dataclass
class FieldChange:
    name: str
    label: str
    old: str
    new: str


@dataclass
class Version:
    history_id: int
    date: Any
    user: Any
    kind: str  # created / changed / deleted
    reason: str
    source: Any  # the Source this version cites, or None
    hidden: bool  # private to a workspace the reader is not in
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class History:
    versions: list[Version]
    more: bool  # older versions exist beyond the ones listed


def _translated_base_fields(model: type[models.Model]) -> set[str]:
    """``name`` when the model also has name_fi/sv/en: the diff shows the language fields."""
    try:
        return set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return set()


def m2m_history_rows(
    historical_model, field_name: str, history_ids: list[int]
) -> dict[int, set[int]]:
    """history_id → ids of the related records that version pointed to."""
    relation = historical_model._meta.get_field(f"{historical_model._meta.model_name}_{field_name}")
    through = relation.related_model
    target_model = historical_model.instance_type._meta.get_field(field_name).related_model
    target_fk = next(
        f
        for f in through._meta.fields
        if f.is_relation and f.related_model is target_model and f.name != "history"
    )
    rows: dict[int, set[int]] = defaultdict(set)
    for history_id, target_id in through.objects.filter(history_id__in=history_ids).values_list(
        "history_id", target_fk.attname
    ):
        rows[history_id].add(target_id)
    return rows


class _Names:
    """Display text for values: choices by label, foreign keys by the related record's name,
    all related records fetched in one query per model."""

    def __init__(self) -> None:
        self.wanted: dict[type[models.Model], set[Any]] = defaultdict(set)
        self.loaded: dict[type[models.Model], dict[Any, models.Model]] = {}

    def want(self, model: type[models.Model], ids) -> None:
        self.wanted[model].update(i for i in ids if i is not None)

    def load(self) -> None:
        for model, ids in self.wanted.items():
            self.loaded[model] = model._default_manager.in_bulk(ids)

    def text(self, model_field: models.Field, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, set):
            labels = self.loaded.get(model_field.related_model, {})
            names = sorted(str(labels[v]) if v in labels else f"#{v}" for v in value)
            return ", ".join(names) if names else "—"
        if model_field.is_relation:
            labels = self.loaded.get(model_field.related_model, {})
            if value in labels:
                return str(labels[value])
            return _("(deleted #%(id)s)") % {"id": value}
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        return str(value)


def record_history(*, actor: Actor, obj: models.Model, limit: int | None = 20) -> History:
    """The versions of ``obj``, newest first, each with what changed since the one before.

    ``limit`` caps how many are returned (None: all); a fixed number of queries either way.
    """
    model = type(obj)
    queryset = obj.history.select_related("history_user").order_by("-history_date", "-history_id")
    # One version more than shown: the oldest shown one is diffed against it.
    records = list(queryset[: limit + 1] if limit else queryset)
    more = bool(limit) and len(records) > limit
    historical_model = queryset.model
    m2m_names = [f.name for f in historical_model._history_m2m_fields]
    history_ids = [r.history_id for r in records]
    m2m = {name: m2m_history_rows(historical_model, name, history_ids) for name in m2m_names}

    skipped = SKIPPED_FIELDS | _translated_base_fields(model) | {model._meta.pk.name}
    fk_fields = {
        f.name: f for f in model._meta.concrete_fields if f.is_relation and f.name not in skipped
    }
    names = _Names()
    for fk in fk_fields.values():
        names.want(fk.related_model, (getattr(r, fk.attname) for r in records))
    for name, rows in m2m.items():
        target = model._meta.get_field(name).related_model
        for ids in rows.values():
            names.want(target, ids)
    names.load()
    readable = readable_workspace_ids(actor)
    if readable is not None and Workspace in names.loaded:
        # A version may name a workspace the reader is not in: say so, not which one.
        for pk in names.loaded[Workspace]:
            if pk not in readable:
                names.loaded[Workspace][pk] = _("another workspace")
    sources = (
        names.loaded.get(fk_fields["source"].related_model, {}) if "source" in fk_fields else {}
    )

    versions = []
    shown = records[:limit] if more else records
    for index, record in enumerate(shown):
        previous = records[index + 1] if index + 1 < len(records) else None
        workspace_id = getattr(record, "workspace_id", None)
        hidden = workspace_id is not None and readable is not None and workspace_id not in readable
        version = Version(
            history_id=record.history_id,
            date=record.history_date,
            user=record.history_user,
            kind=HISTORY_TYPES.get(record.history_type, "changed"),
            reason=record.history_change_reason or "",
            source=sources.get(getattr(record, "source_id", None)),
            hidden=hidden,
        )
        if not hidden:
            version.changes = _changes(model, record, previous, skipped, m2m, names)
        versions.append(version)
    return History(versions=versions, more=more)


def _changed_names(record, previous, skipped, m2m) -> list[str]:
    """The fields that differ from the version before (all that are set, for the first)."""
    if previous is None:
        names = [
            f.name
            for f in record.tracked_fields
            if f.editable
            and not f.primary_key
            and f.name not in skipped
            and getattr(record, f.attname) not in (None, "")
        ]
        return names + [n for n, rows in m2m.items() if rows.get(record.history_id)]
    delta = record.diff_against(previous, excluded_fields=list(skipped | set(m2m)))
    names = list(delta.changed_fields)
    for name, rows in m2m.items():
        if rows.get(previous.history_id, set()) != rows.get(record.history_id, set()):
            names.append(name)
    return names


def _changes(model, record, previous, skipped, m2m, names: _Names) -> list[FieldChange]:
    changed = _changed_names(record, previous, skipped, m2m)
    # A period's day and precision are one value to a reader: "2019", not "2019-01-01, year".
    for part in ("start", "end"):
        if f"{part}_precision" in changed:
            changed.remove(f"{part}_precision")
            if part not in changed:
                changed.append(part)
    changes = []
    for name in changed:
        model_field = model._meta.get_field(name)
        if name in m2m:
            old = m2m[name].get(previous.history_id, set()) if previous else None
            new = m2m[name].get(record.history_id, set())
        else:
            old = _value(previous, model_field) if previous else None
            new = _value(record, model_field)
        change = _change(model_field, name, old, new, names)
        if change.old != change.new:  # e.g. only the precision of an empty end "changed"
            changes.append(change)
    return changes


def _value(record, model_field) -> Any:
    value = getattr(record, model_field.attname)
    if model_field.name in ("start", "end") and value is not None:
        precision = getattr(record, f"{model_field.name}_precision", None)
        if precision:
            return PartialDate.from_date(value, precision)
    return value


def _change(model_field, name: str, old: Any, new: Any, names: _Names) -> FieldChange:
    return FieldChange(
        name=name,
        label=str(model_field.verbose_name),
        old=names.text(model_field, old) if old is not None else "—",
        new=names.text(model_field, new),
    )
