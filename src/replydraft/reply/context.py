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
from replydraft.detection.detector import SCOPE_RULE, Detection
from replydraft.message.extract import InboundEmail
from replydraft.reply.formatting import Formatter
from replydraft.reply.ledger import OverdueInvoice
from replydraft.reply.reading import Reading
from replydraft.reply.render import join_and, ordered, signal_template
from replydraft.reply.topic import topic
from replydraft.reply.voice import Choice, History

__all__ = ["CASES", "ReplyInputs", "excerpt", "first_name", "reply_context", "signal_cases"]

EXCERPT_CHARS = 300
SHORT_WORDS = 40          # a message of at most this many words gets the short form of a reply
LONG_WORDS = 50           # a message this long may be easier to settle on the phone
# The cases of each signal, the first being the default; a signal's block renders
# signals/<signal>/<case>.txt.j2 (see docs/templates.md).
CASES: dict[str, tuple[str, ...]] = {
    "legal_threat": ("litigation", "chargeback", "regulator", "data_protection"),
    "abusive_language": ("staff", "situation"),
    "overdue_payment": ("withholding", "ledger"),
    "out_of_scope_demand": ("extra_work", "dispute"),
    "review_threat": ("pending", "done"),
    "ultimatum": ("deadline", "leaving"),
}


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
    reading: Reading = field(default_factory=Reading)   # what the customer asked, the facts, the case


def reply_context(inputs: ReplyInputs) -> dict[str, Any]:
    """The template context for one reply."""
    email, policy, choice = inputs.email, inputs.policy, inputs.choice
    fmt = Formatter(policy.locale, policy.currency)
    signals = ordered(inputs.detection.signals)
    history = inputs.history
    reading = inputs.reading
    cases = signal_cases(inputs.detection, reading, inputs.overdue)
    verified = _verified(inputs)
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
             "template": choice.templates.get(s.name) or signal_template(s.name), "case": cases[s.name]}
            for s in signals
        ],
        "cases": {name: cases.get(name, "") for name in CASES},   # every signal, "" when not raised
        "reading": _reading(reading, email.subject),
        "verified": verified,
        "offer_call": _offer_call(policy, reading, cases),
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
            "response_time": policy.response_time,
            "data_request_time": policy.data_request_time,
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


def signal_cases(detection: Detection, reading: Reading, overdue: tuple[OverdueInvoice, ...] = ()) -> dict[str, str]:
    """Which case of each detected signal the reply answers, from the reading (``CASES``)."""
    scope_match = _scope_checked(detection)
    return {s.name: _case(s.name, reading, bool(overdue), scope_match, [f"{e.rule} {e.phrase}" for e in s.evidence])
            for s in detection.signals}


# An ultimatum whose words are about going ("never again", "switching to Delta", "you've lost a
# customer") is churn, not a deadline, even when the reading found no churn phrase of its own.
_CHURN_WORDS = re.compile(r"\b(?:never\w*|again|switch\w*|leav\w*|cancel\w*|elsewhere|another|lost|goodbye|bye"
                          r"|mov(?:e|ed|ing)|taking|sticking|hello|former|renew\w*|return\w*|done|through|business"
                          r"|customer|competitors?|alternatives?)\b",
                          re.IGNORECASE)
# Built-in rules about going whose phrase may carry none of those words ("I'll try #Delta", "it'll be
# the last dollar you get from me").
_CHURN_RULES = re.compile(r"ult\.(?:try_|booking_named|back_on_named|take_custom_to|next_elsewhere|new_provider"
                          r"|last_dollar|loyal_no_more|spending_no_more|reviewing_options|started_evaluating"
                          r"|cant_continue|my_last_order|reconsider|sticking_to|lose_my_business|your_loss"
                          r"|we_are_through|nor_will_i|not_in_future|wont_|closing_accounts|hashtag_never|find_"
                          r"|moved_off|consider_closed|looking_|buy_elsewhere|leaving_you|decided_|not_paying_anymore)")


# What the detector's legal evidence (rule id and phrase) names when the reading found no legal step
# of its own ("gonna do the refund thing on PayPal", "legal.disputed_by_bank"): the holding reply meant
# for a lawsuit would stonewall a card dispute or a complaint to a regulator.
_EVIDENCE_KINDS = (("chargeback", re.compile(r"dispute|bank|chargeback|paypal|stripe|alipay|card|provider", re.I)),
                   ("regulator", re.compile(r"regulat|authorit|ombudsman|commission|consumer|complaint_under|\bdot\b"
                                            r"|\bftc\b", re.I)))


