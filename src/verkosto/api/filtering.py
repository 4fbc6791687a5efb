"""The API's filter backend: the registry's FilterSets (the UI's own), with two costs of
django-filter taken out of every API request.

* The filter form's class is built once per FilterSet, not once per request (django-filter
  makes a new form class, and a new form field per filter, every time).
* Once the queryset is made, the links between the FilterSet, its filters and its form are
  cut. They refer to each other in cycles, so without this the ~250 objects of every
  request wait for the cyclic garbage collector; under concurrent load those collections
  (and the full ones they bring on) took a measurable share of an API worker's time.
* A filter that chooses one record (``organisation=<id>``) checks that the record exists
  and is visible to the filter's queryset by its key alone, instead of loading the whole
  record: the API filters by the key and never shows the record. The UI's lists keep
  the plain FilterSets, since they name the chosen organisation above the table.

The filters, their validation and their messages stay the FilterSet's own: an unknown or
malformed id is still a 400 with django-filter's message, and the OpenAPI document still
describes the same parameters.
"""

import copy

from django.core.exceptions import ValidationError
from django_filters import fields as filter_fields
from django_filters import filters, utils
from django_filters.rest_framework import DjangoFilterBackend


class KeyOnlyModelChoiceField(filter_fields.ModelChoiceField):
    """As ModelChoiceField, but the cleaned value is the chosen record's key, checked
    against the queryset without loading the record."""

    def to_python(self, value):
        if self.null_label is not None and value == self.null_value:
            return value
        if value in self.empty_values:
            return None
        self.validate_no_null_characters(value)
        key = self.to_field_name or "pk"
        if isinstance(value, self.queryset.model):
            value = getattr(value, key)
        try:
            matches = self.queryset.filter(**{key: value}).order_by()
            found = list(matches.values_list(key, flat=True)[:2])
        except (ValueError, TypeError, ValidationError):
            found = []
        if len(found) != 1:  # no such record (a key names at most one)
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return found[0]


class _LeanFilterSet:
    """Mixed in before a FilterSet class by ``lean``."""

    _lean_form_class = None
    _lean_form_cacheable = True

    def get_form_class(self):
        cls = type(self)
        if not cls._lean_form_cacheable:
            return super().get_form_class()
        if cls._lean_form_class is None:
            cls._lean_form_class = super().get_form_class()
        return cls._lean_form_class


_LEAN: dict[type, type] = {}


def lean(filterset_class: type) -> type:
    """The API's variant of ``filterset_class`` (made once, then reused)."""
    made = _LEAN.get(filterset_class)
    if made is not None:
        return made
    made = type(f"Lean{filterset_class.__name__}", (_LeanFilterSet, filterset_class), {})
    # Own copies of the filters: the class statement above shares the parent's objects.
    made.base_filters = copy.deepcopy(filterset_class.base_filters)
    for item in made.base_filters.values():
        if type(item) is filters.ModelChoiceFilter:
            item.field_class = KeyOnlyModelChoiceField
        if callable(getattr(item, "queryset", None)):
            # Choices that depend on the request: a form class per request, as before.
            made._lean_form_cacheable = False
    _LEAN[filterset_class] = made
    return made


class LeanFilterBackend(DjangoFilterBackend):
    def get_filterset_class(self, view, queryset=None):
        filterset_class = super().get_filterset_class(view, queryset)
        return None if filterset_class is None else lean(filterset_class)

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        try:
            if not filterset.is_valid() and self.raise_exception:
                raise utils.translate_validation(filterset.errors)
            return filterset.qs
        finally:
            _release(filterset)


def _release(filterset) -> None:
    """Cut the cycles of a FilterSet that has done its work (see the module's docstring)."""
    for item in filterset.filters.values():
        item.parent = None  # filter → FilterSet → filters
    form = filterset.__dict__.get("_form")
    if form is None:
        return
    getattr(form, "_bound_fields_cache", {}).clear()  # BoundField → form
    for field in form.fields.values():
        if hasattr(field.widget, "choices"):
            field.widget.choices = ()  # a model choice iterator → its field → widget
