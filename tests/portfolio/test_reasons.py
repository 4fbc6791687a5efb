"""Reasons become sentences, with money written the way each language writes it."""

from decimal import Decimal

import pytest
from django.utils import translation

from verkosto.portfolio.money import NBSP, format_money
from verkosto.portfolio.reasons import Labels, join_names, render_reasons

EXAMPLE = [
    {"code": "cost", "params": {"amount": "38000.00", "currency": "EUR"}},
    {"code": "no_outcome_since", "params": {"year": 2023}},
    {"code": "overlap", "params": {"networks": [1, 2], "more": 0, "share": 1.0}},
]


def test_the_issue_example_reads_as_one_english_sentence():
    with translation.override("en"):
        text = render_reasons(EXAMPLE, Labels(networks={1: "HINKU", 2: "FISU"}))
    assert text == (
        "Costs €38,000 a year, no outcome recorded since 2023, its themes are also covered "
        "by HINKU and FISU, which you belong to"
    )


def test_names_beyond_three_are_counted_and_partial_overlap_says_some():
    with translation.override("en"):
        assert join_names(["A", "B", "C"], more=2) == "A, B, C and 2 others"
        text = render_reasons(
            [{"code": "overlap", "params": {"networks": [1], "more": 0, "share": 0.5}}],
            Labels(networks={1: "MAL"}),
        )
        fit = render_reasons(
            [{"code": "fit", "params": {"themes": [7, 8]}}],
            Labels(themes={7: "Urban policy", 8: "EU affairs"}),
        )
    assert text == "Some of its themes are also covered by MAL, which you belong to"
    assert fit == "Serves your goals on urban policy and EU affairs"


@pytest.mark.parametrize(
    ("amount", "currency", "lang", "expected"),
    [
        (Decimal("38000"), "EUR", "fi", f"38{NBSP}000{NBSP}€"),
        (Decimal("38000"), "EUR", "sv", f"38{NBSP}000{NBSP}€"),
        (Decimal("38000"), "EUR", "en", "€38,000"),
        (Decimal("1234567.5"), "SEK", "sv", f"1{NBSP}234{NBSP}568{NBSP}kr"),
        (Decimal("1234567.5"), "SEK", "en", f"SEK{NBSP}1,234,568"),
        (Decimal("950"), "EUR", "fi", f"950{NBSP}€"),
        (Decimal("0"), "EUR", "en", "€0"),
        (Decimal("-1500"), "EUR", "en", "-€1,500"),
    ],
)
def test_money_per_language(amount, currency, lang, expected):
    assert format_money(amount, currency, lang) == expected


def test_money_with_decimals():
    assert format_money(Decimal("12.5"), "EUR", "fi", decimals=2) == f"12,50{NBSP}€"
    assert format_money(Decimal("12.5"), "EUR", "en", decimals=2) == "€12.50"
