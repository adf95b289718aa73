"""The receivables ledger: common CSV exports in, overdue invoices out."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from replydraft.config import parse
from replydraft.detection.detector import Detector
from replydraft.errors import ConfigError
from replydraft.pipeline import Context, triage
from replydraft.reply.ledger import overdue_for, parse_ledger
from replydraft.reply.render import Renderer

LEDGER = """customer,invoice,amount,currency,due_date,status
jane@client.example,INV-1,1250.00,EUR,2026-09-30,open
jane@client.example,INV-2,80,EUR,2026-11-20,open
jane@client.example,INV-0,99,EUR,2026-01-01,paid
@bigcorp.example,INV-3,"1,500.50",USD,2026-10-15,
"""
TODAY = date(2026, 11, 22)


def test_overdue_by_address_and_by_domain() -> None:
    invoices = parse_ledger(LEDGER)
    assert [i.number for i in invoices] == ["INV-1", "INV-2", "INV-3"]     # paid rows are ignored
    jane = overdue_for("Jane@Client.example", invoices, TODAY)
    assert [(o.invoice.number, o.days_overdue) for o in jane] == [("INV-1", 53), ("INV-2", 2)]
    assert [o.invoice.number for o in overdue_for("jane@client.example", invoices, TODAY, grace_days=5)] == ["INV-1"]
    (big,) = overdue_for("cfo@bigcorp.example", invoices, TODAY)
    assert big.invoice.amount == Decimal("1500.50") and big.invoice.currency == "USD"
    assert overdue_for("someone@else.example", invoices, TODAY) == []


def test_common_export_headers_and_formats() -> None:
    text = "Email,Invoice Number,Amount Due,Due Date\nbob@x.example,7,\"€1.234,50\",30 Sep 2026\n"
    (invoice,) = parse_ledger(text)
    assert invoice.amount == Decimal("1234.50") and invoice.currency == "EUR"
    assert invoice.due_date == date(2026, 9, 30)


def test_errors_name_the_line() -> None:
    with pytest.raises(ConfigError, match=r"receivables.csv:1: .*missing: due_date"):
        parse_ledger("customer,invoice,amount\n", source="receivables.csv")
    with pytest.raises(ConfigError, match=r"r.csv:3: due date '31/09/2026'"):
        parse_ledger("customer,invoice,amount,due_date\na@b.example,1,5,2026-01-01\na@b.example,2,5,31/09/2026\n",
                     source="r.csv")
    with pytest.raises(ConfigError, match=r"r.csv:2: customer 'bob'"):
        parse_ledger("customer,invoice,amount,due_date\nbob,1,5,2026-01-01\n", source="r.csv")


def ledger_context(**policy: str) -> Context:
    config = parse({"policy": {"company": "Acme", **policy}})
    return Context(account="a", from_address="Acme <s@acme.test>", policy=config.policy,
                   detector=Detector(config.detector),
                   renderer=Renderer.create(), now=datetime(2026, 11, 22, 9, tzinfo=UTC),
                   invoices=tuple(parse_ledger(LEDGER)))


def test_an_overdue_sender_gets_the_invoices_in_the_reply() -> None:
    ctx = ledger_context()
    raw = (b"From: Jane Roe <jane@client.example>\r\nSubject: next steps\r\nMessage-ID: <j1@client.example>\r\n\r\n"
           b"Hi, can you send me the draft of the new flyer this week? Thanks!\r\n")
    outcome = triage(raw, ctx)
    (signal,) = [s for s in outcome.detection.signals if s.name == "overdue_payment"]
    assert signal.score == 1.0
    assert signal.evidence[0].phrase == "invoice INV-1: €1,250.00, 53 days overdue"
    assert outcome.draft is not None
    body = outcome.draft.body
    assert "2 open invoices past due" in body and "INV-1: €1,250.00, due September 30, 2026" in body
    assert "€1,330.00 in total" in body


def test_ledger_facts_go_only_to_the_ledgers_customer() -> None:
    """The ledger is matched on From; a draft to a Reply-To elsewhere must not list the invoices."""
    raw = (b"From: Jane Roe <jane@client.example>\r\nReply-To: <pay@evil.example>\r\nSubject: bank details\r\n"
           b"Message-ID: <j2@client.example>\r\n\r\nHi, can you send me the draft of the new flyer this week?\r\n")
    outcome = triage(raw, ledger_context(reply_to="reply-to"))
    assert outcome.draft is None and "overdue_payment" not in outcome.detection.names   # nothing else to say
    default = triage(raw, ledger_context())
    assert default.draft is not None and default.draft.recipient == "jane@client.example"
    assert "INV-1" in default.draft.body
