import os
from pathlib import Path

import pytest

SEEDS = Path(
    os.environ.get("VERKOSTO_SEEDS", Path(__file__).resolve().parents[3] / "shared" / "seeds")
)


def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed texts {SEEDS} are not here (../shared/seeds is absent)")
    return SEEDS


def require_voikko() -> None:
    """Skip (or fail, with VERKOSTO_REQUIRE_VOIKKO=1) when Voikko is not installed."""
    from verkosto.knowledge.lemmatise import voikko_available

    if not voikko_available():
        if os.environ.get("VERKOSTO_REQUIRE_VOIKKO") == "1":
            pytest.fail("Voikko is required (VERKOSTO_REQUIRE_VOIKKO=1) but not installed")
        pytest.skip("libvoikko with voikko-fi is not installed")


@pytest.fixture(autouse=True)
def _fresh_vocabulary():
    from verkosto.knowledge.search.vocabulary import clear_vocabulary

    clear_vocabulary()
    yield
    clear_vocabulary()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded and imported files go to a throw-away folder, not the project's var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
