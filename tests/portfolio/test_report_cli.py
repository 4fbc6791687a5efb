"""``verkosto report``: the organisation found by name or code, clear errors otherwise,
and the PDF of the demo data in Finnish."""

import io

import pytest
from django.core.management import CommandError, call_command

from tests.factories import WorkspaceFactory
from tests.portfolio import test_report_support as support
from verkosto.accounts.permissions import SYSTEM
from verkosto.registry.demo.load import demo_load
from verkosto.registry.services.organisations import organisation_create

# The shared fixtures (tests/portfolio/test_report_support.py).
portfolio_case = support.portfolio_case
report_catalogue = support.report_catalogue
pdf_text = support.pdf_text

FINNISH_SECTIONS = (
    "Jäsenyyssalkun yhteenveto",
    "Kustannukset ja hyöty",
    "Päällekkäisyydet ja aukot",
    "Suositukset ja päätökset",
    "Mittareiden kehitys",
)


def _report(*args: str) -> str:
    err = io.StringIO()
    call_command("report", *args, stderr=err)
    return err.getvalue()


@pytest.mark.django_db
def test_cli_finds_the_organisation_by_code_or_swedish_name(portfolio_case, tmp_path):
    out = tmp_path / "r.xlsx"
    log = _report(
        "--org", "999", "--year", "2025", "--lang", "en", "--format", "xlsx", "-o", str(out)
    )
    assert out.read_bytes()[:2] == b"PK" and "3 memberships" in log
    _report(
        "--org", "teststad", "--year", "2025", "--format", "html", "-o", str(tmp_path / "r.html")
    )
    assert "Ilmastoverkosto" in (tmp_path / "r.html").read_text()


@pytest.mark.django_db
def test_cli_says_when_the_organisation_is_unknown_ambiguous_or_has_no_workspace(
    portfolio_case, source
):
    with pytest.raises(CommandError, match="no organisation is called 'Atlantis'"):
        _report("--org", "Atlantis", "--year", "2025")
    for suffix in ("A", "B"):
        twin = organisation_create(
            actor=SYSTEM,
            source=source,
            kind="municipality",
            names={"name_fi": f"Kaksoisniemi {suffix}"},
            country="FI",
        )
        WorkspaceFactory(organisation=twin)
    with pytest.raises(
        CommandError, match="'Kaksoisniemi' is ambiguous: it matches Kaksoisniemi A"
    ):
        _report("--org", "Kaksoisniemi", "--year", "2025")
    organisation_create(
        actor=SYSTEM,
        source=source,
        kind="network",
        names={"name_fi": "Tyhjä verkosto"},
        country="FI",
    )
    with pytest.raises(CommandError, match="has no workspace"):
        _report("--org", "Tyhjä verkosto", "--year", "2025")


@pytest.mark.django_db
def test_cli_on_the_demo_makes_helsinkis_report_in_finnish(tmp_path, report_catalogue):
    demo_load(stdout=io.StringIO())
    out = tmp_path / "r.pdf"
    _report(
        "--org", "Helsinki", "--year", "2025", "--lang", "fi", "--format", "pdf", "-o", str(out)
    )
    text = " ".join(pdf_text(out.read_bytes()).replace("\u00a0", " ").split())
    assert "Johdon raportti: Helsinki 2025" in text
    for section in FINNISH_SECTIONS:
        assert section in text, section
    assert "Eurocities" in text and "€" in text
    assert "Sisältää esimerkkilukuja" in text  # the demo's figures are labelled as samples
