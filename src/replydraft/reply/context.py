"""What a reply template sees: one plain dict per message, documented in docs/templates.md.

Pure. Customer-controlled strings (name, subject, excerpt, evidence) are values only;
amounts and dates arrive already formatted for the configured locale, so a template
never has to format anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from replydraft.config import Policy
from replydraft.detection.detector import Detection
from replydraft.message.extract import InboundEmail
from replydraft.reply.formatting import Formatter
from replydraft.reply.ledger import OverdueInvoice
from replydraft.reply.render import ordered, signal_template
from replydraft.reply.voice import Choice, History

__all__ = ["ReplyInputs", "excerpt", "first_name", "reply_context"]

EXCERPT_CHARS = 300


@dataclass(frozen=True)
class ReplyInputs:
    """Everything about one message that a reply may mention, besides the message itself."""

    email: InboundEmail
    detection: Detection
    policy: Policy
    incident_id: str
    now: datetime
    overdue: tuple[OverdueInvoice, ...] = ()
    history: History = field(default_factory=History)
    choice: Choice = field(default_factory=Choice)
    recipient: str = ""                 # the address the draft goes to (default: the sender's)


def reply_context(inputs: ReplyInputs) -> dict[str, Any]:
    """The template context for one reply."""
    email, policy, choice = inputs.email, inputs.policy, inputs.choice
    fmt = Formatter(policy.locale, policy.currency)
    signals = ordered(inputs.detection.signals)
    history = inputs.history
    return {
        "customer": {
            "name": email.from_name,
            "first_name": first_name(email.from_name),
            "email": inputs.recipient or email.from_addr,
            "domain": (inputs.recipient or email.from_addr).rpartition("@")[2],
            "tier": choice.tier,
        },
        "message": {
            "subject": email.subject,
            "date": fmt.date(email.date),
            "excerpt": excerpt(email.new_text),
        },
        "signals": [
            {"name": s.name, "score": round(s.score, 2), "evidence": [e.phrase for e in s.evidence],
             "template": choice.templates.get(s.name) or signal_template(s.name)}
            for s in signals
        ],
        "signal_names": [s.name for s in signals],
        "policy": {
            "company": policy.company,
            "sender_name": policy.sender_name,
            "signature": policy.signature,
            "phone": policy.phone,
            "escalation_contact": policy.escalation_contact,
            "terms_url": policy.terms_url,
            "payment_link": policy.payment_link,
            "business_hours": policy.business_hours,
            "scope_included": list(policy.scope.included),
            "scope_excluded": list(policy.scope.excluded),
        },
        **_invoices(inputs.overdue, fmt),
        "history": {
            "incidents_30d": history.within(30, inputs.now),
            "incidents_90d": history.within(90, inputs.now),
            "last_date": fmt.date(history.last),
            "repeat_offender": choice.repeat_offender,
        },
        "tone": choice.tone,
        "today": fmt.date(inputs.now),
        "incident_id": inputs.incident_id,
    }


def _invoices(overdue: tuple[OverdueInvoice, ...], fmt: Formatter) -> dict[str, Any]:
    currencies = {o.invoice.currency or fmt.currency for o in overdue}
    total = sum((o.invoice.amount for o in overdue), Decimal(0))
    return {
        "invoices": [
            {"number": o.invoice.number, "amount": fmt.money(o.invoice.amount, o.invoice.currency),
             "currency": o.invoice.currency or fmt.currency, "due_date": fmt.date(o.invoice.due_date),
             "days_overdue": o.days_overdue}
            for o in overdue
        ],
        # One total only when every invoice is in the same currency.
        "invoices_total": fmt.money(total, currencies.pop()) if len(currencies) == 1 else "",
    }


_SPACE = re.compile(r"\s+")


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of the customer's new text on one line, cut at a word with an ellipsis."""
    flat = _SPACE.sub(" ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] if " " in flat[:limit] else flat[:limit]
    return cut.rstrip(",;:") + "…"


def first_name(display_name: str) -> str:
    """"Jane" from "Jane Doe", "Doe, Jane" or "JANE DOE"; "" when it isn't a person's name."""
    name = display_name.strip().strip('"')
    if not name or "@" in name or any(ch.isdigit() for ch in name):
        return ""
    if "," in name:
        name = name.split(",", 1)[1].strip()
    first = name.split()[0] if name.split() else ""
    if not first.replace("-", "").replace("'", "").isalpha():
        return ""
    return first.title() if first.isupper() or first.islower() else first
