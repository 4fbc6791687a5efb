"""A hit's `why` in readable words: what the user typed and the base form with its
letters (ä, ö, å), never the folded form the index matches on."""

import pytest
from django.utils import translation

from tests.knowledge.conftest import require_voikko
from verkosto.accounts.permissions import SYSTEM
from verkosto.knowledge.search import search
from verkosto.knowledge.search.query import unfold
from verkosto.knowledge.services import document_upload

pytestmark = pytest.mark.django_db

FINNISH = (
    "Kaupunkien yhteistyö on tuottanut hyviä käytäntöjä. Ystävyyskaupunkien verkostot "
    "kokoontuvat Turussa joka vuosi."
)
SWEDISH = "Åtgärder för vänorter: nätverket samlar städer kring klimatet."


def _upload(name: str, text: str, language: str) -> None:
    document_upload(actor=SYSTEM, name=name, content=text.encode(), title=name, language=language)


def _why(query: str, title: str) -> list[str]:
    hits = [h for h in search(query).hits if h.title == title]
    assert hits, f"{query!r} did not find {title}"
    return hits[0].why


def test_finnish_query_shows_base_forms_with_their_letters():
    require_voikko()
    _upload("kaupungit.txt", FINNISH, "fi")
    why = _why("yhteistyön käytännöt", "kaupungit.txt")
    # Not "yhteistyo" / "kaytanto": the folded forms are for matching only.
    assert why == ["yhteistyön → yhteistyö", "käytännöt → käytäntö"]


def test_swedish_query_shows_its_base_forms_and_the_finnish_label_it_reached():
    require_voikko()
    _upload("kaupungit.txt", FINNISH, "fi")
    _upload("städer.txt", SWEDISH, "sv")
    assert _why("åtgärderna nätverken", "städer.txt") == [
        "åtgärderna → åtgärd",
        "nätverken → nätverk",
    ]
    # The Swedish word reaches the Finnish text through the glossary; the line names
    # the word's base form first, then the label the text has.
    with translation.override("en"):
        assert _why("vänorterna", "kaupungit.txt") == [
            "vänorterna → vänort, ystävyyskaupunki (twin towns)"
        ]


def test_a_theme_is_named_in_the_readers_language():
    """The vocabulary is shared by every language; the theme's label in `why` is not."""
    require_voikko()
    from verkosto.registry.models import Theme

    Theme.objects.create(
        code="climate",
        label="Ilmasto",
        label_fi="Ilmastonmuutos",
        label_sv="Klimatförändring",
        label_en="Climate change",
    )
    _upload("kaupungit.txt", "Kaupungit hillitsevät ilmastonmuutosta yhdessä.", "fi")
    with translation.override("en"):
        assert _why("klimatförändringen", "kaupungit.txt") == [
            "klimatförändringen → klimatförändring, Ilmastonmuutos (theme Climate change)"
        ]
    with translation.override("sv"):
        [line] = _why("klimatförändringen", "kaupungit.txt")
        assert line.endswith("(tema Klimatförändring)")


def test_other_name_of_a_place_is_written_as_the_place_is():
    require_voikko()
    _upload("kaupungit.txt", FINNISH, "fi")
    with translation.override("en"):
        assert _why("Åbo", "kaupungit.txt") == ["Åbo → Turku (other name of the place)"]


def test_folded_query_still_matches_and_is_shown_as_typed():
    """Matching stays folded: words typed without dots find the texts all the same."""
    require_voikko()
    _upload("kaupungit.txt", FINNISH, "fi")
    _upload("städer.txt", SWEDISH, "sv")
    assert _why("yhteistyo", "kaupungit.txt") == ["yhteistyo"]
    assert _why("atgarder", "städer.txt") == ["atgarder"]


@pytest.mark.parametrize(
    ("token", "forms", "shown"),
    [
        ("yhteistyo", ["yhteistyö"], "yhteistyö"),
        ("tyo", ["yhteistyö"], "työ"),
        ("hame", ["Hämeenlinna", "+hämeen(Häme)+linna(linna)"], "Häme"),
        ("vanort", ["vänort", "vänorter"], "vänort"),
        ("stad", ["stad", "städerna"], "stad"),  # the base form before the typed word
        ("strasse", ["Straße"], "Straße"),  # one letter folds into two
        ("vanort", ["va\u0308nort"], "vänort"),  # typed decomposed: a + combining dots
        ("eu", ["EU-edunvalvonta"], "EU"),
        ("zzz", ["yhteistyö"], "zzz"),  # not found: the token itself
    ],
)
def test_unfold_restores_the_letters_of_a_folded_token(token, forms, shown):
    assert unfold(token, forms) == shown
