import pytest

from verkosto.common.text import fold, fold_place


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jyväskylä", "jyvaskyla"),
        ("Åbo", "ABO"),
        ("Malmö", "malmo"),
        ("København", "kobenhavn"),
        ("Pori  / Björneborg", "pori bjorneborg"),
    ],
)
def test_fold_ignores_case_diacritics_and_punctuation(a, b):
    assert fold(a) == fold(b)


def test_fold_place_drops_generic_words():
    assert fold_place("Upplands Väsby kommun") == "upplands vasby"
    assert fold_place("City of Helsinki") == "helsinki"
    assert fold_place("Kommun") == "kommun"
