"""Money in the reader's language, without Django: 38 000 € (fi, sv), €38,000 (en).

Finnish and Swedish put the sign after the number and group thousands with a no-break
space (SFS 4175, Språkrådet); English puts a euro sign before and groups with commas.
"""

from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"
SYMBOLS = {"EUR": "€", "SEK": "kr", "NOK": "kr", "DKK": "kr", "USD": "$", "GBP": "£"}
PREFIX_EN = {"EUR", "USD", "GBP"}


def _group(digits: str, sep: str) -> str:
    head, rest = digits[: len(digits) % 3 or 3], digits[len(digits) % 3 or 3 :]
    return sep.join([head, *(rest[i : i + 3] for i in range(0, len(rest), 3))])


def format_number(amount: Decimal | float | int, lang: str, decimals: int = 0) -> str:
    value = Decimal(str(amount)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):.{decimals}f}".partition(".")
    if lang == "en":
        text = _group(whole, ",") + (f".{frac}" if frac else "")
    else:
        text = _group(whole, NBSP) + (f",{frac}" if frac else "")
    return sign + text


def format_money(
    amount: Decimal | float | int, currency: str = "EUR", lang: str = "fi", decimals: int = 0
) -> str:
    """``amount`` in ``currency`` as written in ``lang`` (whole units unless ``decimals``)."""
    number = format_number(amount, lang, decimals)
    symbol = SYMBOLS.get(currency, currency)
    if lang == "en":
        sign, digits = ("-", number[1:]) if number.startswith("-") else ("", number)
        if currency in PREFIX_EN:
            return f"{sign}{symbol}{digits}"
        return f"{sign}{currency}{NBSP}{digits}"
    return f"{number}{NBSP}{symbol}"
