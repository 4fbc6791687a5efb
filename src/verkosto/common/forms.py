"""What every app's web forms share."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms import Form


def add_service_errors(form: Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form fields it names; errors of fields the
    form does not have, and errors of the whole record, go on the form itself."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields and field != NON_FIELD_ERRORS else None
            for item in errors:
                form.add_error(target, item)
    else:
        form.add_error(None, error)
