"""The accounts-receivable ledger: who owes what, and since when.

Pure: ``parse_ledger`` takes the CSV *text* (exported from an accounting tool) and
``overdue_for`` takes a sender and a date. A sender with an invoice past its due date
plus the grace period is an overdue payer, whatever the message says.

Columns (header names are matched case-insensitively, common export names accepted):
customer (an e-mail address, or ``@domain`` for every address of a company), invoice,
amount, currency, due_date; optionally status (rows marked paid are ignored).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from replydraft.errors import ConfigError

__all__ = ["COLUMNS", "Invoice", "OverdueInvoice", "overdue_for", "parse_ledger"]

# Our column -> the header names accepted for it (after lower-casing and trimming).
COLUMNS: dict[str, tuple[str, ...]] = {
    "customer": ("customer", "email", "customer email", "customer_email", "client email", "contact email",
                 "e-mail", "domain", "customer domain"),
    "invoice": ("invoice", "invoice number", "invoice_number", "invoice no", "invoice #", "number", "invoice id",
                "document number"),
    "amount": ("amount", "amount due", "amount_due", "balance", "balance due", "open amount", "outstanding",
               "total"),
    "currency": ("currency", "currency code", "ccy"),
    "due_date": ("due_date", "due date", "due", "date due", "payment due"),
    "status": ("status", "state", "payment status"),
}
REQUIRED = ("customer", "invoice", "amount", "due_date")
PAID = {"paid", "closed", "void", "voided", "settled", "written off", "cancelled", "canceled"}
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y")


@dataclass(frozen=True, slots=True)
class Invoice:
    customer: str          # "jane@client.example" or "@client.example"
    number: str
    amount: Decimal
    currency: str
    due_date: date


@dataclass(frozen=True, slots=True)
class OverdueInvoice:
    invoice: Invoice
    days_overdue: int


def parse_ledger(text: str, *, source: str = "ledger", date_format: str | None = None) -> list[Invoice]:
    """Open invoices from CSV text; a ConfigError names the file, line and problem."""
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(rows, None)
    if header is None:
        return []
    index = _columns(header, source)
    invoices: list[Invoice] = []
    problems: list[str] = []
    for line_no, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        cell = {name: (row[i].strip() if i < len(row) else "") for name, i in index.items()}
        if cell.get("status", "").lower() in PAID:
            continue
        try:
            invoice = _invoice(cell, date_format)
        except ValueError as exc:
            problems.append(f"{source}:{line_no}: {exc}")
            continue
        if invoice.amount > 0:
            invoices.append(invoice)
    if problems:
        raise ConfigError("the ledger has rows replydraft can't read:\n" + "\n".join(f"  - {p}" for p in problems[:20]))
    return invoices


def _columns(header: list[str], source: str) -> dict[str, int]:
    names = [h.strip().lower() for h in header]
    index: dict[str, int] = {}
    for ours, accepted in COLUMNS.items():
        for i, name in enumerate(names):
            if name in accepted:
                index[ours] = i
                break
    missing = [c for c in REQUIRED if c not in index]
    if missing:
        raise ConfigError(f"{source}:1: the ledger needs the columns {', '.join(REQUIRED)} "
                          f"(missing: {', '.join(missing)}; found: {', '.join(header)}).")
    return index


_AMOUNT_JUNK = re.compile(r"[^\d,.\-]")


def _invoice(cell: dict[str, str], date_format: str | None) -> Invoice:
    customer = cell["customer"].lower()
    if "@" not in customer:
        raise ValueError(f"customer {cell['customer']!r} is neither an e-mail address nor @domain")
    if not cell["invoice"]:
        raise ValueError("the invoice number is empty")
    currency = cell.get("currency", "").upper()
    raw_amount = cell["amount"]
    symbols = {"$": "USD", "€": "EUR", "£": "GBP"}
    for symbol, code in symbols.items():
        if symbol in raw_amount and not currency:
            currency = code
    return Invoice(customer, cell["invoice"], _amount(raw_amount), currency, _date(cell["due_date"], date_format))


def _amount(text: str) -> Decimal:
    cleaned = _AMOUNT_JUNK.sub("", text)
    if "," in cleaned and "." in cleaned:          # 1,234.50 or 1.234,50
        cleaned = cleaned.replace(",", "") if cleaned.rfind(".") > cleaned.rfind(",") else \
            cleaned.replace(".", "").replace(",", ".")
    elif "," in cleaned:                           # 1234,50 (decimal comma) or 1,234 (thousands)
        head, _, tail = cleaned.rpartition(",")
        cleaned = f"{head}.{tail}" if len(tail) != 3 else head + tail
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"amount {text!r} is not a number") from None


def _date(text: str, date_format: str | None) -> date:
    for fmt in (date_format,) if date_format else DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    expected = date_format or "YYYY-MM-DD"
    raise ValueError(f"due date {text!r} is not a date like {expected} (set [ledger] date_format)")


def overdue_for(address: str, invoices: list[Invoice] | tuple[Invoice, ...], today: date,
                grace_days: int = 0) -> list[OverdueInvoice]:
    """The sender's invoices past due + grace, oldest first (by address, or by @domain)."""
    address = address.lower()
    domain = "@" + address.rpartition("@")[2] if "@" in address else None
    found = []
    for invoice in invoices:
        if invoice.customer != address and invoice.customer != domain:
            continue
        days = (today - invoice.due_date).days
        if days > grace_days:
            found.append(OverdueInvoice(invoice, days))
    return sorted(found, key=lambda o: (o.invoice.due_date, o.invoice.number))
