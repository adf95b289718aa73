"""One message end to end, without I/O: raw bytes -> detection -> rendered draft.

The daemon, ``preview`` and ``demo`` all call ``triage``; the shells around it only
fetch, append and record.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from replydraft.config import Policy
from replydraft.detect import Detection, DetectorSettings, Evidence, Signal, detect
from replydraft.draft import Draft, build_draft, draft_message_id
from replydraft.extract import InboundEmail, parse
from replydraft.ledger import Invoice, OverdueInvoice, overdue_for
from replydraft.render import Renderer, ordered

__all__ = ["Context", "Outcome", "triage", "source_key", "first_name"]


@dataclass(frozen=True)
class Context:
    account: str
    from_address: str
    policy: Policy
    detector: DetectorSettings
    renderer: Renderer
    now: datetime
    invoices: tuple[Invoice, ...] = ()   # open invoices from the ledger
    grace_days: int = 0

    @property
    def domain(self) -> str:
        return self.from_address.rpartition("@")[2].strip(" >").lower()


@dataclass(frozen=True)
class Outcome:
    email: InboundEmail
    detection: Detection
    source_key: str          # stable identity of the source message across folders and UIDVALIDITY
    incident_id: str         # deterministic, so a retry finds the same draft
    draft: Draft | None      # None when nothing escalated


def source_key(raw: bytes, parsed: InboundEmail) -> str:
    """sha256 of the Message-ID; without one, of the whole header block (never From|Subject|Date)."""
    if parsed.message_id:
        basis = parsed.message_id.strip().lower().encode()
    else:
        basis = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    return hashlib.sha256(basis).hexdigest()


def triage(raw: bytes, ctx: Context) -> Outcome:
    email = parse(raw)
    if email.from_addr.endswith("@" + ctx.domain):
        detection = Detection((), (), skipped=f"sent from our own domain {ctx.domain}")
    else:
        detection = detect(email, ctx.detector)
    overdue = overdue_for(email.from_addr, ctx.invoices, ctx.now.date(), ctx.grace_days) if email.from_addr else []
    if overdue and detection.skipped is None and "overdue_payment" not in ctx.detector.disabled:
        detection = with_ledger_evidence(detection, overdue)
    key = source_key(raw, email)
    draft_key = hashlib.sha256(f"{ctx.account}\0{key}".encode()).hexdigest()[:24]
    incident_id = f"RD-{draft_key[:10]}"
    draft = None
    if detection.escalated:
        body = ctx.renderer.render_reply(reply_context(email, detection, ctx.policy, incident_id, overdue))
        draft = build_draft(
            email, body,
            from_address=ctx.from_address,
            message_id=draft_message_id(draft_key, ctx.domain),
            incident_id=incident_id,
            signals=detection.names,
            now=ctx.now,
        )
    return Outcome(email, detection, key, incident_id, draft)


def with_ledger_evidence(detection: Detection, overdue: list[OverdueInvoice]) -> Detection:
    """The sender owes money past due: ``overdue_payment`` at full score, the invoices as evidence."""
    evidence = tuple(
        Evidence(f"invoice {o.invoice.number}: {money(o.invoice.amount, o.invoice.currency)}, "
                 f"{o.days_overdue} days overdue", 0, 0, "ledger")
        for o in overdue)
    from_text = [s for s in (*detection.signals, *detection.near_misses) if s.name == "overdue_payment"]
    merged = Signal("overdue_payment", 1.0, evidence + (from_text[0].evidence if from_text else ()))
    signals = tuple(s for s in detection.signals if s.name != "overdue_payment") + (merged,)
    near = tuple(s for s in detection.near_misses if s.name != "overdue_payment")
    return Detection(signals, near, detection.skipped)


def money(amount: Decimal, currency: str) -> str:
    return f"{amount:,.2f} {currency}".strip()


def reply_context(email: InboundEmail, detection: Detection, policy: Policy, incident_id: str,
                  overdue: list[OverdueInvoice] | None = None) -> dict[str, Any]:
    """What templates see (documented in docs/templates.md). Customer strings are data only."""
    signals = ordered(detection.signals)
    overdue = overdue or []
    currencies = {o.invoice.currency for o in overdue}
    return {
        "customer": {
            "name": email.from_name,
            "first_name": first_name(email.from_name),
            "email": email.reply_address,
            "domain": email.reply_address.rpartition("@")[2],
        },
        "message": {
            "subject": email.subject,
            "date": email.date.strftime("%d %B %Y") if email.date else "",
        },
        "signals": [
            {"name": s.name, "score": round(s.score, 2), "evidence": [e.phrase for e in s.evidence]}
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
        },
        "invoices": [
            {"number": o.invoice.number, "amount": money(o.invoice.amount, o.invoice.currency),
             "due_date": o.invoice.due_date.strftime("%d %B %Y"), "days_overdue": o.days_overdue}
            for o in overdue
        ],
        # One total only when every invoice is in the same currency.
        "invoices_total": money(sum((o.invoice.amount for o in overdue), Decimal(0)), currencies.pop())
        if len(currencies) == 1 else "",
        "incident_id": incident_id,
    }


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
