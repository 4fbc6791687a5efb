"""What an import reports about a row (or a file) it could not use.

Messages are written in English and translated when they are shown: an import runs in
one language (the command line's, a worker's) and its report is read in another (the
admin page of whoever started it). So a message is a ``Message``: a ``str`` holding the
English text, for logs, the command line and JSON, that keeps its translatable template
and values to render itself again in the reader's language (``localised``).
"""

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override


class Message(str):
    """An importer's message: English as a ``str``; ``localised()`` in the active language.

    ``template`` is a lazy translation (``gettext_lazy`` or ``ngettext_lazy`` with a
    named count) with named placeholders, filled from ``params``; a param that is itself
    a Message is translated along with it. A plain ``str`` template is not translated
    (text from elsewhere: a library's error). A ValidationError template keeps the
    model's own messages, which Django translates.
    """

    template: "str | Promise | ValidationError"
    params: dict[str, Any]

    def __new__(cls, template: "str | Promise | ValidationError", /, **params: Any) -> "Message":
        # Rendered with no language active: the msgids, i.e. the English text.
        with override(None):
            english = _render(template, params)
        message = super().__new__(cls, english)
        message.template = template
        message.params = params
        return message

    def localised(self) -> str:
        return _render(self.template, self.params)


def _render(template: "str | Promise | ValidationError", params: Mapping[str, Any]) -> str:
    if isinstance(template, ValidationError):
        return "; ".join(template.messages)
    if not params:
        return str(template)
    return str(template % {k: localised(v) for k, v in params.items()})


def localised(value: Any) -> Any:
    """``value`` in the active language: a Message rendered, a lazy translation made a
    ``str``, a list or tuple of them joined with commas; anything else as it is."""
    if isinstance(value, Message):
        return value.localised()
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(localised(v)) for v in value)
    return value


@dataclass(frozen=True)
class RowIssue:
    """A problem with one row: its line in the file (0: the file as a whole, or one file
    of a folder, named by ``field``), the field and the reason."""

    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        return (
            f"{where}, {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )

    def localised(self) -> str:
        """The issue in the active language, for pages (``str()`` is English)."""
        message = localised(self.message)
        if self.line and self.field:
            text = _("line %(line)d, %(field)s: %(message)s")
        elif self.line:
            text = _("line %(line)d: %(message)s")
        elif self.field:
            text = _("file, %(field)s: %(message)s")
        else:
            text = _("file: %(message)s")
        return text % {"line": self.line, "field": self.field, "message": message}

    def as_dict(self) -> dict:
        return asdict(self)


class _RowProblem(Exception):
    """``message`` is a lazy translation with named placeholders filled from ``params``
    (``RowRejected("code", _("%(value)r is not a valid code"), value=v)``), or a Message."""

    def __init__(self, field: str, message: "str | Promise", /, **params: Any):
        message = message if isinstance(message, Message) else Message(message, **params)
        super().__init__(message)
        self.field = field
        self.message = message


class RowRejected(_RowProblem):
    """Raised while processing a row that cannot be imported."""


class RowSkipped(_RowProblem):
    """Raised for a valid row that this import does not take (out of scope, unresolved)."""


class FileRejected(Exception):
    """The file as a whole cannot be read (encoding, header, size)."""

    def __init__(self, issues: list[RowIssue]):
        super().__init__("; ".join(str(i) for i in issues))
        self.issues = issues
