"""One message end to end, without I/O, in two steps with the store between them.

``classify`` (bytes + ``Inputs`` -> ``Classified``: the email read, detected once, the ledger's
evidence in its detection, who a draft would go to) and ``draft`` (``Classified`` + the
sender's ``History`` + the voice -> ``Outcome`` with the rendered draft). The daemon asks the
store whether a message was handled between the two, so handled mail is never rendered;
``classify``, ``preview`` and ``demo`` go through the same functions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from replydraft.config import Policy
from replydraft.detection.detector import Detection, Detector, Evidence, Signal
from replydraft.message.extract import InboundEmail, parse
from replydraft.reply.context import ReplyInputs, excerpt, reply_context
from replydraft.reply.draft import Draft, build_draft, draft_message_id, recipient
from replydraft.reply.formatting import Formatter
from replydraft.reply.ledger import Invoice, OverdueInvoice, overdue_for
from replydraft.reply.reading import Reading, read
from replydraft.reply.render import Renderer, case_template
from replydraft.reply.safety import SafetyMatter, safety_matter
from replydraft.reply.voice import Choice, History, choose

__all__ = [
    "Classified",
    "Context",
    "Inputs",
    "Outcome",
    "classify",
    "classify_many",
    "draft",
    "failed_outcome",
    "fingerprint",
    "incident_id",
    "reading_of",
    "source_key",
    "triage",
]
_T = TypeVar("_T")
NO_HISTORY = History()     # preview, tests, and mail whose history is not read


@dataclass(frozen=True)
class Inputs:
    """What reading a message needs besides its bytes, all as data."""
    detector: Detector = field(default_factory=Detector)
    own_domain: str = ""                 # mail from it is not examined
    reply_to: str = "from-domain"        # [policy] reply_to: who a draft would be addressed to
    invoices: tuple[Invoice, ...] = ()   # open invoices from the ledger
    grace_days: int = 0
    today: date | None = None            # overdue as of this day; None: the ledger is not consulted
    formatter: Formatter = field(default_factory=Formatter)   # amounts in the ledger's evidence

    @classmethod
    def of(cls, policy: Policy, detector: Detector, from_address: str, invoices: tuple[Invoice, ...],
           grace_days: int, today: date) -> Inputs:
        """The inputs of an account (its From address: our own domain) under a config's policy."""
        return cls(detector, _domain(from_address), policy.reply_to, invoices, grace_days, today,
                   Formatter(policy.locale, policy.currency))


@dataclass(frozen=True)
class Context:
    account: str
    from_address: str
    policy: Policy
    detector: Detector
    renderer: Renderer
    now: datetime
    invoices: tuple[Invoice, ...] = ()   # open invoices from the ledger
    grace_days: int = 0
    signal_templates: Mapping[str, str] = field(default_factory=dict)   # [templates.signals]
    store_excerpts: bool = False         # keep the start of the customer's text in the incident log

    @property
    def domain(self) -> str:
        return _domain(self.from_address)

    @property
    def inputs(self) -> Inputs:
        return Inputs.of(self.policy, self.detector, self.from_address, self.invoices, self.grace_days,
                         self.now.date())


def _domain(address: str) -> str:
    return address.rpartition("@")[2].strip(" >").lower()


@dataclass(frozen=True)
class Outcome:
    email: InboundEmail
    detection: Detection
    source_key: str          # stable identity of the source message across folders and UIDVALIDITY
    incident_id: str         # deterministic, so a retry finds the same draft
    draft: Draft | None      # None when nothing escalated
    choice: Choice = field(default_factory=Choice)   # the tone and templates the draft was written with
    templates: tuple[str, ...] = ()        # the signal blocks the draft was rendered from
    unexamined: tuple[Signal, ...] = ()    # what skipped mail would have raised (logged, never drafted)
    excerpt: str = ""                      # the start of the new text, only with [state] store_excerpts
    fingerprint: str = ""                  # who sent it, when, about what: tells a reused Message-ID apart
    notes: tuple[str, ...] = ()            # for the reviewer: at the top of the draft, and in the incident
    needs_person: str = ""                 # why an escalation got no draft and a person must answer it
    cases: Mapping[str, str] = field(default_factory=dict)   # signal -> the case its block answered


def fingerprint(email: InboundEmail) -> str:
    """sha256 of the headers the author wrote (From, Date, Subject), not those added on the
    way, so copies of one message in two folders agree and a reused Message-ID doesn't."""
    when = email.date.isoformat() if email.date else ""
    return hashlib.sha256(f"{email.from_addr}\0{when}\0{email.subject}".encode()).hexdigest()


def source_key(raw: bytes, parsed: InboundEmail, distinct: bool = False) -> str:
    """sha256 of the Message-ID; without one, of the whole header block (never From|Subject|Date).
    ``distinct``: the Message-ID was already used by another message (another ``fingerprint``),
    so this one's key is of both."""
    if parsed.message_id:
        basis = parsed.message_id.strip().lower().encode()
        if distinct:
            basis += b"\0" + fingerprint(parsed).encode()
    else:
        basis = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    return hashlib.sha256(basis).hexdigest()


