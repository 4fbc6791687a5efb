"""Serializer fields shared by every API resource."""

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

LANGUAGES = tuple(settings.MODELTRANSLATION_LANGUAGES)

_TRANSLATED_SCHEMA = {
    "type": "object",
    "properties": {lang: {"type": "string", "nullable": True} for lang in LANGUAGES},
    "additionalProperties": False,
    "example": {"fi": "Helsinki", "sv": "Helsingfors", "en": "Helsinki"},
}


@extend_schema_field(_TRANSLATED_SCHEMA)
class TranslatedField(serializers.Field):
    """A fi/sv/en field as ``{"fi": …, "sv": …, "en": …}``, stored in ``<name>_fi`` etc.

    Every translated field of the API has this shape. A missing or empty language is null
    (a PATCH changes only the languages it gives). ``required``: at least one language.
    """

    default_error_messages = {
        "not_object": _("Give an object with the keys fi, sv and en."),
        "unknown_language": _("Unknown language: %(keys)s."),
        "not_text": _("Each language's value is text or null."),
        "too_long": _("At most %(max)d characters."),
        "empty": _("Give a value in at least one language."),
    }

    def __init__(self, *, max_length: int | None = None, **kwargs: Any) -> None:
        self.max_length = max_length
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def bind(self, field_name: str, parent) -> None:
        super().bind(field_name, parent)
        self.base = field_name

    def to_representation(self, instance) -> dict[str, str | None]:
        return {lang: getattr(instance, f"{self.base}_{lang}") or None for lang in LANGUAGES}

    # The flat read path (verkosto.api.flat): the same shape from a row of .values().
    def flat_columns(self) -> tuple[str, ...]:
        return tuple(f"{self.base}_{lang}" for lang in LANGUAGES)

    def from_row(self, row: dict[str, Any]) -> dict[str, str | None]:
        return {lang: row[f"{self.base}_{lang}"] or None for lang in LANGUAGES}

    def to_internal_value(self, data: Any) -> dict[str, str | None]:
        if not isinstance(data, dict):
            self.fail("not_object")
        unknown = set(data) - set(LANGUAGES)
        if unknown:
            self.fail("unknown_language", keys=", ".join(sorted(map(str, unknown))))
        partial = self.parent is not None and self.parent.partial
        # A full update (PUT) replaces every language; a partial one only those given.
        values = {} if partial else {f"{self.base}_{lang}": None for lang in LANGUAGES}
        for lang, value in data.items():
            if value is not None and not isinstance(value, str):
                self.fail("not_text")
            value = (value or "").strip()
            if self.max_length and len(value) > self.max_length:
                self.fail("too_long", max=self.max_length)
            values[f"{self.base}_{lang}"] = value or None
        if self.required and not partial and not any(values.values()):
            self.fail("empty")
        return values
