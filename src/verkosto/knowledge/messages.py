"""Translated messages for what the pure modules report in English."""

from django.utils.translation import gettext as _

from verkosto.knowledge.extract import ExtractionError


def extraction_message(exc: ExtractionError, name: str = "") -> str:
    """Why the file ``name`` could not be read, in the user's language."""
    messages = {
        "format": _("Only .txt, .html, .pdf and .docx files can be read."),
        "encrypted": _(
            "The file is password-protected. Save it without a password and upload it again."
        ),
        "damaged": _("The file is damaged and cannot be read."),
        "no_text_layer": _(
            "The PDF has no text layer (it is probably a scanned image). Run text "
            "recognition (OCR) on it first."
        ),
        "empty": _("No text was found in the file."),
        "not_text": _("The file is not a text file."),
    }
    message = messages.get(exc.code, _("The file cannot be read."))
    return f"{name}: {message}" if name else message