def incident_id(account: str, key: str) -> str:
    """Deterministic per account and message, so a retry finds the same incident and draft."""
    return "RD-" + hashlib.sha256(f"{account}\0{key}".encode()).hexdigest()[:10]


# -- step 1: classify ------------------------------------------------------------------------


@dataclass(frozen=True)
class Classified:
    """A message read and examined: everything that needs nothing but its bytes and ``Inputs``."""
    email: InboundEmail
    detection: Detection                 # with the ledger's evidence; skipped mail's in ``unexamined``
    to: str = ""                         # who a draft would be addressed to; "" nobody (From unreadable)
    overdue: tuple[OverdueInvoice, ...] = ()   # the ledger's facts a draft may tell
    notes: tuple[str, ...] = ()          # for the reviewer: DMARC failed, Reply-To elsewhere
    safety: SafetyMatter | None = None   # violence, self-harm, health or safety: no template answers it

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.email)

    @property
    def needs_person(self) -> str:
        """Why a message a person wrote can get no draft and must be answered by a person, or "":
        a safety matter (whether or not a signal escalated), or an escalation with no address."""
        if self.safety is not None:
            return self.safety.reason
        if self.detection.escalated and not self.to:
            return f"no address to reply to: the From header can't be read ({self.email.from_name or 'no name'})"
        return ""

    @property
    def gets_draft(self) -> bool:
        """Whether ``draft`` renders a reply for it."""
        return self.detection.escalated and bool(self.to) and self.safety is None

    @property
    def wants_history(self) -> bool:
        """Whether ``draft`` reads the sender's history: a message that failed DMARC may not be
        the customer's, so their history is not its business."""
        return self.gets_draft and not self.email.dmarc_failed


def classify(raw: bytes, inputs: Inputs) -> Classified:
    """One message read and examined, as ``classify_many`` reads a batch (its errors raised)."""
    result = classify_many([raw], inputs)[0]
    if isinstance(result, Exception):
        raise result
    return result


def classify_many(raws: Sequence[bytes], inputs: Inputs) -> list[Classified | Exception]:
    """``classify`` for a batch, one step over the whole batch before the next: parsing
    100 messages, then scanning them all, then running the rules is ~20% faster than one
    message after the other, because each step's code and tables (Hyperscan's are
    megabytes) stay in the CPU's cache. A message that fails gets its exception in its
    place; the others are not affected."""
    parsed = [_attempt(parse, raw) for raw in raws]
    todo = {i: e for i, e in enumerate(parsed) if isinstance(e, InboundEmail) and not _ours(e, inputs.own_domain)}
    detections = dict(zip(todo, _detect(list(todo.values()), inputs.detector), strict=True))
    ours = Detection((), (), skipped=f"sent from our own domain {inputs.own_domain}")
    out: list[Classified | Exception] = []
    for i, email in enumerate(parsed):
        detection = detections.get(i, ours)
        if isinstance(email, Exception):
            out.append(email)
        elif isinstance(detection, Exception):
            out.append(detection)
        else:
            out.append(_attempt(_complete, email, detection, inputs))
    return out


def _detect(emails: list[InboundEmail], detector: Detector) -> list[Detection | Exception]:
    """The one call into detection: the batch at once, or, if that fails (a bug on one
    message), one by one to find it."""
    try:
        return list(detector.detect_many(emails))
    except Exception:
        return [_attempt(detector.detect, email) for email in emails]


def _ours(email: InboundEmail, own_domain: str) -> bool:
    """Mail sent from our own domain: not examined."""
    return bool(own_domain) and email.from_addr.endswith("@" + own_domain)


def _complete(email: InboundEmail, detection: Detection, inputs: Inputs) -> Classified:
    """The reply's recipient, the notes for the reviewer, the ledger's evidence in the detection,
    and whether the message is a safety matter."""
    to, reply_to_note = recipient(email, inputs.reply_to)
    overdue = _ledger_facts(email.from_addr, to, inputs) if detection.skipped is None else []
    if overdue and "overdue_payment" not in inputs.detector.disabled:
        detection = with_ledger_evidence(detection, overdue, inputs.formatter)
    notes = tuple(n for n in (_dmarc_note(email), reply_to_note) if n)
    safety = safety_matter(email.new_text) if detection.skipped is None else None   # automated mail: no person wrote it
    return Classified(email, detection, to, tuple(overdue), notes, safety)


def _attempt(step: Callable[..., _T], *args: Any) -> _T | Exception:
    try:
        return step(*args)
    except Exception as exc:     # the caller decides: a config error stops the pass, a bug skips one message
        return exc


