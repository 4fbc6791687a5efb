"""Every user-facing string is translated into Finnish, Swedish and English."""

import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

LOCALE = Path(__file__).resolve().parents[2] / "src" / "verkosto" / "locale"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_catalogue_has_no_empty_or_fuzzy_translation(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 100
    missing = [e.msgid for e in catalogue if not e.translated() or "fuzzy" in e.flags]
    assert missing == []


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_compiled_catalogue_matches_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    # Keyed by context too: "Open" (a review's status) and "Open" (the verb) are two entries.
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(folder / "django.mo"))}
    source = {
        (e.msgctxt, e.msgid): e.msgstr
        for e in polib.pofile(str(folder / "django.po"))
        if not e.obsolete
    }
    stale = {k for k, v in source.items() if compiled.get(k) != v}
    assert stale == set(), "run `make messages` to compile the catalogues"


def test_all_strings_in_code_are_in_the_catalogue(tmp_path, settings, monkeypatch):
    """A string marked for translation but never extracted would stay English."""
    package = tmp_path / "verkosto"
    shutil.copytree(LOCALE.parent, package, ignore=shutil.ignore_patterns("locale", "__pycache__"))
    (package / "locale").mkdir()
    settings.LOCALE_PATHS = [package / "locale"]
    monkeypatch.chdir(package)
    call_command("makemessages", locale=["fi"], verbosity=0)
    fresh = {e.msgid for e in polib.pofile(str(package / "locale/fi/LC_MESSAGES/django.po"))}
    shipped = {e.msgid for e in polib.pofile(str(LOCALE / "fi/LC_MESSAGES/django.po"))}
    assert fresh - shipped == set(), "run `make messages` and translate the new strings"
