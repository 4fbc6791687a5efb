"""The leadership report read back from its files: the PDF's text (pypdf) in Finnish,
Swedish and English, the XLSX's sheets and totals, the stand-alone HTML."""

import io

import pytest
from openpyxl import load_workbook

from tests.portfolio import test_report_support as support
from verkosto.portfolio.report.assemble import report_assemble
from verkosto.portfolio.report.pdf import LocalStaticFetcher
from verkosto.portfolio.report.render import report_render

# The shared fixtures (tests/portfolio/test_report_support.py).
portfolio_case = support.portfolio_case
report_catalogue = support.report_catalogue
pdf_text = support.pdf_text

HEADINGS = {
    "fi": [
        "Johdon raportti: Testikaupunki 2025",
        "Jäsenyyssalkun yhteenveto",
        "Kustannukset ja hyöty",
        "Päällekkäisyydet ja aukot",
        "Suositukset ja päätökset",
        "Mittareiden kehitys",
    ],
    "sv": [
        "Rapport till ledningen: Teststad 2025",
        "Sammanfattning av portföljen",
        "Kostnad mot nytta",
        "Överlappningar och luckor",
        "Rekommendationer och beslut",
        "Indikatorernas utveckling",
    ],
    "en": [
        "Leadership report: Test City 2025",
        "Portfolio summary",
        "Cost against value",
        "Overlaps and gaps",
        "Recommendations and decisions",
        "Indicator trends",
    ],
}
# Money as each language writes it (fi/sv: the sign after, a no-break space in groups).
TOTAL = {"fi": "20 000 €", "sv": "20 000 €", "en": "€20,000"}
OUTCOME_VALUE = {"fi": "100 000 €", "sv": "100 000 €", "en": "€100,000"}
OUTCOME_DATE = {"fi": "5.5.2025", "sv": "2025-05-05", "en": "5 May 2025"}
GAP_THEME = {"fi": "Liikkuminen", "sv": "Mobilitet", "en": "Mobility"}


def _report(case, language):
    return report_assemble(
        workspace=case["workspace"], organisation=case["city"], year=2025, language=language
    )


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_pdf_holds_every_section_and_the_figures_in_its_language(
    portfolio_case, report_catalogue, language
):
    rendered = report_render(_report(portfolio_case, language), "pdf")
    assert rendered.content.startswith(b"%PDF")
    assert rendered.file_name == "testikaupunki-2025-fi.pdf".replace("fi", language).replace(
        "testikaupunki", {"fi": "testikaupunki", "sv": "teststad", "en": "test-city"}[language]
    )
    text = _flat(pdf_text(rendered.content))
    for heading in HEADINGS[language]:
        assert heading in text, heading
    assert TOTAL[language] in text
    assert OUTCOME_VALUE[language] in text
    assert OUTCOME_DATE[language] in text
    assert GAP_THEME[language] in text  # the mobility goal no membership serves
    assert "Ei palvele strategiaa." in text  # the recorded drop decision's rationale
    if language != "en":
        assert "Portfolio summary" not in text


@pytest.mark.django_db
def test_report_data_knows_overlaps_gaps_idle_and_decisions(portfolio_case):
    report = _report(portfolio_case, "en")
    assert report.total_cost == 20_000
    assert report.year_costs == {"fee": 15_000, "staff": 5_000, "travel": 0, "other": 0}
    assert report.cost_history[2024]["travel"] == 2_000
    overlapping = {m.network: [n for n, _shared in m.overlaps] for m in report.overlapping}
    assert overlapping == {
        "Energiaverkosto": ["Ilmastoverkosto"],
        "Ilmastoverkosto": ["Energiaverkosto"],
    }
    assert [g.theme for g in report.gaps] == ["Mobility"]
    assert report.idle == ["Kulttuuriverkosto"]
    assert [(d.network, d.decision_label) for d in report.decisions] == [
        ("Kulttuuriverkosto", "Drop")
    ]
    culture = next(m for m in report.memberships if m.network == "Kulttuuriverkosto")
    assert culture.decision == "drop" and culture.reasons
    (indicator,) = report.indicators
    assert indicator.name == "Emissions" and indicator.latest == 70 and indicator.on_track is False


@pytest.mark.django_db
def test_report_reads_a_fixed_number_of_queries(portfolio_case, django_assert_max_num_queries):
    with django_assert_max_num_queries(25):
        _report(portfolio_case, "fi")


@pytest.mark.django_db
def test_xlsx_has_a_sheet_per_table_with_headers_formats_and_totals(
    portfolio_case, report_catalogue
):
    rendered = report_render(_report(portfolio_case, "fi"), "xlsx")
    book = load_workbook(io.BytesIO(rendered.content))
    assert book.sheetnames == [
        "Jäsenyyssalkun yhteenveto",
        "Kustannukset vuosittain",
        "Jäsenyydet",
        "Päällekkäiset jäsenyydet",
        "Tavoiteteemat, joita mikään jäs",  # cut to Excel's 31 characters
        "Suositukset ja päätökset",
        "Mittareiden kehitys",
        "Tulokset",
    ]
    costs = book["Kustannukset vuosittain"]
    assert costs.freeze_panes == "A2"
    assert costs["A1"].value == "Vuosi" and costs["A1"].font.bold
    by_year = {row[0]: row for row in costs.iter_rows(min_row=2, values_only=True)}
    assert sorted(by_year) == [2021, 2022, 2023, 2024, 2025]
    assert by_year[2025][-1] == 20_000  # the total column
    assert "€" in costs.cell(row=2, column=6).number_format
    memberships = list(book["Jäsenyydet"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in memberships] == [
        "Energiaverkosto",
        "Ilmastoverkosto",
        "Kulttuuriverkosto",
    ]
    decisions = list(book["Suositukset ja päätökset"].iter_rows(min_row=2, values_only=True))
    assert decisions[0][0] == "Kulttuuriverkosto" and decisions[0][4] == "Ei palvele strategiaa."
    assert book["Tulokset"].cell(row=2, column=1).number_format == "d.m.yyyy"


@pytest.mark.django_db
def test_html_file_stands_alone(portfolio_case, report_catalogue):
    html = report_render(_report(portfolio_case, "sv"), "html").content.decode()
    assert "<style>" in html and "verkosto-static" not in html  # the stylesheet is inlined
    assert "<svg" in html and "Sammanfattning av portföljen" in html


def test_pdf_fetcher_serves_only_local_static_files():
    fetcher = LocalStaticFetcher()
    response = fetcher.fetch("verkosto-static:///portfolio/report.css")
    assert b"@page" in response.read()
    for address in (
        "https://example.org/tracker.png",
        "file:///etc/passwd",
        "verkosto-static:///../settings.py",
        "verkosto-static:///nothing-here.css",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(address)
