"""Template filters for the portfolio pages: money and scores in the reader's language."""

from decimal import Decimal

from django import template
from django.utils.translation import get_language

from verkosto.portfolio.money import format_money, format_number

register = template.Library()


def _lang() -> str:
    return (get_language() or "fi").split("-")[0]


@register.filter
def money(amount: Decimal | float | int | None, currency: str = "EUR") -> str:
    """``{{ amount|money:currency }}`` → 38 000 € / €38,000; empty for no amount."""
    if amount is None or amount == "":
        return ""
    return format_money(amount, currency or "EUR", _lang())


@register.filter
def number(amount: Decimal | float | int | None, decimals: int = 0) -> str:
    if amount is None or amount == "":
        return ""
    return format_number(amount, _lang(), int(decimals))


@register.filter
def percent(value: float | None) -> str:
    """A criterion (0–1) as a whole percentage; a dash when unknown."""
    if value is None:
        return "–"
    return str(round(value * 100))


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key) if mapping else None
