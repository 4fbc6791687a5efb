"""The language pipeline: base forms, compound parts, stems (pure; no database)."""

from tests.knowledge.conftest import require_voikko
from verkosto.knowledge.lemmatise import analyse_word, lemmatise_fields
from verkosto.knowledge.stemmer import stem


def test_finnish_inflected_place_name_to_its_base_form():
    require_voikko()
    assert analyse_word("Helsingin", "fi").lemmas == ("helsinki",)
    assert analyse_word("Lahden", "fi").lemmas == ("lahti",)


def test_finnish_compound_is_split_into_parts():
    require_voikko()
    got = analyse_word("ilmastoverkostot", "fi")
    assert got.lemmas == ("ilmastoverkosto",)
    assert got.parts == ("ilmasto", "verkosto")
    assert analyse_word("osaajapulaan", "fi").parts == ("osaaja", "pula")


def test_swedish_and_english_lemmas():
    assert analyse_word("vänorterna", "sv").lemmas == ("vanort",)
    assert analyse_word("twinning", "en").lemmas == ("twin",)
    assert stem("networks") == stem("networking") == "network"


def test_fields_keep_word_order_and_put_parts_in_extras():
    require_voikko()
    got = lemmatise_fields(
        title="Ilmastoverkostojen yhteistyö", summary="", body="Helsingin", language="fi"
    )
    assert got["title_lemmas"] == "ilmastoverkosto yhteistyo"
    assert "ilmasto" in got["extra_lemmas"].split()
    assert got["body_lemmas"] == "helsinki"


def test_swedish_compounds_are_split_with_or_without_the_linking_s():
    assert analyse_word("klimatnätverket", "sv").parts == ("klimat", "natverk")
    got = analyse_word("vänortssamarbete", "sv")
    assert got.parts == ("vanort", "samarbete")


def test_an_inflected_foreign_name_is_found_by_the_name():
    """Voikko does not know "Eurocities"; its Finnish genitive still holds the name."""
    require_voikko()
    assert "eurocities" in analyse_word("Eurocitiesin", "fi").extras
    assert "eurocities" in analyse_word("Eurocitiesissa", "fi").extras
    # a known word is read by Voikko alone, and lower-case unknown words are left alone
    assert analyse_word("Helsingin", "fi").lemmas == ("helsinki",)
    assert analyse_word("kissoissa", "fi").extras.count("kisso") == 0
