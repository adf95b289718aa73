"""Amounts, dates and counted words for the configured locale, for the reply templates.

Pure. Babel carries the CLDR data (``1.250,50 €`` in de_DE, ``€1,250.50`` in en_IE,
``30 septembre 2026`` in fr_FR), which no hand-written table gets right for long.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import UnknownCurrencyError, format_currency, format_decimal, get_currency_name

__all__ = ["Formatter", "check_currency", "check_locale", "plural"]


def check_locale(value: str) -> str:
    """``value`` if Babel knows the locale (``en_GB``, ``de-DE``); ValueError otherwise."""
    try:
        Locale.parse(value.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise ValueError(f'unknown locale {value!r}; use a code such as "en_US", "en_GB", "de_DE" or "fr_FR"') \
            from None
    return value.replace("-", "_")


def check_currency(value: str) -> str:
    """An ISO 4217 code in capitals (``EUR``); ValueError otherwise."""
    code = value.strip().upper()
    try:
        get_currency_name(code, locale="en")
    except UnknownCurrencyError:
        code = ""
    if len(code) != 3 or not code.isalpha():
        raise ValueError(f'unknown currency {value!r}; use an ISO 4217 code such as "EUR", "USD" or "GBP"')
    return code


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``"1 invoice"``, ``"2 invoices"``; pass the plural when it isn't singular + "s"."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


@dataclass(frozen=True, slots=True)
class Formatter:
    locale: str = "en_US"
    currency: str = "USD"      # for amounts whose ledger row names no currency

    def money(self, amount: Decimal | int | float, currency: str = "") -> str:
        code = currency or self.currency
        try:
            return format_currency(Decimal(str(amount)), code, locale=self.locale)
        except UnknownCurrencyError:       # a ledger code Babel doesn't know: still readable
            return f"{format_decimal(Decimal(str(amount)), format='#,##0.00', locale=self.locale)} {code}"

    def date(self, value: date | datetime | None) -> str:
        if value is None:
            return ""
        return format_date(value.date() if isinstance(value, datetime) else value, "long", locale=self.locale)