def _ledger_facts(sender: str, to: str, inputs: Inputs) -> list[OverdueInvoice]:
    """The sender's overdue invoices (the ledger is matched on From), only those that are also
    the recipient's: a draft to another address must not tell it the customer's debts."""
    if not sender or not to or inputs.today is None or not inputs.invoices:
        return []
    overdue = overdue_for(sender, inputs.invoices, inputs.today, inputs.grace_days)
    if to == sender or not overdue:
        return overdue
    theirs = {o.invoice for o in overdue_for(to, inputs.invoices, inputs.today, inputs.grace_days)}
    return [o for o in overdue if o.invoice in theirs]


def _dmarc_note(email: InboundEmail) -> str:
    if not email.dmarc_failed:
        return ""
    domain = email.from_addr.rpartition("@")[2]
    return (f"Warning: the receiving server found that DMARC failed for {domain}: this message may not be "
            f"from {email.from_addr}. It does not replace an earlier draft or count in the sender's history.")


def with_ledger_evidence(detection: Detection, overdue: list[OverdueInvoice],
                         fmt: Formatter | None = None) -> Detection:
    """The sender owes money past due: ``overdue_payment`` at full score, the invoices as evidence."""
    fmt = fmt or Formatter()
    evidence = tuple(
        Evidence(f"invoice {o.invoice.number}: {fmt.money(o.invoice.amount, o.invoice.currency)}, "
                 f"{o.days_overdue} days overdue", 0, 0, "ledger")
        for o in overdue)
    from_text = [s for s in (*detection.signals, *detection.near_misses) if s.name == "overdue_payment"]
    merged = Signal("overdue_payment", 1.0, evidence + (from_text[0].evidence if from_text else ()))
    signals = (*(s for s in detection.signals if s.name != "overdue_payment"), merged)
    near = tuple(s for s in detection.near_misses if s.name != "overdue_payment")
    return Detection(signals, near, detection.skipped, detection.unexamined)


# -- step 2: draft ---------------------------------------------------------------------------


def draft(classified: Classified, key: str, ctx: Context, history: History = NO_HISTORY) -> Outcome:
    """The outcome for a classified message under ``key`` (``source_key``): for an escalation
    with someone to write to, the rendered draft, in the voice ``history`` (the sender's
    other incidents, read by the shell) calls for."""
    email, detection = classified.email, classified.detection
    incident = incident_id(ctx.account, key)
    reply, choice, cases = None, Choice(), {}
    if classified.gets_draft:
        history = NO_HISTORY if email.dmarc_failed else history
        p = ctx.policy
        choice = choose(email.from_addr, detection.names, history, ctx.now, rules=p.rules, tiers=p.tiers,
                        signal_templates=ctx.signal_templates, repeat=p.repeat_offender)
        context = reply_context(ReplyInputs(email, detection, p, incident, ctx.now, classified.overdue,
                                            history, choice, classified.to, reading_of(classified)))
        cases = {s["name"]: s["case"] for s in context["signals"]}     # the cases the blocks answer
        draft_key = hashlib.sha256(f"{ctx.account}\0{key}".encode()).hexdigest()[:24]
        reply = build_draft(
            email, ctx.renderer.render_reply(context, choice.tone),
            html=ctx.renderer.render_html(context, choice.tone),
            from_address=ctx.from_address,
            message_id=draft_message_id(draft_key, ctx.domain),
            incident_id=incident,
            signals=detection.names,
            now=ctx.now,
            to=classified.to,
            notes=classified.notes,
        )
    # The block each signal was answered with: the configured one, else its case's file (the incident says which).
    templates = tuple(choice.templates.get(n) or case_template(n, cases[n]) for n in detection.names) if reply else ()
    return Outcome(email, detection, key, incident, reply, choice, templates, detection.unexamined,
                   excerpt(email.new_text) if ctx.store_excerpts else "", classified.fingerprint,
                   classified.notes, classified.needs_person, cases)


def reading_of(classified: Classified) -> Reading:
    """The reading of a message's new text, with detection's abusive phrases to judge whom
    the anger is aimed at. Only for mail that gets a draft: it costs a few hundred µs."""
    abuse = next((s.evidence for s in classified.detection.signals if s.name == "abusive_language"), ())
    return read(classified.email.new_text, abuse)


def triage(raw: bytes, ctx: Context, classified: Classified | None = None, *, distinct: bool = False,
           history: History = NO_HISTORY) -> Outcome:
    """Both steps for one message with no store between them (``preview``, tests).
    ``distinct``: its Message-ID was already used by another message (see ``source_key``)."""
    if classified is None:
        classified = classify(raw, ctx.inputs)
    return draft(classified, source_key(raw, classified.email, distinct), ctx, history)


def failed_outcome(raw: bytes, ctx: Context) -> Outcome:
    """What can be said about a message that ``triage`` failed on, for an ``error`` incident."""
    try:
        email = parse(raw)
    except Exception:              # parse is best effort and shouldn't raise; if it does, log anyway
        email = InboundEmail("", "", "", "", "", None, "", (), "", "")
    key = source_key(raw, email)
    return Outcome(email, Detection(()), key, incident_id(ctx.account, key), None)
