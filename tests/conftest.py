import os
from pathlib import Path

import pytest

SHARED_DATA = Path(
    os.environ.get("VERKOSTO_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)


def shared_file(relative: str) -> Path:
    """A file of ../shared/data, or skip the test with the reason when it is absent."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"real data file {path} is not here (../shared/data is absent)")
    return path


@pytest.fixture
def source(db):
    from tests.factories import SourceFactory

    return SourceFactory()


@pytest.fixture(autouse=True)
def _default_language_outside_requests(settings):
    """Every test starts in the default language (Finnish), whatever an earlier test in
    the same process activated; a request still runs in the language of its URL prefix."""
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield
