"""Each case of a signal gets its own reply (data-driven): a chargeback is not a lawsuit, swearing
at a situation is not abuse of staff, churn is not a deadline, a quality dispute is not extra
work, a posted review is not a threatened one. Readings are built by hand here, so these test the
templates and the context; tests/test_reading.py tests reading real text."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from replydraft.config import Policy
from replydraft.detection.detector import SCOPE_RULE, Detection, Evidence, Signal
from replydraft.detection.scope import Scope
from replydraft.message.extract import parse
from replydraft.reply.context import ReplyInputs, reply_context, signal_cases
from replydraft.reply.ledger import Invoice, OverdueInvoice
from replydraft.reply.reading import Finding, Reading
from replydraft.reply.render import Renderer, times

NOW = datetime(2026, 12, 1, 10, tzinfo=UTC)
POLICY = Policy(company="Acme Design Co", sender_name="Dana Reyes", signature="Dana Reyes", phone="555 0100",
                response_time="two working days", scope=Scope(("logo design",), ("copywriting",)))
LEDGER = (OverdueInvoice(Invoice("jo@x.example", "INV-7", Decimal("480"), "USD", date(2026, 10, 1)), 61),)


def found(kind: str, value: str = "") -> Finding:
    return Finding(kind, value, Evidence(value or kind, 0, len(value or kind), "test"))


def reply(names: tuple[str, ...], reading: Reading, *, overdue: tuple[OverdueInvoice, ...] = (),
          scope: bool = False, policy: Policy = POLICY) -> str:
    msg = parse(b"From: Jo Park <jo@x.example>\r\nSubject: Help\r\n\r\nbody\r\n")
    rule = SCOPE_RULE if scope else "test"
    detection = Detection(tuple(Signal(n, 0.9, (Evidence("x", 0, 1, rule),)) for n in names))  # type: ignore[arg-type]
    ctx = reply_context(ReplyInputs(msg, detection, policy, "RD-1", NOW, overdue, reading=reading))
    return Renderer.create().render_reply(ctx)


CHARGE = Reading(legal=(found("chargeback"),), asks=(found("refund"),), words=28,
                 facts=(found("order", "55120"), found("amount", "$89")))
# (id, signals, reading, extra, what the reply must say, what it must never say)
CASES = [
    ("chargeback", ("legal_threat",), CHARGE, {},
     ["dispute with your bank or card company is your right", "$89 charge on order 55120", "within two working days"],
     ["not able to discuss", "by email", "won't comment", "call me on"]),
    ("a PayPal claim", ("legal_threat",), Reading(legal=(found("chargeback", "open a claim with paypal"),)), {},
     ["A PayPal claim is your right"], ["bank or card company"]),
    ("chargeback and a lawyer", ("legal_threat",), Reading(legal=(found("chargeback"), found("litigation"))), {},
     ["dispute with your bank", "If a lawyer writes to us for you"], ["won't comment"]),
    ("a regulator and a review", ("legal_threat", "review_threat"),
     Reading(legal=(found("regulator"),), review=found("pending")), {},
     ["free to make that complaint"], ["free to share"]),
    ("withholding, nothing named", ("overdue_payment",), Reading(), {},
     ["what is due"], ["invoice you mention", "records show"]),
    ("a payment held on a condition", ("overdue_payment",),
     Reading(facts=(found("invoice", "INV-9"),), held_until="the banners are delivered"), {},
     ["holding invoice INV-9 until the banners are delivered"], ["records show"]),
    ("regulator", ("legal_threat",), Reading(legal=(found("regulator"),)), {},
     ["free to make that complaint", "put this right"], ["won't comment", "passing it to"]),
    ("data erasure", ("legal_threat",), Reading(legal=(found("data_protection"),), asks=(found("delete_data"),)), {},
     ["request to delete your personal data", "December 1, 2026", "within one month"],
     ["won't comment", "continues unchanged", "call me on"]),
    ("litigation", ("legal_threat", "review_threat"), Reading(legal=(found("litigation"),), words=200), {},
     ["refers to legal action", "won't comment on the substance"], ["free to share", "call me on"]),
    ("abuse at staff", ("abusive_language",), Reading(anger=found("staff"), issue="x", words=200), {},
     ["rather than to people", "You wrote that x."], ["call me on", "respectful", "frustration", "Thank you"]),
    ("swearing at a situation", ("abusive_language", "ultimatum"),
     Reading(anger=found("situation"), issue="the export failed again", deadline=found("deadline", "Friday")), {},
     ["You wrote that the export failed again.", "understand the frustration", "you need this by Friday"],
     ["rather than to people", "respectful", "language", "continue as soon as"]),
    ("leaving", ("ultimatum",), Reading(leaving=found("leaving"), asks=(found("cancel"),)), {},
     ["arrange the cancellation"], ["realistic date", "deadline", "continues unchanged", "call me on"]),
    ("moving to a competitor", ("ultimatum",),
     Reading(leaving=Finding("leaving", "switching", Evidence("switching", 0, 9, "leaving.competitor"))), {},
     ["want to move", "handover", "put right what went wrong"], ["realistic date", "meet it"]),
    ("never again", ("ultimatum",), Reading(leaving=found("leaving")), {},
     ["sorry we have let you down", "within two working days"], ["handover", "realistic date"]),
    ("deadline", ("ultimatum",), Reading(deadline=found("deadline", "within 48 hours")), {},
     ["you need this within 48 hours", "within two working days at the latest"], ["cancellation"]),
    ("quality dispute", ("out_of_scope_demand",), Reading(asks=(found("compensation"),)), {},
     ["what went wrong", "compensation you ask for", "photos or screenshots"], ["quote", "outside", "not included"]),
    ("a price disputed", ("out_of_scope_demand",),
     Reading(asks=(found("compensation"),), facts=(found("invoice", "INV-88"),)), {},
     ["which items you disagree with"], ["photos", "quote"]),
    ("extra work, unchecked", ("out_of_scope_demand",), Reading(asks=(found("free_work"),)), {},
     ["check what you ask for against our agreement", "quote before any work"], ["is not part of it"]),
    ("a discount or coupon demand", ("out_of_scope_demand",), Reading(), {},
     ["check what you ask for against our agreement", "what we can offer instead"], ["quote"]),
    ("extra work, excluded in the scope", ("out_of_scope_demand",), Reading(), {"scope": True},
     ["not part of it", "quote for it"], ["I will check"]),
    ("withholding a named invoice", ("overdue_payment",), Reading(facts=(found("invoice", "INV-1042"),)), {},
     ["invoice INV-1042"], ["records show", "past due", "overdue"]),
    ("ledger match", ("overdue_payment",), Reading(), {"overdue": LEDGER},
     ["INV-7", "$480.00", "61 days overdue"], ["call me on"]),
    ("an overdue account needed back today", ("overdue_payment",), Reading(deadline=found("deadline", "today")),
     {"overdue": LEDGER}, ["INV-7", "call me on"], []),
    ("review pending", ("review_threat",), Reading(review=found("pending")), {},
     ["free to share your experience", "order number and what went wrong"], ["sorry it came to a review"]),
    ("churn beside a chargeback: one timeline", ("legal_threat", "ultimatum"),
     Reading(legal=(found("chargeback"),), leaving=found("leaving")), {},
     ["is your right", "would still welcome the chance"], ["looking into what went wrong"]),
    ("a chargeback and a cancellation asked for", ("legal_threat",),
     Reading(legal=(found("chargeback"),), asks=(found("cancel"),), cancelling="your Pro plan"), {},
     ["arrange the cancellation of your Pro plan and confirm it to you in writing"], []),
    ("churn with a refund asked for", ("ultimatum",), Reading(leaving=found("leaving"), asks=(found("refund"),)), {},
     ["looking into what went wrong", "also looking into the refund you ask for"], []),
    ("a chargeback already won", ("legal_threat",),
     Reading(legal=(found("chargeback"),), asks=(found("refund"),), money_back=True), {},
     ["your bank has already returned the money", "checking the charge"], ["will be refunded", "is your right"]),
    ("swearing at the situation, asking for a refund", ("abusive_language",),
     Reading(anger=found("situation"), asks=(found("refund"),)), {},
     ["looking into the refund you ask for"], ["keep to the issue"]),
    ("abuse at staff in a long message, which told what went wrong", ("abusive_language",),
     Reading(anger=found("staff"), words=80), {},
     ["order or ticket number, so that I can find it"], ["what still isn't right"]),
    ("review pending in a long message, which told what went wrong", ("review_threat",),
     Reading(review=found("pending"), words=80), {},
     ["order number, or the email address you ordered with"], ["what went wrong"]),
    ("review done", ("review_threat",), Reading(review=found("done"), facts=(found("order", "8812"),)), {},
     ["sorry it came to a review", "order 8812"], ["before you", "free to share"]),
    ("repeat contact", ("review_threat",), Reading(contacts=4, issue="nobody answered your emails"), {},
     ["contact us four times", "You wrote that nobody answered your emails."], []),
    ("a deadline within hours", ("ultimatum",),
     Reading(deadline=Finding("deadline", "48 hours", Evidence("within 48 hours", 0, 15, "deadline.within"))), {},
     ["you need this within 48 hours"], ["by 48 hours"]),
    ("a lone amount is not what the message is about", ("review_threat",),
     Reading(review=found("pending"), facts=(found("amount", "300 USD"),)), {}, ["free to share"], ["300 USD"]),
    ("an amount is not named alone when the complaint names the rest", ("review_threat",),
     Reading(review=found("pending"), issue="you ordered a sofa (order 88213)",
             facts=(found("order", "88213"), found("amount", "1,450 pounds"))), {}, ["ordered a sofa"], ["1,450"]),
    ("a long message may get a call", ("review_threat",), Reading(words=180), {}, ["call me on 555 0100"], []),
    ("abuse at staff, a reference given", ("abusive_language",),
     Reading(anger=found("staff"), issue="x",
             facts=(Finding("ticket", "HX-20", Evidence("Booking HX-20", 0, 13, "t")),)),
     {}, ["I have noted booking HX-20. You wrote that x."], []),
    ("a deadline in a threat's condition", ("ultimatum",),
     Reading(deadline=found("deadline", "Monday"), need="our team back on site on Monday"), {},
     ["I know you need our team back on site on Monday."], ["by Monday"]),
    ("a need beside a review threat", ("review_threat",),
     Reading(review=found("pending"), need="a delivery date today"), {},
     ["I understand you need a delivery date today."], []),
]


@pytest.mark.parametrize(("names", "reading", "extra", "must", "never"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_case_gets_its_own_reply(names: tuple[str, ...], reading: Reading, extra: dict[str, object],
                                      must: list[str], never: list[str]) -> None:
    text = reply(names, reading, **extra)  # type: ignore[arg-type]
    for phrase in must:
        assert phrase in text, f"{phrase!r} missing:\n{text}"
    for phrase in never:
        assert phrase not in text, f"{phrase!r} present:\n{text}"


def test_short_messages_get_short_replies() -> None:
    for names, reading in [(c[1], c[2]) for c in CASES if c[2].words <= 40 and not c[3]]:
        body = reply(names, reading).split("\n\nKind regards")[0]
        assert len(body.split()) <= 75, body


def test_cases_follow_the_reading() -> None:
    both = Detection((Signal("legal_threat", 0.9, ()), Signal("ultimatum", 0.9, ())))
    assert signal_cases(both, Reading()) == {"legal_threat": "litigation", "ultimatum": "deadline"}
    reading = Reading(legal=(found("chargeback"), found("litigation")), leaving=found("leaving"))
    assert signal_cases(both, reading) == {"legal_threat": "chargeback", "ultimatum": "leaving"}
    paypal = Detection((Signal("legal_threat", 0.9, (Evidence("do the refund thing on PayPal", 0, 29, "legal.x"),)),))
    assert signal_cases(paypal, Reading()) == {"legal_threat": "chargeback"}
    report = Evidence("report this to the authorities", 0, 30, "legal.x")
    authority = Detection((Signal("legal_threat", 0.9, (report,)),))
    assert signal_cases(authority, Reading()) == {"legal_threat": "regulator"}
    under_law = Evidence("complaint under CASL", 0, 20, "legal.complaint_under_law")
    casl = Detection((Signal("legal_threat", 0.8, (under_law,)),))
    assert signal_cases(casl, Reading()) == {"legal_threat": "regulator"}
    never_again = Detection((Signal("ultimatum", 0.9, (Evidence("never flying with you again", 0, 27, "r"),)),))
    assert signal_cases(never_again, Reading()) == {"ultimatum": "leaving"}
    trying = Detection((Signal("ultimatum", 0.9, (Evidence("I'll try #Delta", 0, 15, "ult.try_named"),)),))
    assert signal_cases(trying, Reading()) == {"ultimatum": "leaving"}
    elsewhere = Detection((Signal("ultimatum", 0.7, (Evidence("I'm just going to buy from someone", 0, 34,
                                                               "ult.buy_elsewhere"),)),))
    assert signal_cases(elsewhere, Reading()) == {"ultimatum": "leaving"}
    now = Detection((Signal("ultimatum", 0.9, (Evidence("fix it NOW", 0, 10, "r"),)),))
    assert signal_cases(now, Reading()) == {"ultimatum": "deadline"}
    churn_with_deadline = Reading(leaving=found("leaving"), deadline=found("deadline", "Friday"))
    assert signal_cases(both, churn_with_deadline)["ultimatum"] == "deadline"
    scope = Detection((Signal("out_of_scope_demand", 0.9, (Evidence("x", 0, 1, SCOPE_RULE),)),))
    assert signal_cases(scope, Reading(asks=(found("refund"),))) == {"out_of_scope_demand": "extra_work"}
    assert times(2) == "twice" and times(4) == "four times" and times(12) == "12 times"


def test_the_pipeline_records_the_case_and_its_template() -> None:
    from replydraft.detection.detector import Detector
    from replydraft.pipeline import Context, triage

    ctx = Context("acct", "support@acme.test", POLICY, Detector(), Renderer.create(), NOW)
    raw = (b"From: Dan <dan@x.example>\r\nSubject: Order 55120\r\nMessage-ID: <c1@x.example>\r\n\r\n"
           b"You billed me twice for order 55120, $89 each. Refund it or I dispute the charge with my card "
           b"company.\r\n")
    outcome = triage(raw, ctx)
    assert dict(outcome.cases) == {"legal_threat": "chargeback"}
    assert outcome.templates == ("signals/legal_threat/chargeback.txt.j2",)
    assert outcome.draft is not None and "$89 charge on order 55120" in outcome.draft.body


def test_every_churn_rule_named_for_the_cases_is_a_built_in_rule() -> None:
    import re

    from replydraft.detection.rules import RULE_IDS
    from replydraft.reply.context import _CHURN_RULES

    names = _CHURN_RULES.pattern.removeprefix(r"ult\.(?:").removesuffix(")").split("|")
    assert [n for n in names if not any(re.match(r"ult\." + n, rule) for rule in RULE_IDS)] == []