# Rules whose words claim a defect: the work should be redone at the company's cost, or a remedy refused.
_DISPUTE_RULES = re.compile(r"scope\.(?:should_be_on_you|not_paying_twice|refund_not_offer)\b")


def _case(signal: str, reading: Reading, ledger_match: bool, scope_match: bool, evidence: list[str]) -> str:
    """``evidence``: the signal's evidence, each "<rule id> <phrase>"."""
    if signal == "legal_threat":
        kinds = [f.kind for f in reading.legal]
        if "data_protection" in kinds and (reading.asked("delete_data") or reading.asked("export_data")):
            return "data_protection"       # a data request, even if the regulator is named too: answer the request
        named = (kind for kind, words in _EVIDENCE_KINDS if any(words.search(e) for e in evidence))
        return reading.legal_kind or next(named, "litigation")
    if signal == "abusive_language":
        return reading.anger.kind if reading.anger else "staff"
    if signal == "overdue_payment":
        return "ledger" if ledger_match else "withholding"
    if signal == "out_of_scope_demand":
        remedy = any(reading.asked(k) for k in ("compensation", "refund", "fix")) and not reading.asked("free_work")
        disputed = remedy or any(_DISPUTE_RULES.match(e) for e in evidence)
        return "dispute" if disputed and not scope_match else "extra_work"
    if signal == "review_threat":
        return reading.review.kind if reading.review else "pending"
    if signal == "ultimatum":
        churn = (reading.leaving or reading.asked("cancel")
                 or any(_CHURN_WORDS.search(p) or _CHURN_RULES.match(p) for p in evidence))
        return "leaving" if churn and not reading.deadline else "deadline"
    return CASES.get(signal, ("",))[0]


def _verified(inputs: ReplyInputs) -> dict[str, bool]:
    """What was checked, so a template states a fact only when it is true: the sender's
    invoices in the ledger, a demand for an item [policy.scope] excludes. Nothing looks up
    a customer's account, so ``account`` is always false (a template may not say it did)."""
    return {"ledger": bool(inputs.overdue), "scope": _scope_checked(inputs.detection), "account": False}


def _scope_checked(detection: Detection) -> bool:
    """The demand names an item [policy.scope] excludes (only out_of_scope_demand has such evidence)."""
    return any(e.rule == SCOPE_RULE for s in detection.signals for e in s.evidence)


_REFS = ("order", "invoice", "ticket", "account")     # the references a reply may name, "order 55120"


def _reading(reading: Reading, subject: str) -> dict[str, Any]:
    mentions = _mentions(reading, subject)
    return {
        **mentions,
        "asks": [a.kind for a in reading.asks],
        "facts": {kind: reading.values(kind) for kind in (*_REFS, "amount", "date")},
        "issue": reading.issue,
        "held_until": reading.held_until,
        "request": reading.request,
        "change": reading.change,
        "cancelling": reading.cancelling,
        "need": reading.need if reading.issue or mentions["topic"] or not _POINTING.match(reading.need) else "",
        "billed": {"bill": reading.billed[0], "quote": reading.billed[1]} if reading.billed else {},
        "paid": reading.paid,
        "money_back": reading.money_back,
        "refused": reading.refused,
        "contacts": reading.contacts,
        "anger": reading.anger.kind if reading.anger else "",
        "review": reading.review.kind if reading.review else "",
        "legal": [f.kind for f in reading.legal],
        "paypal": any(f.kind == "chargeback" and "paypal" in f.value for f in reading.legal),
        "leaving": reading.leaving is not None or reading.asked("cancel") or reading.asked("delete_data"),
        "moving": reading.leaving is not None and reading.leaving.evidence.rule in _MOVING,
        "deadline": reading.deadline.value if reading.deadline else "",
        "deadline_phrase": _deadline_phrase(reading),
        "words": reading.words,
        "short": reading.words <= SHORT_WORDS,
    }


def _mentions(reading: Reading, subject: str) -> dict[str, str]:
    """What a reply may name of the matter: the subject's topic and the references (order,
    invoice, ticket numbers and one amount; several amounts are a story, not the matter's)."""
    refs = [(value, f"{_ref_word(reading, kind, value)} {value}") for kind in _REFS for value in reading.values(kind)]
    amounts = reading.values("amount")
    amount = [(amounts[0], amounts[0])] if len(amounts) == 1 else []
    subject_topic = topic(subject)
    everything = join_and([label for _, label in refs + amount])
    if amount and not (subject_topic or refs):
        everything = f"the {everything}"          # the litigation reply: "your message about the $1,200"
    # "Thank you for writing about your sofa (order 88213)": what the complaint doesn't already say.
    # A lone amount goes only beside a topic or a reference it names ("your deposit (£950)"), never
    # alone ("writing about 300 USD").
    about = _untold(subject_topic, reading.issue)
    untold = [label for value, label in refs if value not in reading.issue]
    numbers = join_and(untold)                     # the references alone: "booking HX-20931"
    if about or untold:
        untold += [label for value, label in amount if value not in reading.issue]
    return {
        "topic": about,
        "refs": join_and(untold),
        "numbers": numbers,
        "about": _joined(about, join_and(untold)),
        "matter": _joined(subject_topic, everything),   # for a reply that restates nothing else
    }


