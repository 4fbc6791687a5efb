"""A flat read path: rows of ``QuerySet.values()`` represented exactly as a serializer
represents model instances.

Building a model instance, prefetching into it and walking a nested DRF serializer costs
about half a millisecond a row; a page of 50 rows then spends most of its time there
rather than in the database. A ``RowPlan`` is made once from the serializer itself (its
fields, their order and their ``to_representation``), so the read path cannot drift
from the write path's serializer and the OpenAPI document: the same serializer still
describes, validates and answers every write.

Only the field kinds whose representation depends on the row alone are planned: plain
model fields, primary-key references and fields that say how to read a row themselves
(``flat_columns`` + ``from_row``, as ``TranslatedField``). Anything else (nested serializers, method
fields, many-to-many, translated objects) is ``computed``: the caller puts its finished
representation into the row under the field's name. A field of another kind that is not
named as computed is an error at start-up, not a silently different response.
"""

from collections.abc import Callable, Iterable
from typing import Any

from rest_framework import relations, serializers

Converter = Callable[[Any], Any] | None


class RowPlan:
    """How ``serializer`` represents a row of ``.values(*plan.columns)``."""

    def __init__(self, serializer: serializers.Serializer, computed: Iterable[str] = ()) -> None:
        wanted = set(computed)
        steps: list[tuple[str, str | None, Converter]] = []
        columns: list[str] = []
        for field in serializer._readable_fields:
            name = field.field_name
            if name in wanted:
                wanted.discard(name)
                steps.append((name, name, None))  # the caller's finished representation
            elif hasattr(field, "from_row"):
                steps.append((name, None, field.from_row))  # reads several columns
                columns.extend(field.flat_columns())
            else:
                steps.append((name, field.source, _converter(field)))
                columns.append(field.source)
        if wanted:
            raise ValueError(f"not fields of {type(serializer).__name__}: {sorted(wanted)}")
        self.steps = tuple(steps)
        self.columns = tuple(columns)

    def __call__(self, row: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for name, key, convert in self.steps:
            if key is None:
                out[name] = convert(row)
                continue
            value = row[key]
            # As Serializer.to_representation: None stays None, never reaches the field.
            out[name] = value if value is None or convert is None else convert(value)
        return out


def _converter(field: serializers.Field) -> Converter:
    source = field.source
    if not source or source == "*" or "." in source:
        raise TypeError(f"{field.field_name}: not a column; name it as computed")
    if isinstance(field, relations.PrimaryKeyRelatedField):
        if field.pk_field is not None:
            raise TypeError(f"{field.field_name}: pk_field is not supported; name it as computed")
        return None  # .values() gives the primary key itself
    if isinstance(
        field,
        serializers.BaseSerializer
        | serializers.SerializerMethodField
        | relations.RelatedField
        | relations.ManyRelatedField
        | serializers.HiddenField,
    ):
        raise TypeError(f"{field.field_name}: not a column; name it as computed")
    return field.to_representation
