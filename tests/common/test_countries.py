import pytest

from verkosto.common.countries import country_code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("fi", "FI"),
        ("FIN", "FI"),
        ("uk", "GB"),
        ("el", "GR"),
        ("Finland", "FI"),
        ("Suomi", "FI"),
        ("Sverige", "SE"),
        ("England", "GB"),
        ("Kosovo", "XK"),
        ("Åland Islands, Finland", "FI"),
        ("Rauma, Norway", "NO"),
        ("Korea, Republic of", "KR"),
        ("Russia", "RU"),
    ],
)
def test_country_code(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["", "  ", "Atlantis", "QQ", "Northern Cyprus"])
def test_unknown_country_is_none(text):
    assert country_code(text) is None