_TICKET_WORDS = {"ticket", "case", "reference", "booking", "claim", "incident"}


def _ref_word(reading: Reading, kind: str, value: str) -> str:
    """The customer's own word for a reference: "booking HX-20931", "case 4471"; "ticket" else."""
    if kind != "ticket":
        return kind
    phrases = [f.evidence.phrase for f in reading.facts if f.kind == kind and f.value == value]
    word = phrases[0].split()[0].lower() if phrases else ""
    return word if word in _TICKET_WORDS else "reference" if word.startswith("ref") else kind


_MOVING = ("leaving.competitor", "leaving.moving_work", "leaving.elsewhere")   # going to someone else


def _joined(what: str, refs: str) -> str:
    """"your deposit (£950)", or whichever of the two there is."""
    return f"{what} ({refs})" if what and refs else what or refs


def _untold(subject_topic: str, issue: str) -> str:
    """The topic, unless the complaint already names it ("the app" and "the app logged you out")."""
    words = [w for w in subject_topic.lower().split() if w not in ("the", "your", "our")]
    return "" if words and all(w in issue.lower().split() for w in words) else subject_topic


_POINTING = re.compile(r"(?:it|them|this|that|those|these)\b")   # "them by Friday" needs something named before it
_DEADLINE_WORD = re.compile(r"(?:by|within|before|until|in|today|tonight|this|now)\b", re.IGNORECASE)


def _deadline_phrase(reading: Reading) -> str:
    """"by Friday", "within 48 hours": the deadline with its preposition, for "you need this ..."."""
    if reading.deadline is None:
        return ""
    value = reading.deadline.value.strip()
    if reading.deadline.evidence.rule == "deadline.within":
        return f"within {value}"
    return value if _DEADLINE_WORD.match(value) else f"by {value}"


def _offer_call(policy: Policy, reading: Reading, cases: dict[str, str]) -> bool:
    """A call where it helps: asked for, a long message, a customer who has written three times,
    a quality dispute or a complaint to a regulator (settled faster by talking), an overdue
    account they need back today, even in a short message (the phone settles it fastest); never
    after abuse aimed at people, to litigation or a data request (kept in writing), or to someone
    who asks to cancel (a churn threat may still be worth a call)."""
    if not policy.phone or cases.get("abusive_language") == "staff" or reading.asked("cancel"):
        return False
    if cases.get("legal_threat") in ("litigation", "data_protection"):
        return False
    urgent = reading.asked("call") or (cases.get("overdue_payment") == "ledger" and _today(reading))
    complex_case = cases.get("out_of_scope_demand") == "dispute" or cases.get("legal_threat") == "regulator"
    worth_a_call = urgent or (complex_case and reading.words > SHORT_WORDS // 2)
    if reading.words <= SHORT_WORDS and not worth_a_call:
        return False                 # a short message gets a short reply, but a claimed defect is worth a call
    return urgent or reading.words >= LONG_WORDS or reading.contacts >= 3 or complex_case


def _today(reading: Reading) -> bool:
    return reading.deadline is not None and reading.deadline.value in ("today", "tonight")


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


_TITLES = {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame", "rev", "fr"}


def first_name(display_name: str) -> str:
    """"Jane" from "Jane Doe", "Doe, Jane" or "JANE DOE"; "Dr Patel" from "Dr Anika Patel" (a title
    asks for the surname); "" when it isn't a person's name."""
    name = display_name.strip().strip('"')
    if not name or "@" in name or any(ch.isdigit() for ch in name):
        return ""
    if "," in name:
        name = name.split(",", 1)[1].strip()
    words = name.split()
    if len(words) >= 2 and words[0].lower().rstrip(".") in _TITLES:
        title, last = _cased(words[0].rstrip(".")), _cased(words[-1])
        return f"{title} {last}" if last.replace("-", "").replace("'", "").isalpha() else ""
    first = words[0] if words else ""
    if first.lower().rstrip(".") in _TITLES or not first.replace("-", "").replace("'", "").isalpha():
        return ""
    return _cased(first)


def _cased(word: str) -> str:
    return word.title() if word.isupper() or word.islower() else word
